package io.aoi.detect;

import io.aoi.cv.FloatPlanes;
import io.aoi.cv.MatScope;
import io.aoi.cv.OpenCv;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.imgproc.Imgproc;

/**
 * Finds DIC relief particles in a normalised mono plane by matched filtering.
 *
 * <ol>
 *   <li>Correlate the plane with {@link ReliefTemplate}s at radii spaced about 1 px from minDiameter / 2 to
 *       maxDiameter / 2, plus one guard radius below and above (see {@link ScaleResponses}: response,
 *       shape score and quality = response x shape per radius).</li>
 *   <li>Candidates are strict 3 x 3 maxima of the quality of one radius that also beat the next larger radius
 *       at that pixel (and the next smaller one, except the lower guard), so the radius that fits best wins
 *       and a maximum won by the upper guard (a blob larger than maxDiameter) is dropped.</li>
 *   <li>Per candidate: sub-pixel centre by quadratic fits of the response across x and y, radius by a
 *       quadratic fit of the quality over the neighbouring radii. It must show a relief amplitude (the fitted
 *       peak brightening of the bright half, the simulator's "contrast") of at least minContrast, a shape score
 *       of at least {@link #MIN_SHAPE_SCORE}, a response that falls off across the illumination direction
 *       ({@link #MAX_RIDGE_RATIO}: a straight dark-to-bright edge keeps it) and no brightness step across
 *       itself ({@link #MAX_STEP_FRACTION}: the lit side of a bump is a step, a particle has background on
 *       both sides).</li>
 *   <li>Non-maximum suppression by quality: a candidate closer than {@link #SUPPRESSION_RADII} of the larger
 *       radius to a better one is the same particle (simulated clusters keep centres at least 1.1 radii
 *       apart). Touching particles keep their own maxima: the bright half of one beside the dark half of the
 *       other gives a negative response between them.</li>
 *   <li>{@link #RESIDUAL_PASSES} more passes run on the plane minus the fitted reliefs found so far, which
 *       reveals particles overlapped by stronger neighbours in clusters; new ones must keep the same distance
 *       from earlier ones and need a shape score of at least {@link #RESIDUAL_MIN_SHAPE_SCORE}: the fitted
 *       relief is sharp, and where a particle in the plane is softer (a restored, formerly defocused frame)
 *       its subtraction leaves a rim of residue that matches the template loosely.</li>
 * </ol>
 *
 * <p>Immutable after construction: safe to use from several threads at once. Native memory lives in a
 * {@link MatScope} per pass.
 */
final class ParticleFinder {
    /** Least normalised correlation between the disc and the template. */
    static final double MIN_SHAPE_SCORE = 0.55;
    /** Largest response, relative to the centre, one radius beside the centre across the illumination. */
    static final double MAX_RIDGE_RATIO = 0.85;
    /** Candidates need a raw amplitude of at least this fraction of minContrast before the fits. */
    static final double CANDIDATE_CONTRAST_FRACTION = 0.6;
    /** Suppression distance as a fraction of the larger radius of two candidates. */
    static final double SUPPRESSION_RADII = 0.95;
    /** Largest brightness step across a candidate, lit minus shaded side, as a fraction of its amplitude. */
    static final double MAX_STEP_FRACTION = 0.4;
    /** Least shape score of a particle found in the residual of a pass. */
    static final double RESIDUAL_MIN_SHAPE_SCORE = 0.75;
    /** Passes over the residual after subtracting the reliefs found so far. */
    static final int RESIDUAL_PASSES = 1;

    private final double minContrast;
    private final double illuminationAngleDeg;
    private final List<ReliefTemplate> templates = new ArrayList<>();

    ParticleFinder(double minDiameterPx, double maxDiameterPx, double minContrast, double illuminationAngleDeg) {
        this.minContrast = minContrast;
        this.illuminationAngleDeg = illuminationAngleDeg;
        double first = minDiameterPx / 2;
        double last = maxDiameterPx / 2;
        int steps = (int) Math.ceil(last - first - 1e-9);
        double step = steps == 0 ? 1 : (last - first) / steps;
        double guardBelow = first - step;
        if (guardBelow >= 0.75) {
            templates.add(new ReliefTemplate(guardBelow, illuminationAngleDeg));
        } else {
            templates.add(null);
        }
        for (int i = 0; i <= steps; i++) {
            templates.add(new ReliefTemplate(first + i * step, illuminationAngleDeg));
        }
        templates.add(new ReliefTemplate(last + step, illuminationAngleDeg));
    }

    /** Particles in a w x h plane of values in [0, 1]. */
    List<Particle> find(float[] plane, int w, int h) {
        List<Candidate> found = pass(plane, w, h, List.of());
        for (int round = 0; round < RESIDUAL_PASSES && !found.isEmpty(); round++) {
            float[] residual = plane.clone();
            for (Candidate c : found) {
                subtractRelief(residual, w, h, c);
            }
            List<Candidate> more = pass(residual, w, h, found);
            if (more.isEmpty()) {
                break;
            }
            found = new ArrayList<>(found);
            found.addAll(more);
        }
        List<Particle> particles = new ArrayList<>(found.size());
        for (Candidate c : found) {
            particles.add(new Particle(c.x, c.y, c.radiusPx, c.score));
        }
        return particles;
    }

    /** One matched-filter pass; candidates too close to {@code earlier} ones are dropped. */
    private List<Candidate> pass(float[] plane, int w, int h, List<Candidate> earlier) {
        int scales = templates.size();
        ScaleResponses[] responses = new ScaleResponses[scales];
        OpenCv.load();
        try (MatScope scope = new MatScope()) {
            Mat image = scope.add(FloatPlanes.toMat(plane, w, h));
            Mat squares = scope.mat();
            Core.multiply(image, image, squares);
            for (int k = 0; k < scales; k++) {
                ReliefTemplate t = templates.get(k);
                if (t != null) {
                    responses[k] = ScaleResponses.of(scope, image, squares, t);
                }
            }
        }
        double leastShape = earlier.isEmpty() ? MIN_SHAPE_SCORE : RESIDUAL_MIN_SHAPE_SCORE;
        List<Candidate> candidates = new ArrayList<>();
        for (int k = 1; k < scales - 1; k++) {
            ScaleResponses here = responses[k];
            double leastResponse = CANDIDATE_CONTRAST_FRACTION * minContrast * Math.sqrt(templates.get(k).energy());
            for (int y = 1; y < h - 1; y++) {
                for (int x = 1; x < w - 1; x++) {
                    int i = y * w + x;
                    if (here.response[i] < leastResponse || !isLocalMaximum(here.quality, w, h, x, y)
                            || !beatsLargerScale(responses, k, i)) {
                        continue;
                    }
                    Candidate c = measure(plane, responses, w, h, x, y, k, leastShape);
                    if (c != null) {
                        candidates.add(c);
                    }
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::quality).reversed());
        List<Candidate> accepted = new ArrayList<>();
        for (Candidate c : candidates) {
            if (!suppressed(c, earlier) && !suppressed(c, accepted)) {
                accepted.add(c);
            }
        }
        return accepted;
    }

    /** Removes the fitted relief of {@code c} from {@code plane}, so overlapping neighbours stand out. */
    private void subtractRelief(float[] plane, int w, int h, Candidate c) {
        double angle = Math.toRadians(illuminationAngleDeg);
        double ux = Math.cos(angle);
        double uy = -Math.sin(angle);
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

    private record Candidate(double x, double y, double radiusPx, double amplitude, double score,
            double quality) {
    }

    /**
     * The quality of radius k at pixel i beats the next larger radius there, and the next smaller one unless
     * that is the lower guard (whose 1-px-scale response follows pixel noise more than shape).
     */
    private static boolean beatsLargerScale(ScaleResponses[] responses, int k, int i) {
        float q = responses[k].quality[i];
        boolean smaller = k == 1 || responses[k - 1] == null || q >= responses[k - 1].quality[i];
        return smaller && q > responses[k + 1].quality[i];
    }

    /** Strict 3 x 3 maximum; ties are broken towards the top-left so a plateau yields one pixel. */
    private static boolean isLocalMaximum(float[] values, int w, int h, int x, int y) {
        float v = values[y * w + x];
        if (v <= 0) {
            return false;
        }
        for (int dy = -1; dy <= 1; dy++) {
            int yy = y + dy;
            if (yy < 0 || yy >= h) {
                continue;
            }
            for (int dx = -1; dx <= 1; dx++) {
                int xx = x + dx;
                if (xx < 0 || xx >= w || (dx == 0 && dy == 0)) {
                    continue;
                }
                float u = values[yy * w + xx];
                boolean before = dy < 0 || (dy == 0 && dx < 0);
                if (before ? u >= v : u > v) {
                    return false;
                }
            }
        }
        return true;
    }

    private Candidate measure(float[] plane, ScaleResponses[] responses, int w, int h, int x, int y, int k,
            double leastShape) {
        ReliefTemplate t = templates.get(k);
        float[] zk = responses[k].response;
        int i = y * w + x;
        double z0 = zk[i];
        double dx = peakOffset(zk[i - 1], z0, zk[i + 1]);
        double dy = peakOffset(zk[i - w], z0, zk[i + w]);
        double radius = t.radiusPx();
        if (responses[k - 1] != null) {
            double step = t.radiusPx() - templates.get(k - 1).radiusPx();
            radius += step * peakOffset(responses[k - 1].quality[i], responses[k].quality[i],
                    responses[k + 1].quality[i]);
        }
        double amplitude = z0 / Math.sqrt(t.energy());
        double shape = responses[k].shape(i);
        if (amplitude < minContrast || shape < leastShape
                || ridgeRatio(zk, w, h, x, y, t.radiusPx() + 1, z0) > MAX_RIDGE_RATIO
                || stepAcross(plane, w, h, x, y, t.radiusPx()) > MAX_STEP_FRACTION * amplitude) {
            return null;
        }
        return new Candidate(x + dx, y + dy, radius, amplitude, Math.min(1, shape), responses[k].quality[i]);
    }

    /** Vertex of the parabola through (-1, a), (0, b), (1, c), clamped to [-0.5, 0.5]. */
    static double peakOffset(double a, double b, double c) {
        double curvature = a - 2 * b + c;
        if (curvature >= 0) {
            return 0;
        }
        return Math.max(-0.5, Math.min(0.5, 0.5 * (a - c) / curvature));
    }

    /**
     * Half the brightness difference just outside the disc, lit side minus shaded side, averaged over a short
     * segment across the illumination. Around a particle both sides show background; on a dark-to-bright
     * edge the lit side is brighter by the whole step. Touching neighbours only make it negative (the side
     * facing a neighbour on the lit side is that neighbour's dark half, and the other way round).
     */
    private double stepAcross(float[] plane, int w, int h, int x, int y, double radiusPx) {
        double angle = Math.toRadians(illuminationAngleDeg);
        double ux = Math.cos(angle);
        double uy = -Math.sin(angle);
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

    private static int clamp(int i, int n) {
        return Math.max(0, Math.min(n - 1, i));
    }

    /** The larger response one radius to either side across the illumination, relative to the centre. */
    private double ridgeRatio(float[] zk, int w, int h, int x, int y, double distancePx, double z0) {
        double angle = Math.toRadians(illuminationAngleDeg);
        double px = Math.sin(angle);
        double py = Math.cos(angle);
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
