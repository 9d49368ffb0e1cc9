package io.aoi.camera.assembly;

import io.aoi.camera.Frame;

/**
 * Which of two overlapping frames reports an object seen in both: the one in which its centre lies nearer
 * the middle. The shared band of {@code overlapLines} rows is split in half: the upper half belongs to the
 * earlier frame, the lower half to the later one. A frame with no rows shared at the top (the first frame,
 * or the first after a gap) owns everything above its bottom boundary; the last frame of a run owns
 * everything below its top boundary. Across frames assembled by {@link FrameAssembler} every centre row is
 * owned by exactly one frame.
 */
public final class OverlapOwnership {
    private OverlapOwnership() {
    }

    /**
     * @param centreRow      the object's centre row relative to the frame (row 0 = the frame's first line),
     *                       sub-pixel, integer values at pixel centres
     * @param frameHeight    rows in the frame
     * @param overlapTopRows rows at the top shared with the previous frame ({@link Frame#overlapTopRows()})
     * @param overlapLines   rows the next frame will share at the bottom (the assembly setting)
     * @param lastFrame      whether no frame follows
     */
    public static boolean owns(double centreRow, int frameHeight, int overlapTopRows, int overlapLines,
            boolean lastFrame) {
        boolean belowTopBoundary = overlapTopRows == 0 || centreRow >= overlapTopRows / 2.0;
        boolean aboveBottomBoundary = lastFrame || centreRow < frameHeight - overlapLines / 2.0;
        return belowTopBoundary && aboveBottomBoundary;
    }

    /** {@link #owns(double, int, int, int, boolean)} with the height and top overlap taken from the frame. */
    public static boolean owns(Frame frame, double centreRow, int overlapLines, boolean lastFrame) {
        return owns(centreRow, frame.image().height(), frame.overlapTopRows(), overlapLines, lastFrame);
    }
}
