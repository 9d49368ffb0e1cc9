package io.aoi.results.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aoi.results.BumpCount;
import io.aoi.results.InspectionResult;
import io.aoi.results.Outcome;
import io.aoi.results.ProcessingTimes;
import io.aoi.results.Verdict;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts an {@link InspectionResult} to and from one line of compact JSON (all fields, Instants as ISO-8601
 * strings). Thread-safe.
 */
final class ResultCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ResultCodec() {
    }

    static byte[] encode(InspectionResult r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("resultId", r.resultId());
        o.put("stationId", r.stationId());
        o.put("jobId", r.jobId());
        o.put("frameId", r.frameId());
        o.put("sourceName", r.sourceName());
        o.put("createdAt", r.createdAt().toString());
        o.put("outcome", r.outcome().name());
        o.put("verdict", r.verdict().name());
        o.put("reason", r.reason());
        o.put("recipeId", r.recipeId());
        o.put("deblurModel", r.deblurModel());
        o.put("deblurPasses", r.deblurPasses());
        o.put("particleCount", r.particleCount());
        o.put("densityPerMm2", r.densityPerMm2());
        ArrayNode bumps = o.putArray("bumps");
        for (BumpCount b : r.bumps()) {
            ObjectNode bn = bumps.addObject();
            bn.put("id", b.id());
            bn.put("x", b.x());
            bn.put("y", b.y());
            bn.put("width", b.width());
            bn.put("height", b.height());
            bn.put("count", b.count());
            bn.put("ok", b.ok());
        }
        ProcessingTimes t = r.times() == null ? ProcessingTimes.NONE : r.times();
        ObjectNode tn = o.putObject("times");
        tn.put("deblurMillis", t.deblurMillis());
        tn.put("detectMillis", t.detectMillis());
        tn.put("totalMillis", t.totalMillis());
        try {
            return MAPPER.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode result " + r.resultId(), e);
        }
    }

    /** @throws IOException when the bytes are not a result written by {@link #encode} */
    static InspectionResult decode(byte[] json, int offset, int length) throws IOException {
        JsonNode o = MAPPER.readTree(json, offset, length);
        try {
            List<BumpCount> bumps = new ArrayList<>();
            for (JsonNode b : required(o, "bumps")) {
                bumps.add(new BumpCount(text(b, "id"), required(b, "x").asInt(), required(b, "y").asInt(),
                        required(b, "width").asInt(), required(b, "height").asInt(), required(b, "count").asInt(),
                        required(b, "ok").asBoolean()));
            }
            JsonNode t = required(o, "times");
            return new InspectionResult(text(o, "resultId"), text(o, "stationId"), text(o, "jobId"),
                    required(o, "frameId").asLong(), text(o, "sourceName"), Instant.parse(text(o, "createdAt")),
                    Outcome.valueOf(text(o, "outcome")), Verdict.valueOf(text(o, "verdict")), text(o, "reason"),
                    text(o, "recipeId"), text(o, "deblurModel"), required(o, "deblurPasses").asInt(),
                    required(o, "particleCount").asInt(), required(o, "densityPerMm2").asDouble(), bumps,
                    new ProcessingTimes(required(t, "deblurMillis").asDouble(), required(t, "detectMillis").asDouble(),
                            required(t, "totalMillis").asDouble()));
        } catch (RuntimeException e) {
            throw new IOException("not a journal result record: " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode o, String field) throws IOException {
        JsonNode n = o.get(field);
        if (n == null) {
            throw new IOException("journal record lacks field " + field);
        }
        return n;
    }

    private static String text(JsonNode o, String field) throws IOException {
        JsonNode n = required(o, field);
        return n.isNull() ? null : n.asText();
    }
}
