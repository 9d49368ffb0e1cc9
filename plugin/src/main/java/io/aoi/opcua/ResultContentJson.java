package io.aoi.opcua;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aoi.results.InspectionResult;
import io.aoi.results.internal.ResultFieldsJson;

/**
 * The ResultContent JSON that MES decodes without custom OPC UA codecs (schema in {@code plugin/OPCUA.md}):
 * {@code {resultId, jobId, recipe, frameId, gapLinesBefore, createdAt, verdict, outcome, resultState, reason,
 * particleCount, densityPerMm2, bumps:[{id,x,y,width,height,count,ok}], times:{deblurMillis, detectMillis,
 * totalMillis}, defocusSigmaPx, illuminationAngleDeg, deblurFallback, contrastThreshold?}}, in this order; a
 * measurement not taken is null, except contrastThreshold, which is then left out. Thread-safe.
 */
public final class ResultContentJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The wire form: the station's ids first, then the fields every form of a result shares. */
    record Content(String resultId, String jobId, String recipe, @JsonUnwrapped ResultFieldsJson fields) {
        static Content of(InspectionResult r) {
            return new Content(r.resultId(), r.jobId() == null ? "" : r.jobId(),
                    r.recipeId() == null ? "" : r.recipeId(), ResultFieldsJson.of(r));
        }
    }

    private ResultContentJson() {
    }

    public static String of(InspectionResult r) {
        try {
            return MAPPER.writeValueAsString(Content.of(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write result " + r.resultId() + " as JSON", e);
        }
    }
}
