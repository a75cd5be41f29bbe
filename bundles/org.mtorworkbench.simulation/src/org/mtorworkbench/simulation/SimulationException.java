package org.mtorworkbench.simulation;

/**
 * A model could not be compiled or simulated. The {@link #kind()} tells callers (and the
 * command line's exit codes) what happened; the message names the element, variable or
 * time at fault and is meant to be shown as is.
 */
public class SimulationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The model uses a construct the engine does not simulate (it is refused, never approximated). */
        UNSUPPORTED,
        /** The model is inconsistent: an undefined id, a cycle of assignment rules, a missing value. */
        INVALID_MODEL,
        /** A state variable became NaN or infinite. */
        NON_FINITE,
        /** The solver needed more steps than allowed. */
        TOO_MANY_STEPS,
        /** The step size fell below the smallest step the solver can take at that time. */
        STEP_SIZE_UNDERFLOW,
        /** The Newton iteration of an implicit solver failed repeatedly. */
        CONVERGENCE_FAILURE,
        /** The run was cancelled from outside. */
        CANCELLED,
        /** No steady state was found. */
        NO_STEADY_STATE
    }

    private final Kind kind;

    public SimulationException(Kind kind, String message) {
        this(kind, message, null);
    }

    public SimulationException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** @return true for the kinds that are numerical failures rather than model problems */
    public boolean isNumerical() {
        return kind == Kind.NON_FINITE || kind == Kind.TOO_MANY_STEPS || kind == Kind.STEP_SIZE_UNDERFLOW
                || kind == Kind.CONVERGENCE_FAILURE || kind == Kind.NO_STEADY_STATE;
    }
}
