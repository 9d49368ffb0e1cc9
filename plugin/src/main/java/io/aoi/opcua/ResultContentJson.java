package io.aoi.opcua;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aoi.results.InspectionResult;
import io.aoi.results.ResultJson;

/**
 * The ResultContent JSON that MES decodes without custom OPC UA codecs (schema in {@code plugin/OPCUA.md}):
 * {@code {resultId, jobId, recipe, frameId, gapLinesBefore, createdAt, verdict, outcome, reason, particleCount,
 * densityPerMm2, bumps:[{id,x,y,width,height,count,ok}], times:{deblurMillis, detectMillis, totalMillis},
 * defocusSigmaPx, illuminationAngleDeg, deblurFallback}}. Thread-safe.
 */
public final class ResultContentJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ResultContentJson() {
    }

    public static String of(InspectionResult r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("resultId", r.resultId());
        o.put("jobId", r.jobId() == null ? "" : r.jobId());
        o.put("recipe", r.recipeId() == null ? "" : r.recipeId());
        ResultJson.putContent(o, r);
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write result " + r.resultId() + " as JSON", e);
        }
    }
}
