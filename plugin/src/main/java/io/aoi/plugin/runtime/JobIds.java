package io.aoi.plugin.runtime;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Job ids: one per station start, from the start time in UTC to the millisecond, so unique across restarts. */
final class JobIds {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("'J'yyyyMMdd'T'HHmmssSSS").withZone(ZoneOffset.UTC);

    private JobIds() {
    }

    static String at(Instant start) {
        return FORMAT.format(start);
    }
}
