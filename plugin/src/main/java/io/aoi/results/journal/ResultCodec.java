package io.aoi.results.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aoi.results.BumpCount;
import io.aoi.results.FrameAdmission;
import io.aoi.results.InspectionResult;
import io.aoi.results.Outcome;
import io.aoi.results.ProcessingTimes;
import io.aoi.results.ResultJson;
import io.aoi.results.Verdict;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts an {@link InspectionResult}, or a {@link FrameAdmission}, to and from one line of compact JSON (all
 * fields, Instants as ISO-8601 strings; an admission carries {@code "record": "admission"}). Thread-safe.
 */
final class ResultCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ResultCodec() {
    }

    static byte[] encode(InspectionResult r) {
        ObjectNode o = MAPPER.createObjectNode();
        ResultJson.putContent(o, r);
        o.put("stationId", r.stationId());
        o.put("jobId", r.jobId());
        o.put("sourceName", r.sourceName());
        o.put("recipeId", r.recipeId());
        o.put("deblurModel", r.deblurModel());
        o.put("deblurPasses", r.deblurPasses());
        try {
            return MAPPER.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode result " + r.resultId(), e);
        }
    }

    /** Field that marks a record that is not a result; absent on results. */
    static final String RECORD_KIND = "record";
    static final String ADMISSION = "admission";

    /** @throws IOException when the bytes are not a result written by {@link #encode} */
    static InspectionResult decode(byte[] json, int offset, int length) throws IOException {
        return decode(MAPPER.readTree(json, offset, length));
    }

    /** A parsed record: a result, or an admission when it carries {@code "record": "admission"}. */
    static JsonNode parse(byte[] json, int offset, int length) throws IOException {
        return MAPPER.readTree(json, offset, length);
    }

    static boolean isAdmission(JsonNode o) {
        return ADMISSION.equals(o.path(RECORD_KIND).asText(""));
    }

    static byte[] encode(FrameAdmission a) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put(RECORD_KIND, ADMISSION);
        o.put("resultId", a.resultId());
        o.put("stationId", a.stationId());
        o.put("jobId", a.jobId());
        o.put("frameId", a.frameId());
        o.put("firstLine", a.firstLine());
        o.put("sourceName", a.sourceName());
        o.put("admittedAt", a.admittedAt().toString());
        try {
            return MAPPER.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode admission " + a.resultId(), e);
        }
    }

    /** @throws IOException when the record is not an admission written by {@link #encode(FrameAdmission)} */
    static FrameAdmission decodeAdmission(JsonNode o) throws IOException {
        try {
            return new FrameAdmission(text(o, "resultId"), text(o, "stationId"), text(o, "jobId"),
                    required(o, "frameId").asLong(), required(o, "firstLine").asLong(), text(o, "sourceName"),
                    Instant.parse(text(o, "admittedAt")));
        } catch (RuntimeException e) {
            throw new IOException("not a journal admission record: " + e.getMessage(), e);
        }
    }

    /** @throws IOException when the record is not a result written by {@link #encode} */
    static InspectionResult decode(JsonNode o) throws IOException {
        try {
            List<BumpCount> bumps = new ArrayList<>();
            for (JsonNode b : required(o, "bumps")) {
                bumps.add(new BumpCount(text(b, "id"), required(b, "x").asInt(), required(b, "y").asInt(),
                        required(b, "width").asInt(), required(b, "height").asInt(), required(b, "count").asInt(),
                        required(b, "ok").asBoolean()));
            }
            JsonNode t = required(o, "times");
            return InspectionResult.builder().resultId(text(o, "resultId")).stationId(text(o, "stationId"))
                    .jobId(text(o, "jobId")).frameId(required(o, "frameId").asLong())
                    .gapLinesBefore(o.path("gapLinesBefore").asLong(0)).sourceName(text(o, "sourceName"))
                    .createdAt(Instant.parse(text(o, "createdAt"))).outcome(Outcome.valueOf(text(o, "outcome")))
                    .verdict(Verdict.valueOf(text(o, "verdict"))).reason(text(o, "reason"))
                    .recipeId(text(o, "recipeId")).deblurModel(text(o, "deblurModel"))
                    .deblurPasses(required(o, "deblurPasses").asInt())
                    .particleCount(required(o, "particleCount").asInt())
                    .densityPerMm2(required(o, "densityPerMm2").asDouble()).bumps(bumps)
                    .times(new ProcessingTimes(required(t, "deblurMillis").asDouble(),
                            required(t, "detectMillis").asDouble(), required(t, "totalMillis").asDouble()))
                    .defocusSigmaPx(ResultJson.finiteOrNaN(o, "defocusSigmaPx"))
                    .illuminationAngleDeg(ResultJson.finiteOrNaN(o, "illuminationAngleDeg"))
                    .deblurFallback(o.path("deblurFallback").asText(""))
                    .build();
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
