package org.mtorworkbench.calibration.internal;

import org.mtorworkbench.calibration.ObjectiveValue;
import org.mtorworkbench.calibration.PetabException;

/**
 * Derivatives of an objective by finite differences on the parameter scale: central differences
 * {@code (f(x + h) - f(x - h)) / 2h} where both points are inside the bounds, otherwise the
 * second-order one-sided formula {@code (-3 f(x) + 4 f(x + h) - f(x + 2h)) / 2h} pointing into the
 * box, so that no evaluation leaves the bounds (a linear parameter at a bound of 0 stays
 * non-negative). The step is {@code h = 1e-3 max(|x|, 1)} on log scales and
 * {@code 1e-3 max(|x|, 1e-6)} on the linear scale: with the objective's solver tolerance (rtol 1e-8) the
 * truncation error {@code O(h^2)} and the solver's noise {@code O(rtol / h)} are then both near
 * 1e-6 relative. Used where no sensitivities are available, and as their check.
 */
public final class FiniteDifferences {

    /** The relative step. */
    public static final double STEP = 1e-3;

    /** An objective evaluation at a point on the parameter scale. */
    @FunctionalInterface
    public interface Evaluation {
        ObjectiveValue at(double[] onParameterScale) throws PetabException;
    }

    /**
     * The derivatives at one point.
     *
     * @param gradient d llh / d theta_j
     * @param residualJacobian d residual_i / d theta_j
     * @param sigmaJacobian d sigma_i / d theta_j
     */
    public record Derivatives(double[] gradient, double[][] residualJacobian, double[][] sigmaJacobian) {
    }

    private FiniteDifferences() {
    }

    /** @return the step of coordinate {@code j} at {@code x} (not limited by the bounds) */
    public static double step(double x, boolean logScale) {
        return STEP * Math.max(Math.abs(x), logScale ? 1 : 1e-6);
    }

    /**
     * @param x the point, on the parameter scale
     * @param lower the lower bounds on the parameter scale (may be infinite)
     * @param upper the upper bounds on the parameter scale
     * @param base the value at {@code x}
     * @param f evaluates at other points
     */
    public static Derivatives derivatives(double[] x, double[] lower, double[] upper, ObjectiveValue base,
            Evaluation f) throws PetabException {
        return derivatives(x, lower, upper, base, f, null);
    }

    /**
     * As {@link #derivatives(double[], double[], double[], ObjectiveValue, Evaluation)}, with a step per
     * coordinate ({@code steps[j]}; null for {@link #step(double, boolean)} with log-scale magnitudes).
     */
    public static Derivatives derivatives(double[] x, double[] lower, double[] upper, ObjectiveValue base,
            Evaluation f, double[] steps) throws PetabException {
        int n = x.length;
        int m = base.size();
        double[] gradient = new double[n];
        double[][] dr = new double[m][n];
        double[][] ds = new double[m][n];
        double[] r0 = base.residuals();
        double[] s0 = base.sigmas();
        for (int j = 0; j < n; j++) {
            double h = steps != null ? steps[j] : step(x[j], true);
            double[] xp = x.clone();
            double[] xm = x.clone();
            boolean central = x[j] - h >= lower[j] && x[j] + h <= upper[j];
            ObjectiveValue a;
            ObjectiveValue b;
            if (central || upper[j] - lower[j] < 2 * h) {
                xp[j] = x[j] + h;
                xm[j] = x[j] - h;
                a = f.at(xp);
                b = f.at(xm);
                gradient[j] = (a.llh() - b.llh()) / (2 * h);
                double[] ra = a.residuals();
                double[] rb = b.residuals();
                double[] sa = a.sigmas();
                double[] sb = b.sigmas();
                for (int i = 0; i < m; i++) {
                    dr[i][j] = (ra[i] - rb[i]) / (2 * h);
                    ds[i][j] = (sa[i] - sb[i]) / (2 * h);
                }
            } else {
                double dir = x[j] - h < lower[j] ? 1 : -1;
                xp[j] = x[j] + dir * h;
                xm[j] = x[j] + dir * 2 * h;
                a = f.at(xp);
                b = f.at(xm);
                gradient[j] = dir * (-3 * base.llh() + 4 * a.llh() - b.llh()) / (2 * h);
                double[] ra = a.residuals();
                double[] rb = b.residuals();
                double[] sa = a.sigmas();
                double[] sb = b.sigmas();
                for (int i = 0; i < m; i++) {
                    dr[i][j] = dir * (-3 * r0[i] + 4 * ra[i] - rb[i]) / (2 * h);
                    ds[i][j] = dir * (-3 * s0[i] + 4 * sa[i] - sb[i]) / (2 * h);
                }
            }
        }
        return new Derivatives(gradient, dr, ds);
    }
}
