package io.aoi.deblur.tiling;

import io.aoi.deblur.DeblurException;

/**
 * Runs a {@link TileProcessor} over a float plane in overlapping tiles and blends the results.
 *
 * <p>The plane is first mirrored outwards by the overlap on every side (reflect without repeating the edge
 * sample), so border pixels get the same context as interior ones. Per axis, the tile count is the fewest
 * tiles of {@code tileSizePx} that cover the padded plane with {@code tileOverlapPx} between neighbours; the
 * tiles are then shrunk evenly to the smallest edge with which that many still cover it (never below
 * {@code 2 * tileOverlapPx + 1}), so the work is not spent on a last tile that mostly repeats its neighbour.
 * All tiles have one size, at most {@code tileSizePx} on each axis (smaller when the padded plane is smaller),
 * and start every edge minus overlap pixels, the last one aligned to the far edge. Each tile's result is weighted by a raised-cosine ramp {@code tileOverlapPx} wide at each
 * edge, and the weighted sum is normalised, so seams do not show. Works for any plane size, down to 1x1.
 *
 * <p>Immutable and thread-safe; the processor is called on the caller's thread.
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
     * processor {@code batchSize} at a time; the tile and result arrays are allocated once per call.
     *
     * @param batchSize at least 1
     */
    public float[] apply(float[] plane, int width, int height, TileBatchProcessor processor, int batchSize)
            throws DeblurException {
        if (width <= 0 || height <= 0 || plane.length != width * height) {
            throw new IllegalArgumentException("plane has " + plane.length + " samples for " + width + "x" + height);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize = " + batchSize + "; must be at least 1");
        }
        int pad = overlapPx;
        int pw = width + 2 * pad;
        int ph = height + 2 * pad;
        int tw = balanced(pw, Math.min(tileSizePx, pw), overlapPx);
        int th = balanced(ph, Math.min(tileSizePx, ph), overlapPx);
        int[] xs = starts(pw, tw, overlapPx);
        int[] ys = starts(ph, th, overlapPx);
        float[] rampX = ramp(tw, tw < pw ? overlapPx : 0);
        float[] rampY = ramp(th, th < ph ? overlapPx : 0);
        float[] acc = new float[width * height];
        float[] weight = new float[width * height];
        int total = xs.length * ys.length;
        int batch = Math.min(batchSize, total);
        float[][] tiles = new float[batch][tw * th];
        float[][] out = new float[batch][tw * th];
        int[] batchX = new int[batch];
        int[] batchY = new int[batch];
        int filled = 0;
        for (int t = 0; t < total; t++) {
            int x0 = xs[t % xs.length];
            int y0 = ys[t / xs.length];
            float[] tile = tiles[filled];
            for (int ty = 0; ty < th; ty++) {
                int sy = Planes.mirror(y0 + ty - pad, height) * width;
                for (int tx = 0; tx < tw; tx++) {
                    tile[ty * tw + tx] = plane[sy + Planes.mirror(x0 + tx - pad, width)];
                }
            }
            batchX[filled] = x0;
            batchY[filled] = y0;
            filled++;
            if (filled == batch || t == total - 1) {
                processor.process(tiles, filled, tw, th, out);
                for (int i = 0; i < filled; i++) {
                    accumulate(out[i], batchX[i] - pad, batchY[i] - pad, tw, th, rampX, rampY, acc, weight, width,
                            height);
                }
                filled = 0;
            }
        }
        for (int i = 0; i < acc.length; i++) {
            acc[i] /= weight[i];
        }
        return acc;
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
