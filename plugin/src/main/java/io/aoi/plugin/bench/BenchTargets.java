package io.aoi.plugin.bench;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurRegion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The line-rate targets read off one run's rows, per frame size: the fastest UDBD-Net arm with 1 pass end to end
 * (deblur and detection) against {@value #END_TO_END_TARGET_MPS} MP/s, and the fastest UDBD-Net alone at region
 * frame against {@value #WIENER_RATIO_TARGET} times Wiener's deblur speed in the same run. A size without the
 * arms a target needs gets no line for it.
 */
public final class BenchTargets {
    /** MP/s of frame area, deblur and detection, with one UDBD-Net pass. */
    public static final double END_TO_END_TARGET_MPS = 1.5;
    /** UDBD-Net's deblur MP/s at region frame as a multiple of Wiener's at region frame. */
    public static final double WIENER_RATIO_TARGET = 0.3;

    private BenchTargets() {
    }

    /** One line per target and frame size, {@code "met"} or {@code "not met"} at its end. */
    public static List<String> lines(List<BenchRow> rows) {
        Map<String, List<BenchRow>> bySize = new LinkedHashMap<>();
        rows.forEach(r -> bySize.computeIfAbsent(r.widthPx() + "x" + r.heightPx(), k -> new ArrayList<>()).add(r));
        List<String> out = new ArrayList<>();
        bySize.forEach((size, sized) -> {
            sized.stream().filter(BenchTargets::udbdOnePass)
                    .max(Comparator.comparingDouble(BenchRow::megapixelsPerSecond))
                    .ifPresent(best -> out.add(String.format(Locale.ROOT,
                            "%s: %s end to end %.3f MP/s (target %.1f): %s", size, best.arm().label(),
                            best.megapixelsPerSecond(), END_TO_END_TARGET_MPS,
                            verdict(best.megapixelsPerSecond() >= END_TO_END_TARGET_MPS))));
            Optional<BenchRow> udbd = sized.stream().filter(r -> udbdOnePass(r) && atFrame(r))
                    .max(Comparator.comparingDouble(BenchRow::deblurMegapixelsPerSecond));
            Optional<BenchRow> wiener = sized.stream()
                    .filter(r -> r.arm().model().equals(DeblurModel.WIENER) && atFrame(r)).findFirst();
            if (udbd.isPresent() && wiener.isPresent()) {
                double ratio = udbd.get().deblurMegapixelsPerSecond() / wiener.get().deblurMegapixelsPerSecond();
                out.add(String.format(Locale.ROOT,
                        "%s: %s deblur alone %.3f MP/s = %.3fx wiener frame's %.2f MP/s (target %.1fx): %s", size,
                        udbd.get().arm().label(), udbd.get().deblurMegapixelsPerSecond(), ratio,
                        wiener.get().deblurMegapixelsPerSecond(), WIENER_RATIO_TARGET,
                        verdict(ratio >= WIENER_RATIO_TARGET)));
            }
        });
        return out;
    }

    private static boolean udbdOnePass(BenchRow r) {
        return r.arm().needs().iterative() && r.arm().passes() == 1;
    }

    private static boolean atFrame(BenchRow r) {
        return r.arm().region() == DeblurRegion.FRAME;
    }

    private static String verdict(boolean met) {
        return met ? "met" : "not met";
    }
}
