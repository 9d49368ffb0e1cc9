package io.aoi.config.yaml;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurPolicy;
import io.aoi.config.DeblurRegion;
import io.aoi.config.DeblurSettings;
import io.aoi.config.ExecutionProvider;
import io.aoi.config.OverloadPolicy;
import io.aoi.config.StationConfigException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the {@code deblur} section. {@code model} is required; defaults: 1 iteration, cpu, 2 threads, 256 px tiles
 * overlapping by 32 px, the shipped model file, Wiener sigma 2.5 px and noise-to-signal 0.01; region, overload,
 * fallback and focus-drift threshold from {@link DeblurPolicy#DEFAULTS} (bumps with 16 px of margin, drop,
 * wiener, 3.5 px).
 */
final class DeblurReader {
    private DeblurReader() {
    }

    static DeblurSettings read(YamlMap map) throws StationConfigException {
        map.allow("model", "iterations", "executionProvider", "threads", "tileSizePx", "tileOverlapPx", "modelFile",
                "wienerSigmaPx", "wienerNoiseToSignal", "region", "regionMarginPx", "overload", "fallbackModel",
                "focusDriftWarnSigmaPx");
        DeblurModel model = map.choice("model", DeblurModel.class);
        int iterations = map.integer("iterations", 1);
        ExecutionProvider provider = map.choice("executionProvider", ExecutionProvider.class, ExecutionProvider.CPU);
        int threads = map.integer("threads", 2);
        int tileSizePx = map.integer("tileSizePx", 256);
        int tileOverlapPx = map.integer("tileOverlapPx", 32);
        Optional<Path> modelFile = map.optionalPath("modelFile");
        double wienerSigmaPx = map.number("wienerSigmaPx", 2.5);
        double wienerNoiseToSignal = map.number("wienerNoiseToSignal", 0.01);
        DeblurPolicy d = DeblurPolicy.DEFAULTS;
        DeblurRegion region = map.choice("region", DeblurRegion.class, d.region());
        int regionMarginPx = map.integer("regionMarginPx", d.regionMarginPx());
        OverloadPolicy overload = map.choice("overload", OverloadPolicy.class, d.overload());
        DeblurModel fallbackModel = map.choice("fallbackModel", DeblurModel.class, d.fallbackModel());
        double focusDriftWarnSigmaPx = map.number("focusDriftWarnSigmaPx", d.focusDriftWarnSigmaPx());
        return map.build(() -> new DeblurSettings(model, iterations, provider, threads, tileSizePx, tileOverlapPx,
                modelFile, wienerSigmaPx, wienerNoiseToSignal, new DeblurPolicy(region, regionMarginPx, overload,
                        fallbackModel, focusDriftWarnSigmaPx)));
    }
}
