package io.aoi.config.yaml;

import io.aoi.config.CameraSettings;
import io.aoi.config.DeblurSettings;
import io.aoi.config.DetectorSettings;
import io.aoi.config.FrameAssemblySettings;
import io.aoi.config.OpcUaSettings;
import io.aoi.config.OutputSettings;
import io.aoi.config.RecipeSettings;
import io.aoi.config.StationConfig;
import io.aoi.config.StationConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads station YAML text into a {@link StationConfig}; the machinery behind
 * {@link io.aoi.config.StationConfigLoader}. Stateless and thread-safe.
 *
 * <p>All seven top-level sections are required; within them, the defaults are those documented on each reader
 * and in the module README.
 */
public final class StationReader {
    /** Default of {@code outputs.retentionDays}. */
    public static final int DEFAULT_RETENTION_DAYS = 30;
    /** Default of {@code outputs.maxJournalBytes}: 1 GiB. */
    public static final long DEFAULT_MAX_JOURNAL_BYTES = 1L << 30;
    /** Longest station text: 1 Mi characters (the loader refuses files over 1 MiB before reading them). */
    public static final int MAX_TEXT_CHARS = 1 << 20;

    private StationReader() {
    }

    /**
     * @param text       the YAML document
     * @param sourceName how messages name the file
     * @param baseDir    folder that relative paths resolve against; made absolute first
     * @param models     the deblur model names {@code deblur.model}, {@code deblur.fallbackModel} and
     *                   {@code recipes[].model} may take, in the order messages list them
     * @throws StationConfigException also for text over {@link #MAX_TEXT_CHARS} characters, before it is parsed
     */
    public static StationConfig read(String text, String sourceName, Path baseDir, List<String> models)
            throws StationConfigException {
        YamlSource source = new YamlSource(sourceName, baseDir.toAbsolutePath().normalize());
        if (text.length() > MAX_TEXT_CHARS) {
            throw source.fail(0, "", "the text is " + text.length() + " characters long; allowed: at most "
                    + MAX_TEXT_CHARS + " (1 Mi)");
        }
        YamlMap root = YamlMap.root(YamlTree.compose(text, source), source)
                .allow("stationId", "camera", "assembly", "deblur", "detector", "opcua", "outputs", "recipes");
        String stationId = root.text("stationId");
        CameraSettings camera = CameraReader.read(root.section("camera"));
        FrameAssemblySettings assembly = assembly(root.section("assembly"));
        DeblurSettings deblur = DeblurReader.read(root.section("deblur"), models);
        DetectorSettings detector = DetectorReader.read(root.section("detector"));
        OpcUaSettings opcua = OpcUaReader.read(root.section("opcua"));
        OutputSettings outputs = outputs(root.section("outputs"));
        List<RecipeSettings> recipes = RecipeReader.read(root, stationId, deblur, models);
        return root.build(() -> new StationConfig(stationId, camera, assembly, deblur, detector, opcua, outputs,
                recipes));
    }

    /** linesPerStrip 64, frameHeight 512, overlapLines 96 unless given. */
    private static FrameAssemblySettings assembly(YamlMap map) throws StationConfigException {
        map.allow("linesPerStrip", "frameHeight", "overlapLines");
        int linesPerStrip = map.integer("linesPerStrip", 64);
        int frameHeight = map.integer("frameHeight", 512);
        int overlapLines = map.integer("overlapLines", 96);
        return map.build(() -> new FrameAssemblySettings(linesPerStrip, frameHeight, overlapLines));
    }

    /** journalDir is required; retention 30 days and 1 GiB, no overlays unless given. */
    private static OutputSettings outputs(YamlMap map) throws StationConfigException {
        map.allow("journalDir", "retentionDays", "maxJournalBytes", "overlayDir");
        Path journalDir = map.path("journalDir");
        int retentionDays = map.integer("retentionDays", DEFAULT_RETENTION_DAYS);
        long maxJournalBytes = map.longInteger("maxJournalBytes", DEFAULT_MAX_JOURNAL_BYTES);
        Optional<Path> overlayDir = map.optionalPath("overlayDir");
        return map.build(() -> new OutputSettings(journalDir, retentionDays, maxJournalBytes, overlayDir));
    }
}
