package io.aoi.plugin.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aoi.config.DeblurModel;
import io.aoi.config.StationConfig;
import io.aoi.opcua.TestClients;
import io.aoi.plugin.pipeline.PipelineCounters;
import io.aoi.results.InspectionResult;
import io.aoi.results.Outcome;
import io.aoi.results.journal.ResultJournal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StationRuntimeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void demoStationPublishesEachJournaledResultToAnOpcUaSubscriber(@TempDir Path tmp) throws Exception {
        StationConfig config = DemoStations.demo(tmp, DeblurModel.WIENER, 1);
        List<Variant[]> events = TestClients.newSink();
        StationRuntime station = StationRuntime.start(config, 0);
        String firstResultId;
        try {
            OpcUaClient client = TestClients.demo(station.server().endpointUrl());
            try {
                TestClients.subscribeEvents(client, NodeIds.Server, events, 50);
                TestClients.await(events, 2, Duration.ofMinutes(2), "ResultReady events from the running station");
                firstResultId = TestClients.idOf(client,
                        events.get(0)[3 + TestClients.FIELDS.indexOf("ResultId")].getValue());
            } finally {
                client.disconnect();
            }
        } finally {
            station.close();
        }
        PipelineCounters c = station.pipeline().counters();
        long framesIn = c.framesIn();
        long results = c.results();
        assertEquals(framesIn, results, "every frame that entered has a result");

        // the event carries a ResultContent MES can decode, and the same result is in the journal
        Variant[] first = events.get(0);
        int content = 3 + TestClients.FIELDS.indexOf("ResultContent");
        JsonNode json = JSON.readTree(TestClients.resultContent(first[content]));
        assertTrue(json.get("verdict").asText().matches("OK|NG|NO_DECISION|NONE"), json.toString());
        try (ResultJournal journal = ResultJournal.open(config.outputs().journalDir(), 30, 64L << 20)) {
            assertEquals(results, journal.size());
            InspectionResult r = journal.byId(firstResultId).orElseThrow();
            assertEquals(json.get("particleCount").asInt(), r.particleCount());
            List<InspectionResult> all = journal.list(Instant.EPOCH, Instant.now().plusSeconds(60),
                    Optional.empty(), 1000);
            assertEquals(results, all.size());
            assertTrue(all.stream().anyMatch(x -> x.outcome() == Outcome.COMPLETED));
        }
    }

    @Test
    void aStationWhoseModelFileIsCorruptDoesNotStartAndSaysWhichFile(@TempDir Path tmp) throws Exception {
        Path corrupt = tmp.resolve("broken.onnx");
        java.nio.file.Files.write(corrupt, new byte[] {1, 2, 3, 4, 5});
        StationConfig demo = DemoStations.demo(tmp, DeblurModel.UDBD, 1);
        io.aoi.config.DeblurSettings d = demo.deblur();
        StationConfig config = new StationConfig(demo.stationId(), demo.camera(), demo.assembly(),
                d.withModelFile(corrupt),
                demo.detector(), demo.opcua(), demo.outputs());
        StationException e = org.junit.jupiter.api.Assertions.assertThrows(StationException.class,
                () -> StationRuntime.start(config, 0));
        assertTrue(e.getMessage().contains("cannot start the deblur model"), e.getMessage());
        assertTrue(e.getMessage().contains("broken.onnx"), e.getMessage());
    }

    @Test
    void stoppingRecordsEveryFrameThatEnteredEvenMidFrame(@TempDir Path tmp) throws Exception {
        StationConfig config = DemoStations.demo(tmp, DeblurModel.WIENER, 1);
        StationRuntime station = StationRuntime.start(config, 0);
        try {
            Awaitility.await("three frames entered the running station").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(20)).until(() -> station.pipeline().counters().framesIn() >= 3);
        } finally {
            station.close();
        }
        PipelineCounters c = station.pipeline().counters();
        assertTrue(c.framesIn() >= 3);
        assertEquals(c.framesIn(), c.results());
        String truth = station.truthScore().orElseThrow(() -> new AssertionError("simulated camera, no truth"))
                .describe();
        assertTrue(truth.matches("bumps [01]\\.\\d{3} \\(\\d+/\\d+\\), frames [01]\\.\\d{3} \\(\\d+/\\d+\\)"), truth);
    }

    @Test
    void aStartThatFailsAtTheOpcUaServerClosesTheOpenedCamera(@TempDir Path tmp) throws Exception {
        StationConfig demo = DemoStations.demo(tmp, DeblurModel.NONE, 1);
        java.util.concurrent.atomic.AtomicInteger closes = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean opened = new java.util.concurrent.atomic.AtomicBoolean();
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            io.aoi.config.OpcUaSettings o = demo.opcua();
            StationConfig config = new StationConfig(demo.stationId(), demo.camera(), demo.assembly(), demo.deblur(),
                    demo.detector(), new io.aoi.config.OpcUaSettings(o.bindAddress(), taken.getLocalPort(),
                            o.profile(), o.users(), o.pkiDir()), demo.outputs());
            StationException e = org.junit.jupiter.api.Assertions.assertThrows(StationException.class,
                    () -> StationRuntime.start(config, 0, c -> {
                        io.aoi.camera.FrameSource real = io.aoi.camera.sources.FrameSources.open(c.camera(),
                                c.assembly());
                        opened.set(true);
                        return new ClosingWitness(real, closes);
                    }));
            assertTrue(e.getMessage().contains("cannot start the OPC UA server"), e.getMessage());
        }
        assertTrue(opened.get(), "the source was opened before the server");
        assertEquals(1, closes.get(), "the opened source was closed when the start failed");
    }

    /** Passes everything to a real source and counts closes. */
    private record ClosingWitness(io.aoi.camera.FrameSource real,
            java.util.concurrent.atomic.AtomicInteger closes) implements io.aoi.camera.FrameSource {
        @Override
        public String describe() {
            return real.describe();
        }

        @Override
        public void start() throws io.aoi.camera.CameraException {
            real.start();
        }

        @Override
        public io.aoi.camera.FrameResult next(Duration timeout) throws io.aoi.camera.CameraException,
                InterruptedException {
            return real.next(timeout);
        }

        @Override
        public io.aoi.camera.SourceCounters counters() {
            return real.counters();
        }

        @Override
        public void close() {
            closes.incrementAndGet();
            real.close();
        }
    }
}
