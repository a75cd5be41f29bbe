package org.mtorworkbench.calibration;

import java.util.function.BooleanSupplier;

/**
 * A function an {@link Optimizer} minimises within bounds: for a PEtab problem {@code -llh} on the
 * parameter scale ({@link PetabFit#function}), for tests an analytic function. Implementations are
 * thread-safe when used by parallel starts.
 */
public interface FitFunction {

    /** @return the lower bounds, one per coordinate (may be {@code -Infinity}) */
    double[] lowerBounds();

    /** @return the upper bounds, one per coordinate (may be {@code Infinity}) */
    double[] upperBounds();

    /** @return the number of coordinates */
    default int dimension() {
        return lowerBounds().length;
    }

    /**
     * @param x a point within the bounds
     * @param derivatives whether the gradient (and, where the function has one, the curvature) is wanted
     * @throws PetabException of kind {@link PetabException.Kind#NUMERICAL} when the function cannot be
     *         evaluated at {@code x} (optimisers then treat the point as infinitely bad), of another kind
     *         when the problem itself is at fault (optimisers pass it on)
     */
    FitPoint evaluate(double[] x, boolean derivatives, BooleanSupplier cancelled) throws PetabException;

    /** The evaluation of a function made by {@link #of}. */
    @FunctionalInterface
    interface Evaluation {
        FitPoint at(double[] x, boolean derivatives, BooleanSupplier cancelled) throws PetabException;
    }

    /** @return the function of {@code evaluation} within the bounds (copied) */
    static FitFunction of(double[] lowerBounds, double[] upperBounds, Evaluation evaluation) {
        if (lowerBounds.length != upperBounds.length) {
            throw new IllegalArgumentException("lower and upper bounds differ in number");
        }
        double[] lower = lowerBounds.clone();
        double[] upper = upperBounds.clone();
        return new FitFunction() {
            @Override
            public double[] lowerBounds() {
                return lower.clone();
            }

            @Override
            public double[] upperBounds() {
                return upper.clone();
            }

            @Override
            public FitPoint evaluate(double[] x, boolean derivatives, BooleanSupplier cancelled) throws PetabException {
                return evaluation.at(x, derivatives, cancelled);
            }
        };
    }
}
