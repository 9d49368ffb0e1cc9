package io.aoi.plugin.cli;

import io.aoi.config.Check;
import io.aoi.config.DeblurSettings;
import io.aoi.config.InvalidSettingException;
import java.util.Map;

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

    /**
     * A {@code --passes} value as a pass count: a whole number from 1 to {@link DeblurSettings#MAX_ITERATIONS}, the
     * one check behind {@code evaluate} and {@code bench}.
     */
    static int passCount(double value) throws UsageException {
        if (value != Math.rint(value) || value < 1 || value > DeblurSettings.MAX_ITERATIONS) {
            String shown = value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
            throw new UsageException("--passes " + shown + " is not allowed; allowed: whole numbers from 1 to "
                    + DeblurSettings.MAX_ITERATIONS);
        }
        return (int) value;
    }

    /**
     * A settings record's refusal in the words of the command line: the option that set the field
     * ({@code optionsByField}: record field to option, e.g. {@code particlesPerBump} to
     * {@code --particles-per-bump}), the value and what is allowed, as {@link #inRange} writes it; a field no option
     * sets keeps the record's message.
     */
    static UsageException naming(IllegalArgumentException refused, Map<String, String> optionsByField) {
        if (refused instanceof InvalidSettingException invalid && optionsByField.containsKey(invalid.field())) {
            String shown = invalid.value() instanceof Number n ? Check.number(n.doubleValue())
                    : String.valueOf(invalid.value());
            return new UsageException(optionsByField.get(invalid.field()) + " " + shown + " is out of range; "
                    + "allowed: " + invalid.allowed());
        }
        return new UsageException(refused.getMessage());
    }

    /** {@code value} when it lies in {@code min..max}, else a usage error naming the option and the range. */
    static int inRange(String option, int value, int min, int max) throws UsageException {
        if (value < min || value > max) {
            throw new UsageException(option + " " + value + " is out of range; allowed: " + min + " to " + max);
        }
        return value;
    }
}
