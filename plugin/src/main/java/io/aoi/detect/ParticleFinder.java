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
 *   <li>Correlate the plane with {@link ReliefTemplate}s at radii spaced 1 px from minDiameter / 2 to
 *       maxDiameter / 2, plus one guard radius below and above; divide by the template norm so responses of
 *       different radii compare (matched-filter signal-to-noise).</li>
 *   <li>Keep local maxima (3 x 3) of the best response over radii whose relief amplitude could reach
 *       minContrast; a maximum won by a guard radius is a particle out of the size range and is dropped.</li>
 *   <li>Per candidate: sub-pixel centre and radius by quadratic fits over position and radius; relief
 *       amplitude (the fitted peak brightening of the bright half, the simulator's "contrast") must reach
 *       minContrast; shape score (normalised correlation with the template inside the disc) must reach
 *       {@link #MIN_SHAPE_SCORE}; the response must fall off across the illumination direction (a straight
 *       dark-to-bright edge, such as the lit side of a bump, keeps its response along itself and is
 *       dropped).</li>
 *   <li>Non-maximum suppression: a candidate closer than {@link #SUPPRESSION_RADII} of the larger radius to
 *       a stronger accepted one is the same particle. Touching particles keep their own maxima, because the
 *       bright half of one next to the dark half of the other gives a negative response between them.</li>
 * </ol>
 *
 * <p>Stateless apart from its immutable templates: safe to use from several threads at once. Native memory
 * lives in a {@link MatScope} per call.
 */
final class ParticleFinder {
    /** Least normalised correlation between the disc and the template. */
    static final double MIN_SHAPE_SCORE = 0.55;
    /** Largest response, relative to the centre, one radius beside the centre across the illumination. */
    static final double MAX_RIDGE_RATIO = 0.85;
    /** Candidates need a raw amplitude of at least this fraction of minContrast before the fits. */
    static final double CANDIDATE_CONTRAST_FRACTION = 0.6;
    /** Suppression distance as a fraction of the larger radius of two candidates. */
    static final double SUPPRESSION_RADII = 0.8;

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

    /** Particles in a w x h plane of values in [0, 1], strongest first. */
    List<Particle> find(float[] plane, int w, int h) {
        OpenCv.load();
        int scales = templates.size();
        float[][] z = new float[scales][];
        try (MatScope scope = new MatScope()) {
            Mat image = scope.add(FloatPlanes.toMat(plane, w, h));
            for (int k = 0; k < scales; k++) {
                ReliefTemplate t = templates.get(k);
                if (t == null) {
                    continue;
                }
                Mat kernel = scope.add(FloatPlanes.toMat(t.weights(), t.side(), t.side()));
                Mat response = scope.mat();
                Imgproc.filter2D(image, response, CvType.CV_32F, kernel, new Point(-1, -1), 0,
                        Core.BORDER_REFLECT);
                float[] values = FloatPlanes.fromMat(response);
                float norm = (float) Math.sqrt(t.energy());
                for (int i = 0; i < values.length; i++) {
                    values[i] /= norm;
                }
                z[k] = values;
            }
        }
        float[] best = new float[w * h];
        byte[] bestScale = new byte[w * h];
        for (int i = 0; i < best.length; i++) {
            float top = 0;
            int arg = -1;
            for (int k = 0; k < scales; k++) {
                if (z[k] != null && z[k][i] > top) {
                    top = z[k][i];
                    arg = k;
                }
            }
            best[i] = top;
            bestScale[i] = (byte) arg;
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                int k = bestScale[i];
                if (k <= 0 || k >= scales - 1 || !isLocalMaximum(best, w, i)) {
                    continue;
                }
                double amplitude = best[i] / Math.sqrt(templates.get(k).energy());
                if (amplitude < CANDIDATE_CONTRAST_FRACTION * minContrast) {
                    continue;
                }
                Candidate c = measure(plane, z, w, h, x, y, k);
                if (c != null) {
                    candidates.add(c);
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::response).reversed());
        List<Particle> accepted = new ArrayList<>();
        for (Candidate c : candidates) {
            if (!suppressed(c, accepted)) {
                accepted.add(new Particle(c.x, c.y, c.radiusPx, c.score));
            }
        }
        return accepted;
    }

    private record Candidate(double x, double y, double radiusPx, double score, double response) {
    }

    private static boolean isLocalMaximum(float[] best, int w, int i) {
        float v = best[i];
        return v > best[i - 1] && v >= best[i + 1] && v > best[i - w - 1] && v > best[i - w]
                && v > best[i - w + 1] && v >= best[i + w - 1] && v >= best[i + w] && v >= best[i + w + 1];
    }

    private Candidate measure(float[] plane, float[][] z, int w, int h, int x, int y, int k) {
        ReliefTemplate t = templates.get(k);
        float[] zk = z[k];
        int i = y * w + x;
        double z0 = zk[i];
        double dx = peakOffset(zk[i - 1], z0, zk[i + 1]);
        double dy = peakOffset(zk[i - w], z0, zk[i + w]);
        double radius = t.radiusPx();
        if (z[k - 1] != null) {
            double step = t.radiusPx() - templates.get(k - 1).radiusPx();
            radius += step * peakOffset(z[k - 1][i], z0, z[k + 1][i]);
        }
        double amplitude = z0 / Math.sqrt(t.energy());
        if (amplitude < minContrast) {
            return null;
        }
        double shape = shapeScore(plane, w, h, x, y, t, z0);
        if (shape < MIN_SHAPE_SCORE) {
            return null;
        }
        if (ridgeRatio(zk, w, h, x, y, t.radiusPx() + 1, z0) > MAX_RIDGE_RATIO) {
            return null;
        }
        return new Candidate(x + dx, y + dy, radius, Math.min(1, shape), z0);
    }

    /** Vertex of the parabola through (-1, a), (0, b), (1, c), clamped to [-0.5, 0.5]. */
    static double peakOffset(double a, double b, double c) {
        double curvature = a - 2 * b + c;
        if (curvature >= 0) {
            return 0;
        }
        return Math.max(-0.5, Math.min(0.5, 0.5 * (a - c) / curvature));
    }

    /** Normalised correlation of the template with the disc around (x, y): response / (|T| |I - mean|). */
    private static double shapeScore(float[] plane, int w, int h, int x, int y, ReliefTemplate t, double z0) {
        int half = t.side() / 2;
        double reach = t.radiusPx() + ReliefTemplate.RIM_HALF_WIDTH_PX;
        double n = 0;
        double sum = 0;
        double sum2 = 0;
        for (int ky = 0; ky < t.side(); ky++) {
            int yy = reflect(y + ky - half, h);
            for (int kx = 0; kx < t.side(); kx++) {
                double ox = kx - half;
                double oy = ky - half;
                if (ox * ox + oy * oy > reach * reach) {
                    continue;
                }
                int xx = reflect(x + kx - half, w);
                double v = plane[yy * w + xx];
                n++;
                sum += v;
                sum2 += v * v;
            }
        }
        double spread = sum2 - sum * sum / n;
        if (spread <= 1e-12) {
            return 0;
        }
        return z0 / Math.sqrt(spread);
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

    private static boolean suppressed(Candidate c, List<Particle> accepted) {
        for (Particle p : accepted) {
            double limit = SUPPRESSION_RADII * Math.max(c.radiusPx, p.radiusPx());
            double ddx = c.x - p.x();
            double ddy = c.y - p.y();
            if (ddx * ddx + ddy * ddy < limit * limit) {
                return true;
            }
        }
        return false;
    }

    private static int reflect(int i, int n) {
        if (i < 0) {
            return Math.min(n - 1, -i - 1);
        }
        if (i >= n) {
            return Math.max(0, 2 * n - i - 1);
        }
        return i;
    }
}
