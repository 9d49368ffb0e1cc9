package io.aoi.plugin.cli;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.config.ExecutionProvider;
import io.aoi.config.InvalidSettingException;
import io.aoi.config.StationConfigException;
import io.aoi.config.StationConfigLoader;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Deblur settings from the command line: a station file's {@code deblur} section when {@code --station} is
 * given, otherwise the shipped defaults, with {@code --model}, {@code --model-file}, {@code --iterations},
 * {@code --provider} and {@code --threads} on top.
 */
final class DeblurOptions {
    /** The defaults of the demo station's deblur section. */
    static final DeblurSettings DEFAULTS = new DeblurSettings(DeblurModel.UDBD_ACF, 1, ExecutionProvider.CPU, 2,
            256, 32, Optional.empty(), 2.5, 0.01);

    private DeblurOptions() {
    }

    static DeblurSettings read(Args args) throws UsageException, StationConfigException {
        Optional<String> station = args.option("station");
        DeblurSettings base = station.isPresent()
                ? StationConfigLoader.load(java.nio.file.Path.of(station.get())).deblur()
                : DEFAULTS;
        DeblurModel model = base.model();
        Optional<String> m = args.option("model");
        if (m.isPresent()) {
            model = parse(DeblurModel.class, "--model", m.get());
        }
        int iterations = args.intOption("iterations", base.iterations(), 0, DeblurSettings.MAX_ITERATIONS);
        ExecutionProvider provider = base.executionProvider();
        Optional<String> p = args.option("provider");
        if (p.isPresent()) {
            provider = parse(ExecutionProvider.class, "--provider", p.get());
        }
        int threads = args.intOption("threads", base.threads(), 1, 64);
        Optional<java.nio.file.Path> modelFile = args.option("model-file").map(java.nio.file.Path::of)
                .or(base::modelFile);
        try {
            return new DeblurSettings(model, iterations, provider, threads, base.tileSizePx(), base.tileOverlapPx(),
                    modelFile, base.wienerSigmaPx(), base.wienerNoiseToSignal(), base.policy());
        } catch (InvalidSettingException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String option, String name) throws UsageException {
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + " " + name + " is not known; allowed: "
                    + allowed(type.getEnumConstants()));
        }
    }

    private static String allowed(Enum<?>[] values) {
        return String.join(", ", Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList());
    }
}
