package io.aoi.plugin.bench;

/**
 * What one arm measured on one frame size.
 *
 * @param widthPx           frame width
 * @param heightPx          frame height
 * @param arm               the arm measured
 * @param frames            frames timed (frames x repeats)
 * @param wallSeconds       wall time of deblur + detection over those frames
 * @param cpuSeconds        process CPU time over the same span (every thread of the process)
 * @param deblurSeconds     wall time spent in deblurring
 * @param restoredFraction  share of the frame area handed to the deblurrer (1 for region frame, 0 for none)
 * @param rssMegabytes      resident set size after the arm
 * @param peakRssMegabytes  the process's peak resident set size so far (VmHWM: it only grows over the run)
 */
public record BenchRow(int widthPx, int heightPx, BenchArm arm, int frames, double wallSeconds, double cpuSeconds,
        double deblurSeconds, double restoredFraction, double rssMegabytes, double peakRssMegabytes) {

    /** Megapixels of frame area per second of deblurring alone. */
    public double deblurMegapixelsPerSecond() {
        return deblurSeconds <= 0 ? Double.POSITIVE_INFINITY : megapixels() / deblurSeconds;
    }

    /** Megapixels of frame area timed. */
    public double megapixels() {
        return (double) widthPx * heightPx * frames / 1e6;
    }

    /** Frame area per second of wall time, end to end. */
    public double megapixelsPerSecond() {
        return wallSeconds <= 0 ? Double.POSITIVE_INFINITY : megapixels() / wallSeconds;
    }

    public double cpuSecondsPerMegapixel() {
        return cpuSeconds / megapixels();
    }

    public double millisPerFrame() {
        return 1000 * wallSeconds / frames;
    }

    public double deblurMillisPerFrame() {
        return 1000 * deblurSeconds / frames;
    }
}
