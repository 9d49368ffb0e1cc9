package io.aoi.plugin.runtime;

import io.aoi.results.InspectionResult;
import io.aoi.results.ResultSink;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the defocus estimate results carry ({@link InspectionResult#defocusSigmaPx()}) for the process engineer:
 * keeps the latest one and warns (log and counter) each time it rises above the station's
 * {@code deblur.focusDriftWarnSigmaPx}; it warns again only after the estimate has come back to the threshold or
 * below. Results without an estimate (NaN) change nothing.
 *
 * <p>Called on the pipeline's record thread; readers on any thread.
 */
final class FocusMonitor implements ResultSink {
    private static final Logger LOG = LoggerFactory.getLogger(FocusMonitor.class);

    private final double warnSigmaPx;
    private volatile double lastSigmaPx = Double.NaN;
    private volatile long warnings;
    private boolean above;

    FocusMonitor(double warnSigmaPx) {
        this.warnSigmaPx = warnSigmaPx;
    }

    @Override
    public void accept(InspectionResult result) {
        double sigma = result.defocusSigmaPx();
        if (Double.isNaN(sigma)) {
            return;
        }
        lastSigmaPx = sigma;
        if (sigma > warnSigmaPx && !above) {
            above = true;
            warnings++;
            LOG.warn(String.format(Locale.ROOT, "focus drift: estimated defocus %.2f px is above the station's "
                    + "%.2f px (result %s); check the optics' focus", sigma, warnSigmaPx, result.resultId()));
        } else if (sigma <= warnSigmaPx && above) {
            above = false;
            LOG.info(String.format(Locale.ROOT, "focus back within %.2f px: estimated defocus %.2f px (result %s)",
                    warnSigmaPx, sigma, result.resultId()));
        }
    }

    /** The latest estimate in px, NaN before the first one. */
    double lastSigmaPx() {
        return lastSigmaPx;
    }

    /** How often the estimate rose above the threshold. */
    long warnings() {
        return warnings;
    }
}
