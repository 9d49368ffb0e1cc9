package io.aoi.plugin.bench;

/**
 * A benchmark frame size.
 *
 * @param widthPx  frame width, 64 to 16384 px
 * @param heightPx frame height, 64 to 8192 lines
 */
public record FrameSize(int widthPx, int heightPx) {
    public FrameSize {
        if (widthPx < 64 || widthPx > 16384 || heightPx < 64 || heightPx > 8192) {
            throw new IllegalArgumentException("frame size " + widthPx + "x" + heightPx + "; allowed: width 64 to "
                    + "16384 and height 64 to 8192");
        }
    }

    @Override
    public String toString() {
        return widthPx + "x" + heightPx;
    }
}
