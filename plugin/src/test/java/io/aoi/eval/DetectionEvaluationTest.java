package io.aoi.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.deblur.DeblurException;
import io.aoi.deblur.Deblurrer;
import io.aoi.deblur.motion.TripletDeblurrer;
import io.aoi.image.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class DetectionEvaluationTest {
    /** Returns frames unchanged and counts calls. */
    private static final class PassThrough implements Deblurrer {
        int calls;

        @Override
        public String name() {
            return "pass-through";
        }

        @Override
        public Image deblur(Image frame, int passes) {
            calls++;
            return frame;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void scoresEveryArmAtEverySigmaAndBlurCostsRecall() throws DeblurException {
        EvaluationSettings settings = EvaluationSettings.defaults().withFrames(1).withWidthPx(384).withHeightPx(256)
                .withSeed(7).withDefocusSigmasPx(List.of(0.0, 3.0));
        PassThrough custom = new PassThrough();
        EvaluationReport report = DetectionEvaluation.run(settings, List.of(EvaluationArm.sharp(),
                EvaluationArm.blurred(), EvaluationArm.wienerAtTrueSigma(0.03),
                EvaluationArm.deblurred("custom", custom, 2)));
        assertEquals(8, report.rows().size());
        assertEquals(List.of("sharp", "blurred", "wiener true sigma", "custom"), report.arms());
        assertEquals(2, custom.calls);
        EvaluationRow sharp = report.row(0.0, "sharp");
        assertTrue(sharp.particles().f1() >= 0.97, "sharp " + sharp);
        assertTrue(sharp.bumps().judged() > 0);
        // at sigma 0 every arm sees the same frame
        assertEquals(sharp.particles(), report.row(0.0, "blurred").particles());
        // a pass-through deblurrer scores exactly like no deblurring
        EvaluationRow custom3 = report.row(3.0, "custom");
        assertEquals(report.row(3.0, "blurred"), new EvaluationRow(3.0, "blurred", custom3.particles(),
                custom3.classes(), custom3.bumps(), custom3.meanContrastThreshold()));
        // the kinds of particle add up to the true particles that count; blur costs the small ones most
        ParticleClasses sharpKinds = sharp.classes();
        assertEquals(sharp.particles().truePositives() + sharp.particles().falseNegatives(),
                sharpKinds.small().total() + sharpKinds.medium().total() + sharpKinds.large().total());
        assertEquals(sharp.particles().truePositives(),
                sharpKinds.small().found() + sharpKinds.medium().found() + sharpKinds.large().found());
        ParticleClasses blurredKinds = report.row(3.0, "blurred").classes();
        assertTrue(blurredKinds.small().fraction() < blurredKinds.large().fraction(), report.toMarkdown());
        assertTrue(report.row(3.0, "blurred").particles().recall() < sharp.particles().recall() - 0.1,
                report.toMarkdown());
        String markdown = report.toMarkdown();
        assertTrue(markdown.contains("| sigma | arm | precision | recall | F1 | bump verdict accuracy |"), markdown);
        assertTrue(markdown.contains("| 3.0 | wiener true sigma |"), markdown);
        assertTrue(markdown.contains("| sigma | arm | radius < 3.67 px | 3.67 to 4.33 px | >= 4.33 px | weak |"),
                markdown);
    }

    @Test
    void anArmTrainedOnOneShearDirectionGetsFramesTurnedTowardsItPerDetector() throws DeblurException {
        EvaluationSettings settings = EvaluationSettings.defaults().withFrames(1).withWidthPx(384).withHeightPx(256)
                .withSeed(7).withDefocusSigmasPx(List.of(0.0)).withShearAngleDeg(120);
        List<Integer> widths = new ArrayList<>();
        EvaluationArm turned = new EvaluationArm("turned", (sharp, blurred, sigma) -> {
            widths.add(blurred.width());
            return blurred;
        }, OptionalDouble.of(0));
        List<DetectorVariant> variants = DetectorVariant.shearArms(settings.detector(), 120);
        EvaluationReport report = DetectionEvaluation.run(settings, List.of(EvaluationArm.blurred(), turned),
                variants);
        // @right (120) and @auto turn by a quarter turn, @+30 (150) mirrors, @+90 (210) and @+180 (300) turn too:
        // one restoration per distinct turn, each of the turned frame
        assertTrue(widths.contains(256), "a quarter turn gives the model a 256 px wide frame: " + widths);
        assertTrue(widths.size() < variants.size(), "detectors that turn alike share a restoration: " + widths);
        // the pass-through model, turned and turned back, scores exactly like the frame as captured
        for (DetectorVariant v : variants) {
            assertEquals(report.row(0.0, v.labelFor("blurred")).particles(),
                    report.row(0.0, v.labelFor("turned")).particles(), v.label());
        }
        assertTrue(report.row(0.0, "turned @auto").particles().f1() >= 0.95, report.toMarkdown());
    }

    @Test
    void shearArmsStayWithinTheAllowedAngles() {
        List<DetectorVariant> arms = DetectorVariant.shearArms(EvaluationSettings.defaults().detector(), 250);
        assertEquals(List.of(-110.0, -80.0, -20.0, 70.0), arms.subList(0, 4).stream()
                .map(v -> v.detector().illuminationAngleDeg()).toList());
    }

    @Test
    void motionEvaluationScoresTheTripletDeblurrerOnMotionBlurredFrames() throws DeblurException {
        EvaluationSettings settings = EvaluationSettings.defaults().withFrames(1).withWidthPx(384).withHeightPx(256)
                .withSeed(7).withDefocusSigmasPx(List.of(0.0));
        int[] calls = {0};
        TripletDeblurrer centreAsIs = new TripletDeblurrer() {
            @Override
            public String name() {
                return "centre as is";
            }

            @Override
            public Image deblur(Image previous, Image current, Image next) {
                calls[0]++;
                assertEquals(current.width(), previous.width());
                assertEquals(current.height(), next.height());
                return current;
            }

            @Override
            public void close() {
            }
        };
        List<MotionRow> rows = MotionEvaluation.run(settings, List.of(2.0, 24.0), centreAsIs);
        assertEquals(6, rows.size());
        assertEquals(2, calls[0]);
        for (int i = 0; i < rows.size(); i += 3) {
            assertEquals(List.of("sharp", "blurred", "motion"), List.of(rows.get(i).arm(), rows.get(i + 1).arm(),
                    rows.get(i + 2).arm()));
            // a deblurrer that returns the blurred frame scores exactly like no deblurring
            assertEquals(rows.get(i + 1).particles(), rows.get(i + 2).particles());
        }
        assertTrue(rows.get(0).particles().f1() >= 0.97, rows.get(0).toString());
        assertTrue(rows.get(4).particles().f1() < rows.get(1).particles().f1() - 0.1,
                "24 lines of motion blur cost more than 2: " + MotionEvaluation.toMarkdown(rows));
        assertTrue(MotionEvaluation.toMarkdown(rows).contains("| 24.0 | motion |"));
    }

    @Test
    void shearArmsScoreTheDetectorAtTheRightWrongAndEstimatedDirection() throws DeblurException {
        EvaluationSettings settings = EvaluationSettings.defaults().withFrames(1).withWidthPx(512).withHeightPx(320)
                .withSeed(7).withDefocusSigmasPx(List.of(0.0)).withShearAngleDeg(90);
        EvaluationReport report = DetectionEvaluation.run(settings, List.of(EvaluationArm.sharp()),
                DetectorVariant.shearArms(settings.detector(), 90));
        assertEquals(List.of("sharp @right", "sharp @+30", "sharp @+90", "sharp @+180", "sharp @auto"),
                report.arms());
        double right = report.row(0.0, "sharp @right").particles().f1();
        assertTrue(right >= 0.95, "right " + right);
        assertTrue(report.row(0.0, "sharp @+90").particles().f1() < 0.3, report.toMarkdown());
        assertTrue(report.row(0.0, "sharp @+180").particles().f1() < 0.3, report.toMarkdown());
        assertEquals(right, report.row(0.0, "sharp @auto").particles().f1(), 0.01, report.toMarkdown());
    }
}
