package io.aoi.results.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.aoi.results.ProcessingTimes;

/** A result's {@code times}: {@code {deblurMillis, detectMillis, totalMillis}}, all required when read. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TimesJson(
        @JsonProperty(required = true) double deblurMillis,
        @JsonProperty(required = true) double detectMillis,
        @JsonProperty(required = true) double totalMillis) {

    public static TimesJson of(ProcessingTimes t) {
        return new TimesJson(t.deblurMillis(), t.detectMillis(), t.totalMillis());
    }

    public ProcessingTimes toTimes() {
        return new ProcessingTimes(deblurMillis, detectMillis, totalMillis);
    }
}
