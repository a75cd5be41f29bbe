package org.mtorworkbench.simulation.extension;

/**
 * What an {@link Integrator} is asked to honour, taken from the run's
 * {@link org.mtorworkbench.simulation.SolverOptions} and already validated.
 *
 * @param relativeTolerance relative error tolerance per step, in (0, 1)
 * @param absoluteTolerance absolute error tolerance per step, positive
 * @param initialStep the first step size; 0 lets the integrator choose
 * @param maxStep the largest step size allowed (may be infinite)
 * @param maxSteps the most steps allowed per run
 * @since 0.2
 */
public record IntegratorSettings(double relativeTolerance, double absoluteTolerance, double initialStep,
        double maxStep, long maxSteps) {
}
