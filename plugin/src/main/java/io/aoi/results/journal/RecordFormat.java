package io.aoi.results.journal;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * One journal record on disk: {@code <crc32 of the JSON as 8 lowercase hex digits> <space> <JSON> <LF>}. The JSON is
 * compact (it never contains a raw line feed), so records are lines; a line whose CRC does not match or that lacks
 * its line feed is a torn or corrupt record.
 */
final class RecordFormat {
    static final int CRC_CHARS = 8;
    /** CRC, space and line feed around the JSON. */
    static final int OVERHEAD_BYTES = CRC_CHARS + 2;

    private RecordFormat() {
    }

    static byte[] frame(byte[] json) {
        byte[] out = new byte[json.length + OVERHEAD_BYTES];
        byte[] crc = String.format("%08x", crc(json, 0, json.length)).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(crc, 0, out, 0, CRC_CHARS);
        out[CRC_CHARS] = ' ';
        System.arraycopy(json, 0, out, CRC_CHARS + 1, json.length);
        out[out.length - 1] = '\n';
        return out;
    }

    /**
     * Checks the line {@code buf[start, endExclusive)} (without its line feed).
     *
     * @return true when the line holds a CRC that matches its JSON
     */
    static boolean valid(byte[] buf, int start, int endExclusive) {
        if (endExclusive - start < OVERHEAD_BYTES || buf[start + CRC_CHARS] != ' ') {
            return false;
        }
        long expected;
        try {
            expected = Long.parseLong(new String(buf, start, CRC_CHARS, StandardCharsets.US_ASCII), 16);
        } catch (NumberFormatException e) {
            return false;
        }
        int jsonStart = start + CRC_CHARS + 1;
        return crc(buf, jsonStart, endExclusive - jsonStart) == expected;
    }

    private static long crc(byte[] buf, int offset, int length) {
        CRC32 c = new CRC32();
        c.update(buf, offset, length);
        return c.getValue();
    }
}
