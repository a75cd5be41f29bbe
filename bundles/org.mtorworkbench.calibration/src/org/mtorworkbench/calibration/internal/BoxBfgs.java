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
 * A quasi-Newton method within bounds ({@code bfgs-box}): BFGS updates of the inverse Hessian
 * approximation {@code H} (started as the identity scaled by {@code s.y / y.y} after the first
 * step; an update is skipped when {@code s.y <= 1e-10 |s| |y|}, keeping {@code H} positive
 * definite); the direction {@code -H g} on the free coordinates (those not at a bound the gradient
 * pushes against), a backtracking line search along the projected path {@code P(x + alpha d)} with
 * the Armijo condition {@code f(x + s) <= f(x) + 1e-4 g.s} (quadratic interpolation, alpha kept in
 * [0.1, 0.5] of the previous one), and a restart from the scaled gradient when a line search fails.
 * Needs only the gradient, so it also serves functions without curvature and PEtab problems with
 * Laplace noise.
 */
public final class BoxBfgs implements Optimizer {

    public static final String ID = "bfgs-box";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "BFGS quasi-Newton within bounds (projected, active set, Armijo line search) on -llh; gradient-based";
    }

    @Override
    public boolean usesDerivatives() {
        return true;
    }

    @Override
    public OptimizerResult minimize(FitFunction f, double[] start, OptimizerSettings settings,
            BooleanSupplier cancelled) throws PetabException {
        LocalRun run = new LocalRun(f, settings, cancelled);
        int n = run.n;
        double[] x = run.clip(start);
        FitPoint p = run.eval(x, true);
        if (p == null) {
            return run.result(x, Double.POSITIVE_INFINITY, 0, run.cancelled() ? Exit.CANCELLED : Exit.FAILED);
        }
        double fx = p.value();
        double[] g = p.gradient();
        double[][] h = null; // null: the scaled identity
        double scale = 1;
        int iteration = 0;
        while (true) {
            if (run.cancelled()) {
                return run.result(x, fx, iteration, Exit.CANCELLED);
            }
            double gnorm = run.projectedGradientNorm(x, g);
            if (gnorm < settings.gradientTolerance()) {
                return run.result(x, fx, iteration, Exit.GRADIENT_TOLERANCE);
            }
            if (iteration >= settings.maxIterations()) {
                return run.result(x, fx, iteration, Exit.MAX_ITERATIONS);
            }
            if (run.exhausted()) {
                return run.result(x, fx, iteration, Exit.MAX_EVALUATIONS);
            }
            iteration++;
            int[] free = run.freeCoordinates(x, g);
            double[] dir = new double[n];
            if (h != null) {
                for (int i : free) {
                    double v = 0;
                    for (int k : free) {
                        v -= h[i][k] * g[k];
                    }
                    dir[i] = v;
                }
            }
            if (h == null || LocalRun.dot(dir, g) >= 0) {
                h = null;
                double first = iteration == 1 ? Math.min(1, 1 / gnorm) : scale;
                for (int i : free) {
                    dir[i] = -first * g[i];
                }
            }
            double alpha = 1;
            for (int j = 0; j < n; j++) {
                double width = run.upper[j] - run.lower[j];
                if (dir[j] != 0 && Double.isFinite(width) && Math.abs(dir[j]) * alpha > 0.5 * width) {
                    alpha = 0.5 * width / Math.abs(dir[j]);
                }
            }
            double[] trial = null;
            double[] s = null;
            FitPoint accepted = null;
            for (int ls = 0; ls < 40 && !run.exhausted() && !run.cancelled(); ls++) {
                double[] xt = x.clone();
                for (int j = 0; j < n; j++) {
                    xt[j] += alpha * dir[j];
                }
                xt = run.clip(xt);
                double[] st = new double[n];
                for (int j = 0; j < n; j++) {
                    st[j] = xt[j] - x[j];
                }
                if (run.smallStep(x, st)) {
                    break;
                }
                double slope = LocalRun.dot(g, st);
                FitPoint t = run.eval(xt, false);
                if (t != null && t.value() < fx && t.value() <= fx + 1e-4 * slope) {
                    trial = xt;
                    s = st;
                    accepted = t;
                    break;
                }
                double next = 0.5 * alpha;
                if (t != null && slope < 0) {
                    // minimiser of the quadratic through f(x), its slope and f(x + s), in units of alpha
                    double q = -slope / (2 * (t.value() - fx - slope));
                    next = alpha * Math.max(0.1, Math.min(0.5, q));
                }
                alpha = next;
            }
            if (accepted == null) {
                if (run.cancelled()) {
                    return run.result(x, fx, iteration, Exit.CANCELLED);
                }
                if (h == null) {
                    return run.result(x, fx, iteration, run.exhausted() ? Exit.MAX_EVALUATIONS : Exit.STEP_TOLERANCE);
                }
                h = null;
                continue;
            }
            FitPoint td = run.eval(trial, true);
            if (td == null) {
                return run.result(x, fx, iteration, Exit.STEP_TOLERANCE);
            }
            double[] gn = td.gradient();
            double[] y = new double[n];
            for (int j = 0; j < n; j++) {
                y[j] = gn[j] - g[j];
            }
            double sy = LocalRun.dot(s, y);
            double yy = LocalRun.dot(y, y);
            if (sy > 1e-10 * Math.sqrt(LocalRun.dot(s, s) * yy)) {
                scale = sy / yy;
                if (h == null) {
                    h = new double[n][n];
                    for (int j = 0; j < n; j++) {
                        h[j][j] = scale;
                    }
                }
                update(h, s, y, sy);
            }
            double before = fx;
            x = trial;
            fx = td.value();
            g = gn;
            if (run.stalled(before, fx)) {
                return run.result(x, fx, iteration, Exit.FUNCTION_TOLERANCE);
            }
        }
    }

    /** {@code H <- (I - rho s y^T) H (I - rho y s^T) + rho s s^T}, {@code rho = 1 / s.y}. */
    static void update(double[][] h, double[] s, double[] y, double sy) {
        int n = s.length;
        double rho = 1 / sy;
        double[] hy = new double[n];
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int k = 0; k < n; k++) {
                v += h[i][k] * y[k];
            }
            hy[i] = v;
        }
        double yhy = LocalRun.dot(y, hy);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                h[i][k] += -rho * (hy[i] * s[k] + s[i] * hy[k]) + (rho * rho * yhy + rho) * s[i] * s[k];
            }
        }
    }
}
