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
     * A turn that swaps width and height is chosen only when it brings a direction this many degrees nearer than
     * the best turn that keeps them. A model trained on frames of one layout restores a transposed frame worse at
     * the same angle: {@code udbd_acf_lite}, sigma 3, F1 .919 / .901 with the relief 20 degrees off its
     * direction, .911 / .891 at 30 and .894 / .858 at 42, sides kept / swapped. At 48 degrees keeping the sides
     * still won (.880 against .858 swapped, at 42), at 52 swapping did (.877 against .867): the two are equal
     * about 50 degrees off, where a direction estimate that jitters from frame to frame then costs nothing.
     */
    public static final double SIDE_SWAP_MARGIN_DEG = 10;

    /**
     * The orientation that turns direction {@code fromDeg} nearest to {@code towardDeg}, preferring the frame's
     * own sides: the nearest turn that keeps width and height (within 90 degrees), unless one that swaps them
     * comes more than {@link #SIDE_SWAP_MARGIN_DEG} nearer. The result is within 50 degrees of a target along an
     * axis (0, 90, 180 or -90 degrees, as the models' 0) and within 55 of any.
     *
     * <p>Turns come in mirror pairs equally near the target, one on each side of it (for a target of 0, a and
     * -a); of the pair, the one on the counter-clockwise side is taken (then the first in declaration order), so
     * a direction 0 to 50 degrees counter-clockwise of an axis target keeps the frame as it is, and one 0 to 50
     * degrees clockwise of it is mirrored onto that side. Trained with frames flipped top to bottom,
     * {@code udbd_acf_lite} still restores a relief counter-clockwise of its direction better: sigma 3, F1 .881
     * against .867 at +-45 degrees (.852 / .829 on seed 77), .911 / .895 at +-30, .919 / .913 at +-20; sigma 2.5,
     * .923 / .919 at +-45. {@code udbd_acf} restores both sides alike (.893 / .893; seed 77 .857 / .866).
     */
    public static FrameOrientation toward(double fromDeg, double towardDeg) {
        FrameOrientation keeping = nearest(fromDeg, towardDeg, false);
        FrameOrientation swapping = nearest(fromDeg, towardDeg, true);
        return gap(swapping, fromDeg, towardDeg) < gap(keeping, fromDeg, towardDeg) - SIDE_SWAP_MARGIN_DEG
                ? swapping : keeping;
    }

    private static FrameOrientation nearest(double fromDeg, double towardDeg, boolean swapsSides) {
        FrameOrientation best = null;
        for (FrameOrientation o : values()) {
            if (o.swapsSides() == swapsSides && (best == null || nearer(o, best, fromDeg, towardDeg))) {
                best = o;
            }
        }
        return best;
    }

    /** Whether {@code o} turns the direction nearer than {@code best}, or as near and counter-clockwise of it. */
    private static boolean nearer(FrameOrientation o, FrameOrientation best, double fromDeg, double towardDeg) {
        double g = gap(o, fromDeg, towardDeg);
        double bestGap = gap(best, fromDeg, towardDeg);
        if (Math.abs(g - bestGap) > 1e-9) {
            return g < bestGap;
        }
        return wrap(o.turnDeg(fromDeg) - towardDeg) > 1e-9 && wrap(best.turnDeg(fromDeg) - towardDeg) < -1e-9;
    }

    private static double gap(FrameOrientation o, double fromDeg, double towardDeg) {
        return Math.abs(wrap(o.turnDeg(fromDeg) - towardDeg));
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
