package io.aoi.plugin.cli;

/**
 * The command line was wrong in a way only the command can tell after parsing (a value out of range, inputs that
 * would collide, a station whose model does not fit); the message says what was given and what is allowed. Like
 * picocli's parse errors it exits with code 2 and the command's usage on stderr ({@link Main}).
 */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    /** {@code value} when it lies in {@code min..max}, else a usage error naming the option and the range. */
    static int inRange(String option, int value, int min, int max) throws UsageException {
        if (value < min || value > max) {
            throw new UsageException(option + " " + value + " is out of range; allowed: " + min + " to " + max);
        }
        return value;
    }
}
