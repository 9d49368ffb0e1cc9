package io.aoi.config.yaml;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurPolicy;
import io.aoi.config.DeblurRegion;
import io.aoi.config.DeblurSettings;
import io.aoi.config.ExecutionProvider;
import io.aoi.config.OverloadPolicy;
import io.aoi.config.StationConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code deblur} section. {@code model} is required and must be one of the installed models; every other
 * field defaults to {@link DeblurSettings#DEFAULTS} and {@link DeblurPolicy#DEFAULTS}.
 */
final class DeblurReader {
    private DeblurReader() {
    }

    /** @param models the installed model names, in the order messages list them */
    static DeblurSettings read(YamlMap map, List<String> models) throws StationConfigException {
        map.allow("model", "iterations", "executionProvider", "threads", "tileSizePx", "tileOverlapPx", "modelFile",
                "wienerSigmaPx", "wienerNoiseToSignal", "region", "regionMarginPx", "overload", "fallbackModel",
                "focusDriftWarnSigmaPx");
        DeblurSettings d = DeblurSettings.DEFAULTS;
        String model = map.oneOf("model", models);
        int iterations = map.integer("iterations", d.iterations());
        ExecutionProvider provider = map.choice("executionProvider", ExecutionProvider.class, d.executionProvider());
        int threads = map.integer("threads", d.threads());
        int tileSizePx = map.integer("tileSizePx", d.tileSizePx());
        int tileOverlapPx = map.integer("tileOverlapPx", d.tileOverlapPx());
        Optional<Path> modelFile = map.optionalPath("modelFile");
        double wienerSigmaPx = map.number("wienerSigmaPx", d.wienerSigmaPx());
        double wienerNoiseToSignal = map.number("wienerNoiseToSignal", d.wienerNoiseToSignal());
        DeblurPolicy p = d.policy();
        DeblurRegion region = map.choice("region", DeblurRegion.class, p.region());
        int regionMarginPx = map.integer("regionMarginPx", p.regionMarginPx());
        OverloadPolicy overload = map.choice("overload", OverloadPolicy.class, p.overload());
        // any installed name parses; the policy refuses those that are not cheap, saying why
        String fallbackModel = map.oneOf("fallbackModel", models, p.fallbackModel().name());
        double focusDriftWarnSigmaPx = map.number("focusDriftWarnSigmaPx", p.focusDriftWarnSigmaPx());
        DeblurPolicy policy = map.build(() -> p.withRegion(region).withRegionMarginPx(regionMarginPx)
                .withOverload(overload).withFallbackModel(new DeblurModel(fallbackModel))
                .withFocusDriftWarnSigmaPx(focusDriftWarnSigmaPx));
        return map.build(() -> d.withModel(new DeblurModel(model)).withIterations(iterations)
                .withExecutionProvider(provider).withThreads(threads).withTiles(tileSizePx, tileOverlapPx)
                .withModelFile(modelFile).withWiener(wienerSigmaPx, wienerNoiseToSignal).withPolicy(policy));
    }
}
