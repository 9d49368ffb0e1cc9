package io.aoi.deblur.region;

/**
 * A rectangle of frame pixels: columns x .. x + width - 1, rows y .. y + height - 1. Immutable.
 */
public record PixelRect(int x, int y, int width, int height) {
    public PixelRect {
        if (x < 0 || y < 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("rectangle x=" + x + " y=" + y + " " + width + "x" + height
                    + "; allowed: x, y >= 0 and a positive size");
        }
    }

    public long areaPx() {
        return (long) width * height;
    }

    public int right() {
        return x + width;
    }

    public int bottom() {
        return y + height;
    }

    /** Grown by {@code marginPx} on every side and clipped to a frameWidth x frameHeight frame. */
    public PixelRect grownWithin(int marginPx, int frameWidth, int frameHeight) {
        int x0 = Math.max(0, x - marginPx);
        int y0 = Math.max(0, y - marginPx);
        int x1 = Math.min(frameWidth, right() + marginPx);
        int y1 = Math.min(frameHeight, bottom() + marginPx);
        return new PixelRect(x0, y0, x1 - x0, y1 - y0);
    }

    /** Whether the two share at least one pixel. */
    public boolean intersects(PixelRect o) {
        return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
    }

    /** The smallest rectangle holding both. */
    public PixelRect union(PixelRect o) {
        int x0 = Math.min(x, o.x);
        int y0 = Math.min(y, o.y);
        return new PixelRect(x0, y0, Math.max(right(), o.right()) - x0, Math.max(bottom(), o.bottom()) - y0);
    }
}
