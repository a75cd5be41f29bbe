package org.mtorworkbench.simulation.internal;

import java.util.function.BooleanSupplier;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SimulationException.Kind;

/**
 * Finds a steady state f(y) = 0 by damped Newton (Gauss-Newton with backtracking) on the
 * Jacobian, with conservation laws held fixed: the left null space of the Jacobian at the
 * initial state (its conserved moieties, found by singular value decomposition) is appended
 * as the constraints L (y - y0) = 0, so the Newton system is of full rank. When Newton does
 * not converge to a non-negative state, integrates forward over growing horizons and polishes
 * the result with Newton again.
 */
public final class SteadyStateSolver {

    /** How a steady state was found. */
    public record Result(double[] y, String method, int iterations, double residual, int conservationLaws) {
    }

    private final Engine engine;
    private final double rtol;
    private final double atol;

    public SteadyStateSolver(Engine engine, double rtol, double atol) {
        this.engine = engine;
        this.rtol = rtol;
        this.atol = atol;
    }

    public Result solve(BooleanSupplier cancelled) throws SimulationException {
        Rhs f = engine.rhs();
        int n = f.n;
        double[] y0 = engine.state().clone();
        double t = engine.values()[0];
        if (n == 0) {
            return new Result(y0, "trivial", 0, 0, 0);
        }
        double[][] l = conservationLaws(f, t, y0);
        Result r = newton(f, t, y0, y0, l, cancelled);
        if (r != null) {
            return r;
        }
        // Fall back to integration over growing horizons.
        double[] y = y0.clone();
        double horizon = 1;
        for (int round = 0; round < 12; round++) {
            if (cancelled.getAsBoolean()) {
                throw new SimulationException(Kind.CANCELLED, "cancelled while searching for a steady state");
            }
            final double[] last = new double[n];
            engine.run(new double[] { t, t + horizon }, (i, tt, v) -> System.arraycopy(engine.state(), 0, last, 0, n),
                    cancelled);
            System.arraycopy(engine.state(), 0, y, 0, n);
            t += horizon;
            Result polished = newton(f, t, y, y0, l, cancelled);
            if (polished != null) {
                return new Result(polished.y, "integration to t=" + t + " then Newton", polished.iterations,
                        polished.residual, l.length);
            }
            horizon *= 10;
        }
        throw new SimulationException(Kind.NO_STEADY_STATE, "no steady state found: Newton did not converge and the state"
                + " was still changing after integrating to time " + t);
    }

    /** @return the conservation laws at (t, y): a basis of the left null space of the Jacobian there */
    double[][] conservationLaws(Rhs f, double t, double[] y) {
        int n = f.n;
        double[] f0 = new double[n];
        f.eval(t, y, f0);
        double[] jac = new double[n * n];
        double[] scale = new double[n];
        java.util.Arrays.fill(scale, atol / rtol);
        f.jacobian(t, y, f0, scale, jac);
        RealMatrix jt = new Array2DRowRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                jt.setEntry(j, i, jac[i * n + j]);
            }
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(jt);
        double[] s = svd.getSingularValues();
        double max = s.length == 0 ? 0 : s[0];
        RealMatrix v = svd.getV();
        java.util.List<double[]> laws = new java.util.ArrayList<>();
        for (int k = 0; k < s.length; k++) {
            if (s[k] <= 1e-10 * Math.max(max, 1e-300)) {
                // Columns of V for zero singular values of J^T span the left null space of J.
                laws.add(v.getColumn(k));
            }
        }
        return laws.toArray(new double[0][]);
    }

    private Result newton(Rhs f, double t, double[] start, double[] y0, double[][] l, BooleanSupplier cancelled)
            throws SimulationException {
        int n = f.n;
        int m = l.length;
        double[] y = start.clone();
        double[] fy = new double[n];
        double[] jac = new double[n * n];
        double[] scale = new double[n];
        java.util.Arrays.fill(scale, atol / rtol);
        double[] yt = new double[n];
        double[] ft = new double[n];
        f.eval(t, y, fy);
        double norm = residual(fy, y, l, y0);
        for (int it = 1; it <= 100; it++) {
            if (cancelled.getAsBoolean()) {
                throw new SimulationException(Kind.CANCELLED, "cancelled while searching for a steady state");
            }
            if (converged(fy, y)) {
                if (!nonNegative(y)) {
                    return null;
                }
                return new Result(y, "Newton", it - 1, maxAbs(fy), m);
            }
            f.jacobian(t, y, fy, scale, jac);
            RealMatrix a = new Array2DRowRealMatrix(n + m, n);
            double[] b = new double[n + m];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a.setEntry(i, j, jac[i * n + j]);
                }
                b[i] = -fy[i];
            }
            for (int k = 0; k < m; k++) {
                double c = 0;
                for (int j = 0; j < n; j++) {
                    a.setEntry(n + k, j, l[k][j]);
                    c += l[k][j] * (y[j] - y0[j]);
                }
                b[n + k] = -c;
            }
            double[] dy;
            try {
                dy = new QRDecomposition(a, 1e-14).getSolver().solve(new ArrayRealVector(b)).toArray();
            } catch (RuntimeException e) {
                return null;
            }
            double lambda = 1;
            boolean improved = false;
            for (int ls = 0; ls < 30; ls++) {
                for (int i = 0; i < n; i++) {
                    yt[i] = y[i] + lambda * dy[i];
                }
                f.eval(t, yt, ft);
                double nt = residual(ft, yt, l, y0);
                if (Double.isFinite(nt) && nt < norm) {
                    System.arraycopy(yt, 0, y, 0, n);
                    System.arraycopy(ft, 0, fy, 0, n);
                    norm = nt;
                    improved = true;
                    break;
                }
                lambda *= 0.5;
            }
            if (!improved) {
                return converged(fy, y) && nonNegative(y) ? new Result(y, "Newton", it, maxAbs(fy), m) : null;
            }
        }
        return null;
    }

    private boolean nonNegative(double[] y) {
        for (double x : y) {
            if (x < -Math.max(atol, 1e-9)) {
                return false;
            }
        }
        return true;
    }

    private boolean converged(double[] fy, double[] y) {
        for (int i = 0; i < fy.length; i++) {
            if (!(Math.abs(fy[i]) <= 1e-9 + 1e-6 * Math.abs(y[i]))) {
                return false;
            }
        }
        return true;
    }

    private static double residual(double[] fy, double[] y, double[][] l, double[] y0) {
        double s = 0;
        for (double x : fy) {
            s += x * x;
        }
        for (double[] row : l) {
            double c = 0;
            for (int j = 0; j < y.length; j++) {
                c += row[j] * (y[j] - y0[j]);
            }
            s += c * c;
        }
        return Math.sqrt(s);
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double x : a) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
