package io.aoi.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class IoReasonsTest {

    @Test
    void permissionDeniedIsSaidInWordsNotAsThePathAlone() {
        assertEquals("permission denied on /data/journal", IoReasons.of(new AccessDeniedException("/data/journal")));
    }

    @Test
    void aMissingFileAndAnotherFailureKeepTheirReason() {
        assertEquals("no such file or folder on /data/x", IoReasons.of(new NoSuchFileException("/data/x")));
        assertEquals("disk full", IoReasons.of(new IOException("disk full")));
        assertEquals("IOException", IoReasons.of(new IOException()));
    }
}
