package io.aoi.camera;

/** Why a source cannot deliver: the camera does not answer, or it answers but cannot serve the station. */
public enum SourceLoss {
    /** The camera is gone (power, cable, network); the source reconnects when it answers again. */
    UNREACHABLE,
    /**
     * The camera answers but refuses the settings the station ran with (it came back different: another
     * sensor, a setting it no longer accepts); the station cannot inspect until this is fixed. The source keeps
     * retrying.
     */
    INCOMPATIBLE
}
