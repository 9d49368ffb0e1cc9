package io.aoi.deblur.tiling;

import io.aoi.deblur.DeblurException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs a {@link TileProcessor} over a float plane in overlapping tiles and blends the results.
 *
 * <p>The plane is first mirrored outwards by the overlap on every side (reflect without repeating the edge
 * sample), so border pixels get the same context as interior ones. Per axis, the tile count is the fewest
 * tiles of {@code tileSizePx} that cover the padded plane with {@code tileOverlapPx} between neighbours; the
 * tiles are then shrunk evenly to the smallest edge with which that many still cover it (never below
 * {@code 2 * tileOverlapPx + 1}), so the work is not spent on a last tile that mostly repeats its neighbour.
 * All tiles have one size, at most {@code tileSizePx} on each axis (smaller when the padded plane is smaller),
 * and start every edge minus overlap pixels, the last one aligned to the far edge. Each tile's result is
 * weighted by a raised-cosine ramp {@code tileOverlapPx} wide at each edge, and the weighted sum is normalised,
 * so seams do not show. Works for any plane size, down to 1x1.
 *
 * <p>Immutable and thread-safe. A processor is called on the caller's thread; with several workers
 * ({@link #apply(float[], int, int, List, int, ExecutorService)}) the others run on a pool.
 */
public final class Tiler {
    private final int tileSizePx;
    private final int overlapPx;

    /**
     * @param tileSizePx tile edge, at least 8
     * @param overlapPx  overlap between neighbouring tiles, 0 to less than half the tile
     */
    public Tiler(int tileSizePx, int overlapPx) {
        if (tileSizePx < 8) {
            throw new IllegalArgumentException("tileSizePx = " + tileSizePx + "; must be at least 8");
        }
        if (overlapPx < 0 || overlapPx >= (tileSizePx + 1) / 2) {
            throw new IllegalArgumentException("tileOverlapPx = " + overlapPx + "; allowed: 0 to "
                    + ((tileSizePx + 1) / 2 - 1) + " for tileSizePx " + tileSizePx);
        }
        this.tileSizePx = tileSizePx;
        this.overlapPx = overlapPx;
    }

    public int tileSizePx() {
        return tileSizePx;
    }

    public int overlapPx() {
        return overlapPx;
    }

    /**
     * @param plane  row-major samples, width x height; not modified
     * @return a new row-major plane of the same size
     */
    public float[] apply(float[] plane, int width, int height, TileProcessor processor) throws DeblurException {
        return apply(plane, width, height, (tiles, count, tw, th, out) -> {
            for (int i = 0; i < count; i++) {
                float[] r = processor.process(tiles[i].clone(), tw, th);
                if (r.length != tw * th) {
                    throw new IllegalStateException("tile processor returned " + r.length + " samples for a "
                            + tw + "x" + th + " tile");
                }
                System.arraycopy(r, 0, out[i], 0, r.length);
            }
        }, 1);
    }

    /**
     * Like {@link #apply(float[], int, int, TileProcessor)}, handing the tiles (all of one size) to the
     * processor {@code batchSize} at a time on the caller's thread.
     *
     * @param batchSize at least 1
     */
    public float[] apply(float[] plane, int width, int height, TileBatchProcessor processor, int batchSize)
            throws DeblurException {
        return apply(plane, width, height, List.of(processor), batchSize, null);
    }

    /**
     * Like {@link #apply(float[], int, int, TileBatchProcessor, int)}, with the batches shared out among workers
     * that run at once: of n workers, worker k takes batches k, k + n, k + 2n..., worker 0 on the caller's
     * thread and the others on {@code pool}; each worker is called from one thread only. The tiles are blended
     * in tile order once all have run, so the result is the serial call's to the last bit whatever the timing.
     * The results are kept per call (one tile-sized array per tile), the tile arrays per worker.
     *
     * <p>When workers fail, all are waited for and the first failure in worker order is thrown.
     *
     * @param workers   at least one; their count is the parallelism
     * @param batchSize at least 1
     * @param pool      runs workers 1 to n - 1; may be null with one worker
     */
    public float[] apply(float[] plane, int width, int height, List<? extends TileBatchProcessor> workers,
                         int batchSize, ExecutorService pool) throws DeblurException {
        if (width <= 0 || height <= 0 || plane.length != width * height) {
            throw new IllegalArgumentException("plane has " + plane.length + " samples for " + width + "x" + height);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize = " + batchSize + "; must be at least 1");
        }
        if (workers.isEmpty() || (workers.size() > 1 && pool == null)) {
            throw new IllegalArgumentException(workers.size() + " tile workers; one without a pool, more with one");
        }
        int pad = overlapPx;
        int pw = width + 2 * pad;
        int ph = height + 2 * pad;
        int tw = balanced(pw, Math.min(tileSizePx, pw), overlapPx);
        int th = balanced(ph, Math.min(tileSizePx, ph), overlapPx);
        int[] xs = starts(pw, tw, overlapPx);
        int[] ys = starts(ph, th, overlapPx);
        int total = xs.length * ys.length;
        int batch = Math.min(batchSize, total);
        int batches = (total + batch - 1) / batch;
        int n = Math.min(workers.size(), batches);
        float[][] results = new float[total][tw * th];
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            TileBatchProcessor worker = workers.get(k);
            int first = k;
            tasks.add(() -> {
                float[][] tiles = new float[batch][tw * th];
                for (int b = first; b < batches; b += n) {
                    int from = b * batch;
                    int count = Math.min(batch, total - from);
                    for (int i = 0; i < count; i++) {
                        cut(plane, width, height, xs[(from + i) % xs.length] - pad,
                                ys[(from + i) / xs.length] - pad, tw, th, tiles[i]);
                    }
                    worker.process(tiles, count, tw, th, Arrays.copyOfRange(results, from, from + count));
                }
                return null;
            });
        }
        runAll(tasks, pool);
        float[] rampX = ramp(tw, tw < pw ? overlapPx : 0);
        float[] rampY = ramp(th, th < ph ? overlapPx : 0);
        float[] acc = new float[width * height];
        float[] weight = new float[width * height];
        for (int t = 0; t < total; t++) {
            accumulate(results[t], xs[t % xs.length] - pad, ys[t / xs.length] - pad, tw, th, rampX, rampY, acc,
                    weight, width, height);
        }
        for (int i = 0; i < acc.length; i++) {
            acc[i] /= weight[i];
        }
        return acc;
    }

    /** The tile of tw x th whose top left is (fx, fy) in frame coordinates, mirrored at the borders. */
    private static void cut(float[] plane, int width, int height, int fx, int fy, int tw, int th, float[] tile) {
        for (int ty = 0; ty < th; ty++) {
            int sy = Planes.mirror(fy + ty, height) * width;
            for (int tx = 0; tx < tw; tx++) {
                tile[ty * tw + tx] = plane[sy + Planes.mirror(fx + tx, width)];
            }
        }
    }

    /** Task 0 on this thread, the others on the pool; waits for all, then throws the first failure. */
    private static void runAll(List<Callable<Void>> tasks, ExecutorService pool) throws DeblurException {
        List<Future<Void>> others = new ArrayList<>();
        for (Callable<Void> task : tasks.subList(1, tasks.size())) {
            others.add(pool.submit(task));
        }
        Throwable failure = null;
        try {
            tasks.get(0).call();
        } catch (Exception | Error e) {
            failure = e;
        }
        boolean interrupted = false;
        for (Future<Void> f : others) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    failure = failure != null ? failure : e.getCause();
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        DeblurException.rethrow(failure, "tile worker");
    }

    private static void accumulate(float[] out, int fx, int fy, int tw, int th, float[] rampX, float[] rampY,
                                   float[] acc, float[] weight, int width, int height) {
        for (int ty = 0; ty < th; ty++) {
            int y = fy + ty;
            if (y < 0 || y >= height) {
                continue;
            }
            for (int tx = 0; tx < tw; tx++) {
                int x = fx + tx;
                if (x < 0 || x >= width) {
                    continue;
                }
                float w = rampX[tx] * rampY[ty];
                acc[y * width + x] += w * out[ty * tw + tx];
                weight[y * width + x] += w;
            }
        }
    }

    /**
     * The smallest tile edge (at least {@code 2 * overlap + 1}, at most {@code tile}) with which as many tiles as
     * {@code tile} needs still cover {@code size}: n tiles of edge e cover n * e - (n - 1) * overlap samples.
     */
    static int balanced(int size, int tile, int overlap) {
        if (tile >= size) {
            return size;
        }
        int n = starts(size, tile, overlap).length;
        int even = (size + (n - 1) * overlap + n - 1) / n;
        return Math.min(tile, Math.max(even, 2 * overlap + 1));
    }

    /** Tile start offsets covering [0, size) every tile - overlap samples, the last aligned to the end. */
    static int[] starts(int size, int tile, int overlap) {
        if (tile >= size) {
            return new int[] {0};
        }
        int step = tile - overlap;
        int n = (size - tile + step - 1) / step + 1;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = Math.min(i * step, size - tile);
        }
        return out;
    }

    /** Raised-cosine weights: rising over the first `edge` samples, 1 in the middle, falling at the end. */
    static float[] ramp(int length, int edge) {
        float[] w = new float[length];
        for (int i = 0; i < length; i++) {
            int d = Math.min(i, length - 1 - i);
            w[i] = d >= edge ? 1f : (float) (0.5 - 0.5 * Math.cos(Math.PI * (d + 0.5) / edge));
        }
        return w;
    }
}
