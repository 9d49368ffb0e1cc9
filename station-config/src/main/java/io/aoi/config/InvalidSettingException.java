package io.aoi.config;

/**
 * Thrown by a settings record whose constructor was given a value outside what is allowed.
 *
 * <p>{@link #field()} is the field's name relative to the record (for example {@code iterations});
 * the YAML loader prefixes the section and adds the file and line.
 */
public final class InvalidSettingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final transient Object value;
    private final String allowed;

    public InvalidSettingException(String field, Object value, String allowed) {
        super(field + " = " + value + " is not allowed; allowed: " + allowed);
        this.field = field;
        this.value = value;
        this.allowed = allowed;
    }

    public String field() {
        return field;
    }

    public Object value() {
        return value;
    }

    public String allowed() {
        return allowed;
    }
}
