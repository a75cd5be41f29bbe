package org.mtorworkbench.experiments;

import java.util.Arrays;
import java.util.Random;

import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Variance-based sensitivity indices (Sobol) from Saltelli's sampling scheme: two base
 * matrices A and B of {@code n} quasi-random points in the unit cube (a Sobol sequence in 2k
 * dimensions, its first point skipped), and for each factor i the matrix AB_i, A with column
 * i taken from B: {@code n (k + 2)} model evaluations. First-order indices use the estimator
 * of Saltelli et al. (2010) with f(B) centred on the mean output (which leaves its expectation
 * unchanged and removes the variance a large mean adds), {@code S_i = mean((f(B) - m) (f(AB_i) - f(A))) / V};
 * total indices
 * Jansen's (1999), {@code ST_i = mean((f(A) - f(AB_i))^2) / (2 V)}; V is the variance of
 * f(A) and f(B) together. 95% confidence intervals are percentiles of the indices over
 * bootstrap resamples of the n rows (reproducible by seed).
 */
public final class SobolIndices {

    /**
     * @param first first-order index of each factor
     * @param firstLow lower 95% bound
     * @param firstHigh upper 95% bound
     * @param total total index of each factor
     * @param totalLow lower 95% bound
     * @param totalHigh upper 95% bound
     * @param variance the output variance
     */
    public record Result(double[] first, double[] firstLow, double[] firstHigh, double[] total, double[] totalLow,
            double[] totalHigh, double variance) {
    }

    private SobolIndices() {
    }

    /**
     * The sampling points in the unit cube: {@code [0]} is A, {@code [1]} is B, each
     * {@code n x k}.
     */
    public static double[][][] sample(int n, int k) {
        if (n < 2 || k < 1 || 2 * k > 1000) {
            throw new IllegalArgumentException("Sobol sampling needs n >= 2 and 1 <= k <= 500, not n=" + n + ", k=" + k);
        }
        SobolSequenceGenerator g = new SobolSequenceGenerator(2 * k);
        g.skipTo(1);
        double[][] a = new double[n][k];
        double[][] b = new double[n][k];
        for (int j = 0; j < n; j++) {
            double[] p = g.nextVector();
            System.arraycopy(p, 0, a[j], 0, k);
            System.arraycopy(p, k, b[j], 0, k);
        }
        return new double[][][] { a, b };
    }

    /** @return A with column {@code i} from B */
    public static double[][] mix(double[][] a, double[][] b, int i) {
        double[][] m = new double[a.length][];
        for (int j = 0; j < a.length; j++) {
            m[j] = a[j].clone();
            m[j][i] = b[j][i];
        }
        return m;
    }

    /**
     * Estimates the indices.
     *
     * @param fa f over the rows of A
     * @param fb f over the rows of B
     * @param fab f over the rows of AB_i, for each factor i
     * @param bootstrap number of bootstrap resamples (0: no intervals, NaN bounds)
     */
    public static Result estimate(double[] fa, double[] fb, double[][] fab, int bootstrap, long seed) {
        int n = fa.length;
        int k = fab.length;
        int[] rows = new int[n];
        for (int j = 0; j < n; j++) {
            rows[j] = j;
        }
        double[] s = new double[k];
        double[] st = new double[k];
        double v = indices(fa, fb, fab, rows, s, st);
        double[][] sb = new double[k][bootstrap];
        double[][] stb = new double[k][bootstrap];
        Random rnd = new Random(seed);
        double[] s1 = new double[k];
        double[] st1 = new double[k];
        for (int r = 0; r < bootstrap; r++) {
            int[] pick = new int[n];
            for (int j = 0; j < n; j++) {
                pick[j] = rnd.nextInt(n);
            }
            indices(fa, fb, fab, pick, s1, st1);
            for (int i = 0; i < k; i++) {
                sb[i][r] = s1[i];
                stb[i][r] = st1[i];
            }
        }
        double[] sl = new double[k];
        double[] sh = new double[k];
        double[] tl = new double[k];
        double[] th = new double[k];
        for (int i = 0; i < k; i++) {
            sl[i] = percentile(sb[i], 0.025);
            sh[i] = percentile(sb[i], 0.975);
            tl[i] = percentile(stb[i], 0.025);
            th[i] = percentile(stb[i], 0.975);
        }
        return new Result(s, sl, sh, st, tl, th, v);
    }

    /** Fills the indices over the given rows; returns the variance. */
    private static double indices(double[] fa, double[] fb, double[][] fab, int[] rows, double[] s, double[] st) {
        int n = rows.length;
        double mean = 0;
        for (int j : rows) {
            mean += fa[j] + fb[j];
        }
        mean /= 2 * n;
        double v = 0;
        for (int j : rows) {
            v += (fa[j] - mean) * (fa[j] - mean) + (fb[j] - mean) * (fb[j] - mean);
        }
        v /= 2 * n - 1;
        for (int i = 0; i < fab.length; i++) {
            double first = 0;
            double total = 0;
            for (int j : rows) {
                first += (fb[j] - mean) * (fab[i][j] - fa[j]);
                total += (fa[j] - fab[i][j]) * (fa[j] - fab[i][j]);
            }
            s[i] = v == 0 ? Double.NaN : first / n / v;
            st[i] = v == 0 ? Double.NaN : total / (2.0 * n) / v;
        }
        return v;
    }

    private static double percentile(double[] x, double q) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double[] s = x.clone();
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (s[hi] - s[lo]) * (pos - lo);
    }
}
