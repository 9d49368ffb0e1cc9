package io.aoi.plugin.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.aoi.detect.Detection;
import io.aoi.detect.Particle;
import io.aoi.results.Verdict;
import io.aoi.results.internal.BumpJson;
import java.util.List;

/**
 * The {@code inspect} output file: {@code {station, images: [entry...], deblur, passes}}, in this order. An entry is
 * {@code {image, warnings?, verdict?, reason?, particleCount?, densityPerMm2?, deblurMillis?, detectMillis?,
 * contrastThreshold?, particles?, bumps?, error?}}: a field without a value is left out (warnings when reading left
 * nothing out, reason for OK and NG, the counts when the deblurrer's output was unusable, everything after
 * {@code image} but {@code warnings} and {@code error} when the image could not be read; contrastThreshold, the least
 * relief amplitude particles needed in the image, when the detector did not report one). Bumps are written as in
 * every other form of a result ({@link BumpJson}).
 */
record InspectOutputJson(String station, List<Image> images, String deblur, int passes) {

    /** One image's entry. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Image(String image, List<String> warnings, @JsonUnwrapped Judgement judgement, String error) {
        /** @param warnings what reading left out; none is written as no field */
        Image {
            warnings = warnings == null || warnings.isEmpty() ? null : List.copyOf(warnings);
        }
    }

    /** What the station decided on an image, and what it found. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Judgement(Verdict verdict, String reason, Integer particleCount, Double densityPerMm2,
            Double deblurMillis, Double detectMillis, Double contrastThreshold, List<ParticleJson> particles,
            List<BumpJson> bumps) {

        /** A verdict reached without detection (the deblurrer's output could not be used): no counts. */
        static Judgement undetected(Verdict verdict, String reason) {
            return new Judgement(verdict, reason, null, null, null, null, null, null, null);
        }

        static Judgement of(Detection d, double deblurMillis, double detectMillis) {
            return new Judgement(d.verdict(), d.reason().isEmpty() ? null : d.reason(), d.particles().size(),
                    d.densityPerMm2(), deblurMillis, detectMillis,
                    Double.isNaN(d.contrastThreshold()) ? null : d.contrastThreshold(),
                    d.particles().stream().map(ParticleJson::of).toList(), BumpJson.of(d.bumps()));
        }
    }

    /** One particle: {@code {x, y, radius, score}}, centre and radius in pixels. */
    record ParticleJson(double x, double y, double radius, double score) {
        static ParticleJson of(Particle p) {
            return new ParticleJson(p.x(), p.y(), p.radiusPx(), p.score());
        }
    }
}
