package io.aoi.config;

/**
 * The conductive-particle detector.
 *
 * @param minDiameterPx          smallest particle diameter to report, in pixels
 * @param maxDiameterPx          largest particle diameter to report, in pixels
 * @param minContrast            least relief amplitude of a particle (how much its bright half rises above the
 *                               surroundings), as a fraction of full scale
 * @param micronsPerPixel        optics scale, used for densities per mm^2
 * @param illuminationAngleDeg   direction from a particle's dark half to its bright half, degrees
 *                               counter-clockwise from the +x axis of the frame
 * @param bumps                  where the bumps are
 * @param minParticlesPerBump    a bump with fewer particles than this is NG
 * @param decisionLimits         when a frame gets no decision (NO_DECISION) rather than OK or NG
 */
public record DetectorSettings(
        double minDiameterPx,
        double maxDiameterPx,
        double minContrast,
        double micronsPerPixel,
        double illuminationAngleDeg,
        BumpLayout bumps,
        int minParticlesPerBump,
        DecisionLimits decisionLimits) {

    public DetectorSettings {
        Check.range("minDiameterPx", minDiameterPx, 2, 64);
        Check.range("maxDiameterPx", maxDiameterPx, 2, 64);
        if (maxDiameterPx < minDiameterPx) {
            throw new InvalidSettingException("maxDiameterPx", maxDiameterPx,
                    "a diameter not smaller than minDiameterPx (" + Check.number(minDiameterPx) + ")");
        }
        Check.range("minContrast", minContrast, 0.001, 1);
        Check.range("micronsPerPixel", micronsPerPixel, 0.01, 100);
        Check.range("illuminationAngleDeg", illuminationAngleDeg, -360, 360);
        Check.present("bumps", bumps);
        Check.intRange("minParticlesPerBump", minParticlesPerBump, 0, 10_000);
        Check.present("decisionLimits", decisionLimits);
        if (decisionLimits.maxParticlesPerBump() > 0 && decisionLimits.maxParticlesPerBump() < minParticlesPerBump) {
            throw new InvalidSettingException("maxParticlesPerBump", decisionLimits.maxParticlesPerBump(),
                    "0 or a count not below minParticlesPerBump (" + minParticlesPerBump + ")");
        }
    }

    /** Settings with the {@link DecisionLimits#DEFAULT default decision limits}. */
    public DetectorSettings(double minDiameterPx, double maxDiameterPx, double minContrast, double micronsPerPixel,
            double illuminationAngleDeg, BumpLayout bumps, int minParticlesPerBump) {
        this(minDiameterPx, maxDiameterPx, minContrast, micronsPerPixel, illuminationAngleDeg, bumps,
                minParticlesPerBump, DecisionLimits.DEFAULT);
    }

    /** These settings with other decision limits. */
    public DetectorSettings withDecisionLimits(DecisionLimits limits) {
        return new DetectorSettings(minDiameterPx, maxDiameterPx, minContrast, micronsPerPixel, illuminationAngleDeg,
                bumps, minParticlesPerBump, limits);
    }
}
