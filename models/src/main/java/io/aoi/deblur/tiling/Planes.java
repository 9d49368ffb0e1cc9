package io.aoi.deblur.tiling;

/** Reflection and cropping of row-major float planes, shared by the tiler and the models' tile runners. */
public final class Planes {
    private Planes() {
    }

    /** Reflect-101 index into [0, n) for any integer, including far outside and n = 1. */
    public static int mirror(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }

    /** The plane grown to {@code newWidth} x {@code newHeight} by reflecting it at its right and bottom edges. */
    public static float[] mirrorUp(float[] plane, int width, int height, int newWidth, int newHeight) {
        float[] out = new float[newWidth * newHeight];
        for (int y = 0; y < newHeight; y++) {
            int sy = mirror(y, height);
            for (int x = 0; x < newWidth; x++) {
                out[y * newWidth + x] = plane[sy * width + mirror(x, width)];
            }
        }
        return out;
    }

    /** The top-left {@code width} x {@code height} of a plane {@code srcWidth} wide. */
    public static float[] crop(float[] src, int srcWidth, int width, int height) {
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            System.arraycopy(src, y * srcWidth, out, y * width, width);
        }
        return out;
    }
}
