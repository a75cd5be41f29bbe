package org.mtorworkbench.calibration;

import java.util.List;
/**
 * A PEtab problem as a {@link FitFunction}: {@code -llh} of the estimated parameters on their
 * parameter scales, within their bounds, with the gradient {@code -d llh / d theta} and the
 * curvature {@code J^T J + sum_i c_i b_i b_i^T}: the Gauss-Newton matrix of the residuals
 * ({@code J = d r / d theta}, sigma's effect on {@code r} included) plus the expected curvature of
 * each measurement's log-sigma term, {@code b_i = (d sigma_i / d theta) / sigma_i}, {@code c_i} 2
 * for normal and 1 for Laplace noise. With fixed sigmas this is {@code J^T J}, so
 * {@code trust-region-lm} is Levenberg-Marquardt on the residuals; with estimated sigmas it gives
 * the sigma directions the curvature {@code r^2 + c} per measurement where the exact one is
 * {@code 2 r^2} (for {@code sigma = e^u}), close at the optimum ({@code r^2} about 1) and within a
 * factor 2 far from it, where the Fisher information alone ({@code c}) would be far too flat.
 * Priors are not part of the function.
 */
public final class PetabFit {

    private PetabFit() {
    }

    /** @return the function {@code -llh} of {@code objective}'s estimated parameters */
    public static FitFunction function(PetabObjective objective) {
        List<PetabMeasurement> ms = objective.problem().measurements();
        double[] c = new double[ms.size()];
        for (int i = 0; i < c.length; i++) {
            NoiseModel noise = objective.problem().observables().get(ms.get(i).observableId()).noise();
            c[i] = noise.distribution() == NoiseModel.Distribution.NORMAL ? 2 : 1;
        }
        return FitFunction.of(objective.scaledBounds(true), objective.scaledBounds(false),
                (x, derivatives, cancelled) -> {
                    ObjectiveValue v = objective.evaluate(x, derivatives, cancelled);
                    if (!derivatives) {
                        return FitPoint.of(-v.llh());
                    }
                    double[] g = v.gradient();
                    for (int j = 0; j < g.length; j++) {
                        g[j] = -g[j];
                    }
                    return new FitPoint(-v.llh(), g, curvature(v, c));
                });
    }

    /** {@code J^T J + sum_i c_i b_i b_i^T} on the parameter scale. */
    static double[][] curvature(ObjectiveValue v, double[] c) {
        double[][] dr = v.residualJacobian();
        double[][] ds = v.sigmaJacobian();
        int m = dr.length;
        int n = m == 0 ? 0 : dr[0].length;
        double[][] f = new double[n][n];
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < m; i++) {
            double sigma = v.sigma(i);
            if (!Double.isFinite(v.residual(i)) || !(sigma > 0)) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                b[j] = ds[i][j] / sigma;
                a[j] = dr[i][j];
            }
            for (int p = 0; p < n; p++) {
                for (int q = 0; q <= p; q++) {
                    f[p][q] += a[p] * a[q] + c[i] * b[p] * b[q];
                }
            }
        }
        for (int p = 0; p < n; p++) {
            for (int q = p + 1; q < n; q++) {
                f[p][q] = f[q][p];
            }
        }
        return f;
    }
}
