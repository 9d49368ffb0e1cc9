package io.aoi.config;

/**
 * A station file that cannot be used: unreadable, not valid YAML, or holding a value its settings do not allow.
 *
 * <p>The message reads {@code <file>:<line>: <field>: <problem>}, for example
 * {@code demo-line.yaml:14: deblur.iterations: 5 is not allowed; allowed: an integer from 0 to 3}.
 * The line part is left out when the line is unknown and the field part when the problem concerns the whole file.
 */
public class StationConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String field;
    private final String problem;

    /**
     * @param file    the station file as named to the loader
     * @param line    1-based line of the offending value, 0 when unknown
     * @param field   dotted path of the offending field (for example {@code detector.bumps.rectangles[2].width}),
     *                empty when the problem concerns the whole file
     * @param problem what is wrong and what is allowed
     * @param cause   the underlying failure, or null
     */
    public StationConfigException(String file, int line, String field, String problem, Throwable cause) {
        super(format(file, line, field, problem), cause);
        this.file = file;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    public StationConfigException(String file, int line, String field, String problem) {
        this(file, line, field, problem, null);
    }

    private static String format(String file, int line, String field, String problem) {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (!field.isEmpty()) {
            text.append(field).append(": ");
        }
        return text.append(problem).toString();
    }

    /** The station file as named to the loader (a path for files, a source name for parsed text). */
    public String file() {
        return file;
    }

    /** 1-based line of the offending value; 0 when unknown. */
    public int line() {
        return line;
    }

    /** Dotted path of the offending field, for example {@code deblur.iterations}; empty for the whole file. */
    public String field() {
        return field;
    }

    /** The message without file, line and field: what is wrong and what is allowed. */
    public String problem() {
        return problem;
    }
}
