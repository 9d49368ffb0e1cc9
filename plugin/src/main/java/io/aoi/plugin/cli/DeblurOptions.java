package io.aoi.plugin.cli;

import io.aoi.cli.CommandLines;
import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.config.ExecutionProvider;
import io.aoi.config.InvalidSettingException;
import io.aoi.config.StationConfigException;
import io.aoi.config.StationConfigLoader;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Deblur settings from the command line (a picocli mixin): a station file's {@code deblur} section when
 * {@code --station} is given, otherwise the shipped defaults ({@link #DEFAULTS}), with {@code --model},
 * {@code --model-file}, {@code --iterations}, {@code --provider} and {@code --threads} on top where given.
 */
final class DeblurOptions {
    /** The defaults of the demo station's deblur section. */
    static final DeblurSettings DEFAULTS = new DeblurSettings(DeblurModel.UDBD_ACF, 1, ExecutionProvider.CPU, 2,
            256, 32, Optional.empty(), 2.5, 0.01);

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--station", paramLabel = "FILE",
            description = "Station file: its deblur section (and detector settings, where the command uses them) "
                    + "instead of the demo station's.")
    Path station;

    @Option(names = "--model", paramLabel = "NAME", completionCandidates = EnumNames.Models.class,
            description = "Deblur model: ${COMPLETION-CANDIDATES}. Default: the station's, else ${DEFAULT-VALUE}.")
    DeblurModel model = DEFAULTS.model();

    @Option(names = "--iterations", paramLabel = "N",
            description = "UDBD-Net passes, 0 to 3. Default: the station's, else ${DEFAULT-VALUE}.")
    int iterations = DEFAULTS.iterations();

    @Option(names = "--provider", paramLabel = "NAME", completionCandidates = EnumNames.Providers.class,
            description = "ONNX Runtime execution provider: ${COMPLETION-CANDIDATES}. Default: the station's, else "
                    + "${DEFAULT-VALUE}.")
    ExecutionProvider provider = DEFAULTS.executionProvider();

    @Option(names = "--threads", paramLabel = "N",
            description = "Deblur threads, 1 to 64. Default: the station's, else ${DEFAULT-VALUE}.")
    int threads = DEFAULTS.threads();

    @Option(names = "--model-file", paramLabel = "FILE.onnx",
            description = "Another ONNX model file. Default: the station's, else the shipped model.")
    Path modelFile;

    /** The station file, when {@code --station} was given. */
    Optional<Path> station() {
        return Optional.ofNullable(station);
    }

    /** The settings: the station's (or the defaults) with every option that was given on top. */
    DeblurSettings read() throws UsageException, StationConfigException {
        DeblurSettings base = station != null ? StationConfigLoader.load(station).deblur() : DEFAULTS;
        try {
            return new DeblurSettings(given("--model") ? model : base.model(),
                    given("--iterations") ? UsageException.inRange("--iterations", iterations, 0,
                            DeblurSettings.MAX_ITERATIONS) : base.iterations(),
                    given("--provider") ? provider : base.executionProvider(),
                    given("--threads") ? UsageException.inRange("--threads", threads, 1, 64) : base.threads(),
                    base.tileSizePx(), base.tileOverlapPx(), Optional.ofNullable(modelFile).or(base::modelFile),
                    base.wienerSigmaPx(), base.wienerNoiseToSignal(), base.policy());
        } catch (InvalidSettingException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private boolean given(String option) {
        return command.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** Reads an enum constant case-insensitively, for list options that hold enum names. */
    static <E extends Enum<E>> E parse(Class<E> type, String option, String name) throws UsageException {
        try {
            return Enum.valueOf(type, name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + " " + name + " is not known; allowed: " + CommandLines.allowed(type));
        }
    }
}
