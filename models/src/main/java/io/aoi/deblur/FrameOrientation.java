package io.aoi.deblur;

import io.aoi.image.Image;

/**
 * One of the eight lossless turns of a frame: rotations by multiples of 90 degrees, each with or without a mirror
 * (the dihedral group of the square). They move pixels without resampling, so a turned frame holds exactly the
 * same samples, and they commute with an isotropic blur such as Gaussian defocus: restoring the turned frame and
 * turning the result back restores the frame.
 *
 * <p>Directions are angles counter-clockwise from the frame's +x axis with rows growing downwards, as
 * {@code detector.illuminationAngleDeg}: the direction a is the pixel step {@code (cos a, -sin a)}. Each
 * orientation is stated as where it moves an input pixel {@code (x, y)} of a {@code w x h} frame, and what it does
 * to a direction.
 */
public enum FrameOrientation {
    /** (x, y) to (x, y); a to a. */
    IDENTITY(1, 0, 0, 1),
    /** A quarter turn counter-clockwise on screen: (x, y) to (y, w - 1 - x), an h x w frame; a to a + 90. */
    ROTATE_90(0, 1, -1, 0),
    /** A half turn: (x, y) to (w - 1 - x, h - 1 - y); a to a + 180. */
    ROTATE_180(-1, 0, 0, -1),
    /** A quarter turn clockwise on screen: (x, y) to (h - 1 - y, x), an h x w frame; a to a - 90. */
    ROTATE_270(0, -1, 1, 0),
    /** Mirrored left to right: (x, y) to (w - 1 - x, y); a to 180 - a. */
    MIRROR_X(-1, 0, 0, 1),
    /** Mirrored top to bottom: (x, y) to (x, h - 1 - y); a to -a. */
    MIRROR_Y(1, 0, 0, -1),
    /** Mirrored about the main diagonal: (x, y) to (y, x), an h x w frame; a to -90 - a. */
    TRANSPOSE(0, 1, 1, 0),
    /** Mirrored about the other diagonal: (x, y) to (h - 1 - y, w - 1 - x), an h x w frame; a to 90 - a. */
    ANTI_TRANSPOSE(0, -1, -1, 0);

    // (dx', dy') = (xx * dx + xy * dy, yx * dx + yy * dy): the move of a pixel step
    private final int xx;
    private final int xy;
    private final int yx;
    private final int yy;

    FrameOrientation(int xx, int xy, int yx, int yy) {
        this.xx = xx;
        this.xy = xy;
        this.yx = yx;
        this.yy = yy;
    }

    /**
     * The orientation that turns direction {@code fromDeg} nearest to {@code towardDeg} (within 45 degrees; of
     * equally near ones the first in declaration order, so a direction already within 45 degrees keeps the frame
     * as it is).
     */
    public static FrameOrientation toward(double fromDeg, double towardDeg) {
        FrameOrientation best = IDENTITY;
        double bestGap = Double.POSITIVE_INFINITY;
        for (FrameOrientation o : values()) {
            double gap = Math.abs(wrap(o.turnDeg(fromDeg) - towardDeg));
            if (gap < bestGap - 1e-9) {
                best = o;
                bestGap = gap;
            }
        }
        return best;
    }

    /** The direction {@code deg} becomes in the turned frame, in (-180, 180]. */
    public double turnDeg(double deg) {
        double a = Math.toRadians(deg);
        double dx = Math.cos(a);
        double dy = -Math.sin(a);
        return wrap(Math.toDegrees(Math.atan2(-(yx * dx + yy * dy), xx * dx + xy * dy)));
    }

    /** Whether the turned frame has width and height swapped. */
    public boolean swapsSides() {
        return xx == 0;
    }

    /** The orientation that turns a turned frame back. */
    public FrameOrientation inverse() {
        for (FrameOrientation o : values()) {
            // the inverse of the step matrix is its transpose (an orthogonal matrix of 0s and 1s)
            if (o.xx == xx && o.xy == yx && o.yx == xy && o.yy == yy) {
                return o;
            }
        }
        throw new AssertionError("no inverse of " + this);
    }

    /** The frame turned: the same samples, moved; {@code frame} itself for {@link #IDENTITY}. */
    public Image apply(Image frame) {
        if (this == IDENTITY) {
            return frame;
        }
        int w = frame.width();
        int h = frame.height();
        int c = frame.channels();
        int outW = swapsSides() ? h : w;
        short[] in = frame.samples();
        short[] out = new short[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int src = (y * w + x) * c;
                int dst = (targetY(x, y, w, h) * outW + targetX(x, y, w, h)) * c;
                for (int k = 0; k < c; k++) {
                    out[dst + k] = in[src + k];
                }
            }
        }
        return new Image(outW, swapsSides() ? w : h, c, frame.bitDepth(), out);
    }

    /** Where {@code region} of a {@code frameWidth x frameHeight} frame lies in the turned frame. */
    public PixelRegion apply(PixelRegion region, int frameWidth, int frameHeight) {
        int x0 = targetX(region.x(), region.y(), frameWidth, frameHeight);
        int y0 = targetY(region.x(), region.y(), frameWidth, frameHeight);
        int x1 = targetX(region.right() - 1, region.bottom() - 1, frameWidth, frameHeight);
        int y1 = targetY(region.right() - 1, region.bottom() - 1, frameWidth, frameHeight);
        return new PixelRegion(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0) + 1, Math.abs(y1 - y0) + 1);
    }

    private int targetX(int x, int y, int w, int h) {
        return xx * x + xy * y + (xx + xy < 0 ? (xx < 0 ? w - 1 : h - 1) : 0);
    }

    private int targetY(int x, int y, int w, int h) {
        return yx * x + yy * y + (yx + yy < 0 ? (yx < 0 ? w - 1 : h - 1) : 0);
    }

    private static double wrap(double deg) {
        double d = deg % 360;
        if (d <= -180) {
            d += 360;
        } else if (d > 180) {
            d -= 360;
        }
        return d;
    }
}
