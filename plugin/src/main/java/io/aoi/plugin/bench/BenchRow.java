package io.aoi.plugin.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one arm measured on one frame size. Built with {@link #builder(BenchArm)}, which names every figure: most
 * of them are seconds or megabytes, easy to swap in a positional call.
 *
 * @param widthPx           frame width
 * @param heightPx          frame height
 * @param arm               the arm measured
 * @param round             the round it was measured in, from 1 ({@link BenchSettings#rounds()})
 * @param frames            frames timed (frames x repeats)
 * @param wallSeconds       wall time of deblur + detection over those frames
 * @param cpuSeconds        process CPU time over the same span (every thread of the process)
 * @param deblurSeconds     wall time spent in deblurring
 * @param restoredFraction  share of the frame area handed to the deblurrer (1 for region frame, 0 for none)
 * @param rssMegabytes      resident set size after the arm
 * @param peakRssMegabytes  the process's peak resident set size so far (VmHWM: it only grows over the run)
 */
public record BenchRow(int widthPx, int heightPx, BenchArm arm, int round, int frames, double wallSeconds,
        double cpuSeconds, double deblurSeconds, double restoredFraction, double rssMegabytes,
        double peakRssMegabytes) {

    /** A row of {@code arm}; every other field must be set before {@link Builder#build()}. */
    public static Builder builder(BenchArm arm) {
        return new Builder(arm);
    }

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

    /** Names each figure of a row; {@link #build()} refuses a row with a figure left unset. */
    public static final class Builder {
        private final BenchArm arm;
        private int widthPx;
        private int heightPx;
        private int round = 1;
        private int frames;
        private double wallSeconds = Double.NaN;
        private double cpuSeconds = Double.NaN;
        private double deblurSeconds = Double.NaN;
        private double restoredFraction = Double.NaN;
        private double rssMegabytes = Double.NaN;
        private double peakRssMegabytes = Double.NaN;
        private boolean restoredSet;

        private Builder(BenchArm arm) {
            this.arm = Objects.requireNonNull(arm, "arm");
        }

        public Builder frameSize(int widthPx, int heightPx) {
            this.widthPx = widthPx;
            this.heightPx = heightPx;
            return this;
        }

        /** The round, from 1; 1 unless set. */
        public Builder round(int round) {
            this.round = round;
            return this;
        }

        /** Frames timed: frames x repeats. */
        public Builder frames(int frames) {
            this.frames = frames;
            return this;
        }

        public Builder wallSeconds(double seconds) {
            this.wallSeconds = seconds;
            return this;
        }

        public Builder cpuSeconds(double seconds) {
            this.cpuSeconds = seconds;
            return this;
        }

        public Builder deblurSeconds(double seconds) {
            this.deblurSeconds = seconds;
            return this;
        }

        /** Share of the frame area restored; NaN where it is not known. */
        public Builder restoredFraction(double fraction) {
            this.restoredFraction = fraction;
            this.restoredSet = true;
            return this;
        }

        public Builder memory(double rssMegabytes, double peakRssMegabytes) {
            this.rssMegabytes = rssMegabytes;
            this.peakRssMegabytes = peakRssMegabytes;
            return this;
        }

        public BenchRow build() {
            List<String> unset = new ArrayList<>();
            if (widthPx <= 0 || heightPx <= 0) {
                unset.add("frameSize");
            }
            if (round <= 0) {
                unset.add("round");
            }
            if (frames <= 0) {
                unset.add("frames");
            }
            addIfNaN(unset, "wallSeconds", wallSeconds);
            addIfNaN(unset, "cpuSeconds", cpuSeconds);
            addIfNaN(unset, "deblurSeconds", deblurSeconds);
            if (!restoredSet) {
                unset.add("restoredFraction");
            }
            addIfNaN(unset, "memory", rssMegabytes);
            if (!unset.isEmpty()) {
                throw new IllegalStateException("bench row of " + arm.label() + " without " + String.join(", ", unset));
            }
            return new BenchRow(widthPx, heightPx, arm, round, frames, wallSeconds, cpuSeconds, deblurSeconds,
                    restoredFraction, rssMegabytes, peakRssMegabytes);
        }

        private static void addIfNaN(List<String> unset, String name, double value) {
            if (Double.isNaN(value)) {
                unset.add(name);
            }
        }
    }
}
