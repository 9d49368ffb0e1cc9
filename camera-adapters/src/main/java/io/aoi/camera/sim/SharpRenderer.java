package io.aoi.camera.sim;

import java.util.Arrays;
import java.util.List;

/**
 * Renders the panel as it would look in perfect focus without noise, as intensities in [0, 1].
 *
 * <p>Resin: a low-contrast mottle (value noise at 48 and 12 px) plus fine grain. Bumps: brighter rectangles
 * with their own finer texture. Particles: DIC relief of a spherical indentation along the shear direction a
 * (degrees counter-clockwise from +x, rows growing downwards), i.e. an intensity offset of
 * {@code contrast * (dx cos a - dy sin a) / radius} inside the disc, bright on the half towards a, dark on the
 * other, with a 1.5 px smooth edge for antialiasing; a = 0 lights from +x. Reliefs of touching particles add
 * up.
 */
final class SharpRenderer {
    static final double RESIN_LEVEL = 0.33;
    static final double BUMP_LEVEL = 0.62;

    private static final int SALT_RESIN_COARSE = 11;
    private static final int SALT_RESIN_FINE = 12;
    private static final int SALT_RESIN_GRAIN = 13;
    private static final int SALT_BUMP_COARSE = 21;
    private static final int SALT_BUMP_FINE = 22;
    private static final int SALT_BUMP_GRAIN = 23;
    private static final double EDGE_HALF_WIDTH_PX = 0.75;

    private final long seed;
    private final int widthPx;
    private final PanelLayout layout;
    private final double shearX;
    private final double shearY;

    SharpRenderer(long seed, int widthPx, PanelLayout layout, double shearAngleDeg) {
        this.seed = seed;
        this.widthPx = widthPx;
        this.layout = layout;
        this.shearX = Math.cos(Math.toRadians(shearAngleDeg));
        this.shearY = -Math.sin(Math.toRadians(shearAngleDeg));
    }

    /** Lines [fromLine, fromLine + rows), row-major, widthPx values per row. fromLine may be negative. */
    float[] render(long fromLine, int rows) {
        float[] out = new float[widthPx * rows];
        List<PanelBand> bands = layout.bands(fromLine - PanelLayout.MAX_REACH_PX,
                fromLine + rows + PanelLayout.MAX_REACH_PX);
        boolean[] onBump = new boolean[widthPx];
        double[] resin = new double[widthPx];
        double[] bump = new double[widthPx];
        for (int row = 0; row < rows; row++) {
            long line = fromLine + row;
            boolean anyBump = markBumps(bands, line, onBump);
            resinRow(line, resin);
            if (anyBump) {
                bumpRow(line, bump);
            }
            int base = row * widthPx;
            for (int x = 0; x < widthPx; x++) {
                out[base + x] = (float) (onBump[x] ? bump[x] : resin[x]);
            }
        }
        for (PanelBand band : bands) {
            for (TrueParticle p : band.particles()) {
                drawRelief(out, fromLine, rows, p);
            }
        }
        return out;
    }

    private void resinRow(long line, double[] row) {
        for (int x = 0; x < row.length; x++) {
            row[x] = RESIN_LEVEL + 0.008 * Hash.signed(seed, SALT_RESIN_GRAIN, x, line);
        }
        Hash.addValueNoiseRow(row, seed, SALT_RESIN_COARSE, line, 48, 0.030);
        Hash.addValueNoiseRow(row, seed, SALT_RESIN_FINE, line, 12, 0.015);
    }

    private void bumpRow(long line, double[] row) {
        for (int x = 0; x < row.length; x++) {
            row[x] = BUMP_LEVEL + 0.006 * Hash.signed(seed, SALT_BUMP_GRAIN, x, line);
        }
        Hash.addValueNoiseRow(row, seed, SALT_BUMP_COARSE, line, 24, 0.020);
        Hash.addValueNoiseRow(row, seed, SALT_BUMP_FINE, line, 6, 0.012);
    }

    private static boolean markBumps(List<PanelBand> bands, long line, boolean[] onBump) {
        Arrays.fill(onBump, false);
        boolean any = false;
        for (PanelBand band : bands) {
            for (TrueBump b : band.bumps()) {
                if (line >= b.y() && line < b.y() + b.height()) {
                    Arrays.fill(onBump, b.x(), Math.min(onBump.length, b.x() + b.width()), true);
                    any = true;
                }
            }
        }
        return any;
    }

    private void drawRelief(float[] out, long fromLine, int rows, TrueParticle p) {
        double reach = p.radiusPx() + EDGE_HALF_WIDTH_PX;
        int x0 = Math.max(0, (int) Math.floor(p.x() - reach));
        int x1 = Math.min(widthPx - 1, (int) Math.ceil(p.x() + reach));
        long y0 = Math.max(fromLine, (long) Math.floor(p.y() - reach));
        long y1 = Math.min(fromLine + rows - 1, (long) Math.ceil(p.y() + reach));
        for (long line = y0; line <= y1; line++) {
            int base = (int) (line - fromLine) * widthPx;
            double dy = line - p.y();
            for (int x = x0; x <= x1; x++) {
                double dx = x - p.x();
                double coverage = edge(Math.sqrt(dx * dx + dy * dy), p.radiusPx());
                if (coverage > 0) {
                    out[base + x] += (float) (p.contrast() * coverage * (dx * shearX + dy * shearY) / p.radiusPx());
                }
            }
        }
    }

    /** 1 inside the disc, 0 outside, a smoothstep across the rim. */
    private static double edge(double r, double radius) {
        double t = (radius + EDGE_HALF_WIDTH_PX - r) / (2 * EDGE_HALF_WIDTH_PX);
        if (t <= 0) {
            return 0;
        }
        if (t >= 1) {
            return 1;
        }
        return t * t * (3 - 2 * t);
    }
}
