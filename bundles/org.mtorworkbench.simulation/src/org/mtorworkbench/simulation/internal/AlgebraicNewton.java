package org.mtorworkbench.simulation.internal;

/**
 * Newton's method with a finite-difference Jacobian for the few unknowns of algebraic rules,
 * which live at given indices of a value array. Owns its work arrays: not thread-safe.
 * <p>
 * Unknowns that are the extents of fast reactions (the last {@code flows} ones) are found by
 * pseudo-transient continuation instead (Kelley and Keyes, SIAM J. Numer. Anal. 35, 1998): each
 * step is an implicit Euler step of d(xi)/d(tau) = rate(xi) with a pseudo time step growing
 * tenfold per step, so the iteration follows the fast reactions' own flow to the equilibrium
 * they reach from where they start (a reaction with a negative rate runs backwards; of two
 * roots of a mass-action rate, the one the flow meets first) and ends as Newton's method.
 */
final class AlgebraicNewton {

    /** Evaluates the residuals at the unknowns' current values. */
    interface Residual {
        void eval(double[] out);
    }

    private final int[] vars;
    private final int flows;
    private final double[] res;
    private final double[] res2;
    private final DenseLu lu;

    AlgebraicNewton(int[] vars) {
        this(vars, 0);
    }

    /** @param flows how many of the last unknowns are fast reactions' extents, whose residuals are their rates */
    AlgebraicNewton(int[] vars, int flows) {
        this.vars = vars;
        this.flows = flows;
        int m = vars.length;
        this.res = new double[m];
        this.res2 = new double[m];
        this.lu = new DenseLu(m);
    }

    /**
     * Drives the residuals to zero by changing {@code x[vars[j]]}; ends with the residual evaluated
     * at the final values, so whatever it computes is consistent with them.
     */
    void solve(double[] x, Residual f) {
        int m = vars.length;
        // The inverse pseudo time step on the extents' rows (0: plain Newton), set from the first
        // Jacobian relative to the fastest rate's sensitivity (jscale), then shrunk tenfold a step.
        double inverseTau = flows > 0 ? Double.NaN : 0;
        double jscale = 1;
        for (int iter = 0; iter < 60; iter++) {
            f.eval(res);
            double rmax = 0;
            for (double r : res) {
                rmax = Math.max(rmax, Math.abs(r));
            }
            if (rmax == 0 || !Double.isFinite(rmax)) {
                return;
            }
            for (int j = 0; j < m; j++) {
                int s = vars[j];
                double xj = x[s];
                double h = 1e-7 * Math.max(Math.abs(xj), j >= m - flows ? 1e-3 : 1e-7);
                x[s] = xj + h;
                f.eval(res2);
                for (int i = 0; i < m; i++) {
                    lu.a[i * m + j] = (res2[i] - res[i]) / h;
                }
                x[s] = xj;
            }
            if (Double.isNaN(inverseTau)) {
                double jmax = 0;
                for (int i = m - flows; i < m; i++) {
                    jmax = Math.max(jmax, Math.abs(lu.a[i * m + i]));
                }
                jscale = jmax > 0 ? jmax : 1;
                inverseTau = 10 * jscale;
            }
            for (int i = m - flows; i < m && inverseTau > 0; i++) {
                lu.a[i * m + i] -= inverseTau;
            }
            if (!lu.factor()) {
                break;
            }
            for (int i = 0; i < m; i++) {
                res[i] = -res[i];
            }
            lu.solve(res);
            double dmax = 0;
            for (int j = 0; j < m; j++) {
                x[vars[j]] += res[j];
                dmax = Math.max(dmax, Math.abs(res[j]) / Math.max(Math.abs(x[vars[j]]), 1e-300));
            }
            // A damped step that small means Newton's own step would be small too.
            if (dmax * (1 + inverseTau / jscale) <= 1e-14) {
                break;
            }
            inverseTau = inverseTau < 1e-9 * jscale ? 0 : 0.1 * inverseTau;
        }
        f.eval(res);
    }
}
