package io.aoi.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.config.BumpLayout;
import io.aoi.config.DecisionLimits;
import io.aoi.config.DetectorSettings;
import io.aoi.image.Image;
import io.aoi.results.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Frames the station cannot stand behind get NO_DECISION with the reason, never OK. */
class NoDecisionTest {
    private static final BumpLayout AUTOMATIC = new BumpLayout.Automatic(60, 32);
    private static final DetectorSettings SETTINGS = DetectorSettings.builder().particleDiameterPx(4, 16)
            .minContrast(0.04).micronsPerPixel(2.0).bumps(AUTOMATIC).minParticlesPerBump(5).build();

    /** Two bumps of 120 x 56 and 100 x 48, five particles on each. */
    private static TestFrames twoGoodBumps(double bumpLevel) {
        TestFrames frames = new TestFrames(400, 160, 0.33);
        frames.bump(20, 40, 120, 56, bumpLevel).bump(200, 50, 100, 48, bumpLevel);
        for (int i = 0; i < 5; i++) {
            frames.disc(40 + 20 * i, 60, 4, 0.2);
            frames.disc(215 + 18 * i, 75, 4, 0.2);
        }
        return frames;
    }

    private static Detection detect(DetectorSettings settings, Image image) {
        return new ParticleDetector(settings).detect(image);
    }

    private static void assertNoDecision(Detection d, String reasonPart) {
        assertEquals(Verdict.NO_DECISION, d.verdict(), "reason: " + d.reason());
        assertTrue(d.reason().contains(reasonPart), d.reason());
    }

    @Test
    void aGoodFrameIsStillDecided() {
        Detection d = detect(SETTINGS, twoGoodBumps(0.62).noise(0.01, 5).toImage(8));
        assertEquals(2, d.bumps().size(), "bumps " + d.bumps());
        assertEquals(Verdict.OK, d.verdict(), d.reason());
        assertEquals("", d.reason());
    }

    static Stream<Arguments> blankFrames() {
        return Stream.of(
                Arguments.of("black 8-bit", Image.blank(256, 128, 1, 8), "blank or of too low contrast"),
                Arguments.of("white 8-bit", uniform(256, 128, 8, 255), "saturated: 100.0 %"),
                Arguments.of("grey 8-bit", uniform(256, 128, 8, 128), "blank or of too low contrast"),
                Arguments.of("grey 16-bit", uniform(256, 128, 16, 30000), "blank or of too low contrast"),
                Arguments.of("white 16-bit", uniform(256, 128, 16, 65535), "saturated"),
                Arguments.of("1x1", Image.blank(1, 1, 1, 8), "frame 1x1 is too small to judge"),
                Arguments.of("3x3", uniform(3, 3, 8, 90), "frame 3x3 is too small to judge"),
                Arguments.of("1x4096", uniform(1, 4096, 8, 90), "frame 1x4096 is too small to judge"),
                Arguments.of("4096x1", uniform(4096, 1, 8, 90), "frame 4096x1 is too small to judge"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blankFrames")
    void blankSaturatedAndTinyFramesGetNoDecision(String name, Image image, String reasonPart) {
        assertNoDecision(detect(SETTINGS, image), reasonPart);
    }

    @Test
    void aTestPatternGradientWithoutBumpsGetsNoDecision() {
        int w = 512;
        int h = 256;
        short[] diagonal = new short[w * h];
        short[] horizontal = new short[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                diagonal[y * w + x] = (short) ((x + y) % 256);
                horizontal[y * w + x] = (short) (x * 255 / (w - 1));
            }
        }
        assertNoDecision(detect(SETTINGS, new Image(w, h, 1, 8, diagonal)), "bump");
        assertNoDecision(detect(SETTINGS, new Image(w, h, 1, 8, horizontal)), "bump");
    }

    @Test
    void aFrameMostlyAtFullScaleGetsNoDecisionEvenWithBumps() {
        TestFrames frames = twoGoodBumps(0.62).bump(0, 0, 400, 60, 1.0);
        assertNoDecision(detect(SETTINGS, frames.toImage(8)), "saturated: 37.5 %");
    }

    @Test
    void aFrameSaturatedAsCapturedGetsNoDecisionHoweverItWasRestored() {
        Image captured = twoGoodBumps(0.62).bump(0, 0, 400, 60, 1.0).toImage(8);
        // a restoration that pulls the glare band just below full scale, as a deblurrer's ringing can
        short[] restoredSamples = captured.samples().clone();
        for (int i = 0; i < restoredSamples.length; i++) {
            restoredSamples[i] = (short) Math.min(restoredSamples[i], 250);
        }
        Image restored = new Image(captured.width(), captured.height(), 1, 8, restoredSamples);
        ParticleDetector detector = new ParticleDetector(SETTINGS);

        assertEquals(Optional.empty(), FrameQuality.problem(MonoPlane.of(restored)), "the restored frame alone passes");
        assertNoDecision(detector.detect(restored, captured), "as captured: frame is saturated: 37.5 %");
        Detection unrestored = detector.detect(twoGoodBumps(0.62).noise(0.01, 5).toImage(8));
        assertEquals(Verdict.OK, unrestored.verdict(), "the same bumps without the glare: " + unrestored.reason());
    }

    @Test
    void bumpsOfTooLowContrastGiveNoDecision() {
        TestFrames frames = new TestFrames(400, 160, 0.40);
        frames.bump(20, 40, 120, 56, 0.41).bump(200, 50, 100, 48, 0.41);
        assertNoDecision(detect(SETTINGS, frames.noise(0.002, 3).toImage(16)), "blank or of too low contrast");
    }

    @Test
    void fewerBumpsThanTheStationExpectsGiveNoDecision() {
        DetectorSettings expectThree = SETTINGS.withDecisionLimits(DecisionLimits.DEFAULT.withExpectedBumpsPerFrame(3));
        Detection d = detect(expectThree, twoGoodBumps(0.62).noise(0.01, 5).toImage(8));
        assertEquals(2, d.bumps().size(), "the two bumps are still reported");
        assertNoDecision(d, "2 bumps judged, at least 3 expected (detector.expectedBumpsPerFrame)");
        DetectorSettings expectTwo = SETTINGS.withDecisionLimits(DecisionLimits.DEFAULT.withExpectedBumpsPerFrame(2));
        assertEquals(Verdict.OK, detect(expectTwo, twoGoodBumps(0.62).noise(0.01, 5).toImage(8)).verdict());
    }

    @Test
    void judgedBumpsCoveringLessThanTheMinimumAreaGiveNoDecision() {
        // the two bumps cover 120 x 56 + 100 x 48 = 11520 px
        DetectorSettings needMore = SETTINGS.withDecisionLimits(DecisionLimits.DEFAULT.withMinJudgedBumpAreaPx(12_000));
        assertNoDecision(detect(needMore, twoGoodBumps(0.62).noise(0.01, 5).toImage(8)),
                "at least 12000 px expected (detector.minJudgedBumpAreaPx)");
        DetectorSettings enough = SETTINGS.withDecisionLimits(DecisionLimits.DEFAULT.withMinJudgedBumpAreaPx(10_000));
        assertEquals(Verdict.OK, detect(enough, twoGoodBumps(0.62).noise(0.01, 5).toImage(8)).verdict());
    }

    @Test
    void aFixedLayoutRectangleOutsideTheFrameIsUnseenAndGivesNoDecision() {
        BumpLayout layout = new BumpLayout.Fixed(List.of(
                new BumpLayout.Bump("L", 20, 40, 120, 56),
                new BumpLayout.Bump("R", 200, 50, 100, 48),
                new BumpLayout.Bump("cut", 300, 130, 60, 40)));
        DetectorSettings fixed = DetectorSettings.builder().particleDiameterPx(4, 16).minContrast(0.04)
                .micronsPerPixel(2.0).bumps(layout).minParticlesPerBump(5).build();
        assertNoDecision(detect(fixed, twoGoodBumps(0.62).noise(0.01, 5).toImage(8)),
                "2 bumps judged, at least 3 expected (the fixed layout's rectangles)");
    }

    @Test
    void moreParticlesInABumpThanConfiguredArePlausibleGiveNoDecision() {
        DetectorSettings atMostFour = DetectorSettings.builder().particleDiameterPx(4, 16).minContrast(0.04)
                .micronsPerPixel(2.0).bumps(AUTOMATIC).minParticlesPerBump(3).build()
                .withDecisionLimits(DecisionLimits.DEFAULT.withMaxParticlesPerBump(4));
        assertNoDecision(detect(atMostFour, twoGoodBumps(0.62).noise(0.01, 5).toImage(8)),
                "holds 5 particles, more than the 4 plausible (detector.maxParticlesPerBump)");
    }

    @Test
    void moreParticlesThanFitIntoABumpGiveNoDecision() {
        List<Particle> crowd = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            crowd.add(new Particle(10 + i % 10, 10 + i / 10, 2, 0.9));
        }
        BumpJudge judge = new BumpJudge(5, 2.0, 0, 4, 0);
        Detection d = judge.judge(crowd, List.of(new BumpRegion("B1", 10, 10, 10, 10)), 1, "test");
        // (10 + 4) x (10 + 4) px over the area of a 4 px particle: 15 fit
        assertNoDecision(d, "bump B1 holds 100 particles, more than the 15 plausible (packing bound");
    }

    private static Image uniform(int w, int h, int bitDepth, int value) {
        short[] s = new short[w * h];
        java.util.Arrays.fill(s, (short) value);
        return new Image(w, h, 1, bitDepth, s);
    }
}
