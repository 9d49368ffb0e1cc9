package io.aoi.plugin.bench;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurRegion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The line-rate targets read off one run's rows, per frame size: the fastest UDBD-Net arm with 1 pass end to end
 * (deblur and detection) against {@value #END_TO_END_TARGET_MPS} MP/s, and the fastest UDBD-Net alone at region
 * frame against {@value #WIENER_RATIO_TARGET} times Wiener's deblur speed in the same run. A size without the
 * arms a target needs gets no line for it.
 *
 * <p>With more than one round ({@link BenchSettings#rounds()}) each target is read off every round on its own and
 * judged by the median over the rounds; the ratio to Wiener is taken within each round (UDBD-Net against that
 * round's Wiener, measured minutes apart) before the median, so a machine that slows down or speeds up during the
 * run moves both sides of each ratio alike. The line then gives the median and the range over the rounds.
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
        Map<String, Map<Integer, List<BenchRow>>> bySize = new LinkedHashMap<>();
        rows.forEach(r -> bySize.computeIfAbsent(r.widthPx() + "x" + r.heightPx(), k -> new TreeMap<>())
                .computeIfAbsent(r.round(), k -> new ArrayList<>()).add(r));
        List<String> out = new ArrayList<>();
        bySize.forEach((size, rounds) -> {
            endToEnd(size, rounds.values()).ifPresent(out::add);
            wienerRatio(size, rounds.values()).ifPresent(out::add);
        });
        return out;
    }

    private static Optional<String> endToEnd(String size, Collection<List<BenchRow>> rounds) {
        List<BenchRow> best = rounds.stream().map(round -> round.stream().filter(BenchTargets::udbdOnePass)
                .max(Comparator.comparingDouble(BenchRow::megapixelsPerSecond))).flatMap(Optional::stream).toList();
        if (best.isEmpty()) {
            return Optional.empty();
        }
        List<Double> speeds = best.stream().map(BenchRow::megapixelsPerSecond).toList();
        double median = median(speeds);
        String spread = speeds.size() == 1 ? "" : String.format(Locale.ROOT, ", median of %d rounds (%s)",
                speeds.size(), range(speeds));
        return Optional.of(String.format(Locale.ROOT, "%s: %s end to end %.3f MP/s%s (target %.1f): %s", size,
                labels(best), median, spread, END_TO_END_TARGET_MPS, verdict(median >= END_TO_END_TARGET_MPS)));
    }

    private static Optional<String> wienerRatio(String size, Collection<List<BenchRow>> rounds) {
        List<RoundPair> pairs = new ArrayList<>();
        for (List<BenchRow> round : rounds) {
            Optional<BenchRow> udbd = round.stream().filter(r -> udbdOnePass(r) && atFrame(r))
                    .max(Comparator.comparingDouble(BenchRow::deblurMegapixelsPerSecond));
            Optional<BenchRow> wiener = round.stream()
                    .filter(r -> r.arm().model().equals(DeblurModel.WIENER) && atFrame(r)).findFirst();
            if (udbd.isPresent() && wiener.isPresent()) {
                pairs.add(new RoundPair(udbd.get(), wiener.get()));
            }
        }
        if (pairs.isEmpty()) {
            return Optional.empty();
        }
        List<Double> ratios = pairs.stream().map(RoundPair::ratio).toList();
        double ratio = median(ratios);
        String spread = ratios.size() == 1 ? "" : String.format(Locale.ROOT, " (medians of %d rounds; the ratio is the "
                + "median of each round's own, %s)", ratios.size(), range(ratios));
        return Optional.of(String.format(Locale.ROOT,
                "%s: %s deblur alone %.3f MP/s = %.3fx wiener frame's %.2f MP/s%s (target %.1fx): %s", size,
                labels(pairs.stream().map(RoundPair::udbd).toList()),
                median(pairs.stream().map(p -> p.udbd().deblurMegapixelsPerSecond()).toList()), ratio,
                median(pairs.stream().map(p -> p.wiener().deblurMegapixelsPerSecond()).toList()), spread,
                WIENER_RATIO_TARGET, verdict(ratio >= WIENER_RATIO_TARGET)));
    }

    /** One round's fastest UDBD-Net arm at region frame and that round's Wiener at region frame. */
    private record RoundPair(BenchRow udbd, BenchRow wiener) {
        double ratio() {
            return udbd.deblurMegapixelsPerSecond() / wiener.deblurMegapixelsPerSecond();
        }
    }

    /** The arms' labels, each once, in order ("a / b" where rounds disagree on the fastest arm). */
    private static String labels(List<BenchRow> rows) {
        LinkedHashSet<String> labels = new LinkedHashSet<>();
        rows.forEach(r -> labels.add(r.arm().label()));
        return String.join(" / ", labels);
    }

    /** The middle value; the mean of the two middle ones for an even count. */
    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** "lowest to highest" of a non-empty list, to three decimals. */
    private static String range(List<Double> values) {
        return String.format(Locale.ROOT, "%.3f to %.3f", Collections.min(values), Collections.max(values));
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
