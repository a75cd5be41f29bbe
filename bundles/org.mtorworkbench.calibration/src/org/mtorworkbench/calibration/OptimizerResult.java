package org.mtorworkbench.calibration;

import java.util.Objects;

/**
 * The end of one local optimisation. Immutable.
 *
 * @param x the best point found (within the bounds)
 * @param value the function's value there (infinite when no point could be evaluated)
 * @param iterations iterations done
 * @param evaluations function evaluations, with or without derivatives
 * @param derivativeEvaluations how many of them asked for derivatives
 * @param exit why it stopped
 */
public record OptimizerResult(double[] x, double value, int iterations, int evaluations, int derivativeEvaluations,
        Exit exit) {

    /** Why an optimisation stopped. */
    public enum Exit {
        /** Three accepted steps in a row decreased the value by less than the function tolerance. */
        FUNCTION_TOLERANCE("function-tolerance"),
        /** The projected gradient fell below the gradient tolerance. */
        GRADIENT_TOLERANCE("gradient-tolerance"),
        /** The step fell below the step tolerance (or no step of any length decreased the value). */
        STEP_TOLERANCE("step-tolerance"),
        /** The iteration limit was reached. */
        MAX_ITERATIONS("max-iterations"),
        /** The evaluation limit was reached. */
        MAX_EVALUATIONS("max-evaluations"),
        /** Cancelled by the caller. */
        CANCELLED("cancelled"),
        /** The function could not be evaluated at the start. */
        FAILED("failed");

        private final String id;

        Exit(String id) {
            this.id = id;
        }

        /** @return the name written to tables, e.g. {@code function-tolerance} */
        public String id() {
            return id;
        }

        /** @return whether the optimiser stopped because it converged by one of its criteria */
        public boolean converged() {
            return this == FUNCTION_TOLERANCE || this == GRADIENT_TOLERANCE || this == STEP_TOLERANCE;
        }
    }

    public OptimizerResult {
        x = x.clone();
        Objects.requireNonNull(exit, "exit");
    }

    @Override
    public double[] x() {
        return x.clone();
    }
}
