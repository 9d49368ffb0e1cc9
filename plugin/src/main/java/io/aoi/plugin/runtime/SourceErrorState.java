package io.aoi.plugin.runtime;

import io.aoi.camera.FrameSource;
import io.aoi.camera.SourceLoss;
import io.aoi.camera.SourceState;
import io.aoi.opcua.VisionState;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the station into the OPC UA Error state while its camera answers but cannot serve it
 * ({@link SourceState.Incompatible}: a {@link SourceLoss#INCOMPATIBLE} outage, for example a camera that came back
 * with a smaller sensor), and back into continuous execution once the source delivers again. A camera that is merely gone leaves the state alone (the
 * source reports it and reconnects). Only an operational station is moved to Error, and only an Error this class
 * entered is left again. Called periodically from one thread.
 */
final class SourceErrorState {
    private static final Logger LOG = LoggerFactory.getLogger(SourceErrorState.class);

    private final FrameSource source;
    private final Supplier<VisionState> state;
    private final Consumer<VisionState> setState;
    private boolean entered;

    /**
     * @param state    the station's current state
     * @param setState moves the station to a state
     */
    SourceErrorState(FrameSource source, Supplier<VisionState> state, Consumer<VisionState> setState) {
        this.source = source;
        this.state = state;
        this.setState = setState;
    }

    /** Compares the source's outage with the state once. */
    void update() {
        Optional<SourceState> outage = source.outage().map(SourceState::of);
        if (outage.isPresent() && outage.get() instanceof SourceState.Incompatible incompatible) {
            if (!entered && state.get().isOperational()) {
                entered = true;
                setState.accept(VisionState.ERROR);
                LOG.error("station in Error: {}", incompatible.reason());
            }
        } else if (entered) {
            entered = false;
            if (state.get() == VisionState.ERROR) {
                setState.accept(VisionState.OPERATIONAL_CONTINUOUS_EXECUTION);
                LOG.info("station out of Error: the camera serves the station again");
            }
        }
    }
}
