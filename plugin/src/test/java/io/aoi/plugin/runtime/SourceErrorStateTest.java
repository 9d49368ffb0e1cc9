package io.aoi.plugin.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aoi.camera.FrameResult;
import io.aoi.camera.FrameSource;
import io.aoi.camera.SourceCounters;
import io.aoi.camera.SourceLoss;
import io.aoi.opcua.VisionState;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SourceErrorStateTest {

    /** A source whose outage the test sets. */
    private static final class OutageSource implements FrameSource {
        volatile FrameResult.SourceLost outage;

        @Override
        public String describe() {
            return "test source";
        }

        @Override
        public void start() {
        }

        @Override
        public FrameResult next(Duration timeout) {
            return new FrameResult.TimedOut();
        }

        @Override
        public SourceCounters counters() {
            return new SourceCounters(0, 0, 0, 0, 0, 0, 0);
        }

        @Override
        public Optional<FrameResult.SourceLost> outage() {
            return Optional.ofNullable(outage);
        }

        @Override
        public void close() {
        }
    }

    private final OutageSource source = new OutageSource();
    private final AtomicReference<VisionState> state =
            new AtomicReference<>(VisionState.OPERATIONAL_CONTINUOUS_EXECUTION);
    private final SourceErrorState watch = new SourceErrorState(source, state::get, state::set);

    @Test
    void aCameraThatCannotServeTheStationPutsItInErrorUntilItServesAgain() {
        source.outage = new FrameResult.SourceLost("camera refuses width 1024", SourceLoss.INCOMPATIBLE);
        watch.update();
        assertEquals(VisionState.ERROR, state.get());
        watch.update();
        assertEquals(VisionState.ERROR, state.get());

        source.outage = null;
        watch.update();
        assertEquals(VisionState.OPERATIONAL_CONTINUOUS_EXECUTION, state.get());
    }

    @Test
    void aCameraThatIsOnlyGoneLeavesTheStateAlone() {
        source.outage = new FrameResult.SourceLost("control lost", SourceLoss.UNREACHABLE);
        watch.update();
        assertEquals(VisionState.OPERATIONAL_CONTINUOUS_EXECUTION, state.get());
    }

    @Test
    void aHaltedStationIsNotMovedAndAnErrorItDidNotEnterIsKept() {
        state.set(VisionState.HALTED);
        source.outage = new FrameResult.SourceLost("camera refuses width 1024", SourceLoss.INCOMPATIBLE);
        watch.update();
        assertEquals(VisionState.HALTED, state.get());

        state.set(VisionState.ERROR);
        source.outage = null;
        watch.update();
        assertEquals(VisionState.ERROR, state.get());
    }
}
