package io.aoi.plugin.deblur;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurPolicy;
import io.aoi.config.DeblurRegion;
import io.aoi.config.DeblurSettings;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.Deblurrer;
import io.aoi.deblur.FrameOrientation;
import io.aoi.deblur.OrientedDeblurrer;
import io.aoi.deblur.PassThroughDeblurrer;
import io.aoi.deblur.PixelRegion;
import io.aoi.deblur.region.RegionDeblurrer;
import io.aoi.deblur.region.RegionFinder;
import io.aoi.deblur.wiener.WienerDeblurrer;
import io.aoi.image.Image;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeblurrersRegionTest {
    private static final DeblurSettings WIENER = DeblurSettings.DEFAULTS.withModel(DeblurModel.WIENER)
            .withThreads(1).withWiener(2.0, 0.01);
    private static final Optional<RegionFinder> ONE_BUMP = Optional.of(f -> List.of(new PixelRegion(20, 20, 16, 8)));

    @Test
    void regionBumpsWrapsTheModelAndRestoresOnlyTheBumpWithItsMargin() throws Exception {
        try (Deblurrer d = Deblurrers.open(WIENER, ONE_BUMP)) {
            assertInstanceOf(RegionDeblurrer.class, d);
            d.deblur(Image.blank(96, 64, 1, 8), 1);
            assertEquals(List.of(new PixelRegion(4, 4, 48, 40)), ((RegionDeblurrer) d).lastRegions());
        }
    }

    @Test
    void aModelFileForAModelThatReadsNoneIsRefusedNamingTheFileAndTheModelsThatReadOne() {
        DeblurSettings wienerWithFile = WIENER.withModelFile(Path.of("candidate.onnx"));

        for (org.junit.jupiter.api.function.Executable open : List.<org.junit.jupiter.api.function.Executable>of(
                () -> Deblurrers.open(wienerWithFile).close(),
                () -> Deblurrers.stage(wienerWithFile, () -> 1).close())) {
            DeblurException e = assertThrows(DeblurException.class, open);
            assertEquals("deblur.modelFile candidate.onnx is given for model 'wiener', which reads no model file; "
                    + "allowed: no modelFile, or a model that reads one (udbd, udbd_acf, udbd_acf_lite, motion)",
                    e.getMessage());
        }
    }

    @Test
    void theFallbackRestoresWithItsShippedModelNotTheFileOfTheMainModel() throws Exception {
        DeblurSettings udbdWithFile = DeblurSettings.DEFAULTS.withModelFile(Path.of("candidate.onnx"))
                .withPolicy(DeblurPolicy.DEFAULTS.withRegion(DeblurRegion.FRAME));

        try (Deblurrer fallback = Deblurrers.fallback(udbdWithFile, Optional.empty(), f -> Double.NaN)) {
            assertEquals(DeblurModel.WIENER, udbdWithFile.policy().fallbackModel());
            assertInstanceOf(WienerDeblurrer.class, fallback);
        }
    }

    @Test
    void regionFrameNoneAndAMissingFinderRestoreWholeFrames() throws Exception {
        DeblurSettings frame = WIENER.withPolicy(DeblurPolicy.DEFAULTS.withRegion(DeblurRegion.FRAME));
        try (Deblurrer a = Deblurrers.open(frame, ONE_BUMP);
                Deblurrer b = Deblurrers.open(WIENER.with(DeblurModel.NONE, 1), ONE_BUMP);
                Deblurrer c = Deblurrers.open(WIENER, Optional.empty())) {
            assertInstanceOf(WienerDeblurrer.class, a);
            assertInstanceOf(PassThroughDeblurrer.class, b);
            assertInstanceOf(WienerDeblurrer.class, c);
        }
    }

    @Test
    void theFallbackIsTheCheapModelOnTheSameRegion() throws Exception {
        DeblurSettings udbd = WIENER.with(DeblurModel.UDBD_ACF, 3);
        try (Deblurrer wiener = Deblurrers.fallback(udbd, ONE_BUMP, frame -> 120);
                Deblurrer none = Deblurrers.fallback(udbd.withPolicy(DeblurPolicy.DEFAULTS
                        .withFallbackModel(DeblurModel.NONE)), ONE_BUMP, frame -> 120)) {
            assertInstanceOf(RegionDeblurrer.class, wiener);
            assertEquals("wiener s2.00", wiener.name());
            assertInstanceOf(PassThroughDeblurrer.class, none);
        }
    }

    @Test
    void anAcfModelIsTurnedTowardsItsShearDirectionInsideTheRegionWrapper() throws Exception {
        DeblurSettings acf = WIENER.with(DeblurModel.UDBD_ACF_LITE, 1);
        try (Deblurrer regional = Deblurrers.open(acf, ONE_BUMP, frame -> 120);
                Deblurrer whole = Deblurrers.open(acf.withPolicy(DeblurPolicy.DEFAULTS.withRegion(DeblurRegion.FRAME)),
                        ONE_BUMP, frame -> 120);
                Deblurrer general = Deblurrers.open(WIENER.with(DeblurModel.UDBD, 1), Optional.empty(),
                        frame -> 120)) {
            assertInstanceOf(RegionDeblurrer.class, regional);
            OrientedDeblurrer oriented = assertInstanceOf(OrientedDeblurrer.class, whole);
            assertEquals(FrameOrientation.ROTATE_270, oriented.orientationFor(Image.blank(8, 8, 1, 8)));
            assertEquals("udbd_acf_lite", whole.name());
            assertFalse(general instanceof OrientedDeblurrer, "the general model restores any direction");
        }
    }
}
