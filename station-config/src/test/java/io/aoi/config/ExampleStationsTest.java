package io.aoi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.config.AravisCameraSettings.GenicamFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped example station files load, and their values land in the records. */
class ExampleStationsTest {
    private static final Path EXAMPLES = Path.of("examples").toAbsolutePath();

    static Stream<Path> exampleFiles() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void shipsTheFiveDocumentedExamples() throws IOException {
        List<String> names = exampleFiles().map(file -> file.getFileName().toString()).toList();
        assertTrue(names.containsAll(List.of("demo-line.yaml", "folder-replay.yaml", "aravis-line.yaml",
                "aravis-fake.yaml", "production-line.yaml")), names::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleFiles")
    void everyExampleLoads(Path file) throws StationConfigException {
        StationConfig config = StationConfigLoader.load(file);
        assertFalse(config.stationId().isBlank());
    }

    @Test
    void demoLineHasTheDocumentedSimulatorAndUdbdSettings() throws StationConfigException {
        StationConfig demo = StationConfigLoader.load(EXAMPLES.resolve("demo-line.yaml"));

        assertEquals("demo-line", demo.stationId());
        assertEquals(SimulatedCameraSettings.DEFAULTS.withLineRateHz(1000).withParticlesPerBump(16)
                .withNgBandFraction(0.05), demo.camera());
        assertEquals(new FrameAssemblySettings(64, 512, 96), demo.assembly());
        assertEquals(DeblurSettings.DEFAULTS.withModel(DeblurModel.UDBD_ACF_LITE).withIterations(1)
                .withExecutionProvider(ExecutionProvider.CPU).withThreads(2).withTiles(256, 16).withWiener(2.5, 0.01)
                .withPolicy(DeblurPolicy.DEFAULTS.withOverload(OverloadPolicy.FALLBACK)), demo.deblur());
        assertEquals(DetectorSettings.builder().particleDiameterPx(5, 12).minContrast(0.018)
                .micronsPerPixel(0.5).bumps(new BumpLayout.Automatic(60, 32)).minParticlesPerBump(5).build(),
                demo.detector());
        assertEquals(new OpcUaSettings("127.0.0.1", 4840, SecurityProfile.DEMO, List.of(),
                EXAMPLES.resolve("runtime/pki")).withAnonymousRole(Role.MES), demo.opcua());
        assertEquals(new OutputSettings(EXAMPLES.resolve("runtime/journal"), 30, 1L << 30, Optional.empty()),
                demo.outputs());
    }

    @Test
    void builtInDemoIsTheDemoLineExample() throws StationConfigException {
        assertEquals(StationConfigLoader.load(EXAMPLES.resolve("demo-line.yaml")), StationConfigLoader.demo(EXAMPLES));
    }

    @Test
    void folderReplayReadsAFolderWithFixedBumps() throws StationConfigException {
        StationConfig replay = StationConfigLoader.load(EXAMPLES.resolve("folder-replay.yaml"));

        assertEquals(new ImageFolderSettings(EXAMPLES.resolve("recordings/line-3"), true), replay.camera());
        assertEquals(new BumpLayout.Fixed(List.of(new BumpLayout.Bump("B1", 40, 100, 120, 60),
                new BumpLayout.Bump("B2", 200, 100, 120, 60), new BumpLayout.Bump("B3", 360, 100, 120, 60))),
                replay.detector().bumps());
        assertEquals(0, replay.opcua().port());
        assertEquals(Optional.of(EXAMPLES.resolve("runtime/overlays")), replay.outputs().overlayDir());
        assertEquals(2.0, replay.deblur().wienerSigmaPx());
        assertEquals(0.02, replay.deblur().wienerNoiseToSignal());
    }

    @Test
    void aravisFakeFitsTheFakeCameraOnLoopback() throws StationConfigException {
        StationConfig fake = StationConfigLoader.load(EXAMPLES.resolve("aravis-fake.yaml"));

        AravisCameraSettings camera = assertInstanceOf(AravisCameraSettings.class, fake.camera());
        assertEquals(Optional.of("127.0.0.1"), camera.cameraId());
        assertEquals(List.of(), camera.features(), "the fake camera has no line trigger to select");
        assertEquals(0, camera.packetSizeBytes());
        assertTrue(!camera.packetSocket(), "loopback delivers nothing through the packet socket");
        assertTrue(fake.opcua().port() != 4840, "runs beside the demo station");
    }

    @Test
    void aravisLineConfiguresLineStartTriggerOnLine1() throws StationConfigException {
        StationConfig line = StationConfigLoader.load(EXAMPLES.resolve("aravis-line.yaml"));

        AravisCameraSettings camera = assertInstanceOf(AravisCameraSettings.class, line.camera());
        assertEquals(Optional.of("Basler-raL2048-48gm-23456789"), camera.cameraId());
        assertEquals(2048, camera.widthPx());
        assertEquals(64, camera.linesPerBuffer());
        assertEquals(20_000, camera.lineRateHz());
        assertEquals(40, camera.exposureMicros());
        assertEquals("Mono8", camera.pixelFormat());
        assertEquals(List.of(new GenicamFeature("TriggerSelector", "LineStart"), new GenicamFeature("TriggerMode", "On"),
                new GenicamFeature("TriggerSource", "Line1"), new GenicamFeature("TriggerActivation", "RisingEdge")),
                camera.features());
        assertEquals(8192, camera.packetSizeBytes());
        assertTrue(camera.packetSocket());
        assertEquals(16, camera.bufferCount());
        assertEquals(Duration.ofSeconds(1), camera.grabTimeout());
        assertEquals(Duration.ofSeconds(10), camera.reconnectBackoffMax());
        assertEquals(DeblurModel.UDBD, line.deblur().model());
        assertEquals(2, line.deblur().iterations());
        assertEquals(45, line.detector().illuminationAngleDeg());
    }

    @Test
    void productionLineHasUsersAndAbsoluteRuntimeFolders() throws StationConfigException {
        StationConfig production = StationConfigLoader.load(EXAMPLES.resolve("production-line.yaml"));

        assertEquals("bonder-7.acf-inspection", production.stationId());
        OpcUaSettings opcua = production.opcua();
        assertEquals(SecurityProfile.PRODUCTION, opcua.profile());
        assertEquals("0.0.0.0", opcua.bindAddress());
        assertEquals("bonder-7.plant.example", opcua.endpointHost());
        assertEquals(List.of("operator", "mes", "engineer"), opcua.users().stream().map(UserAccount::name).toList());
        assertEquals(List.of(Role.OPERATOR, Role.MES, Role.ENGINEER),
                opcua.users().stream().map(UserAccount::role).toList());
        assertEquals(Path.of("/var/lib/acf-aoi/pki"), opcua.pkiDir());
        assertEquals(Path.of("/var/lib/acf-aoi/journal"), production.outputs().journalDir());
        assertEquals(10_737_418_240L, production.outputs().maxJournalBytes());
        assertEquals(90, production.outputs().retentionDays());
        assertEquals(Optional.of(EXAMPLES.resolve("models/udbd-bonder-7.onnx")), production.deblur().modelFile());
        assertEquals(ExecutionProvider.CUDA, production.deblur().executionProvider());
        assertEquals(List.of(new RecipeSettings("panel-55in", DeblurModel.UDBD, 2),
                new RecipeSettings("panel-32in-thin-acf", DeblurModel.UDBD, 1)), production.recipes());
        AravisCameraSettings camera = assertInstanceOf(AravisCameraSettings.class, production.camera());
        assertEquals("Mono10", camera.pixelFormat());
        assertEquals(Duration.ofMillis(500), camera.grabTimeout());
        assertEquals(Duration.ofSeconds(30), camera.reconnectBackoffMax());
    }
}
