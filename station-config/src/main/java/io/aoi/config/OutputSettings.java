package io.aoi.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where results go besides OPC UA.
 *
 * @param journalDir      the result journal; records are written here before they are announced
 * @param retentionDays   journal segments older than this are deleted, 1 to 3650
 * @param maxJournalBytes journal segments beyond this total are deleted, oldest first
 * @param overlayDir      when present, an overlay PNG per frame is written here
 */
public record OutputSettings(Path journalDir, int retentionDays, long maxJournalBytes, Optional<Path> overlayDir) {
    public OutputSettings {
        Check.present("journalDir", journalDir);
        Check.intRange("retentionDays", retentionDays, 1, 3650);
        if (maxJournalBytes < 1 << 20) {
            throw new InvalidSettingException("maxJournalBytes", maxJournalBytes, "at least 1048576 (1 MiB)");
        }
        Check.present("overlayDir", overlayDir);
    }

    /** The same outputs with the journal in another folder. */
    public OutputSettings withJournalDir(Path dir) {
        return new OutputSettings(dir, retentionDays, maxJournalBytes, overlayDir);
    }
}
