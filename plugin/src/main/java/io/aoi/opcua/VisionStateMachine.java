package io.aoi.opcua;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The station's OPC 40100 VisionStateMachine, independent of any server: the current {@link VisionState}, the
 * transitions the spec allows from each state, and the station's side of each transition ({@link VisionControl}).
 * The OPC UA server's methods and an embedding host call the same transitions, so both see one state and one set
 * of rules.
 *
 * <p>A transition first checks that it is allowed from the current state, then calls the control; on normal return
 * the state moves to the transition's target. Refusals are thrown as {@link VisionControlException} with a message
 * naming the method and the state ({@code Halt is not allowed in state Halted}) or the station's reason; nothing
 * changes then.
 *
 * <p>Threads: thread-safe, transitions are serialised. State listeners are called on the thread that made the
 * change, under this object's lock, in the order they were added: they must return quickly and must not call back
 * into a transition.
 */
public final class VisionStateMachine {
    private final VisionControl control;
    private final BooleanSupplier recipePrepared;
    private final List<Consumer<VisionState>> listeners = new CopyOnWriteArrayList<>();
    private volatile VisionState state = VisionState.PREOPERATIONAL;

    /**
     * Starts in Preoperational.
     *
     * @param control        the station's side of each transition
     * @param recipePrepared whether a recipe is prepared (SelectModeAutomatic goes to Ready then, else to Initialized)
     */
    public VisionStateMachine(VisionControl control, BooleanSupplier recipePrepared) {
        this.control = Objects.requireNonNull(control, "control");
        this.recipePrepared = Objects.requireNonNull(recipePrepared, "recipePrepared");
    }

    /** The current state. Any thread. */
    public VisionState state() {
        return state;
    }

    /** Calls {@code listener} with every later state (not with the current one). */
    public void addListener(Consumer<VisionState> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Halt(Cause, CauseDescription): stop inspecting, from any state but Halted; target Halted. */
    public void halt(int cause, String causeDescription) throws VisionControlException {
        transition("Halt", VisionState.HALTED, s -> s != VisionState.HALTED,
                () -> control.halt(cause, causeDescription));
    }

    /** Reset: from any state; target Preoperational. */
    public void reset() throws VisionControlException {
        transition("Reset", VisionState.PREOPERATIONAL, s -> true, control::reset);
    }

    /** SelectModeAutomatic: from Preoperational; target Operational/Ready with a prepared recipe, else Initialized. */
    public void selectModeAutomatic() throws VisionControlException {
        VisionState target = recipePrepared.getAsBoolean() ? VisionState.OPERATIONAL_READY
                : VisionState.OPERATIONAL_INITIALIZED;
        transition("SelectModeAutomatic", target, s -> s == VisionState.PREOPERATIONAL, control::selectModeAutomatic);
    }

    /** StartSingleJob: from Operational/Ready; target Operational/SingleExecution. */
    public void startSingleJob() throws VisionControlException {
        transition("StartSingleJob", VisionState.OPERATIONAL_SINGLE_EXECUTION,
                s -> s == VisionState.OPERATIONAL_READY, control::startSingleJob);
    }

    /** StartContinuous: from Operational/Ready; target Operational/ContinuousExecution. */
    public void startContinuous() throws VisionControlException {
        transition("StartContinuous", VisionState.OPERATIONAL_CONTINUOUS_EXECUTION,
                s -> s == VisionState.OPERATIONAL_READY, control::startContinuous);
    }

    /** Stop: from single or continuous execution; target Operational/Ready. */
    public void stop() throws VisionControlException {
        transition("Stop", VisionState.OPERATIONAL_READY, VisionStateMachine::executing, control::stop);
    }

    /** Abort: from single or continuous execution; target Operational/Ready. */
    public void abort() throws VisionControlException {
        transition("Abort", VisionState.OPERATIONAL_READY, VisionStateMachine::executing, control::abort);
    }

    /**
     * Moves Operational/Initialized to Ready (a recipe was prepared) or Ready to Initialized (unprepared); other
     * states stay.
     */
    public synchronized void recipePrepared(boolean prepared) {
        VisionState s = state;
        if (prepared && s == VisionState.OPERATIONAL_INITIALIZED) {
            set(VisionState.OPERATIONAL_READY);
        } else if (!prepared && s == VisionState.OPERATIONAL_READY) {
            set(VisionState.OPERATIONAL_INITIALIZED);
        }
    }

    /**
     * Sets the state as the station sees it, without a transition check or a control call (continuous execution
     * at start, Error while the camera cannot serve the station).
     */
    public synchronized void set(VisionState s) {
        state = Objects.requireNonNull(s, "state");
        for (Consumer<VisionState> l : listeners) {
            l.accept(s);
        }
    }

    /** Operational/ContinuousExecution or SingleExecution. */
    public static boolean executing(VisionState s) {
        return s == VisionState.OPERATIONAL_CONTINUOUS_EXECUTION || s == VisionState.OPERATIONAL_SINGLE_EXECUTION;
    }

    @FunctionalInterface
    private interface ControlCall {
        void run() throws VisionControlException;
    }

    private synchronized void transition(String method, VisionState target, Predicate<VisionState> allowedFrom,
            ControlCall call) throws VisionControlException {
        VisionState from = state;
        if (!allowedFrom.test(from)) {
            throw new VisionControlException(method + " is not allowed in state " + describe(from));
        }
        try {
            call.run();
        } catch (VisionControlException e) {
            throw new VisionControlException(method + " refused by the station: " + e.getMessage(), e);
        }
        set(target);
    }

    /** {@code Halted}, {@code Operational/Ready}. */
    public static String describe(VisionState s) {
        return s.isOperational() ? s.stateName() + "/" + s.subStateName() : s.stateName();
    }
}
