package org.mtorworkbench.simulation.internal;

/**
 * In-place LU factorisation with partial pivoting of a row-major square matrix; no allocation
 * per use once the factors' sparsity is known. Structure-aware: each elimination step updates
 * only the rows with a non-zero multiplier and, in them, only the columns where the pivot row
 * is non-zero, so the sparse Newton matrices of large reaction networks cost far less than
 * n^3/3; and the factors' non-zeros are gathered into compressed rows after each
 * factorisation, so each of the many solves per factorisation costs O(non-zeros), not O(n^2).
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
        this.lPtr = new int[n + 1];
        this.uPtr = new int[n + 1];
        this.diag = new double[n];
    }

    private final int[] cols;
    /** Compressed rows of the factors: row i of L (strictly lower) is lIdx/lVal[lPtr[i]..lPtr[i+1]), same for U. */
    private final int[] lPtr;
    private final int[] uPtr;
    private int[] lIdx = new int[0];
    private double[] lVal = new double[0];
    private int[] uIdx = new int[0];
    private double[] uVal = new double[0];
    private final double[] diag;

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
        compress();
        return true;
    }

    /** Gathers the factors' non-zeros into compressed rows for the solves. */
    private void compress() {
        int nl = 0;
        int nu = 0;
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            for (int j = 0; j < i; j++) {
                if (a[ri + j] != 0) {
                    nl++;
                }
            }
            for (int j = i + 1; j < n; j++) {
                if (a[ri + j] != 0) {
                    nu++;
                }
            }
        }
        if (lIdx.length < nl) {
            lIdx = new int[nl];
            lVal = new double[nl];
        }
        if (uIdx.length < nu) {
            uIdx = new int[nu];
            uVal = new double[nu];
        }
        int pl = 0;
        int pu = 0;
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            lPtr[i] = pl;
            for (int j = 0; j < i; j++) {
                double x = a[ri + j];
                if (x != 0) {
                    lIdx[pl] = j;
                    lVal[pl++] = x;
                }
            }
            uPtr[i] = pu;
            for (int j = i + 1; j < n; j++) {
                double x = a[ri + j];
                if (x != 0) {
                    uIdx[pu] = j;
                    uVal[pu++] = x;
                }
            }
            diag[i] = a[ri + i];
        }
        lPtr[n] = pl;
        uPtr[n] = pu;
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
            double s = b[i];
            for (int q = lPtr[i], e = lPtr[i + 1]; q < e; q++) {
                s -= lVal[q] * b[lIdx[q]];
            }
            b[i] = s;
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int q = uPtr[i], e = uPtr[i + 1]; q < e; q++) {
                s -= uVal[q] * b[uIdx[q]];
            }
            b[i] = s / diag[i];
        }
    }
}
