package org.mtorworkbench.simulation.extension;

/**
 * The ODE system {@code dy/dt = f(t, y)} of one run of a compiled model, as an
 * {@link Integrator} sees it. Owned by one run: not thread-safe.
 *
 * @since 0.2
 */
public interface OdeSystem {

    /** @return the number of state variables */
    int dimension();

    /** Evaluates {@code dydt = f(t, y)}; neither array may be kept. */
    void derivatives(double t, double[] y, double[] dydt);

    /**
     * Evaluates the Jacobian {@code df/dy} at (t, y) into {@code jacobian}, row-major
     * ({@code jacobian[i * n + j] = df_i/dy_j}); analytic where the model's math allows,
     * by grouped finite differences otherwise.
     *
     * @param f the value of {@code f(t, y)}, already evaluated
     */
    void jacobian(double t, double[] y, double[] f, double[] jacobian);
}
