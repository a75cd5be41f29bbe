package org.mtorworkbench.simulation.internal;

/**
 * Newton's method with a finite-difference Jacobian for the few unknowns of algebraic rules,
 * which live at given indices of a value array. Owns its work arrays: not thread-safe.
 */
final class AlgebraicNewton {

    /** Evaluates the residuals at the unknowns' current values. */
    interface Residual {
        void eval(double[] out);
    }

    private final int[] vars;
    private final double[] res;
    private final double[] res2;
    private final DenseLu lu;

    AlgebraicNewton(int[] vars) {
        this.vars = vars;
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
        for (int iter = 0; iter < 50; iter++) {
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
                double h = 1e-7 * Math.max(Math.abs(xj), 1e-7);
                x[s] = xj + h;
                f.eval(res2);
                for (int i = 0; i < m; i++) {
                    lu.a[i * m + j] = (res2[i] - res[i]) / h;
                }
                x[s] = xj;
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
            if (dmax <= 1e-14) {
                break;
            }
        }
        f.eval(res);
    }
}
