package io.aoi.results.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.aoi.results.InspectionResult;
import io.aoi.results.Outcome;
import io.aoi.results.Verdict;
import java.util.List;
import java.util.Objects;

/**
 * The fields a result has in every form it leaves the station in (the journal line and the OPC UA
 * ResultContent), in this order, after the form's own {@code resultId} (and, for ResultContent, {@code jobId} and
 * {@code recipe}): the forms embed it with {@code @JsonUnwrapped}, so they cannot drift apart.
 *
 * <p>Wire rules: {@code createdAt} is ISO-8601 ({@link IsoInstant}) or null; a measurement that was not
 * taken (NaN) is null, since JSON has no NaN, and null or missing reads back as NaN; {@code resultState} is
 * written for clients and ignored when read (it follows from outcome and verdict). Read back, fields that older
 * journals lack ({@code gapLinesBefore}, {@code defocusSigmaPx}, {@code illuminationAngleDeg},
 * {@code deblurFallback}, {@code contrastThreshold}) are optional; the others are required. Unknown fields are
 * ignored. {@code contrastThreshold}, the newest, is left out when not known (rather than null), so results without
 * one are written byte for byte as before it existed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResultFieldsJson(
        @JsonProperty(required = true) long frameId,
        long gapLinesBefore,
        @JsonProperty(required = true) String createdAt,
        @JsonProperty(required = true) Verdict verdict,
        @JsonProperty(required = true) Outcome outcome,
        int resultState,
        @JsonProperty(required = true) String reason,
        @JsonProperty(required = true) int particleCount,
        @JsonProperty(required = true) double densityPerMm2,
        @JsonProperty(required = true) List<BumpJson> bumps,
        @JsonProperty(required = true) TimesJson times,
        Double defocusSigmaPx,
        Double illuminationAngleDeg,
        String deblurFallback,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double contrastThreshold) {

    public static ResultFieldsJson of(InspectionResult r) {
        return new ResultFieldsJson(r.frameId(), r.gapLinesBefore(), IsoInstant.format(r.createdAt()), r.verdict(),
                r.outcome(), r.resultState(), r.reason(), r.particleCount(), r.densityPerMm2(),
                BumpJson.of(r.bumps()), TimesJson.of(r.times()), measured(r.defocusSigmaPx()),
                measured(r.illuminationAngleDeg()), r.deblurFallback(), measured(r.contrastThreshold()));
    }

    /**
     * Sets these fields on {@code b}, which holds the form's own fields (ids, provenance).
     *
     * @throws IllegalArgumentException when a field holds a value no result has (a createdAt that is not
     *                                  ISO-8601, null bumps or times)
     */
    public InspectionResult.Builder into(InspectionResult.Builder b) {
        if (bumps == null || bumps.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(bumps == null ? "bumps is null" : "bumps holds a null");
        }
        if (times == null) {
            throw new IllegalArgumentException("times is null");
        }
        return b.frameId(frameId).gapLinesBefore(gapLinesBefore).createdAt(IsoInstant.parse("createdAt", createdAt))
                .verdict(verdict).outcome(outcome).reason(reason).particleCount(particleCount).densityPerMm2(densityPerMm2)
                .bumps(bumps.stream().map(BumpJson::toBump).toList()).times(times.toTimes())
                .defocusSigmaPx(orNaN(defocusSigmaPx)).illuminationAngleDeg(orNaN(illuminationAngleDeg))
                .deblurFallback(deblurFallback).contrastThreshold(orNaN(contrastThreshold));
    }

    /** NaN (not measured) as null. */
    private static Double measured(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
