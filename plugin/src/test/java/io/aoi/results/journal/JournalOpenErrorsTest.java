package io.aoi.results.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal folder that cannot be used names the reason, not the path twice. (Tests may run as root, where
 * permission bits do not stop writes, so the folders here are made unusable by files in their way.)
 */
class JournalOpenErrorsTest {
    private static final long MAX_BYTES = 64L << 20;

    @Test
    void aFileWhereTheJournalFolderShouldBeIsNamedAsTheReason(@TempDir Path tmp) throws IOException {
        Path dir = Files.writeString(tmp.resolve("journal"), "not a folder");

        JournalException e = assertThrows(JournalException.class, () -> ResultJournal.open(dir, 30, MAX_BYTES));

        assertEquals("opening the result journal failed for " + dir + ": a file is in the way on " + dir
                + " (a folder is needed)", e.getMessage());
    }

    @Test
    void aFileWhereAParentFolderShouldBeIsNamedAsTheReason(@TempDir Path tmp) throws IOException {
        Path parent = Files.writeString(tmp.resolve("runtime"), "not a folder");
        Path dir = parent.resolve("journal");

        JournalException e = assertThrows(JournalException.class, () -> ResultJournal.open(dir, 30, MAX_BYTES));

        assertEquals("opening the result journal failed for " + dir + ": " + dir + ": Not a directory",
                e.getMessage());
    }
}
