package io.aoi.results.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.aoi.results.BumpCount;
import java.util.List;

/**
 * One bump as every wire form writes it: {@code {id, x, y, width, height, count, ok}}, in this order. Unknown
 * fields are ignored when read; every field is required.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BumpJson(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) int x,
        @JsonProperty(required = true) int y,
        @JsonProperty(required = true) int width,
        @JsonProperty(required = true) int height,
        @JsonProperty(required = true) int count,
        @JsonProperty(required = true) boolean ok) {

    public static BumpJson of(BumpCount b) {
        return new BumpJson(b.id(), b.x(), b.y(), b.width(), b.height(), b.count(), b.ok());
    }

    public static List<BumpJson> of(List<BumpCount> bumps) {
        return bumps.stream().map(BumpJson::of).toList();
    }

    public BumpCount toBump() {
        return new BumpCount(id, x, y, width, height, count, ok);
    }
}
