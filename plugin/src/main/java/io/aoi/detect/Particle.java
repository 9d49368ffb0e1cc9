package io.aoi.detect;

/**
 * One detected conductive particle, in frame pixels with integer values at pixel centres.
 *
 * @param x        centre column, sub-pixel
 * @param y        centre row, sub-pixel
 * @param radiusPx radius of the relief disc in pixels
 * @param score    how well the local image matches the particle relief, 0 (poor) to 1 (exact)
 */
public record Particle(double x, double y, double radiusPx, double score) {
}
