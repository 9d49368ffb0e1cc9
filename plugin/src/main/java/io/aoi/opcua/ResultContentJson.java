package io.aoi.opcua;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aoi.results.BumpCount;
import io.aoi.results.InspectionResult;
import io.aoi.results.ProcessingTimes;

/**
 * The ResultContent JSON that MES decodes without custom OPC UA codecs (schema in {@code plugin/OPCUA.md}):
 * {@code {resultId, frameId, createdAt, verdict, outcome, reason, particleCount, densityPerMm2,
 * bumps:[{id,x,y,width,height,count,ok}], times:{deblurMillis, detectMillis, totalMillis}}}. Thread-safe.
 */
public final class ResultContentJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ResultContentJson() {
    }

    public static String of(InspectionResult r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("resultId", r.resultId());
        o.put("frameId", r.frameId());
        o.put("createdAt", r.createdAt() == null ? null : r.createdAt().toString());
        o.put("verdict", r.verdict().name());
        o.put("outcome", r.outcome().name());
        o.put("reason", r.reason());
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
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write result " + r.resultId() + " as JSON", e);
        }
    }
}
