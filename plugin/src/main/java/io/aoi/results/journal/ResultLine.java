package io.aoi.results.journal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aoi.results.InspectionResult;
import io.aoi.results.internal.ResultFieldsJson;

/**
 * A result as one journal line: {@code resultId}, the {@link ResultFieldsJson shared result fields}, then what
 * only the journal keeps ({@link Provenance}). Every field of an {@link InspectionResult}, so a result reads
 * back equal to the one appended.
 */
record ResultLine(String resultId, @JsonUnwrapped ResultFieldsJson fields, @JsonUnwrapped Provenance provenance) {

    /**
     * Where a result came from and how it was made; the last fields of a journal line. {@code configurationId}, the
     * newest, is left out when empty and optional when read, so journals written before it read back (with none)
     * and results without one are written byte for byte as before.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Provenance(
            @JsonProperty(required = true) String stationId,
            @JsonProperty(required = true) String jobId,
            @JsonProperty(required = true) String sourceName,
            @JsonProperty(required = true) String recipeId,
            @JsonProperty(required = true) String deblurModel,
            @JsonProperty(required = true) int deblurPasses,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) String configurationId) {
    }

    /** The id, required; bound on its own (see {@link #read}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Id(@JsonProperty(required = true) String resultId) {
    }

    static ResultLine of(InspectionResult r) {
        return new ResultLine(r.resultId(), ResultFieldsJson.of(r), new Provenance(r.stationId(), r.jobId(),
                r.sourceName(), r.recipeId(), r.deblurModel(), r.deblurPasses(), r.configurationId()));
    }

    /**
     * Binds a parsed line. Jackson 2.18 cannot bind {@code @JsonUnwrapped} record components, so the id, the shared
     * fields and the provenance are each bound from the same parsed line.
     */
    static ResultLine read(ObjectMapper mapper, JsonNode line) throws JsonProcessingException {
        return new ResultLine(mapper.treeToValue(line, Id.class).resultId(),
                mapper.treeToValue(line, ResultFieldsJson.class), mapper.treeToValue(line, Provenance.class));
    }

    /** @throws IllegalArgumentException or NullPointerException when the fields make no valid result */
    InspectionResult toResult() {
        return fields.into(InspectionResult.builder().resultId(resultId).stationId(provenance.stationId())
                .jobId(provenance.jobId()).sourceName(provenance.sourceName()).recipeId(provenance.recipeId())
                .configurationId(provenance.configurationId()).deblurModel(provenance.deblurModel())
                .deblurPasses(provenance.deblurPasses())).build();
    }
}
