package io.aoi.config.yaml;

import io.aoi.config.BumpLayout;
import io.aoi.config.Check;
import io.aoi.config.DecisionLimits;
import io.aoi.config.DetectorSettings;
import io.aoi.config.StationConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reads the {@code detector} section. minDiameterPx, maxDiameterPx, micronsPerPixel, minParticlesPerBump and
 * bumps are required (they depend on the optics and the product); the others default to
 * {@link DetectorSettings.Builder}'s values (minContrast {@value DetectorSettings#DEFAULT_MIN_CONTRAST},
 * illuminationAngleDeg 0). {@code illuminationAngleDeg: auto} estimates the direction per frame; then
 * illuminationAngleFallbackDeg (default 0) is used until a frame gives an estimate, and it is refused with a
 * fixed angle. expectedBumpsPerFrame, maxParticlesPerBump and minJudgedBumpAreaPx are optional (0: see
 * {@link DecisionLimits}); so is contrastNoiseFactor (default
 * {@link DetectorSettings#DEFAULT_CONTRAST_NOISE_FACTOR}).
 */
final class DetectorReader {
    static final List<String> BUMP_MODES = List.of("automatic", "fixed");
    /** The word that makes the detector estimate the illumination direction per frame. */
    static final String AUTO = "auto";

    private DetectorReader() {
    }

    static DetectorSettings read(YamlMap map) throws StationConfigException {
        map.allow("minDiameterPx", "maxDiameterPx", "minContrast", "micronsPerPixel", "illuminationAngleDeg",
                "illuminationAngleFallbackDeg", "minParticlesPerBump", "bumps", "expectedBumpsPerFrame",
                "maxParticlesPerBump", "minJudgedBumpAreaPx", "contrastNoiseFactor");
        double minDiameterPx = map.number("minDiameterPx");
        double maxDiameterPx = map.number("maxDiameterPx");
        double minContrast = map.number("minContrast", DetectorSettings.DEFAULT_MIN_CONTRAST);
        double contrastNoiseFactor = map.number("contrastNoiseFactor",
                DetectorSettings.DEFAULT_CONTRAST_NOISE_FACTOR);
        double micronsPerPixel = map.number("micronsPerPixel");
        OptionalDouble fixedAngle = map.numberOr("illuminationAngleDeg", AUTO, 0);
        boolean auto = fixedAngle.isEmpty();
        if (!auto && map.has("illuminationAngleFallbackDeg")) {
            throw map.notAllowed("illuminationAngleFallbackDeg", "a fallback with a fixed illuminationAngleDeg ("
                    + Check.number(fixedAngle.getAsDouble()) + ")",
                    "illuminationAngleFallbackDeg only with illuminationAngleDeg: auto");
        }
        double illuminationAngleDeg = auto ? map.number("illuminationAngleFallbackDeg", 0)
                : fixedAngle.getAsDouble();
        int minParticlesPerBump = map.integer("minParticlesPerBump");
        DecisionLimits none = DecisionLimits.DEFAULT;
        int expectedBumpsPerFrame = map.integer("expectedBumpsPerFrame", none.expectedBumpsPerFrame());
        int maxParticlesPerBump = map.integer("maxParticlesPerBump", none.maxParticlesPerBump());
        long minJudgedBumpAreaPx = map.longInteger("minJudgedBumpAreaPx", none.minJudgedBumpAreaPx());
        BumpLayout bumps = bumps(map.section("bumps"));
        DetectorSettings.Builder detector = DetectorSettings.builder()
                .particleDiameterPx(minDiameterPx, maxDiameterPx).minContrast(minContrast)
                .micronsPerPixel(micronsPerPixel).bumps(bumps).minParticlesPerBump(minParticlesPerBump)
                .contrastNoiseFactor(contrastNoiseFactor);
        if (auto) {
            detector.autoIlluminationAngle(illuminationAngleDeg);
        } else {
            detector.illuminationAngleDeg(illuminationAngleDeg);
        }
        return map.build(() -> detector.decisionLimits(none.withExpectedBumpsPerFrame(expectedBumpsPerFrame)
                        .withMaxParticlesPerBump(maxParticlesPerBump).withMinJudgedBumpAreaPx(minJudgedBumpAreaPx))
                        .build(),
                auto ? Map.of("illuminationAngleDeg", "illuminationAngleFallbackDeg") : Map.of());
    }

    /** {@code mode: automatic} with minWidthPx and minHeightPx, or {@code mode: fixed} with rectangles. */
    private static BumpLayout bumps(YamlMap map) throws StationConfigException {
        if (map.oneOf("mode", BUMP_MODES).equals("automatic")) {
            map.allow("mode", "minWidthPx", "minHeightPx");
            int minWidthPx = map.integer("minWidthPx");
            int minHeightPx = map.integer("minHeightPx");
            return map.build(() -> new BumpLayout.Automatic(minWidthPx, minHeightPx));
        }
        map.allow("mode", "rectangles");
        List<BumpLayout.Bump> rectangles = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (YamlMap item : map.mappings("rectangles", true, "a mapping with id, x, y, width and height")) {
            item.allow("id", "x", "y", "width", "height");
            String id = item.text("id");
            item.requireDistinct("id", id, ids, "rectangles", "an id no other rectangle has");
            int x = item.integer("x");
            int y = item.integer("y");
            int width = item.integer("width");
            int height = item.integer("height");
            rectangles.add(item.build(() -> new BumpLayout.Bump(id, x, y, width, height)));
        }
        return map.build(() -> new BumpLayout.Fixed(rectangles), Map.of("bumps", "rectangles"));
    }
}
