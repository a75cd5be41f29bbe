package org.mtorworkbench.experiments;

import java.util.function.BooleanSupplier;

/** Cancels a batch of runs from any thread; solvers poll it at every step. */
public final class Cancellation implements BooleanSupplier {

    private volatile boolean cancelled;

    /** Requests cancellation; running simulations stop at their next step. */
    public void cancel() {
        cancelled = true;
    }

    /** @return whether cancellation was requested */
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public boolean getAsBoolean() {
        return cancelled;
    }
}
