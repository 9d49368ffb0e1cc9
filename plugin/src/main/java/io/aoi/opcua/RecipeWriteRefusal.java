package io.aoi.opcua;

import java.util.Objects;

/**
 * A refused write to a recipe variable, as {@code RecipeManagement/LastChangeError} shows it (OPC UA write results
 * carry only a status code): who wrote, which variable, the value and data type given, the status and why, with what
 * is allowed. Example: {@code anonymous: DeblurIterations = 2.5 (Double) refused with Bad_TypeMismatch: takes an
 * Int32, 0..3}.
 *
 * @param user     who wrote
 * @param variable the variable's browse name
 * @param value    the value given, as {@link #describe} writes it
 * @param status   the status code's name
 * @param reason   why, with what is allowed
 */
record RecipeWriteRefusal(String user, String variable, String value, String status, String reason) {
    RecipeWriteRefusal {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * A written value with its data type: {@code 'MOTION'} for a String, {@code 2.5 (Double)} otherwise,
     * {@code null (no value)}.
     *
     * @param typeName the value's OPC UA data type name
     */
    static String describe(Object value, String typeName) {
        if (value == null) {
            return "null (no value)";
        }
        return value instanceof String s ? "'" + s + "'" : value + " (" + typeName + ")";
    }

    /** The LastChangeError text. */
    String text() {
        return user + ": " + variable + " = " + value + " refused with " + status + ": " + reason;
    }
}
