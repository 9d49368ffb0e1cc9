package io.aoi.camera;

/**
 * The rows of a frame whose objects the frame reports, {@code fromRow <= centreRow < untilRow} in frame rows
 * (row 0 = the frame's first line; sub-pixel, integer values at pixel centres). Overlapping frames split the
 * band they share in half: the upper half belongs to the earlier frame, the lower half to the later one, so that
 * an object seen in both is counted once, by the frame in which its centre lies nearer the middle. An end with
 * no shared rows is open ({@code -Infinity} or {@code +Infinity}). Across the frames of one run every centre row
 * is owned by exactly one frame (the last frame of a run owns its bottom band too only when told it is last:
 * {@link #toTheEnd()}).
 *
 * @param fromRow  first owned centre row, inclusive; {@code -Infinity} when no earlier frame shares rows
 * @param untilRow end of the owned centre rows, exclusive; {@code +Infinity} when no later frame shares rows
 */
public record OwnedRows(double fromRow, double untilRow) {
    /** Every row: a frame that shares rows with no other (an image file, a pushed image). */
    public static final OwnedRows ALL = new OwnedRows(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public OwnedRows {
        if (Double.isNaN(fromRow) || Double.isNaN(untilRow) || fromRow > untilRow) {
            throw new IllegalArgumentException("owned rows [" + fromRow + ", " + untilRow
                    + ") are not a range; allowed: fromRow <= untilRow, neither NaN");
        }
    }

    /**
     * The rows a frame of an overlapping run owns.
     *
     * @param frameHeight       rows in the frame
     * @param overlapTopRows    rows at the top shared with the previous frame ({@link Frame#overlapTopRows()});
     *                          0 for the first frame of a run, which owns everything above its bottom boundary
     * @param overlapBottomRows rows the next frame will share at the bottom (the assembly's overlap)
     */
    public static OwnedRows splitOverlaps(int frameHeight, int overlapTopRows, int overlapBottomRows) {
        if (frameHeight < 1 || overlapTopRows < 0 || overlapBottomRows < 0
                || overlapTopRows > frameHeight || overlapBottomRows > frameHeight) {
            throw new IllegalArgumentException("frame of " + frameHeight + " rows with overlaps of " + overlapTopRows
                    + " (top) and " + overlapBottomRows + " (bottom) rows; allowed: a positive height and overlaps"
                    + " from 0 to the height");
        }
        return new OwnedRows(overlapTopRows == 0 ? Double.NEGATIVE_INFINITY : overlapTopRows / 2.0,
                frameHeight - overlapBottomRows / 2.0);
    }

    /** These rows with everything below as well: for the last frame of a run, which no later frame shares. */
    public OwnedRows toTheEnd() {
        return new OwnedRows(fromRow, Double.POSITIVE_INFINITY);
    }

    /** Whether an object whose centre lies on {@code centreRow} belongs to this frame. */
    public boolean contains(double centreRow) {
        return centreRow >= fromRow && centreRow < untilRow;
    }
}
