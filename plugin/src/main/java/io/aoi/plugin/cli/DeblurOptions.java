package io.aoi.plugin.cli;

import io.aoi.cli.CommandLines;
import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.config.ExecutionProvider;
import io.aoi.config.InvalidSettingException;
import io.aoi.config.StationConfigException;
import io.aoi.config.StationConfigLoader;
import io.aoi.plugin.deblur.Deblurrers;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Deblur settings from the command line (a picocli mixin): a station file's {@code deblur} section when
 * {@code --station} is given, otherwise {@link DeblurSettings#DEFAULTS}, with {@code --model},
 * {@code --model-file}, {@code --iterations}, {@code --provider} and {@code --threads} on top where given.
 * {@code --model} and the station file may name any installed model ({@link Deblurrers#names()}).
 */
final class DeblurOptions {
    private static final DeblurSettings DEFAULTS = DeblurSettings.DEFAULTS;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--station", paramLabel = "FILE",
            description = "Station file: its deblur section (and its detector settings, where the command uses "
                    + "them). Without it: the built-in deblur defaults, not the demo station's (the defaults of "
                    + "--model, --iterations, --provider and --threads below), and the demo station's detector "
                    + "settings where the command detects.")
    Path station;

    @Option(names = "--model", paramLabel = "NAME", completionCandidates = InstalledModels.class,
            description = "Deblur model: ${COMPLETION-CANDIDATES}. Default: the station's, else ${DEFAULT-VALUE}.")
    String model = DEFAULTS.model().name();

    @Option(names = "--iterations", paramLabel = "N",
            description = "Passes of an iterative model (UDBD-Net), 0 to 3. Default: the station's, else "
                    + "${DEFAULT-VALUE}.")
    int iterations = DEFAULTS.iterations();

    @Option(names = "--provider", paramLabel = "NAME", completionCandidates = EnumNames.Providers.class,
            description = "ONNX Runtime execution provider: ${COMPLETION-CANDIDATES}. Default: the station's, else "
                    + "${DEFAULT-VALUE}.")
    ExecutionProvider provider = DEFAULTS.executionProvider();

    @Option(names = "--threads", paramLabel = "N",
            description = "Deblur threads, 1 to 64. Default: the station's, else ${DEFAULT-VALUE}.")
    int threads = DEFAULTS.threads();

    @Option(names = "--model-file", paramLabel = "FILE.onnx",
            description = "Another ONNX model file for the model of --model (refused for a model that reads no "
                    + "file: none, wiener). Default: the station's when --model is the station's model, else the "
                    + "shipped model.")
    Path modelFile;

    /** The station file, when {@code --station} was given. */
    Optional<Path> station() {
        return Optional.ofNullable(station);
    }

    /** The settings: the station's (or the defaults) with every option that was given on top. */
    DeblurSettings read() throws UsageException, StationConfigException {
        DeblurSettings base = station != null ? StationConfigLoader.load(station, Deblurrers.names()).deblur()
                : DEFAULTS;
        try {
            // another --model than the station's drops the station's model file (it belongs to that model)
            DeblurSettings s = base.with(given("--model") ? model("--model", model) : base.model(),
                    given("--iterations") ? UsageException.inRange("--iterations", iterations, 0,
                            DeblurSettings.MAX_ITERATIONS) : base.iterations())
                    .withExecutionProvider(given("--provider") ? provider : base.executionProvider())
                    .withThreads(given("--threads") ? UsageException.inRange("--threads", threads, 1, 64)
                            : base.threads());
            return modelFile != null ? s.withModelFile(modelFile) : s;
        } catch (InvalidSettingException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** An installed model, named case-insensitively on the command line. */
    static DeblurModel model(String option, String name) throws UsageException {
        Set<String> installed = Deblurrers.names();
        String lower = name.trim().toLowerCase(Locale.ROOT);
        if (!installed.contains(lower)) {
            throw new UsageException(option + " " + name + " is not known; allowed: " + String.join(", ", installed));
        }
        return new DeblurModel(lower);
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
