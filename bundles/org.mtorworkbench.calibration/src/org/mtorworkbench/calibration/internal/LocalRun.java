package org.mtorworkbench.calibration.internal;

import java.util.function.BooleanSupplier;

import org.mtorworkbench.calibration.FitFunction;
import org.mtorworkbench.calibration.FitPoint;
import org.mtorworkbench.calibration.OptimizerResult;
import org.mtorworkbench.calibration.OptimizerSettings;
import org.mtorworkbench.calibration.PetabException;

/**
 * The book-keeping of one local optimisation: bounds, counted evaluations (a numerical failure or a
 * non-finite value is reported as null, so optimisers reject the point), the projected gradient and
 * the set of free coordinates.
 */
final class LocalRun {

    final FitFunction f;
    final OptimizerSettings settings;
    final BooleanSupplier cancelled;
    final double[] lower;
    final double[] upper;
    final int n;
    int evaluations;
    int derivativeEvaluations;

    LocalRun(FitFunction f, OptimizerSettings settings, BooleanSupplier cancelled) {
        this.f = f;
        this.settings = settings;
        this.cancelled = cancelled;
        this.lower = f.lowerBounds();
        this.upper = f.upperBounds();
        this.n = lower.length;
    }

    /** @return the point at {@code x}, or null where the function is undefined */
    FitPoint eval(double[] x, boolean derivatives) throws PetabException {
        evaluations++;
        if (derivatives) {
            derivativeEvaluations++;
        }
        FitPoint p;
        try {
            p = f.evaluate(x, derivatives, cancelled);
        } catch (PetabException e) {
            if (e.kind() == PetabException.Kind.NUMERICAL) {
                return null;
            }
            throw e;
        }
        if (!Double.isFinite(p.value())) {
            return null;
        }
        if (derivatives) {
            double[] g = p.gradient();
            if (g == null) {
                throw new IllegalArgumentException("the function gives no gradient; use a derivative-free optimiser");
            }
            for (double v : g) {
                if (!Double.isFinite(v)) {
                    return null;
                }
            }
        }
        return p;
    }

    boolean exhausted() {
        return evaluations >= settings.maxEvaluations();
    }

    boolean cancelled() {
        return cancelled.getAsBoolean();
    }

    /** @return {@code x} moved into the bounds */
    double[] clip(double[] x) {
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            out[j] = Math.min(upper[j], Math.max(lower[j], x[j]));
        }
        return out;
    }

    /** @return whether coordinate {@code j} may move: not at a bound the gradient pushes it against */
    boolean free(double[] x, double[] g, int j) {
        return !(x[j] <= lower[j] && g[j] > 0) && !(x[j] >= upper[j] && g[j] < 0);
    }

    /** @return the coordinates that may move, ascending */
    int[] freeCoordinates(double[] x, double[] g) {
        int count = 0;
        int[] all = new int[n];
        for (int j = 0; j < n; j++) {
            if (free(x, g, j)) {
                all[count++] = j;
            }
        }
        return java.util.Arrays.copyOf(all, count);
    }

    /** @return the largest component of the projected gradient */
    double projectedGradientNorm(double[] x, double[] g) {
        double m = 0;
        for (int j = 0; j < n; j++) {
            if (free(x, g, j)) {
                m = Math.max(m, Math.abs(g[j]));
            }
        }
        return m;
    }

    /** @return whether no coordinate of the step is above the step tolerance */
    boolean smallStep(double[] x, double[] s) {
        for (int j = 0; j < n; j++) {
            if (Math.abs(s[j]) > settings.stepTolerance() * (1 + Math.abs(x[j]))) {
                return false;
            }
        }
        return true;
    }

    /** Consecutive accepted steps whose decrease was below the function tolerance. */
    private int smallDecreases;

    /**
     * @return whether the last {@link #STALLED} accepted steps each decreased the value by less than the
     *         function tolerance (one small decrease alone is often a heavily damped step, not convergence)
     */
    boolean stalled(double before, double after) {
        if (before - after < settings.functionTolerance() * (1 + Math.abs(after))) {
            smallDecreases++;
        } else {
            smallDecreases = 0;
        }
        return smallDecreases >= STALLED;
    }

    /** How many consecutive small decreases end a run. */
    static final int STALLED = 3;

    OptimizerResult result(double[] x, double value, int iterations, OptimizerResult.Exit exit) {
        return new OptimizerResult(x, value, iterations, evaluations, derivativeEvaluations, exit);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * Solves {@code a x = b} for a symmetric positive definite {@code a} by Cholesky factorisation.
     *
     * @return x, or null when {@code a} is not positive definite
     */
    static double[] solveSpd(double[][] a, double[] b) {
        int m = b.length;
        double[][] l = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[m];
        for (int i = m - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < m; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }
}
