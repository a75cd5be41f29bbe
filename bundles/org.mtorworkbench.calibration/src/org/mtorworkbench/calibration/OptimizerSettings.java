package org.mtorworkbench.calibration;

/**
 * When a local optimisation stops. Immutable; {@code withX} returns copies.
 *
 * @param maxIterations the most iterations (accepted or rejected steps)
 * @param maxEvaluations the most function evaluations (with or without derivatives)
 * @param functionTolerance stop when 3 accepted steps in a row each decrease the value by less than
 *        {@code functionTolerance * (1 + |value|)}
 * @param gradientTolerance stop when the largest component of the projected gradient (zero for a
 *        coordinate at a bound that the gradient pushes outwards) is below it
 * @param stepTolerance stop when a step changes no coordinate by more than
 *        {@code stepTolerance * (1 + |x_j|)}
 */
public record OptimizerSettings(int maxIterations, int maxEvaluations, double functionTolerance,
        double gradientTolerance, double stepTolerance) {

    public OptimizerSettings {
        if (maxIterations < 1 || maxEvaluations < 1) {
            throw new IllegalArgumentException("maxIterations and maxEvaluations must be at least 1");
        }
        if (!(functionTolerance >= 0 && gradientTolerance >= 0 && stepTolerance >= 0)) {
            throw new IllegalArgumentException("tolerances must be non-negative");
        }
    }

    /** @return 200 iterations, 2000 evaluations, function tolerance 1e-8, gradient 1e-6, step 1e-8 */
    public static OptimizerSettings defaults() {
        return new OptimizerSettings(200, 2000, 1e-8, 1e-6, 1e-8);
    }

    public OptimizerSettings withMaxIterations(int n) {
        return new OptimizerSettings(n, maxEvaluations, functionTolerance, gradientTolerance, stepTolerance);
    }

    public OptimizerSettings withMaxEvaluations(int n) {
        return new OptimizerSettings(maxIterations, n, functionTolerance, gradientTolerance, stepTolerance);
    }

    public OptimizerSettings withFunctionTolerance(double t) {
        return new OptimizerSettings(maxIterations, maxEvaluations, t, gradientTolerance, stepTolerance);
    }

    public OptimizerSettings withGradientTolerance(double t) {
        return new OptimizerSettings(maxIterations, maxEvaluations, functionTolerance, t, stepTolerance);
    }

    public OptimizerSettings withStepTolerance(double t) {
        return new OptimizerSettings(maxIterations, maxEvaluations, functionTolerance, gradientTolerance, t);
    }
}
