package io.aoi.results.journal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.aoi.results.FrameAdmission;
import io.aoi.results.internal.IsoInstant;

/**
 * A {@link FrameAdmission} as one journal line: {@code {"record": "admission", resultId, stationId, jobId, frameId,
 * firstLine, sourceName, admittedAt, recipeId, configurationId}}, {@code admittedAt} ISO-8601. The last two are
 * left out when empty and optional when read (journals written before admissions kept them); the others are
 * required.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record AdmissionLine(
        @JsonProperty(RECORD_KIND) String record,
        @JsonProperty(required = true) String resultId,
        @JsonProperty(required = true) String stationId,
        @JsonProperty(required = true) String jobId,
        @JsonProperty(required = true) long frameId,
        @JsonProperty(required = true) long firstLine,
        @JsonProperty(required = true) String sourceName,
        @JsonProperty(required = true) String admittedAt,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String recipeId,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String configurationId) {

    /** Field that marks a record that is not a result; absent on results. */
    static final String RECORD_KIND = "record";
    static final String ADMISSION = "admission";

    static AdmissionLine of(FrameAdmission a) {
        return new AdmissionLine(ADMISSION, a.resultId(), a.stationId(), a.jobId(), a.frameId(), a.firstLine(),
                a.sourceName(), IsoInstant.format(a.admittedAt()), a.madeWith().recipeId(),
                a.madeWith().configurationId());
    }

    /** @throws IllegalArgumentException or NullPointerException when the fields make no valid admission */
    FrameAdmission toAdmission() {
        return new FrameAdmission(resultId, stationId, jobId, frameId, firstLine, sourceName,
                IsoInstant.parse("admittedAt", admittedAt), new FrameAdmission.MadeWith(recipeId, configurationId));
    }
}
