package io.aoi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defaults, path resolution, value forms and YAML features of the station loader. */
class StationConfigLoaderTest {
    private static final Path BASE = Path.of("/stations/line-3");

    /** Only the fields without defaults. */
    private static final String MINIMAL = StationYaml.minimal("minimal", "model: none");

    @Test
    void appliesTheDocumentedDefaults() throws StationConfigException {
        StationConfig config = StationConfigLoader.parse(MINIMAL, "minimal.yaml", BASE);

        assertEquals(SimulatedCameraSettings.DEFAULTS, config.camera());
        SimulatedCameraSettings camera = (SimulatedCameraSettings) config.camera();
        assertEquals(List.of(1024.0, 8.0, 20_000.0, 2.5, 0.0, 0.01, 12.0, 0.5, 42.0),
                List.of((double) camera.widthPx(), (double) camera.bitDepth(), camera.lineRateHz(),
                        camera.defocusSigmaPx(), camera.motionBlurPx(), camera.noiseSigma(), camera.particlesPerBump(),
                        camera.micronsPerPixel(), (double) camera.seed()), "the documented camera defaults");
        assertTrue(camera.ngBandFraction().isEmpty());
        assertEquals(new FrameAssemblySettings(64, 512, 96), config.assembly());
        assertEquals(DeblurSettings.DEFAULTS.withModel(DeblurModel.NONE), config.deblur());
        assertEquals(0.05, config.detector().minContrast());
        assertEquals(0, config.detector().illuminationAngleDeg());
        assertEquals(DecisionLimits.DEFAULT, config.detector().decisionLimits());
        assertEquals(DetectorSettings.DEFAULT_CONTRAST_NOISE_FACTOR, config.detector().contrastNoiseFactor());
        assertEquals(new OpcUaSettings("127.0.0.1", 4840, SecurityProfile.DEMO, List.of(), BASE.resolve("pki")),
                config.opcua());
        assertEquals(new OutputSettings(BASE.resolve("journal"), 30, 1_073_741_824L, Optional.empty()),
                config.outputs());
    }

    @Test
    void readsTheDecisionLimits() throws StationConfigException {
        String text = MINIMAL.replace("  minParticlesPerBump: 5\n",
                "  minParticlesPerBump: 5\n  expectedBumpsPerFrame: 3\n  maxParticlesPerBump: 400\n"
                        + "  minJudgedBumpAreaPx: 20000\n");
        StationConfig config = StationConfigLoader.parse(text, "limits.yaml", BASE);

        assertEquals(DecisionLimits.DEFAULT.withExpectedBumpsPerFrame(3).withMaxParticlesPerBump(400)
                .withMinJudgedBumpAreaPx(20_000), config.detector().decisionLimits());
    }

    @Test
    void readsTheContrastNoiseFactorAndZeroTurnsItOff() throws StationConfigException {
        DetectorSettings raised = StationConfigLoader.parse(MINIMAL.replace("  minParticlesPerBump: 5",
                "  minParticlesPerBump: 5\n  contrastNoiseFactor: 3.5"), "factor.yaml", BASE).detector();
        assertEquals(3.5, raised.contrastNoiseFactor());
        DetectorSettings off = StationConfigLoader.parse(MINIMAL.replace("  minParticlesPerBump: 5",
                "  minParticlesPerBump: 5\n  contrastNoiseFactor: 0"), "off.yaml", BASE).detector();
        assertEquals(0, off.contrastNoiseFactor());
        assertEquals(off.withContrastNoiseFactor(3.5), raised);
    }

    @Test
    void rejectsANegativeOrHugeContrastNoiseFactorNamingTheLineAndTheRange() {
        for (String value : List.of("-1", "51")) {
            StationConfigException error = assertThrows(StationConfigException.class, () -> StationConfigLoader.parse(
                    MINIMAL.replace("  minParticlesPerBump: 5", "  minParticlesPerBump: 5\n  contrastNoiseFactor: "
                            + value), "factor.yaml", BASE));
            assertEquals("factor.yaml:12: detector.contrastNoiseFactor: " + value
                    + " is not allowed; allowed: a number from 0 to 50", error.getMessage());
        }
        StationConfigException word = assertThrows(StationConfigException.class, () -> StationConfigLoader.parse(
                MINIMAL.replace("  minParticlesPerBump: 5", "  minParticlesPerBump: 5\n  contrastNoiseFactor: high"),
                "word.yaml", BASE));
        assertTrue(word.getMessage().startsWith("word.yaml:12: detector.contrastNoiseFactor: expected a number"),
                word.getMessage());
    }

    @Test
    void appliesTheDocumentedAravisDefaults() throws StationConfigException {
        String yaml = MINIMAL.replace("  type: simulated\n", "  type: aravis\n");

        AravisCameraSettings camera = assertInstanceOf(AravisCameraSettings.class,
                StationConfigLoader.parse(yaml, "aravis.yaml", BASE).camera());

        assertEquals(AravisCameraSettings.DEFAULTS, camera);
    }

    @Test
    void resolvesRelativePathsAgainstTheStationFilesFolder(@TempDir Path temp) throws Exception {
        Path folder = Files.createDirectories(temp.resolve("stations"));
        Path file = folder.resolve("line-3.yaml");
        Files.writeString(file, MINIMAL
                .replace("pkiDir: pki", "pkiDir: ../shared/pki")
                .replace("journalDir: journal", "journalDir: ./runtime/journal\n  overlayDir: /data/overlays")
                .replace("model: none", "model: udbd\n  modelFile: models/udbd.onnx"));

        StationConfig config = StationConfigLoader.load(file);

        assertEquals(temp.resolve("shared/pki"), config.opcua().pkiDir());
        assertEquals(folder.resolve("runtime/journal"), config.outputs().journalDir());
        assertEquals(Optional.of(Path.of("/data/overlays")), config.outputs().overlayDir());
        assertEquals(Optional.of(folder.resolve("models/udbd.onnx")), config.deblur().modelFile());
    }

    @Test
    void readsDurationsInMillisecondsSecondsMinutesAndHours() throws StationConfigException {
        String yaml = MINIMAL.replace("  type: simulated\n",
                "  type: aravis\n  grabTimeout: 500ms\n  reconnectBackoffMax: 2m\n");
        AravisCameraSettings camera = (AravisCameraSettings) StationConfigLoader.parse(yaml, "a.yaml", BASE).camera();
        assertEquals(Duration.ofMillis(500), camera.grabTimeout());
        assertEquals(Duration.ofMinutes(2), camera.reconnectBackoffMax());

        String hours = MINIMAL.replace("  type: simulated\n", "  type: aravis\n  reconnectBackoffMax: 1h\n");
        assertEquals(Duration.ofHours(1),
                ((AravisCameraSettings) StationConfigLoader.parse(hours, "a.yaml", BASE).camera())
                        .reconnectBackoffMax());
    }

    @Test
    void readsTheFolderImageSizeLimitAndRefusesZero() throws StationConfigException {
        String yaml = MINIMAL.replace("  type: simulated\n", "  type: folder\n  folder: frames\n  maxMegapixels: 12.5\n");

        assertEquals(new ImageFolderSettings(BASE.resolve("frames"), false, 12.5),
                StationConfigLoader.parse(yaml, "limit.yaml", BASE).camera());

        StationConfigException error = assertThrows(StationConfigException.class, () -> StationConfigLoader.parse(
                yaml.replace("maxMegapixels: 12.5", "maxMegapixels: 0"), "zero.yaml", BASE));
        assertEquals("zero.yaml:5: camera.maxMegapixels: 0 is not allowed; allowed: a number from 0.001 to 10000",
                error.getMessage());
    }

    @Test
    void readsDigitGroupsYesNoFlagsAndExponents() throws StationConfigException {
        String yaml = MINIMAL
                .replace("  type: simulated\n", "  type: folder\n  folder: frames\n  loop: yes\n")
                .replace("journalDir: journal", "journalDir: journal\n  maxJournalBytes: 2_147_483_648")
                .replace("model: none", "model: wiener\n  wienerNoiseToSignal: 1e-3");

        StationConfig config = StationConfigLoader.parse(yaml, "groups.yaml", BASE);

        assertEquals(new ImageFolderSettings(BASE.resolve("frames"), true), config.camera());
        assertEquals(2_147_483_648L, config.outputs().maxJournalBytes());
        assertEquals(0.001, config.deblur().wienerNoiseToSignal());
    }

    @Test
    void letsAnchorsShareValues() throws StationConfigException {
        String yaml = MINIMAL
                .replace("  type: simulated\n", "  type: simulated\n  defocusSigmaPx: &sigma 1.75\n")
                .replace("model: none", "model: wiener\n  wienerSigmaPx: *sigma");

        StationConfig config = StationConfigLoader.parse(yaml, "anchors.yaml", BASE);

        assertEquals(1.75, ((SimulatedCameraSettings) config.camera()).defocusSigmaPx());
        assertEquals(1.75, config.deblur().wienerSigmaPx());
    }

    @Test
    void namesThePathOfAFileLoadedFromDisk(@TempDir Path temp) throws IOException {
        Path file = temp.resolve("line-3.yaml");
        Files.writeString(file, MINIMAL.replace("model: none", "model: blind"));

        StationConfigException error = assertThrows(StationConfigException.class, () -> StationConfigLoader.load(file));

        assertEquals(file + ":6: deblur.model: blind is not allowed; allowed: none, wiener, udbd, udbd_acf, "
                + "udbd_acf_lite, motion",
                error.getMessage());
        assertEquals(file.toString(), error.file());
    }

    @Test
    void allowsTheDeblurModelsItIsGiven(@TempDir Path temp) throws IOException, StationConfigException {
        Path file = temp.resolve("line-3.yaml");
        Files.writeString(file, MINIMAL.replace("model: none", "model: sharpen_v2")
                + "recipes:\n  - name: a\n  - name: b\n    model: none\n");
        Set<String> installed = new LinkedHashSet<>(List.of("none", "wiener", "sharpen_v2"));

        StationConfig config = StationConfigLoader.load(file, installed);

        assertEquals(new DeblurModel("sharpen_v2"), config.deblur().model());
        assertEquals(List.of(new RecipeSettings("a", new DeblurModel("sharpen_v2"), 1),
                new RecipeSettings("b", DeblurModel.NONE, 1)), config.recipes());
        StationConfigException builtInOnly = assertThrows(StationConfigException.class,
                () -> StationConfigLoader.load(file));
        assertEquals(file + ":6: deblur.model: sharpen_v2 is not allowed; allowed: none, wiener, udbd, udbd_acf, "
                + "udbd_acf_lite, motion", builtInOnly.getMessage());
        Files.writeString(file, MINIMAL.replace("model: none", "model: udbd"));
        StationConfigException notInstalled = assertThrows(StationConfigException.class,
                () -> StationConfigLoader.load(file, installed));
        assertEquals(file + ":6: deblur.model: udbd is not allowed; allowed: none, wiener, sharpen_v2",
                notInstalled.getMessage());
        assertThrows(InvalidSettingException.class, () -> StationConfigLoader.load(file, Set.of("none", "Sharp")));
    }

    @Test
    void reportsAMissingFileWithoutALine(@TempDir Path temp) {
        Path file = temp.resolve("absent.yaml");

        StationConfigException error = assertThrows(StationConfigException.class, () -> StationConfigLoader.load(file));

        assertEquals(0, error.line());
        assertEquals("", error.field());
        assertEquals(file + ": cannot read: it does not exist", error.getMessage());
    }

    @Test
    void reportsAFolderGivenAsStationFileInWords(@TempDir Path temp) throws IOException {
        Path folder = Files.createDirectories(temp.resolve("line-3.yaml"));

        StationConfigException error = assertThrows(StationConfigException.class,
                () -> StationConfigLoader.load(folder));

        assertEquals(folder + ": cannot read: it is a folder, not a file; allowed: a station YAML file",
                error.getMessage());
        assertEquals(0, error.line());
    }

    @Test
    void rejectsAFileThatIsNotUtf8(@TempDir Path temp) throws IOException {
        Path file = temp.resolve("latin1.yaml");
        Files.write(file, new byte[] {'s', 't', 'a', 't', 'i', 'o', 'n', 'I', 'd', ':', ' ', (byte) 0xE9, '\n'});

        StationConfigException error = assertThrows(StationConfigException.class, () -> StationConfigLoader.load(file));

        assertEquals(file + ": cannot read: not UTF-8 text", error.getMessage());
    }

    @Test
    void readsAnAutomaticIlluminationAngleWithItsFallback() throws StationConfigException {
        DetectorSettings auto = StationConfigLoader.parse(MINIMAL.replace("  minParticlesPerBump: 5",
                "  minParticlesPerBump: 5\n  illuminationAngleDeg: auto\n  illuminationAngleFallbackDeg: 37.5"),
                "auto.yaml", BASE).detector();
        assertTrue(auto.illuminationAngleAuto());
        assertEquals(37.5, auto.illuminationAngleDeg());
        DetectorSettings plain = StationConfigLoader.parse(MINIMAL.replace("  minParticlesPerBump: 5",
                "  minParticlesPerBump: 5\n  illuminationAngleDeg: auto"), "auto.yaml", BASE).detector();
        assertTrue(plain.illuminationAngleAuto());
        assertEquals(0, plain.illuminationAngleDeg());
        assertFalse(StationConfigLoader.parse(MINIMAL, "fixed.yaml", BASE).detector().illuminationAngleAuto());
    }

    @Test
    void rejectsAWordOtherThanAutoAndAFallbackForAFixedAngle() {
        StationConfigException word = assertThrows(StationConfigException.class, () -> StationConfigLoader.parse(
                MINIMAL.replace("  minParticlesPerBump: 5", "  minParticlesPerBump: 5\n  illuminationAngleDeg: left"),
                "word.yaml", BASE));
        assertEquals("word.yaml:12: detector.illuminationAngleDeg: expected a number or auto, found \"left\"",
                word.getMessage());
        StationConfigException fallback = assertThrows(StationConfigException.class, () -> StationConfigLoader.parse(
                MINIMAL.replace("  minParticlesPerBump: 5",
                        "  minParticlesPerBump: 5\n  illuminationAngleDeg: 10\n  illuminationAngleFallbackDeg: 5"),
                "fallback.yaml", BASE));
        assertTrue(fallback.getMessage().startsWith("fallback.yaml:13: detector.illuminationAngleFallbackDeg: "),
                fallback.getMessage());
        assertTrue(fallback.getMessage().contains("only with illuminationAngleDeg: auto"), fallback.getMessage());
        StationConfigException range = assertThrows(StationConfigException.class, () -> StationConfigLoader.parse(
                MINIMAL.replace("  minParticlesPerBump: 5", "  minParticlesPerBump: 5\n  illuminationAngleDeg: auto"
                        + "\n  illuminationAngleFallbackDeg: 400"), "range.yaml", BASE));
        assertTrue(range.getMessage().startsWith("range.yaml:13: detector.illuminationAngleFallbackDeg: 400"),
                range.getMessage());
    }

    @Test
    void suggestsNothingForAFieldUnlikeAnyAllowedOne() {
        String yaml = MINIMAL.replace("  pkiDir: pki", "  pkiDir: pki\n  colour: red");

        StationConfigException error = assertThrows(StationConfigException.class,
                () -> StationConfigLoader.parse(yaml, "colour.yaml", BASE));

        assertEquals("colour.yaml:16: opcua.colour: unknown field; allowed: bindAddress, port, profile, users, pkiDir, "
                + "advertisedHost, anonymousRole",
                error.getMessage());
    }

    @Test
    void rejectsAListItemThatIsNotAMapping() {
        String yaml = MINIMAL.replace("  type: simulated\n", "  type: aravis\n  features:\n    - TriggerSelector\n");

        StationConfigException error = assertThrows(StationConfigException.class,
                () -> StationConfigLoader.parse(yaml, "features.yaml", BASE));

        assertEquals("features.yaml:5: camera.features[0]: expected a mapping with name and value, "
                + "found \"TriggerSelector\"", error.getMessage());
    }

    @Test
    void rejectsAnAliasThatContainsItself() {
        String yaml = MINIMAL.replace("  type: simulated\n", "  type: aravis\n  features: &loop [*loop]\n");

        StationConfigException error = assertThrows(StationConfigException.class,
                () -> StationConfigLoader.parse(yaml, "loop.yaml", BASE));

        assertEquals("loop.yaml:4: camera.features[0]: an alias that contains itself is not allowed",
                error.getMessage());
    }

    @Test
    void rejectsMergeKeysAsUnknownFields() {
        String yaml = MINIMAL.replace("  type: simulated\n", "  type: simulated\n  <<: {seed: 7}\n");

        StationConfigException error = assertThrows(StationConfigException.class,
                () -> StationConfigLoader.parse(yaml, "merge.yaml", BASE));

        assertEquals("merge.yaml:4: camera.<<: unknown field; allowed: type, widthPx, bitDepth, lineRateHz, "
                + "defocusSigmaPx, motionBlurPx, noiseSigma, particlesPerBump, micronsPerPixel, seed, ngBandFraction", error.getMessage());
    }

    @Test
    void rejectsASecondDocument() {
        StationConfigException error = assertThrows(StationConfigException.class,
                () -> StationConfigLoader.parse(MINIMAL + "---\nstationId: other\n", "two.yaml", BASE));

        assertEquals(18, error.line());
        assertEquals("", error.field());
        assertTrue(error.problem().startsWith("YAML syntax error: "), error.problem());
    }

    @Test
    void rejectsAnExplicitTimestampTag() {
        String yaml = MINIMAL.replace("stationId: minimal", "stationId: !!timestamp 2024-01-01");

        StationConfigException error = assertThrows(StationConfigException.class,
                () -> StationConfigLoader.parse(yaml, "stamp.yaml", BASE));

        assertEquals("stamp.yaml:1: stationId: tag !!timestamp is not allowed; allowed: plain values, or the tags "
                + "!!str, !!int, !!float, !!bool, !!null", error.getMessage());
    }

    @Test
    void readsPlainDatesAndNumbersAsTextWhereTextBelongs() throws StationConfigException {
        String yaml = MINIMAL.replace("stationId: minimal", "stationId: 2024-01-01");

        assertEquals("2024-01-01", StationConfigLoader.parse(yaml, "date.yaml", BASE).stationId());
    }
}
