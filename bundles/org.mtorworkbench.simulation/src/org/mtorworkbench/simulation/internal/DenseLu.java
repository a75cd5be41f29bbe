package org.mtorworkbench.simulation.internal;

/**
 * In-place LU factorisation with partial pivoting of a row-major square matrix; no allocation
 * per use. Structure-aware: each elimination step updates only the rows with a non-zero
 * multiplier and, in them, only the columns where the pivot row is non-zero, so the sparse
 * Newton matrices of large reaction networks cost far less than n^3/3.
 */
final class DenseLu {

    private final int n;
    final double[] a;
    private final int[] piv;

    DenseLu(int n) {
        this.n = n;
        this.a = new double[n * n];
        this.piv = new int[n];
        this.cols = new int[n];
    }

    private final int[] cols;

    /** Factors {@code a}. @return false if the matrix is singular */
    boolean factor() {
        for (int k = 0; k < n; k++) {
            int p = k;
            double max = Math.abs(a[k * n + k]);
            for (int i = k + 1; i < n; i++) {
                double x = Math.abs(a[i * n + k]);
                if (x > max) {
                    max = x;
                    p = i;
                }
            }
            piv[k] = p;
            if (max == 0 || !Double.isFinite(max)) {
                return false;
            }
            if (p != k) {
                int rp = p * n;
                int rk = k * n;
                for (int j = 0; j < n; j++) {
                    double t = a[rp + j];
                    a[rp + j] = a[rk + j];
                    a[rk + j] = t;
                }
            }
            double inv = 1.0 / a[k * n + k];
            int rk = k * n;
            int nc = 0;
            for (int j = k + 1; j < n; j++) {
                if (a[rk + j] != 0) {
                    cols[nc++] = j;
                }
            }
            for (int i = k + 1; i < n; i++) {
                int ri = i * n;
                double m = a[ri + k];
                if (m != 0) {
                    m *= inv;
                    a[ri + k] = m;
                    for (int q = 0; q < nc; q++) {
                        int j = cols[q];
                        a[ri + j] -= m * a[rk + j];
                    }
                }
            }
        }
        return true;
    }

    /** Solves A x = b in place. */
    void solve(double[] b) {
        for (int k = 0; k < n; k++) {
            int p = piv[k];
            if (p != k) {
                double t = b[p];
                b[p] = b[k];
                b[k] = t;
            }
        }
        for (int i = 1; i < n; i++) {
            int ri = i * n;
            double s = b[i];
            for (int j = 0; j < i; j++) {
                s -= a[ri + j] * b[j];
            }
            b[i] = s;
        }
        for (int i = n - 1; i >= 0; i--) {
            int ri = i * n;
            double s = b[i];
            for (int j = i + 1; j < n; j++) {
                s -= a[ri + j] * b[j];
            }
            b[i] = s / a[ri + i];
        }
    }
}
