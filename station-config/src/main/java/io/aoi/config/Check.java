package io.aoi.config;

import java.math.BigDecimal;
import java.util.Objects;

/** Validation helpers for the settings records; each throws {@link InvalidSettingException} naming the field. */
public final class Check {
    private Check() {
    }

    public static int intRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidSettingException(field, value, "an integer from " + min + " to " + max);
        }
        return value;
    }

    public static double range(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new InvalidSettingException(field, value, "a number from " + number(min) + " to " + number(max));
        }
        return value;
    }

    public static double positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InvalidSettingException(field, value, "a finite number greater than 0");
        }
        return value;
    }

    /** A number as people write it: no trailing ".0", no exponent ({@code 1e-6} reads 0.000001). */
    public static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidSettingException(field, "(missing)", "a value must be given");
        }
        return value;
    }

    public static String nonBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidSettingException(field, Objects.toString(value, "(missing)"), "a non-empty text");
        }
        return value;
    }
}
