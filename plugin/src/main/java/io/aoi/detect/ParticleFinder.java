package io.aoi.detect;

import io.aoi.cv.FloatPlanes;
import io.aoi.cv.MatScope;
import io.aoi.cv.OpenCv;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * Finds DIC relief particles in the search regions of a normalised mono plane by matched filtering.
 *
 * <p>Only the {@link SearchRegion}s are searched (the bumps), each in a window of the frame a little larger
 * than the region; particles are reported where their centre lies in a region's cores. Per region:
 *
 * <ol>
 *   <li>Correlate the region with {@link ReliefTemplate}s at radii spaced about 1 px from minDiameter / 2 to
 *       maxDiameter / 2, plus one guard radius below and above (see {@link ScaleResponses}: response and
 *       quality = response x shape per radius): the filters in OpenCV, the per-pixel arithmetic in one Java
 *       pass.</li>
 *   <li>Candidates are strict 3 x 3 maxima of the quality of one radius that also beat the next larger radius
 *       at that pixel (and the next smaller one, except the lower guard), so the radius that fits best wins
 *       and a maximum won by the upper guard (a blob larger than maxDiameter) is dropped. One Java pass per
 *       radius screens the maps, cheapest test first (a response floor, the neighbouring radii, then the 3 x 3
 *       maximum).</li>
 *   <li>Per candidate: sub-pixel centre by quadratic fits of the response across x and y, radius by a
 *       quadratic fit of the quality over the neighbouring radii. It must show a relief amplitude (the fitted
 *       peak brightening of the bright half, the simulator's "contrast") of at least the threshold of its
 *       radius (below), a shape score of at least {@link #MIN_SHAPE_SCORE}, a response that falls off across
 *       the illumination direction ({@link #MAX_RIDGE_RATIO}: a straight dark-to-bright edge keeps it) and no
 *       brightness step across itself ({@link #MAX_STEP_FRACTION}: the lit side of a bump is a step, a particle
 *       has background on both sides).</li>
 *   <li>Non-maximum suppression by quality: a candidate closer than {@link #SUPPRESSION_RADII} of the larger
 *       radius to a better one is the same particle (simulated clusters keep centres at least 1.1 radii
 *       apart). Touching particles keep their own maxima: the bright half of one beside the dark half of the
 *       other gives a negative response between them.</li>
 *   <li>{@link #RESIDUAL_PASSES} more passes run on the frame minus the fitted reliefs found so far, which
 *       reveals particles overlapped by stronger neighbours in clusters, in windows around the particles whose
 *       shape score a neighbour may have lowered ({@link #RESIDUAL_TRIGGER_SHAPE_SCORE}); new ones must keep the
 *       same distance from earlier ones and need a shape score of at least {@link #RESIDUAL_MIN_SHAPE_SCORE}: the fitted
 *       relief is sharp, and where a particle in the plane is softer (a restored, formerly defocused frame)
 *       its subtraction leaves a rim of residue that matches the template loosely.</li>
 * </ol>
 *
 * <p>The threshold of a radius is minContrast, or with a noise factor above 0 the larger of minContrast and the
 * factor times the frame's amplitude noise at that radius, capped by the noise at every smaller radius
 * ({@link AmplitudeNoise}), measured on the maps of step 1 pooled over the frame's regions. Steps 1 to 3 run per
 * region at minContrast (the least a threshold can be), and the candidates below their radius's threshold are
 * dropped before step 4; steps 4 and 5 run with the thresholds.
 *
 * <p>The illumination (relief) direction, minContrast and the noise factor are given per call, so one finder serves
 * frames whose direction is estimated per frame. The regions of a frame are searched in parallel (the common
 * fork-join pool; the result does not depend on the order). Safe to use from several threads at once: templates per
 * direction are kept in a concurrent cache, and native memory lives in a {@link MatScope} per call and per window.
 */
final class ParticleFinder {
    /** Least normalised correlation between the disc and the template. */
    static final double MIN_SHAPE_SCORE = 0.55;
    /** Largest response, relative to the centre, one radius beside the centre across the illumination. */
    static final double MAX_RIDGE_RATIO = 0.85;
    /** Candidates need a raw amplitude of at least this fraction of their radius's threshold before the fits. */
    static final double CANDIDATE_CONTRAST_FRACTION = 0.6;
    /** Suppression distance as a fraction of the larger radius of two candidates. */
    static final double SUPPRESSION_RADII = 0.95;
    /** Largest brightness step across a candidate, lit minus shaded side, as a fraction of its amplitude. */
    static final double MAX_STEP_FRACTION = 0.4;
    /** Least shape score of a particle found in the residual of a pass. */
    static final double RESIDUAL_MIN_SHAPE_SCORE = 0.75;
    /** A particle found with a shape score below this may hide an overlapped neighbour: it gets a residual pass. */
    static final double RESIDUAL_TRIGGER_SHAPE_SCORE = 0.9;
    /** Passes over the residual after subtracting the reliefs found so far. */
    static final int RESIDUAL_PASSES = 1;
    /** Template banks are cached per direction rounded to this many degrees. */
    private static final double ANGLE_KEY_DEG = 0.1;
    /** At most this many directions are cached; beyond it the cache is cleared. */
    private static final int MAX_CACHED_ANGLES = 256;

    private final double[] radiiPx;
    private final Map<Long, List<ReliefTemplate>> banks = new ConcurrentHashMap<>();

    ParticleFinder(double minDiameterPx, double maxDiameterPx) {
        double first = minDiameterPx / 2;
        double last = maxDiameterPx / 2;
        int steps = (int) Math.ceil(last - first - 1e-9);
        double step = steps == 0 ? 1 : (last - first) / steps;
        radiiPx = new double[steps + 3];
        radiiPx[0] = first - step; // the lower guard; not used below 0.75 px
        for (int i = 0; i <= steps; i++) {
            radiiPx[i + 1] = first + i * step;
        }
        radiiPx[steps + 2] = last + step;
    }

    /**
     * Particles whose centres lie in the regions' cores, each with a relief amplitude of at least
     * {@code minContrast}.
     *
     * @param plane                w x h values in [0, 1], row-major
     * @param illuminationAngleDeg direction from a particle's dark half to its bright half (see
     *                             {@link ReliefTemplate})
     * @param minContrast          least relief amplitude, fraction of full scale
     */
    List<Particle> find(float[] plane, int w, int h, List<SearchRegion> regions, double illuminationAngleDeg,
            double minContrast) {
        return find(plane, w, h, regions, illuminationAngleDeg, minContrast, 0).particles();
    }

    /**
     * Particles whose centres lie in the regions' cores, with a contrast threshold per radius of
     * {@code max(minContrast, noiseFactor x the amplitude noise at that radius)}: the noise of the fitted amplitude
     * is measured on the frame's own response maps over the bumps ({@link AmplitudeNoise}). With
     * {@code noiseFactor} 0 nothing is measured and every radius needs minContrast.
     *
     * @param plane                w x h values in [0, 1], row-major
     * @param illuminationAngleDeg direction from a particle's dark half to its bright half (see
     *                             {@link ReliefTemplate})
     * @param minContrast          least relief amplitude, fraction of full scale
     * @param noiseFactor          multiple of the amplitude noise a particle's amplitude must reach, at least 0
     */
    Found find(float[] plane, int w, int h, List<SearchRegion> regions, double illuminationAngleDeg,
            double minContrast, double noiseFactor) {
        OpenCv.load();
        List<ReliefTemplate> templates = bank(illuminationAngleDeg);
        double[] least = new double[templates.size()];
        Arrays.fill(least, minContrast);
        // candidates of every region are taken at minContrast, the least any threshold can be, and thinned to the
        // frame's thresholds before the suppression: the same candidates as a search with those thresholds
        Search atMinContrast = new Search(templates, illuminationAngleDeg, least.clone(), w, h);
        AmplitudeNoise noise = new AmplitudeNoise(templates.get(templates.size() - 1).side() / 2);
        boolean measure = noiseFactor > 0;
        List<Candidate> found = new ArrayList<>();
        double[] amplitudeNoise = new double[templates.size()];
        Arrays.fill(amplitudeNoise, Double.NaN);
        double[] thresholdNoise = amplitudeNoise;
        try (MatScope scope = new MatScope()) {
            Mat image = scope.add(FloatPlanes.toMat(plane, w, h));
            // the regions are independent: searched in parallel, their particles kept in region order
            List<Searched> searched = regions.parallelStream().map(r -> {
                int[] window = atMinContrast.windowAround(r);
                Maps maps = atMinContrast.maps(image, window);
                return new Searched(atMinContrast.unsuppressed(plane, maps, window, r::reports, MIN_SHAPE_SCORE),
                        measure ? noise.sample(maps.response, window, r.cores()) : null);
            }).toList();
            if (measure) {
                List<float[][]> samples = new ArrayList<>();
                for (Searched s : searched) {
                    samples.add(s.sample);
                }
                amplitudeNoise = AmplitudeNoise.of(samples, templates);
                double[] capped = AmplitudeNoise.cappedBySmallerRadii(amplitudeNoise);
                for (int k = 1; k < templates.size() - 1; k++) {
                    least[k] = Math.max(minContrast, noiseFactor * capped[k]);
                }
                thresholdNoise = capped;
            }
            Search search = new Search(templates, illuminationAngleDeg, least, w, h);
            for (Searched s : searched) {
                found.addAll(suppress(search.reaching(s.candidates), List.of()));
            }
            for (int round = 0; round < RESIDUAL_PASSES; round++) {
                List<int[]> windows = search.residualWindows(found, largestCoreRadiusPx());
                if (windows.isEmpty()) {
                    break;
                }
                float[] residual = plane.clone();
                for (Candidate c : found) {
                    search.subtractRelief(residual, c);
                }
                Mat residualImage = scope.add(FloatPlanes.toMat(residual, w, h));
                List<Candidate> more = new ArrayList<>();
                for (int[] window : windows) {
                    more.addAll(search.candidates(residual, search.maps(residualImage, window), window,
                            (x, y) -> reports(regions, x, y), found, RESIDUAL_MIN_SHAPE_SCORE));
                }
                if (more.isEmpty()) {
                    break;
                }
                found.addAll(suppress(more, found));
            }
        }
        List<Particle> particles = new ArrayList<>(found.size());
        for (Candidate c : found) {
            particles.add(new Particle(c.x, c.y, c.radiusPx, c.score));
        }
        int highest = 1;
        for (int k = 2; k < templates.size() - 1; k++) {
            if (least[k] > least[highest]) {
                highest = k;
            }
        }
        return new Found(particles, least[highest], thresholdNoise[highest], amplitudeNoise);
    }

    /**
     * What one search found.
     *
     * @param particles         the particles whose centres lie in the regions' cores
     * @param contrastThreshold the highest least relief amplitude of the frame's radii: minContrast unless the
     *                          measured noise raised it
     * @param amplitudeNoise    the amplitude noise the threshold of {@code contrastThreshold}'s radius was set from
     *                          (capped by those of smaller radii, {@link AmplitudeNoise#cappedBySmallerRadii}),
     *                          fraction of full scale; NaN when not measured (noise factor 0)
     * @param noisePerRadius    the amplitude noise measured per template index, not capped; NaN for the guard
     *                          radii (the first and the last index) and when not measured
     */
    record Found(List<Particle> particles, double contrastThreshold, double amplitudeNoise,
            double[] noisePerRadius) {
        Found {
            particles = List.copyOf(particles);
            noisePerRadius = noisePerRadius.clone();
        }

        @Override
        public double[] noisePerRadius() {
            return noisePerRadius.clone();
        }
    }

    /** One region's candidates before suppression, and with a noise factor its response samples. */
    private record Searched(List<Candidate> candidates, float[][] sample) {
    }

    /** The template radii, guards included (index 0 and the last), as {@link Found#noisePerRadius()} is indexed. */
    double[] radiiPx() {
        return radiiPx.clone();
    }

    private double largestCoreRadiusPx() {
        return radiiPx[radiiPx.length - 2];
    }

    private static boolean reports(List<SearchRegion> regions, double x, double y) {
        for (SearchRegion r : regions) {
            if (r.reports(x, y)) {
                return true;
            }
        }
        return false;
    }

    /** Where a fitted centre may be reported. */
    @FunctionalInterface
    private interface Reporting {
        boolean reports(double x, double y);
    }

    private List<ReliefTemplate> bank(double illuminationAngleDeg) {
        long key = Math.round(illuminationAngleDeg / ANGLE_KEY_DEG);
        if (banks.size() > MAX_CACHED_ANGLES) {
            banks.clear();
        }
        return banks.computeIfAbsent(key, k -> {
            double angle = k * ANGLE_KEY_DEG;
            List<ReliefTemplate> templates = new ArrayList<>();
            for (int i = 0; i < radiiPx.length; i++) {
                boolean unusedGuard = i == 0 && radiiPx[0] < 0.75;
                templates.add(unusedGuard ? null : new ReliefTemplate(radiiPx[i], angle));
            }
            return templates;
        });
    }

    /** @param scale the template index the candidate was found at */
    private record Candidate(double x, double y, double radiusPx, double amplitude, double score,
            double quality, int scale) {
    }

    /** Maps of every radius over one region, copied to Java where candidates are measured. */
    private record Maps(float[][] response, float[][] quality) {
        double shape(int k, int i) {
            return quality[k][i] / response[k][i];
        }
    }

    /**
     * Non-maximum suppression by quality: the candidates, best first, that keep their distance from
     * {@code earlier} ones and from better ones.
     */
    private static List<Candidate> suppress(List<Candidate> candidates, List<Candidate> earlier) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(Candidate::quality).reversed());
        List<Candidate> accepted = new ArrayList<>();
        for (Candidate c : sorted) {
            if (!suppressed(c, earlier) && !suppressed(c, accepted)) {
                accepted.add(c);
            }
        }
        return accepted;
    }

    /** One search with one direction and thresholds over one frame; holds no native memory between calls. */
    private static final class Search {
        private final List<ReliefTemplate> templates;
        private final double ux;
        private final double uy;
        /** Least relief amplitude per template index. */
        private final double[] least;
        private final int frameWidth;
        private final int frameHeight;

        Search(List<ReliefTemplate> templates, double illuminationAngleDeg, double[] least, int frameWidth,
                int frameHeight) {
            this.templates = templates;
            double angle = Math.toRadians(illuminationAngleDeg);
            this.ux = Math.cos(angle);
            this.uy = -Math.sin(angle);
            this.least = least;
            this.frameWidth = frameWidth;
            this.frameHeight = frameHeight;
        }

        /**
         * The pixels whose maps a region's search needs, {x, y, width, height} clipped to the frame: the region
         * plus 2 px (3 x 3 maxima and the centre fits) and, across the illumination, the reach of the ridge test.
         * The matched filters read their context from the frame around the window (OpenCV filters on a view
         * use the parent's pixels as border), so a particle near a bump edge is measured as in a search of the
         * whole frame.
         */
        int[] windowAround(SearchRegion r) {
            double ridge = templates.get(templates.size() - 2).radiusPx() + 1;
            int padX = 2 + (int) Math.ceil(Math.abs(uy) * ridge - 1e-9);
            int padY = 2 + (int) Math.ceil(Math.abs(ux) * ridge - 1e-9);
            int x0 = Math.max(0, r.x() - padX);
            int y0 = Math.max(0, r.y() - padY);
            int x1 = Math.min(frameWidth, r.x() + r.width() + padX);
            int y1 = Math.min(frameHeight, r.y() + r.height() + padY);
            return new int[] {x0, y0, x1 - x0, y1 - y0};
        }

        /**
         * Windows where a residual pass may find particles overlapped by stronger ones: around each particle found
         * whose shape score is below {@link #RESIDUAL_TRIGGER_SHAPE_SCORE} (a neighbour inside its window lowers
         * it), reaching as far as a touching neighbour's centre; overlapping windows are merged.
         */
        List<int[]> residualWindows(List<Candidate> found, double largestRadiusPx) {
            List<int[]> windows = new ArrayList<>();
            try (MatScope scope = new MatScope()) {
                Mat mask = scope.add(Mat.zeros(frameHeight, frameWidth, CvType.CV_8U));
                boolean any = false;
                for (Candidate c : found) {
                    if (c.score >= RESIDUAL_TRIGGER_SHAPE_SCORE) {
                        continue;
                    }
                    int reach = (int) Math.ceil(c.radiusPx + largestRadiusPx + 2);
                    int x = (int) Math.round(c.x);
                    int y = (int) Math.round(c.y);
                    Imgproc.rectangle(mask, new Point(x - reach, y - reach), new Point(x + reach, y + reach),
                            new Scalar(255), -1);
                    any = true;
                }
                if (!any) {
                    return windows;
                }
                Mat labels = scope.mat();
                Mat stats = scope.mat();
                Mat centroids = scope.mat();
                int count = Imgproc.connectedComponentsWithStats(mask, labels, stats, centroids, 8, CvType.CV_32S);
                int[] row = new int[5];
                for (int label = 1; label < count; label++) {
                    stats.get(label, 0, row);
                    windows.add(new int[] {row[Imgproc.CC_STAT_LEFT], row[Imgproc.CC_STAT_TOP],
                        row[Imgproc.CC_STAT_WIDTH], row[Imgproc.CC_STAT_HEIGHT]});
                }
            }
            return windows;
        }

        /** The maps of every radius over {@code window} of the frame {@code image}. */
        Maps maps(Mat image, int[] window) {
            int ox = window[0];
            int oy = window[1];
            int w = window[2];
            int h = window[3];
            int scales = templates.size();
            Maps maps = new Maps(new float[scales][], new float[scales][]);
            if (w < 3 || h < 3) {
                return maps;
            }
            try (MatScope scope = new MatScope()) {
                Mat view = scope.add(image.submat(oy, oy + h, ox, ox + w));
                Mat scratch = scope.mat();
                WindowSums sums = WindowSums.of(scope, view, templates.get(scales - 1).side() / 2);
                float[] mean = new float[w * h];
                for (int k = 0; k < scales; k++) {
                    ReliefTemplate t = templates.get(k);
                    if (t != null) {
                        ScaleResponses scale = ScaleResponses.of(scope, view, t, sums, scratch, mean);
                        maps.response[k] = scale.response();
                        maps.quality[k] = scale.quality();
                    }
                }
            }
            return maps;
        }

        /**
         * The candidates of one matched-filter pass over {@code window} (whose {@code maps} are given) of the frame
         * whose values {@code plane} holds; candidates too close to {@code earlier} ones or not reported by
         * {@code reporting} are dropped.
         */
        List<Candidate> candidates(float[] plane, Maps maps, int[] window, Reporting reporting,
                List<Candidate> earlier, double leastShape) {
            return suppress(unsuppressed(plane, maps, window, reporting, leastShape), earlier);
        }

        /** The candidates of {@code candidates} that reach the threshold of their radius in this search. */
        List<Candidate> reaching(List<Candidate> candidates) {
            List<Candidate> out = new ArrayList<>(candidates.size());
            for (Candidate c : candidates) {
                if (c.amplitude >= least[c.scale]) {
                    out.add(c);
                }
            }
            return out;
        }

        /**
         * {@link #candidates} before the non-maximum suppression: every candidate of the pass that passes its tests
         * and is reported.
         */
        List<Candidate> unsuppressed(float[] plane, Maps maps, int[] window, Reporting reporting,
                double leastShape) {
            int ox = window[0];
            int oy = window[1];
            int w = window[2];
            int h = window[3];
            if (w < 3 || h < 3) {
                return List.of();
            }
            int scales = templates.size();
            List<int[]> screened = new ArrayList<>();
            for (int k = 1; k < scales - 1; k++) {
                for (int i : screen(maps, k, w, h)) {
                    screened.add(new int[] {k, i});
                }
            }
            List<Candidate> candidates = new ArrayList<>();
            for (int[] ki : screened) {
                int k = ki[0];
                int i = ki[1];
                int x = i % w;
                int y = i / w;
                Candidate c = measure(plane, maps, w, h, ox, oy, x, y, k, leastShape);
                if (c != null && reporting.reports(c.x, c.y)) {
                    candidates.add(c);
                }
            }
            return candidates;
        }

        /**
         * Pixel indices (not on the window border), row-major, where radius k has a response of at least the
         * candidate floor, a quality above that of the next larger radius and not below that of the next
         * smaller one (except the lower guard), and a strict 3 x 3 maximum of its quality.
         */
        private int[] screen(Maps maps, int k, int w, int h) {
            float leastResponse = (float) (CANDIDATE_CONTRAST_FRACTION * least[k]
                    * Math.sqrt(templates.get(k).energy()));
            float[] q = maps.quality[k];
            float[] r = maps.response[k];
            float[] larger = maps.quality[k + 1];
            float[] smaller = k > 1 ? maps.quality[k - 1] : null;
            int[] out = new int[64];
            int kept = 0;
            for (int y = 1; y < h - 1; y++) {
                for (int i = y * w + 1, end = y * w + w - 1; i < end; i++) {
                    float v = q[i];
                    if (r[i] < leastResponse || v <= larger[i] || (smaller != null && v < smaller[i])
                            || !isInteriorMaximum(q, w, i)) {
                        continue;
                    }
                    if (kept == out.length) {
                        out = Arrays.copyOf(out, 2 * kept);
                    }
                    out[kept++] = i;
                }
            }
            return Arrays.copyOf(out, kept);
        }

        /** Fits and tests the candidate at window pixel (x, y) of radius k; its position comes back in frame pixels. */
        private Candidate measure(float[] plane, Maps maps, int w, int h, int ox, int oy, int x, int y, int k,
                double leastShape) {
            ReliefTemplate t = templates.get(k);
            float[] zk = maps.response[k];
            int i = y * w + x;
            double z0 = zk[i];
            double dx = peakOffset(zk[i - 1], z0, zk[i + 1]);
            double dy = peakOffset(zk[i - w], z0, zk[i + w]);
            double radius = t.radiusPx();
            if (templates.get(k - 1) != null) {
                double step = t.radiusPx() - templates.get(k - 1).radiusPx();
                radius += step * peakOffset(maps.quality[k - 1][i], maps.quality[k][i], maps.quality[k + 1][i]);
            }
            // the response is the least-squares amplitude times the template norm, which the kernel divides out
            double amplitude = z0 / Math.sqrt(t.energy());
            double shape = maps.shape(k, i);
            if (amplitude < least[k] || shape < leastShape
                    || ridgeRatio(zk, w, h, x, y, t.radiusPx() + 1, z0) > MAX_RIDGE_RATIO
                    || stepAcross(plane, ox + x, oy + y, t.radiusPx()) > MAX_STEP_FRACTION * amplitude) {
                return null;
            }
            return new Candidate(ox + x + dx, oy + y + dy, radius, amplitude, Math.min(1, shape),
                    maps.quality[k][i], k);
        }

        /** Removes the fitted relief of {@code c} from {@code plane}, so overlapping neighbours stand out. */
        void subtractRelief(float[] plane, Candidate c) {
            int w = frameWidth;
            int h = frameHeight;
            double reach = c.radiusPx + ReliefTemplate.RIM_HALF_WIDTH_PX;
            int x0 = Math.max(0, (int) Math.floor(c.x - reach));
            int x1 = Math.min(w - 1, (int) Math.ceil(c.x + reach));
            int y0 = Math.max(0, (int) Math.floor(c.y - reach));
            int y1 = Math.min(h - 1, (int) Math.ceil(c.y + reach));
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    double dx = x - c.x;
                    double dy = y - c.y;
                    double coverage = ReliefTemplate.coverage(Math.hypot(dx, dy), c.radiusPx);
                    if (coverage > 0) {
                        plane[y * w + x] -= (float) (c.amplitude * (dx * ux + dy * uy) / c.radiusPx * coverage);
                    }
                }
            }
        }

        /**
         * Half the brightness difference just outside the disc, lit side minus shaded side, averaged over a
         * short segment across the illumination. Around a particle both sides show background; on a
         * dark-to-bright edge the lit side is brighter by the whole step. Touching neighbours only make it
         * negative (the side facing a neighbour on the lit side is that neighbour's dark half, and the other way
         * round).
         */
        private double stepAcross(float[] plane, int x, int y, double radiusPx) {
            int w = frameWidth;
            int h = frameHeight;
            double distance = radiusPx + 1;
            int half = (int) Math.max(1, Math.round(radiusPx / 2));
            double lit = 0;
            double shaded = 0;
            int n = 0;
            for (int v = -half; v <= half; v++) {
                double ox = -uy * v;
                double oy = ux * v;
                int lx = clamp((int) Math.round(x + ux * distance + ox), w);
                int ly = clamp((int) Math.round(y + uy * distance + oy), h);
                int sx = clamp((int) Math.round(x - ux * distance + ox), w);
                int sy = clamp((int) Math.round(y - uy * distance + oy), h);
                lit += plane[ly * w + lx];
                shaded += plane[sy * w + sx];
                n++;
            }
            return (lit - shaded) / (2 * n);
        }

        /** The larger response one radius to either side across the illumination, relative to the centre. */
        private double ridgeRatio(float[] zk, int w, int h, int x, int y, double distancePx, double z0) {
            double px = -uy;
            double py = ux;
            double worst = 0;
            for (int sign = -1; sign <= 1; sign += 2) {
                int sx = (int) Math.round(x + sign * px * distancePx);
                int sy = (int) Math.round(y + sign * py * distancePx);
                if (sx >= 0 && sx < w && sy >= 0 && sy < h) {
                    worst = Math.max(worst, zk[sy * w + sx]);
                }
            }
            return worst / z0;
        }
    }

    private static int clamp(int i, int n) {
        return Math.max(0, Math.min(n - 1, i));
    }

    /**
     * Strict 3 x 3 maximum of a positive value at a pixel off the border; ties are broken towards the top-left
     * (the neighbours above and to the left must be smaller, the others not larger), so a plateau yields one pixel.
     */
    private static boolean isInteriorMaximum(float[] values, int w, int i) {
        float v = values[i];
        return v > 0 && values[i - w - 1] < v && values[i - w] < v && values[i - w + 1] < v && values[i - 1] < v
                && values[i + 1] <= v && values[i + w - 1] <= v && values[i + w] <= v && values[i + w + 1] <= v;
    }

    /** Vertex of the parabola through (-1, a), (0, b), (1, c), clamped to [-0.5, 0.5]. */
    static double peakOffset(double a, double b, double c) {
        double curvature = a - 2 * b + c;
        if (curvature >= 0) {
            return 0;
        }
        return Math.max(-0.5, Math.min(0.5, 0.5 * (a - c) / curvature));
    }

    private static boolean suppressed(Candidate c, List<Candidate> accepted) {
        for (Candidate p : accepted) {
            double limit = SUPPRESSION_RADII * Math.max(c.radiusPx, p.radiusPx);
            double ddx = c.x - p.x;
            double ddy = c.y - p.y;
            if (ddx * ddx + ddy * ddy < limit * limit) {
                return true;
            }
        }
        return false;
    }
}
