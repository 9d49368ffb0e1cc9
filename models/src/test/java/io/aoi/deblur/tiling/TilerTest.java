package io.aoi.deblur.tiling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.deblur.DeblurException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TilerTest {

    /** A 7x7 box blur with mirrored borders, applied inside each tile only (like a model sees a tile). */
    private static float[] boxBlur(float[] t, int w, int h) {
        int r = 3;
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float s = 0;
                for (int dy = -r; dy <= r; dy++) {
                    for (int dx = -r; dx <= r; dx++) {
                        s += t[Planes.mirror(y + dy, h) * w + Planes.mirror(x + dx, w)];
                    }
                }
                out[y * w + x] = s / ((2 * r + 1) * (2 * r + 1));
            }
        }
        return out;
    }

    private static float[] random(int n, long seed) {
        Random rnd = new Random(seed);
        float[] p = new float[n];
        for (int i = 0; i < n; i++) {
            p[i] = rnd.nextFloat();
        }
        return p;
    }

    @Test
    void identityProcessorReproducesThePlaneForAnySize() throws DeblurException {
        Tiler tiler = new Tiler(64, 16);
        int[][] sizes = {{1, 1}, {3, 2}, {63, 17}, {64, 64}, {200, 97}, {257, 191}};
        for (int[] s : sizes) {
            float[] plane = random(s[0] * s[1], 11);
            float[] out = tiler.apply(plane, s[0], s[1], (t, w, h) -> t);
            for (int i = 0; i < plane.length; i++) {
                assertEquals(plane[i], out[i], 1e-6, "size " + s[0] + "x" + s[1] + " index " + i);
            }
        }
    }

    @Test
    void tilesNeverExceedTheConfiguredSizeAndCoverLargeFrames() throws DeblurException {
        Tiler tiler = new Tiler(64, 16);
        List<int[]> seen = new ArrayList<>();
        tiler.apply(new float[300 * 130], 300, 130, (t, w, h) -> {
            seen.add(new int[] {w, h});
            return t;
        });
        // padded to 332 x 162; 64 px tiles every 48 px would need 7 x 4, so 7 x 4 tiles it is, each shrunk to
        // the smallest edge that still covers: 7 * 62 - 6 * 16 = 338 >= 332 (61 gives 331), 4 * 53 - 3 * 16 = 164
        for (int[] s : seen) {
            assertArrayEquals(new int[] {62, 53}, s);
        }
        assertEquals(28, seen.size());
    }

    @Test
    void frameSmallerThanATileIsOneTileWithMirroredContext() throws DeblurException {
        Tiler tiler = new Tiler(256, 32);
        List<int[]> seen = new ArrayList<>();
        tiler.apply(new float[40 * 30], 40, 30, (t, w, h) -> {
            seen.add(new int[] {w, h});
            return t;
        });
        assertEquals(1, seen.size());
        assertArrayEquals(new int[] {104, 94}, seen.get(0));
    }

    @Test
    void constantImageStaysConstantThroughATiledFilter() throws DeblurException {
        Tiler tiler = new Tiler(64, 16);
        float[] plane = new float[150 * 90];
        java.util.Arrays.fill(plane, 0.37f);
        float[] out = tiler.apply(plane, 150, 90, TilerTest::boxBlur);
        for (float v : out) {
            assertEquals(0.37f, v, 1e-6f);
        }
    }

    @Test
    void tiledFilterShowsNoSeamsAgainstTheWholeFrame() throws DeblurException {
        int w = 230;
        int h = 170;
        float[] plane = random(w * h, 5);
        float[] whole = new Tiler(512, 16).apply(plane, w, h, TilerTest::boxBlur);
        float[] tiled = new Tiler(64, 16).apply(plane, w, h, TilerTest::boxBlur);
        double max = 0;
        for (int i = 0; i < whole.length; i++) {
            max = Math.max(max, Math.abs(whole[i] - tiled[i]));
        }
        // the 7x7 filter needs 3 px of context; the raised-cosine ramps give the tile edges no weight there
        // beyond a few percent, so tiled and whole agree closely everywhere, including at the seams
        assertTrue(max < 0.02, "max difference " + max);
    }

    @Test
    void balancedTilesAreTheSmallestThatStillCoverAndKeepTheirRamps() {
        for (int size = 1; size <= 700; size++) {
            for (int[] to : new int[][] {{256, 16}, {64, 16}, {40, 19}, {8, 0}}) {
                int tile = Math.min(to[0], size);
                int edge = Tiler.balanced(size, tile, to[1]);
                int n = Tiler.starts(size, tile, to[1]).length;
                int[] starts = Tiler.starts(size, edge, to[1]);
                String at = "size " + size + " tile " + to[0] + " overlap " + to[1];
                assertTrue(edge <= tile, at);
                assertEquals(n, starts.length, at);
                assertEquals(size - edge, starts[starts.length - 1], at);
                for (int i = 1; i < starts.length; i++) {
                    assertTrue(starts[i] <= starts[i - 1] + edge - to[1], at + ": gap before tile " + i);
                }
                assertTrue(edge == size || edge > 2 * to[1] || edge == tile, at + ": ramps overlap at edge " + edge);
            }
        }
        // the default station tiling of a 1024 x 512 frame: 5 x 3 tiles of 224 x 192 instead of 256 x 256
        assertEquals(224, Tiler.balanced(1056, 256, 16));
        assertEquals(192, Tiler.balanced(544, 256, 16));
    }

    @Test
    void workersInParallelGiveTheSerialResultBitForBit() throws Exception {
        int w = 333;
        int h = 171;
        float[] plane = random(w * h, 9);
        Tiler tiler = new Tiler(64, 16);
        TileBatchProcessor blur = (tiles, count, tw, th, out) -> {
            for (int i = 0; i < count; i++) {
                System.arraycopy(boxBlur(tiles[i], tw, th), 0, out[i], 0, tw * th);
            }
        };
        float[] serial = tiler.apply(plane, w, h, blur, 2);
        java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        TileBatchProcessor seen = (tiles, count, tw, th, out) -> {
            threads.add(Thread.currentThread().getName());
            blur.process(tiles, count, tw, th, out);
        };
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            float[] parallel = tiler.apply(plane, w, h, List.of(seen, seen, seen), 2, pool);
            assertArrayEquals(serial, parallel);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, threads.size(), "the caller and two pool threads: " + threads);
    }

    @Test
    void aFailingWorkerFailsTheCallAfterTheOthersStopped() {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch failed = new java.util.concurrent.CountDownLatch(1);
        // the pool worker finishes its batches only after the caller's worker has failed
        TileBatchProcessor later = (tiles, count, tw, th, out) -> {
            try {
                failed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.incrementAndGet();
        };
        TileBatchProcessor failing = (tiles, count, tw, th, out) -> {
            failed.countDown();
            throw new DeblurException("model run failed on tile");
        };
        try {
            DeblurException e = assertThrows(DeblurException.class,
                    () -> new Tiler(64, 16).apply(new float[200 * 100], 200, 100, List.of(failing, later), 1, pool));
            assertEquals("model run failed on tile", e.getMessage());
            assertTrue(done.get() > 0, "the pool worker ran to its end before the call returned");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsOverlapOfHalfTheTileOrMore() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Tiler(64, 32));
        assertTrue(e.getMessage().contains("tileOverlapPx = 32"), e.getMessage());
    }

    @Test
    void mirrorReflectsWithoutRepeatingTheEdge() {
        assertEquals(1, Planes.mirror(-1, 5));
        assertEquals(3, Planes.mirror(5, 5));
        assertEquals(0, Planes.mirror(8, 5));
        assertEquals(0, Planes.mirror(-7, 1));
    }
}
