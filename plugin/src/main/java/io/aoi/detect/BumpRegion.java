package io.aoi.detect;

/** A bump rectangle in frame pixels: columns x .. x + width - 1, rows y .. y + height - 1. */
record BumpRegion(String id, int x, int y, int width, int height) {

    /** Whether a particle centre at (px, py), integer values at pixel centres, lies on the bump. */
    boolean contains(double px, double py) {
        return px >= x - 0.5 && px < x + width - 0.5 && py >= y - 0.5 && py < y + height - 0.5;
    }

    long areaPx() {
        return (long) width * height;
    }
}
