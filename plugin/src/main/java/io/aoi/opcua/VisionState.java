package io.aoi.opcua;

/**
 * States of the OPC 40100 VisionStateMachine; the OPERATIONAL_* values are the Operational state with the sub-state
 * of its automatic-mode state machine.
 */
public enum VisionState {
    PREOPERATIONAL("Preoperational", ""),
    HALTED("Halted", ""),
    ERROR("Error", ""),
    OPERATIONAL_INITIALIZED("Operational", "Initialized"),
    OPERATIONAL_READY("Operational", "Ready"),
    OPERATIONAL_SINGLE_EXECUTION("Operational", "SingleExecution"),
    OPERATIONAL_CONTINUOUS_EXECUTION("Operational", "ContinuousExecution");

    private final String stateName;
    private final String subStateName;

    VisionState(String stateName, String subStateName) {
        this.stateName = stateName;
        this.subStateName = subStateName;
    }

    /** Browse name of the VisionStateMachine state. */
    public String stateName() {
        return stateName;
    }

    /** Browse name of the automatic-mode sub-state; empty outside Operational. */
    public String subStateName() {
        return subStateName;
    }

    public boolean isOperational() {
        return stateName.equals("Operational");
    }
}
