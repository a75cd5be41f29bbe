package org.mtorworkbench.calibration.internal;

import java.util.function.BooleanSupplier;

import org.mtorworkbench.calibration.FitFunction;
import org.mtorworkbench.calibration.FitPoint;
import org.mtorworkbench.calibration.Optimizer;
import org.mtorworkbench.calibration.OptimizerResult;
import org.mtorworkbench.calibration.OptimizerResult.Exit;
import org.mtorworkbench.calibration.OptimizerSettings;
import org.mtorworkbench.calibration.PetabException;

/**
 * Levenberg-Marquardt within bounds ({@code trust-region-lm}): the quadratic model
 * {@code m(s) = f + g.s + s.B.s / 2} with the function's exact gradient {@code g} and its curvature
 * {@code B} (Gauss-Newton {@code J^T J} for least squares; for a PEtab problem {@code J^T J} of the
 * residuals plus the expected curvature of the log-sigma terms when sigmas are estimated, see
 * {@link org.mtorworkbench.calibration.PetabFit}), minimised over the free coordinates with the damping
 * {@code (B + lambda D) s = -g}, {@code D = diag(B)} (Marquardt's scaling, floored at 1e-12 of its largest entry; a running maximum
 * as in Moré's scaling kept directions whose curvature fell by orders of magnitude, such as noise
 * parameters started far off, damped for the rest of the run),
 * the step projected into the bounds. A step is accepted when the actual decrease is at least 1e-4 of
 * the model's prediction; lambda follows Nielsen's rule (divided by up to 3 after good steps, doubled
 * and doubled again after each rejection), so lambda plays the role of the inverse trust-region
 * radius. Coordinates at a bound the gradient pushes against are held. Iterations count accepted
 * steps; rejected ones cost evaluations only (bounded by the evaluation limit, and by lambda
 * reaching 1e16, which ends the run as converged in step). Functions without curvature are handed
 * to {@link BoxBfgs}.
 */
public final class TrustRegionLm implements Optimizer {

    public static final String ID = "trust-region-lm";

    private static final double LAMBDA_MAX = 1e16;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Levenberg-Marquardt trust region within bounds on the residuals (with the log-sigma terms'"
                + " curvature when sigmas are estimated); gradient-based, the default";
    }

    @Override
    public boolean usesDerivatives() {
        return true;
    }

    @Override
    public OptimizerResult minimize(FitFunction f, double[] start, OptimizerSettings settings,
            BooleanSupplier cancelled) throws PetabException {
        LocalRun run = new LocalRun(f, settings, cancelled);
        double[] x = run.clip(start);
        FitPoint p = run.eval(x, true);
        if (p == null) {
            return run.result(x, Double.POSITIVE_INFINITY, 0, run.cancelled() ? Exit.CANCELLED : Exit.FAILED);
        }
        if (p.curvature() == null) {
            return new BoxBfgs().minimize(f, start, settings, cancelled);
        }
        int n = run.n;
        double fx = p.value();
        double[] g = p.gradient();
        double[][] b = p.curvature();
        double[] d = new double[n];
        double lambda = 1e-3;
        double nu = 2;
        int iteration = 0;
        while (true) {
            if (run.cancelled()) {
                return run.result(x, fx, iteration, Exit.CANCELLED);
            }
            if (run.projectedGradientNorm(x, g) < settings.gradientTolerance()) {
                return run.result(x, fx, iteration, Exit.GRADIENT_TOLERANCE);
            }
            if (iteration >= settings.maxIterations()) {
                return run.result(x, fx, iteration, Exit.MAX_ITERATIONS);
            }
            if (run.exhausted()) {
                return run.result(x, fx, iteration, Exit.MAX_EVALUATIONS);
            }
            if (lambda > LAMBDA_MAX) {
                return run.result(x, fx, iteration, Exit.STEP_TOLERANCE);
            }
            double dmax = 0;
            for (int j = 0; j < n; j++) {
                d[j] = b[j][j];
                dmax = Math.max(dmax, d[j]);
            }
            double floor = 1e-12 * Math.max(1, dmax);
            int[] free = run.freeCoordinates(x, g);
            int m = free.length;
            double[][] a = new double[m][m];
            double[] rhs = new double[m];
            for (int i = 0; i < m; i++) {
                for (int k = 0; k < m; k++) {
                    a[i][k] = b[free[i]][free[k]];
                }
                a[i][i] += lambda * Math.max(d[free[i]], floor);
                rhs[i] = -g[free[i]];
            }
            double[] step = LocalRun.solveSpd(a, rhs);
            if (step == null) {
                lambda *= nu;
                nu *= 2;
                continue;
            }
            double[] trial = x.clone();
            for (int i = 0; i < m; i++) {
                trial[free[i]] += step[i];
            }
            trial = run.clip(trial);
            double[] s = new double[n];
            for (int j = 0; j < n; j++) {
                s[j] = trial[j] - x[j];
            }
            if (run.smallStep(x, s)) {
                return run.result(x, fx, iteration, Exit.STEP_TOLERANCE);
            }
            double predicted = -(LocalRun.dot(g, s) + 0.5 * quadratic(b, s));
            FitPoint t = predicted > 0 ? run.eval(trial, false) : null;
            double rho = t == null ? -1 : (fx - t.value()) / predicted;
            FitPoint td = rho > 1e-4 ? run.eval(trial, true) : null;
            if (td != null) {
                iteration++;
                double before = fx;
                x = trial;
                fx = td.value();
                g = td.gradient();
                b = td.curvature();
                double r = 2 * rho - 1;
                lambda *= Math.max(1.0 / 3, 1 - r * r * r);
                nu = 2;
                if (run.stalled(before, fx)) {
                    return run.result(x, fx, iteration, Exit.FUNCTION_TOLERANCE);
                }
            } else {
                lambda *= nu;
                nu *= 2;
            }
        }
    }

    static double quadratic(double[][] b, double[] s) {
        double q = 0;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == 0) {
                continue;
            }
            double row = 0;
            for (int k = 0; k < s.length; k++) {
                row += b[i][k] * s[k];
            }
            q += s[i] * row;
        }
        return q;
    }
}
