package io.aoi.plugin.tune;

import io.aoi.image.Image;

/**
 * A focus measure: the mean squared 4-neighbour Laplacian of the first channel, on samples scaled to [0, 1].
 * Larger is sharper; comparable between images of the same scene, not across scenes.
 */
public final class Sharpness {
    private Sharpness() {
    }

    public static double laplacianEnergy(Image image) {
        int w = image.width();
        int h = image.height();
        if (w < 3 || h < 3) {
            return 0;
        }
        float[] p = image.channelAsFloat(0);
        double sum = 0;
        for (int y = 1; y < h - 1; y++) {
            int row = y * w;
            for (int x = 1; x < w - 1; x++) {
                int i = row + x;
                double lap = p[i - 1] + p[i + 1] + p[i - w] + p[i + w] - 4.0 * p[i];
                sum += lap * lap;
            }
        }
        return sum / ((double) (w - 2) * (h - 2));
    }
}
