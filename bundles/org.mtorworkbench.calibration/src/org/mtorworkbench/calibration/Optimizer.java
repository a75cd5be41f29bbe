package org.mtorworkbench.calibration;

import java.util.function.BooleanSupplier;

/**
 * A local optimiser within bounds, contributed as an OSGi service (Declarative Services) like the
 * solvers: the product's own are {@code trust-region-lm}, {@code bfgs-box}, {@code bobyqa} and
 * {@code nelder-mead} ({@link Optimizers}); a bundle that registers another makes it available to
 * {@code fit --optimizer ID} and {@code profile} while it is active.
 * <p>
 * Implementations are stateless and thread-safe: parallel starts call {@link #minimize} at once.
 *
 * @since 0.4
 */
public interface Optimizer {

    /** @return the id users type, lower case with hyphens, e.g. {@code trust-region-lm}; unique */
    String id();

    /** @return a one-line description for listings */
    String description();

    /** @return whether {@link #minimize} asks the function for derivatives */
    boolean usesDerivatives();

    /**
     * Minimises {@code f} from {@code start} (moved into the bounds first) within its bounds.
     *
     * @return the best point found, how many iterations and evaluations it took and why it stopped;
     *         {@link OptimizerResult.Exit#CANCELLED} when {@code cancelled} turned true
     * @throws PetabException when the function reports an error of the problem (not a numerical failure)
     */
    OptimizerResult minimize(FitFunction f, double[] start, OptimizerSettings settings, BooleanSupplier cancelled)
            throws PetabException;
}
