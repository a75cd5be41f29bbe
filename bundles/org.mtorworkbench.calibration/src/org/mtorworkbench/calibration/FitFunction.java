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
}
