package io.aoi.deblur;

/**
 * An axis-aligned rectangle of a frame in pixels, for example a bump's bounding box.
 *
 * @param x      left column, &ge; 0
 * @param y      top row, &ge; 0
 * @param width  &ge; 1
 * @param height &ge; 1
 */
public record PixelRegion(int x, int y, int width, int height) {

    public PixelRegion {
        if (x < 0 || y < 0 || width < 1 || height < 1) {
            throw new IllegalArgumentException("region x " + x + ", y " + y + ", " + width + "x" + height
                    + "; allowed: x, y >= 0 and width, height >= 1");
        }
    }

    /** Whether the region lies inside a {@code frameWidth} x {@code frameHeight} frame. */
    public boolean fitsIn(int frameWidth, int frameHeight) {
        return x + (long) width <= frameWidth && y + (long) height <= frameHeight;
    }

    /** The region grown by {@code marginPx} on every side and clipped to the frame. */
    public PixelRegion grown(int marginPx, int frameWidth, int frameHeight) {
        if (marginPx < 0) {
            throw new IllegalArgumentException("margin " + marginPx + " px; allowed: >= 0");
        }
        int x0 = Math.max(0, x - marginPx);
        int y0 = Math.max(0, y - marginPx);
        int x1 = Math.min(frameWidth, x + width + marginPx);
        int y1 = Math.min(frameHeight, y + height + marginPx);
        return new PixelRegion(x0, y0, x1 - x0, y1 - y0);
    }

    /** This region's samples out of a row-major plane {@code planeWidth} wide, as a new row-major plane. */
    public float[] cut(float[] plane, int planeWidth) {
        float[] out = new float[width * height];
        for (int r = 0; r < height; r++) {
            System.arraycopy(plane, (y + r) * planeWidth + x, out, r * width, width);
        }
        return out;
    }

    /** {@code inner} (inside this region) cut out of a plane that covers this region. */
    public float[] cutInner(float[] planeOfThis, PixelRegion inner) {
        return new PixelRegion(inner.x - x, inner.y - y, inner.width, inner.height).cut(planeOfThis, width);
    }

    @Override
    public String toString() {
        return width + "x" + height + "+" + x + "+" + y;
    }
}
