package io.aoi.opcua;

/**
 * The pipeline's side of the VisionStateMachine methods. The server checks the caller's role and that the transition
 * is allowed from the current state, calls the matching method, and on normal return moves the state machine to the
 * target state. Called on an OPC UA service thread: return quickly (start work, do not wait for it).
 */
public interface VisionControl {
    /**
     * Halt(Cause, CauseDescription): stop inspecting; target state Halted.
     *
     * @param cause            the caller's Int32 cause code (OPC 40100: application-specific)
     * @param causeDescription free text
     */
    void halt(int cause, String causeDescription) throws VisionControlException;

    /** Reset: leave Halted/Error (or any state); target state Preoperational. */
    void reset() throws VisionControlException;

    /**
     * SelectModeAutomatic: target state Operational/Ready when a recipe is prepared, Operational/Initialized
     * otherwise.
     */
    default void selectModeAutomatic() throws VisionControlException {
    }

    /**
     * StartSingleJob: inspect one part; target state Operational/SingleExecution. Stations that only run
     * continuously refuse it.
     */
    default void startSingleJob() throws VisionControlException {
        throw new VisionControlException("this station inspects a continuous line; single jobs are not supported");
    }

    /** Abort: end execution at once; target state Operational/Ready. Stops like {@link #stop()} unless overridden. */
    default void abort() throws VisionControlException {
        stop();
    }

    /** StartContinuous: inspect every frame; target state Operational/ContinuousExecution. */
    void startContinuous() throws VisionControlException;

    /** Stop: end continuous execution after the current frame; target state Operational/Ready. */
    void stop() throws VisionControlException;

    /** A control that accepts every request and does nothing; for tests and stations without remote control. */
    VisionControl ACCEPT_ALL = new VisionControl() {
        @Override
        public void halt(int cause, String causeDescription) {
        }

        @Override
        public void startSingleJob() {
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
