package io.aoi.opcua;

/**
 * The pipeline's side of the VisionStateMachine methods. The server checks the caller's role and that the transition
 * is allowed from the current state, calls the matching method, and on normal return moves the state machine to the
 * target state. Called on an OPC UA service thread: return quickly (start work, do not wait for it).
 */
public interface VisionControl {
    /** Halt(cause, causeDescription): stop inspecting; target state Halted. */
    void halt(String cause, String causeDescription) throws VisionControlException;

    /** Reset: leave Halted/Error (or any state); target state Preoperational. */
    void reset() throws VisionControlException;

    /** SelectModeAutomatic: the configured recipe is prepared implicitly; target state Operational/Ready. */
    default void selectModeAutomatic() throws VisionControlException {
    }

    /** StartContinuous: inspect every frame; target state Operational/ContinuousExecution. */
    void startContinuous() throws VisionControlException;

    /** Stop: end continuous execution after the current frame; target state Operational/Ready. */
    void stop() throws VisionControlException;

    /** A control that accepts every request and does nothing; for tests and stations without remote control. */
    VisionControl ACCEPT_ALL = new VisionControl() {
        @Override
        public void halt(String cause, String causeDescription) {
        }

        @Override
        public void reset() {
        }

        @Override
        public void startContinuous() {
        }

        @Override
        public void stop() {
        }
    };
}
