package io.aoi.results.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Instants on the wire: ISO-8601 text as {@link Instant#toString()} writes it and {@link Instant#parse} reads it. */
public final class IsoInstant {
    private IsoInstant() {
    }

    /** @return the ISO-8601 text, or null for null */
    public static String format(Instant at) {
        return at == null ? null : at.toString();
    }

    /**
     * @param field the field's name, for the message
     * @return the instant, or null for null
     * @throws IllegalArgumentException naming the field and its value when the text is not ISO-8601
     */
    public static Instant parse(String field, String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " \"" + text + "\" is not an ISO-8601 instant such as "
                    + "2026-03-01T08:00:00Z", e);
        }
    }
}
