package io.aoi.camera.folder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.camera.CameraException;
import io.aoi.camera.FrameResult;
import io.aoi.config.ImageFolderSettings;
import io.aoi.image.Image;
import io.aoi.image.ImageFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderSourceTest {
    private static final Duration WAIT = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    private static Image flat(int value, int bitDepth) {
        short[] s = new short[6 * 4];
        Arrays.fill(s, (short) value);
        return new Image(6, 4, 1, bitDepth, s);
    }

    @Test
    void deliversImagesInNameOrderThenEnds() throws Exception {
        ImageFiles.write(flat(30, 8), dir.resolve("b.tif"));
        ImageFiles.write(flat(10, 8), dir.resolve("a.png"));
        ImageFiles.write(flat(4000, 16), dir.resolve("c.TIFF"));
        Files.writeString(dir.resolve("notes.txt"), "ignored", StandardCharsets.UTF_8);
        try (ImageFolderSource source = new ImageFolderSource(new ImageFolderSettings(dir, false))) {
            source.start();
            String[] names = {"a.png", "b.tif", "c.TIFF"};
            int[] values = {10, 30, 4000};
            for (int i = 0; i < 3; i++) {
                FrameResult.Ready ready = assertInstanceOf(FrameResult.Ready.class, source.next(WAIT));
                assertEquals(i, ready.frame().frameId());
                assertEquals(names[i], ready.frame().sourceName());
                assertEquals(0, ready.frame().firstLine());
                assertEquals(values[i], ready.frame().image().sample(2, 2, 0));
            }
            assertInstanceOf(FrameResult.Ended.class, source.next(WAIT));
            assertEquals(3, source.counters().stripsReceived());
        }
    }

    @Test
    void corruptFileIsDroppedWithItsNameAndTheRunGoesOn() throws Exception {
        ImageFiles.write(flat(10, 8), dir.resolve("1.png"));
        Files.writeString(dir.resolve("2.png"), "not a png", StandardCharsets.UTF_8);
        ImageFiles.write(flat(20, 8), dir.resolve("3.png"));
        try (ImageFolderSource source = new ImageFolderSource(new ImageFolderSettings(dir, false))) {
            source.start();
            assertInstanceOf(FrameResult.Ready.class, source.next(WAIT));
            FrameResult.Dropped dropped = assertInstanceOf(FrameResult.Dropped.class, source.next(WAIT));
            assertEquals(1, dropped.frameId());
            assertEquals("2.png", dropped.sourceName(), "named like a frame read from a file");
            assertTrue(dropped.reason().contains("2.png"), dropped.reason());
            FrameResult.Ready third = assertInstanceOf(FrameResult.Ready.class, source.next(WAIT));
            assertEquals(2, third.frame().frameId());
            assertEquals(1, source.counters().stripsIncomplete());
        }
    }

    @Test
    void anImageOverTheLimitIsDroppedFromItsHeaderAndTheRunGoesOn() throws Exception {
        ImageFiles.write(flat(10, 8), dir.resolve("1.png"));
        ImageFiles.write(new Image(1200, 1000, 1, 8, new short[1_200_000]), dir.resolve("2.png"));
        ImageFiles.write(flat(20, 8), dir.resolve("3.png"));
        try (ImageFolderSource source = new ImageFolderSource(new ImageFolderSettings(dir, false, 1))) {
            source.start();
            assertInstanceOf(FrameResult.Ready.class, source.next(WAIT));
            FrameResult.Dropped dropped = assertInstanceOf(FrameResult.Dropped.class, source.next(WAIT));
            assertEquals("2.png: " + dir.resolve("2.png") + ": found 1200 x 1000 pixels in the file header "
                    + "(1.2 megapixels); allowed: at most 1 megapixels", dropped.reason());
            assertInstanceOf(FrameResult.Ready.class, source.next(WAIT));
        }
    }

    @Test
    void loopingStartsAgainWithIncreasingFrameIds() throws Exception {
        Image a = flat(1, 8);
        ImageFiles.write(a, dir.resolve("only.png"));
        try (ImageFolderSource source = new ImageFolderSource(new ImageFolderSettings(dir, true))) {
            source.start();
            for (int i = 0; i < 3; i++) {
                FrameResult.Ready ready = assertInstanceOf(FrameResult.Ready.class, source.next(WAIT));
                assertEquals(i, ready.frame().frameId());
                assertArrayEquals(a.samples(), ready.frame().image().samples());
            }
        }
    }

    @Test
    void everyUnreadableFileIsDroppedUnderItsOwnFileName() throws Exception {
        ImageFiles.write(flat(10, 8), dir.resolve("a01.png"));
        byte[] whole = Files.readAllBytes(dir.resolve("a01.png"));
        Files.write(dir.resolve("a02.png"), Arrays.copyOf(whole, whole.length / 2));
        Files.write(dir.resolve("a03.png"), new byte[0]);
        Files.writeString(dir.resolve("a04.png"), "a text file named .png", StandardCharsets.UTF_8);
        try (ImageFolderSource source = new ImageFolderSource(new ImageFolderSettings(dir, false))) {
            source.start();
            assertEquals("a01.png", assertInstanceOf(FrameResult.Ready.class, source.next(WAIT)).frame()
                    .sourceName());
            for (String name : List.of("a02.png", "a03.png", "a04.png")) {
                FrameResult.Dropped dropped = assertInstanceOf(FrameResult.Dropped.class, source.next(WAIT), name);
                assertEquals(name, dropped.sourceName());
                assertTrue(dropped.reason().startsWith(name + ": "), dropped.reason());
            }
            assertInstanceOf(FrameResult.Ended.class, source.next(WAIT));
            assertEquals(3, source.counters().stripsIncomplete());
        }
    }

    @Test
    void aLoopingSourceListsTheFolderAgainAtTheStartOfEveryPass() throws Exception {
        ImageFiles.write(flat(1, 8), dir.resolve("b.png"));
        ImageFiles.write(flat(2, 8), dir.resolve("d.png"));
        try (ImageFolderSource source = new ImageFolderSource(new ImageFolderSettings(dir, true))) {
            source.start();
            assertEquals("b.png", nextName(source));
            // during the first pass: one file added before the next in name order, one deleted
            ImageFiles.write(flat(3, 8), dir.resolve("a.png"));
            ImageFiles.write(flat(4, 8), dir.resolve("c.png"));
            Files.delete(dir.resolve("b.png"));
            assertEquals("d.png", nextName(source), "the first pass keeps the list read at start");
            assertEquals(List.of("a.png", "c.png", "d.png"),
                    List.of(nextName(source), nextName(source), nextName(source)),
                    "the second pass reads the folder as it is now, in name order");
            Files.delete(dir.resolve("c.png"));
            assertEquals(List.of("a.png", "d.png"), List.of(nextName(source), nextName(source)),
                    "a file deleted during the second pass has left the third");
            assertEquals(7, source.counters().stripsReceived());
            assertEquals(0, source.counters().stripsIncomplete(), "a deleted file is never read, nor dropped");
        }
    }

    @Test
    void aLoopingPassThatFindsNoImageEndsTheSourceWithAnErrorNamingThePass() throws Exception {
        ImageFiles.write(flat(1, 8), dir.resolve("only.png"));
        try (ImageFolderSource source = new ImageFolderSource(new ImageFolderSettings(dir, true))) {
            source.start();
            assertEquals("only.png", nextName(source));
            Files.delete(dir.resolve("only.png"));
            CameraException e = assertThrows(CameraException.class, () -> source.next(WAIT));
            assertTrue(e.getMessage().contains("holds no image files (at the start of loop pass 2); allowed: "
                    + "*.png, *.tif, *.tiff"), e.getMessage());
        }
    }

    @Test
    void withoutLoopingTheListReadAtStartIsTheWholeRun() throws Exception {
        ImageFiles.write(flat(1, 8), dir.resolve("a.png"));
        ImageFiles.write(flat(2, 8), dir.resolve("b.png"));
        try (ImageFolderSource source = new ImageFolderSource(new ImageFolderSettings(dir, false))) {
            source.start();
            ImageFiles.write(flat(3, 8), dir.resolve("c.png"));
            Files.delete(dir.resolve("b.png"));
            assertEquals("a.png", nextName(source));
            FrameResult.Dropped gone = assertInstanceOf(FrameResult.Dropped.class, source.next(WAIT));
            assertEquals("b.png", gone.sourceName(), "listed at start, deleted before its turn");
            assertEquals("b.png: deleted after the folder was listed", gone.reason());
            assertInstanceOf(FrameResult.Ended.class, source.next(WAIT), "c.png was added after the list was read");
        }
    }

    private static String nextName(ImageFolderSource source) throws Exception {
        return assertInstanceOf(FrameResult.Ready.class, source.next(WAIT)).frame().sourceName();
    }

    @Test
    void missingFolderIsACameraExceptionNamingIt() {
        Path missing = dir.resolve("no-such-folder");
        ImageFolderSource source = new ImageFolderSource(new ImageFolderSettings(missing, false));
        CameraException e = assertThrows(CameraException.class, source::start);
        assertEquals("image folder " + missing.toAbsolutePath() + " (camera.folder) does not exist or is not a folder"
                + " (at start); allowed: an existing folder of *.png, *.tif, *.tiff frames", e.getMessage());
    }

    @Test
    void folderWithoutImagesIsACameraException() throws IOException {
        Files.writeString(dir.resolve("readme.txt"), "x", StandardCharsets.UTF_8);
        ImageFolderSource source = new ImageFolderSource(new ImageFolderSettings(dir, false));
        CameraException e = assertThrows(CameraException.class, source::start);
        assertTrue(e.getMessage().contains("*.png"), e.getMessage());
    }

    @Test
    void closedSourceEnds() throws Exception {
        ImageFiles.write(flat(1, 8), dir.resolve("x.png"));
        ImageFolderSource source = new ImageFolderSource(new ImageFolderSettings(dir, true));
        source.start();
        source.close();
        source.close();
        assertInstanceOf(FrameResult.Ended.class, source.next(WAIT));
    }
}
