package io.aoi.results.journal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.aoi.results.FrameAdmission;
import io.aoi.results.internal.IsoInstant;

/**
 * A {@link FrameAdmission} as one journal line: {@code {"record": "admission", resultId, stationId, jobId, frameId,
 * firstLine, sourceName, admittedAt}}, {@code admittedAt} ISO-8601. Every field is required when read.
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
        @JsonProperty(required = true) String admittedAt) {

    /** Field that marks a record that is not a result; absent on results. */
    static final String RECORD_KIND = "record";
    static final String ADMISSION = "admission";

    static AdmissionLine of(FrameAdmission a) {
        return new AdmissionLine(ADMISSION, a.resultId(), a.stationId(), a.jobId(), a.frameId(), a.firstLine(),
                a.sourceName(), IsoInstant.format(a.admittedAt()));
    }

    /** @throws IllegalArgumentException or NullPointerException when the fields make no valid admission */
    FrameAdmission toAdmission() {
        return new FrameAdmission(resultId, stationId, jobId, frameId, firstLine, sourceName,
                IsoInstant.parse("admittedAt", admittedAt));
    }
}
