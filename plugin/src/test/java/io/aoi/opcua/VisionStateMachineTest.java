package io.aoi.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class VisionStateMachineTest {
    /** Records the control calls; refuses StartContinuous while {@code refuse} is set. */
    private static final class Recording implements VisionControl {
        final List<String> calls = new ArrayList<>();
        final AtomicBoolean refuse = new AtomicBoolean();

        @Override
        public void halt(int cause, String causeDescription) {
            calls.add("halt " + cause + " " + causeDescription);
        }

        @Override
        public void reset() {
            calls.add("reset");
        }

        @Override
        public void startContinuous() throws VisionControlException {
            if (refuse.get()) {
                throw new VisionControlException("the camera is not ready");
            }
            calls.add("startContinuous");
        }

        @Override
        public void stop() {
            calls.add("stop");
        }
    }

    @Test
    void transitionsFollowTheSpecAndTellTheListenersInOrder() throws Exception {
        Recording control = new Recording();
        VisionStateMachine m = new VisionStateMachine(control, () -> true);
        List<VisionState> seen = new ArrayList<>();
        m.addListener(seen::add);
        m.set(VisionState.OPERATIONAL_CONTINUOUS_EXECUTION);
        m.halt(7, "jam");
        m.reset();
        m.selectModeAutomatic();
        m.startContinuous();
        m.stop();
        assertEquals(List.of(VisionState.OPERATIONAL_CONTINUOUS_EXECUTION, VisionState.HALTED,
                VisionState.PREOPERATIONAL, VisionState.OPERATIONAL_READY,
                VisionState.OPERATIONAL_CONTINUOUS_EXECUTION, VisionState.OPERATIONAL_READY), seen);
        assertEquals(List.of("halt 7 jam", "reset", "startContinuous", "stop"), control.calls);
    }

    @Test
    void aRefusedTransitionSaysWhyAndChangesNothing() throws Exception {
        Recording control = new Recording();
        VisionStateMachine m = new VisionStateMachine(control, () -> false);
        m.halt(0, "");
        VisionControlException twice = assertThrows(VisionControlException.class, () -> m.halt(0, ""));
        assertEquals("Halt is not allowed in state Halted", twice.getMessage());

        m.reset();
        m.selectModeAutomatic();
        assertEquals(VisionState.OPERATIONAL_INITIALIZED, m.state(), "no recipe prepared");
        m.recipePrepared(true);
        assertEquals(VisionState.OPERATIONAL_READY, m.state());
        control.refuse.set(true);
        VisionControlException refused = assertThrows(VisionControlException.class, m::startContinuous);
        assertEquals("StartContinuous refused by the station: the camera is not ready", refused.getMessage());
        assertEquals(VisionState.OPERATIONAL_READY, m.state());
        assertThrows(VisionControlException.class, m::startSingleJob, "a continuous line refuses single jobs");
        assertEquals(VisionState.OPERATIONAL_READY, m.state());
    }
}
