package org.mtorworkbench.simulation.extension;

import org.mtorworkbench.simulation.SimulationException;

/**
 * One integration method on one {@link OdeSystem}: takes single accepted steps and
 * interpolates within the last one. The engine drives it: it resets it at the start and
 * after every event, asks for steps up to a stop time it must never pass, and interpolates
 * for output times and event location. Owned by one run: not thread-safe.
 *
 * @since 0.2
 */
public interface Integrator {

    /** Restarts at {@code (t0, y0)}; {@code tEnd} bounds the first step. */
    void reset(double t0, double[] y0, double tEnd) throws SimulationException;

    /**
     * Takes one accepted step, never beyond {@code tStop}.
     *
     * @throws SimulationException TOO_MANY_STEPS, STEP_SIZE_UNDERFLOW or NON_FINITE with the time
     */
    void step(double tStop) throws SimulationException;

    /** Interpolates the state at {@code t} in [{@link #previousTime()}, {@link #time()}] into {@code out}. */
    void interpolate(double t, double[] out);

    /** @return the time reached by the last step */
    double time();

    /** @return the time the last step started from */
    double previousTime();

    /** @return the state at {@link #time()} (read-only use) */
    double[] state();

    /** @return accepted steps since creation */
    long steps();

    /** @return rejected step attempts since creation */
    long rejectedSteps();

    /** @return LU factorisations since creation (0 for explicit methods) */
    default long factorizations() {
        return 0;
    }

    /**
     * @return true when this method finds the problem stiff and a stiff method should take
     *         over; the engine then continues with the built-in BDF method
     */
    default boolean wantsStiffSolver() {
        return false;
    }
}
