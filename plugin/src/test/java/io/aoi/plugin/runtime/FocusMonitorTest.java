package io.aoi.plugin.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.results.InspectionResult;
import io.aoi.results.Outcome;
import io.aoi.results.Verdict;
import org.junit.jupiter.api.Test;

class FocusMonitorTest {

    private static InspectionResult withSigma(long frame, double sigma) {
        return InspectionResult.builder().stationId("s").jobId("j").frameId(frame).idFromParts()
                .outcome(Outcome.COMPLETED).verdict(Verdict.OK).defocusSigmaPx(sigma).build();
    }

    @Test
    void warnsOncePerCrossingAndKeepsTheLatestEstimate() {
        FocusMonitor monitor = new FocusMonitor(3.5);
        assertTrue(Double.isNaN(monitor.lastSigmaPx()));

        double[] sigmas = {Double.NaN, 2.0, 3.6, 3.8, 3.0, 4.0, Double.NaN};
        for (int i = 0; i < sigmas.length; i++) {
            monitor.accept(withSigma(i, sigmas[i]));
        }

        assertEquals(2, monitor.warnings(), "3.6 crosses, 3.8 stays above, 3.0 comes back, 4.0 crosses again");
        assertEquals(4.0, monitor.lastSigmaPx(), "a result without an estimate keeps the last one");
    }
}
