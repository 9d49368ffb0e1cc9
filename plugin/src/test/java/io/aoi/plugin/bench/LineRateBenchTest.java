package io.aoi.plugin.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurRegion;
import io.aoi.config.DeblurSettings;
import io.aoi.eval.EvaluationSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's bookkeeping on a tiny run; no timing is asserted. */
class LineRateBenchTest {
    private static final DeblurSettings DEBLUR = DeblurSettings.DEFAULTS.withModel(DeblurModel.WIENER)
            .withThreads(1);

    @Test
    void measuresEveryArmOnEverySizeAndCountsTheFrameArea() throws Exception {
        List<BenchArm> arms = List.of(new BenchArm(DeblurModel.NONE, 1, DeblurRegion.FRAME),
                new BenchArm(DeblurModel.WIENER, 1, DeblurRegion.BUMPS),
                new BenchArm(DeblurModel.WIENER, 1, DeblurRegion.FRAME));
        BenchSettings settings = BenchSettings.builder(List.of(new FrameSize(256, 192), new FrameSize(320, 256)), arms)
                .frames(2).repeats(2).defocusSigmaPx(2.5).noiseSigma(0.01).seed(3).deblur(DEBLUR)
                .detector(EvaluationSettings.defaultDetector()).build();
        List<BenchRow> progress = new ArrayList<>();

        List<BenchRow> rows = LineRateBench.run(settings, progress::add);

        assertEquals(rows, progress);
        assertEquals(List.of("none", "wiener bumps", "wiener frame", "none", "wiener bumps", "wiener frame"),
                rows.stream().map(r -> r.arm().label()).toList());
        for (BenchRow r : rows) {
            assertEquals(4, r.frames(), "2 frames x 2 repeats");
            assertEquals(r.widthPx() * r.heightPx() * 4 / 1e6, r.megapixels(), 1e-12);
            assertEquals(r.megapixels() / r.wallSeconds(), r.megapixelsPerSecond(), 1e-9);
            assertEquals(r.cpuSeconds() / r.megapixels(), r.cpuSecondsPerMegapixel(), 1e-9);
            assertTrue(r.deblurSeconds() <= r.wallSeconds(), "deblurring is part of the end-to-end time");
            assertTrue(r.peakRssMegabytes() >= r.rssMegabytes(), "the peak is never below the current RSS");
        }
        assertEquals(0, rows.get(0).restoredFraction());
        assertEquals(1, rows.get(2).restoredFraction());
        assertTrue(rows.get(1).restoredFraction() > 0 && rows.get(1).restoredFraction() <= 1,
                "bumps and their margins are part of the frame: " + rows.get(1).restoredFraction());
    }

    @Test
    void rendersOneTableRowPerMeasurement() {
        BenchRow row = row(new BenchArm(DeblurModel.UDBD_ACF, 1, DeblurRegion.BUMPS), 1024, 512, 4)
                .wallSeconds(2.0).cpuSeconds(3.0).deblurSeconds(1.5).restoredFraction(0.5).memory(300, 400).build();

        String table = BenchTable.render(List.of(row));

        assertEquals(BenchTable.header(false)
                + "| 1024x512 | udbd_acf x1 bumps | 1.049 | 1.43 | 500 | 375 | 50 % | 300 | 400 |\n", table);
    }

    @Test
    void measuresEveryArmOncePerRoundRoundAfterRoundAndTimesNoWarmUp() throws Exception {
        List<BenchArm> arms = List.of(new BenchArm(DeblurModel.NONE, 1, DeblurRegion.FRAME),
                new BenchArm(DeblurModel.WIENER, 1, DeblurRegion.FRAME));
        BenchSettings settings = BenchSettings.builder(List.of(new FrameSize(256, 192)), arms).rounds(2).warmups(3)
                .detector(EvaluationSettings.defaultDetector()).deblur(DEBLUR).build();

        List<BenchRow> rows = LineRateBench.run(settings, row -> { });

        assertEquals(List.of("1 none", "1 wiener frame", "2 none", "2 wiener frame"),
                rows.stream().map(r -> r.round() + " " + r.arm().label()).toList());
        for (BenchRow r : rows) {
            assertEquals(BenchSettings.DEFAULT_FRAMES * BenchSettings.DEFAULT_REPEATS, r.frames(),
                    "the three warm-ups are not among the timed frames");
        }
        String table = BenchTable.render(rows);
        assertTrue(table.startsWith("| frame | round | arm |"), table);
        assertTrue(table.contains("| 256x192 | 2 | wiener frame |"), table);
    }

    @Test
    void judgesRoundsByTheMedianOfEachRoundsOwnRatioToWiener() {
        // 4 frames of 1024x512: 2.097152 MP; the machine slows down from round to round
        double[] wienerDeblurSeconds = {0.2, 0.4, 0.3};
        double[] udbdDeblurSeconds = {1.0, 1.0, 0.75};
        List<BenchRow> rows = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            rows.add(row(new BenchArm(DeblurModel.WIENER, 1, DeblurRegion.FRAME), 1024, 512, 4).round(round)
                    .wallSeconds(1.0).cpuSeconds(1.0).deblurSeconds(wienerDeblurSeconds[round - 1])
                    .restoredFraction(1).memory(300, 400).build());
            rows.add(row(new BenchArm(DeblurModel.UDBD_ACF_LITE, 1, DeblurRegion.FRAME), 1024, 512, 4).round(round)
                    .wallSeconds(0.5 * round).cpuSeconds(2.0).deblurSeconds(udbdDeblurSeconds[round - 1])
                    .restoredFraction(1).memory(300, 400).build());
        }

        List<String> lines = BenchTargets.lines(rows);

        // ratios 0.2, 0.4 and 0.4: median 0.4, met; the ratio of the medians (2.097 / 6.991 = 0.3) is not it
        assertEquals(List.of(
                "1024x512: udbd_acf_lite x1 frame end to end 2.097 MP/s, median of 3 rounds (1.398 to 4.194) (target "
                        + "1.5): met",
                "1024x512: udbd_acf_lite x1 frame deblur alone 2.097 MP/s = 0.400x wiener frame's 6.99 MP/s (medians "
                        + "of 3 rounds; the ratio is the median of each round's own, 0.200 to 0.400) (target 0.3x): "
                        + "met"), lines);
        assertEquals(2.5, BenchTargets.median(List.of(4.0, 1.0, 3.0, 2.0)), 1e-12,
                "even count: the mean of the middle two");
    }

    @Test
    void readsTheTargetsOffTheRowsOfEachSize() {
        // 4 frames of 1024x512: 2.097152 MP
        BenchRow udbdFrame = row(new BenchArm(DeblurModel.UDBD_ACF, 1, DeblurRegion.FRAME), 1024, 512, 4)
                .wallSeconds(1.0).cpuSeconds(2.0).deblurSeconds(0.8).restoredFraction(1).memory(300, 400).build();
        BenchRow udbdBumps = row(new BenchArm(DeblurModel.UDBD_ACF, 1, DeblurRegion.BUMPS), 1024, 512, 4)
                .wallSeconds(2.0).cpuSeconds(4.0).deblurSeconds(1.8).restoredFraction(0.8).memory(300, 400).build();
        BenchRow udbdThree = row(new BenchArm(DeblurModel.UDBD_ACF, 3, DeblurRegion.FRAME), 1024, 512, 4)
                .wallSeconds(0.1).cpuSeconds(6.0).deblurSeconds(0.05).restoredFraction(1).memory(300, 400).build();
        BenchRow wiener = row(new BenchArm(DeblurModel.WIENER, 1, DeblurRegion.FRAME), 1024, 512, 4)
                .wallSeconds(0.5).cpuSeconds(1.0).deblurSeconds(0.2).restoredFraction(1).memory(300, 400).build();
        BenchRow otherSize = row(new BenchArm(DeblurModel.UDBD_ACF, 1, DeblurRegion.BUMPS), 2048, 1024, 1)
                .wallSeconds(4.0).cpuSeconds(8.0).deblurSeconds(3.5).restoredFraction(0.9).memory(300, 400).build();

        List<String> lines = BenchTargets.lines(List.of(udbdFrame, udbdBumps, udbdThree, wiener, otherSize));

        assertEquals(List.of(
                "1024x512: udbd_acf x1 frame end to end 2.097 MP/s (target 1.5): met",
                "1024x512: udbd_acf x1 frame deblur alone 2.621 MP/s = 0.250x wiener frame's 10.49 MP/s (target 0.3x):"
                        + " not met",
                "2048x1024: udbd_acf x1 bumps end to end 0.524 MP/s (target 1.5): not met"), lines);
    }

    @Test
    void refusesArmsAndSizesItCannotRun() {
        assertThrows(IllegalArgumentException.class, () -> new BenchArm(DeblurModel.MOTION, 1, DeblurRegion.FRAME));
        assertThrows(IllegalArgumentException.class, () -> new BenchArm(DeblurModel.UDBD_ACF, 4, DeblurRegion.FRAME));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FrameSize(32, 32));
        assertEquals("frame size 32x32; allowed: width 64 to 16384 and height 64 to 8192", e.getMessage());
        IllegalArgumentException noDetector = assertThrows(IllegalArgumentException.class, () -> BenchSettings
                .builder(List.of(new FrameSize(64, 64)), List.of(new BenchArm(DeblurModel.NONE, 1, DeblurRegion.FRAME)))
                .build());
        assertTrue(noDetector.getMessage().contains("detector"), noDetector.getMessage());
        IllegalArgumentException noWarmUp = assertThrows(IllegalArgumentException.class, () -> BenchSettings
                .builder(List.of(new FrameSize(64, 64)), List.of(new BenchArm(DeblurModel.NONE, 1, DeblurRegion.FRAME)))
                .warmups(0).detector(EvaluationSettings.defaultDetector()).build());
        assertEquals("warmups = 0; allowed: 1 to 100", noWarmUp.getMessage());
    }

    @Test
    void aRowWithAFigureLeftUnsetIsRefusedWithItsName() {
        BenchRow.Builder partial = row(new BenchArm(DeblurModel.WIENER, 1, DeblurRegion.FRAME), 1024, 512, 2)
                .wallSeconds(1).deblurSeconds(0.5).memory(300, 400);

        IllegalStateException e = assertThrows(IllegalStateException.class, partial::build);
        assertEquals("bench row of wiener frame without cpuSeconds, restoredFraction", e.getMessage());
    }

    private static BenchRow.Builder row(BenchArm arm, int widthPx, int heightPx, int frames) {
        return BenchRow.builder(arm).frameSize(widthPx, heightPx).frames(frames);
    }
}
