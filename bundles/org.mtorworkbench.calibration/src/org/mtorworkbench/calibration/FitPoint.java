package org.mtorworkbench.calibration;

/**
 * The value of a {@link FitFunction} at one point, with its gradient and a positive semi-definite
 * approximation of its Hessian (the curvature) when asked for and available. Immutable.
 *
 * @param value the value to minimise (NaN or infinite where the function is undefined)
 * @param gradient the gradient, or null
 * @param curvature a symmetric positive semi-definite approximation of the Hessian (Gauss-Newton or
 *        Fisher information), or null
 */
public record FitPoint(double value, double[] gradient, double[][] curvature) {

    public FitPoint {
        gradient = gradient == null ? null : gradient.clone();
        if (curvature != null) {
            double[][] c = new double[curvature.length][];
            for (int i = 0; i < c.length; i++) {
                c[i] = curvature[i].clone();
            }
            curvature = c;
        }
    }

    /** @return a value without derivatives */
    public static FitPoint of(double value) {
        return new FitPoint(value, null, null);
    }

    /**
     * @return the least-squares point {@code 0.5 sum r_i^2} with gradient {@code J^T r} and curvature
     *         {@code J^T J} (Gauss-Newton); {@code jacobian} null for the value alone
     */
    public static FitPoint leastSquares(double[] residuals, double[][] jacobian) {
        double v = 0;
        for (double r : residuals) {
            v += 0.5 * r * r;
        }
        if (jacobian == null) {
            return of(v);
        }
        int n = jacobian.length == 0 ? 0 : jacobian[0].length;
        double[] g = new double[n];
        double[][] c = new double[n][n];
        for (int i = 0; i < residuals.length; i++) {
            double[] row = jacobian[i];
            for (int a = 0; a < n; a++) {
                g[a] += row[a] * residuals[i];
                for (int b = 0; b <= a; b++) {
                    c[a][b] += row[a] * row[b];
                }
            }
        }
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                c[a][b] = c[b][a];
            }
        }
        return new FitPoint(v, g, c);
    }

    /** @return the gradient (a copy), or null */
    @Override
    public double[] gradient() {
        return gradient == null ? null : gradient.clone();
    }

    /** @return the curvature (a copy), or null */
    @Override
    public double[][] curvature() {
        if (curvature == null) {
            return null;
        }
        double[][] c = new double[curvature.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = curvature[i].clone();
        }
        return c;
    }
}
