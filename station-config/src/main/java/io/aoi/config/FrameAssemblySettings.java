package io.aoi.config;

/**
 * How strips of lines become frames.
 *
 * @param linesPerStrip  lines per strip delivered by the source
 * @param frameHeight    lines per frame
 * @param overlapLines   lines each frame shares with the previous one, so that a particle cut by a frame
 *                       edge is seen whole in one of them; must be smaller than half the frame
 */
public record FrameAssemblySettings(int linesPerStrip, int frameHeight, int overlapLines) {
    public FrameAssemblySettings {
        Check.intRange("linesPerStrip", linesPerStrip, 1, 65536);
        Check.intRange("frameHeight", frameHeight, 16, 65536);
        if (overlapLines < 0 || overlapLines >= (frameHeight + 1) / 2) {
            throw new InvalidSettingException("overlapLines", overlapLines, "an integer from 0 to "
                    + ((frameHeight + 1) / 2 - 1) + " (less than half of frameHeight " + frameHeight + ")");
        }
    }
}
