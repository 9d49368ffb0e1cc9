package io.aoi.results;

/**
 * Particles counted in one bump.
 *
 * @param id    bump identifier from the layout, or {@code B<n>} for automatically found bumps
 * @param x     left edge in frame pixels
 * @param y     top edge in frame pixels
 * @param width  in pixels
 * @param height in pixels
 * @param count particles whose centre lies in the bump
 * @param ok    count &ge; the station's minimum
 */
public record BumpCount(String id, int x, int y, int width, int height, int count, boolean ok) {
}
