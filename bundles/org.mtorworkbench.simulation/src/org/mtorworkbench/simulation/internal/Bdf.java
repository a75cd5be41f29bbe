package org.mtorworkbench.simulation.internal;

import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SimulationException.Kind;

/**
 * Variable-order (1 to 5), variable-step backward differentiation formulas in the
 * quasi-constant step size form with modified divided differences, as described by
 * Shampine and Reichelt, "The MATLAB ODE Suite", SIAM J. Sci. Comput. 18 (1997), here with
 * the pure BDF coefficients. A simplified Newton iteration reuses the Jacobian across steps
 * until it fails to converge, and the LU factorisation of I - h/gamma J while h and the
 * order are unchanged. Dense output comes from the interpolating polynomial of the
 * differences. No allocation per step.
 */
public final class Bdf extends Stepper {

    private static final int MAXK = 5;
    static final double[] G = { 1, 3.0 / 2, 11.0 / 6, 25.0 / 12, 137.0 / 60 };
    static final double[] ERCONST = { 1.0 / 2, 1.0 / 3, 1.0 / 4, 1.0 / 5, 1.0 / 6 };
    private static final double[][] DIFU = { { -1, -2, -3, -4, -5 }, { 0, 1, 3, 6, 10 }, { 0, 0, -1, -4, -10 },
            { 0, 0, 0, 1, 5 }, { 0, 0, 0, 0, -1 } };
    private static final int MAXIT = 4;

    private final double[][] dif = new double[MAXK + 2][];
    private final double[] jac;
    private final DenseLu lu;
    private final double[] f0;
    private final double[] pred;
    private final double[] psi;
    private final double[] ynew;
    private final double[] difkp1;
    private final double[] del;
    private final double[] invwt;
    private final double[] work;
    private final double[][] ru = new double[MAXK][MAXK];
    private final double[][] tmpDif = new double[MAXK][];
    private double h;
    private int k;
    private boolean jCurrent;
    private boolean needLu;
    private double luC = Double.NaN;
    private int nconh;
    private boolean haveJac;
    long luCount;
    /** The forward sensitivities integrated along with the state (staggered corrector), or null. */
    private ForwardSensitivity sens;

    public Bdf(Rhs f, double rtol, double atol, double initialStep, double maxStep, long maxSteps) {
        super(f, rtol, atol, initialStep, maxStep, maxSteps);
        for (int j = 0; j < dif.length; j++) {
            dif[j] = new double[n];
        }
        for (int j = 0; j < MAXK; j++) {
            tmpDif[j] = new double[n];
        }
        jac = new double[n * n];
        lu = new DenseLu(n);
        f0 = new double[n];
        pred = new double[n];
        psi = new double[n];
        ynew = new double[n];
        difkp1 = new double[n];
        del = new double[n];
        invwt = new double[n];
        work = new double[n];
    }

    @Override
    public void reset(double t0, double[] y0, double tEnd) throws SimulationException {
        t = t0;
        tPrev = t0;
        System.arraycopy(y0, 0, y, 0, n);
        f.eval(t, y, f0);
        if (!finite(f0)) {
            throw nonFinite(f0, "the derivative");
        }
        f.jacobian(t, y, f0, threshold, jac);
        haveJac = true;
        jCurrent = true;
        double span = Math.abs(tEnd - t0);
        double hmin = 16 * Math.ulp(t0);
        double absh = Math.min(maxStep, span > 0 ? span : 1.0);
        if (initialStep > 0) {
            absh = Math.min(absh, initialStep);
        } else {
            double rh = 0;
            for (int i = 0; i < n; i++) {
                rh = Math.max(rh, Math.abs(f0[i]) / Math.max(Math.abs(y[i]), threshold[i]));
            }
            rh = 1.25 * rh / Math.sqrt(rtol);
            if (absh * rh > 1) {
                absh = 1 / rh;
            }
        }
        h = Math.max(absh, hmin);
        k = 1;
        for (double[] d : dif) {
            java.util.Arrays.fill(d, 0.0);
        }
        for (int i = 0; i < n; i++) {
            dif[0][i] = h * f0[i];
        }
        nconh = 0;
        needLu = true;
        pendingH = Double.NaN;
        hLast = h;
        kLast = 1;
        if (sens != null) {
            sens.reset(t, y, h);
        }
    }

    /** Integrates the given sensitivities with every step of the state from the next reset on. */
    void attach(ForwardSensitivity s) {
        this.sens = s;
    }

    /** Rescales the differences for a new step size (Shampine and Reichelt, eq. for the R and U matrices). */
    private void changeStep(double hnew) {
        double ratio = hnew / h;
        if (ratio == 1) {
            return;
        }
        // R[i][j] = prod_{m=0..i} (m - (j+1) ratio) / (m+1); RU = R * U.
        double[][] r = new double[k][k];
        for (int j = 0; j < k; j++) {
            double p = 1;
            for (int i = 0; i < k; i++) {
                p *= (i - (j + 1) * ratio) / (i + 1);
                r[i][j] = p;
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int m = 0; m < k; m++) {
                    s += r[i][m] * DIFU[m][j];
                }
                ru[i][j] = s;
            }
        }
        for (int j = 0; j < k; j++) {
            double[] out = tmpDif[j];
            java.util.Arrays.fill(out, 0.0);
            for (int i = 0; i < k; i++) {
                double c = ru[i][j];
                if (c != 0) {
                    double[] d = dif[i];
                    for (int q = 0; q < n; q++) {
                        out[q] += c * d[q];
                    }
                }
            }
        }
        for (int j = 0; j < k; j++) {
            System.arraycopy(tmpDif[j], 0, dif[j], 0, n);
        }
        if (sens != null) {
            sens.rescale(ru, k);
        }
        h = hnew;
    }

    private void factor() throws SimulationException {
        double c = h / G[k - 1];
        double[] a = lu.a;
        for (int i = 0; i < n * n; i++) {
            a[i] = -c * jac[i];
        }
        for (int i = 0; i < n; i++) {
            a[i * n + i] += 1.0;
        }
        luCount++;
        luC = c;
        needLu = false;
        if (!lu.factor()) {
            luOk = false;
        } else {
            luOk = true;
        }
    }

    private boolean luOk;

    @Override
    public void step(double tStop) throws SimulationException {
        applyPending();
        boolean nofailed = true;
        while (true) {
            double hmin = 16 * Math.ulp(t);
            double remaining = tStop - t;
            double hTry = Math.min(h, maxStep);
            if (1.1 * hTry >= remaining) {
                hTry = remaining;
            }
            if (hTry != h) {
                changeStep(hTry);
            }
            checkStep(h, hmin);
            double hk = h / G[k - 1];
            // Reuse the factorisation while h/gamma stays within 30% of the factored value (as CVODE does).
            if (needLu || Math.abs(hk / luC - 1) > 0.3) {
                factor();
            }
            // Scale the corrections for a factorisation made with another h/gamma (CVODE's 2/(1+gamrat)).
            double corr = 2 / (1 + hk / luC);
            double tnew = (h == remaining) ? tStop : t + h;
            java.util.Arrays.fill(pred, 0.0);
            java.util.Arrays.fill(psi, 0.0);
            for (int j = 0; j < k; j++) {
                double gj = G[j] / G[k - 1];
                double[] d = dif[j];
                for (int i = 0; i < n; i++) {
                    pred[i] += d[i];
                    psi[i] += d[i] * gj;
                }
            }
            double minnrm = 0;
            for (int i = 0; i < n; i++) {
                pred[i] += y[i];
                invwt[i] = 1 / Math.max(Math.max(Math.abs(y[i]), Math.abs(pred[i])), threshold[i]);
                minnrm = Math.max(minnrm, Math.abs(pred[i]) * invwt[i]);
                ynew[i] = pred[i];
                difkp1[i] = 0;
            }
            minnrm *= 100 * Math.ulp(1.0);
            boolean gotYnew = false;
            if (luOk) {
                double rate = 0;
                boolean havrate = false;
                double oldnrm = 0;
                for (int iter = 1; iter <= MAXIT; iter++) {
                    f.eval(tnew, ynew, work);
                    double newnrm = 0;
                    for (int i = 0; i < n; i++) {
                        del[i] = hk * work[i] - (psi[i] + difkp1[i]);
                    }
                    lu.solve(del);
                    boolean ok = true;
                    for (int i = 0; i < n; i++) {
                        double x = del[i] * corr;
                        if (!Double.isFinite(x)) {
                            ok = false;
                            break;
                        }
                        newnrm = Math.max(newnrm, Math.abs(x) * invwt[i]);
                        difkp1[i] += x;
                        ynew[i] = pred[i] + difkp1[i];
                    }
                    if (!ok) {
                        break;
                    }
                    if (newnrm <= minnrm) {
                        gotYnew = true;
                        break;
                    } else if (iter == 1) {
                        if (havrate) {
                            double errit = newnrm * rate / (1 - rate);
                            if (errit <= 0.05 * rtol) {
                                gotYnew = true;
                                break;
                            }
                        } else {
                            rate = 0;
                        }
                    } else if (newnrm > 0.9 * oldnrm) {
                        break;
                    } else {
                        rate = Math.max(0.9 * rate, newnrm / oldnrm);
                        havrate = true;
                        double errit = newnrm * rate / (1 - rate);
                        if (errit <= 0.5 * rtol) {
                            gotYnew = true;
                            break;
                        } else if (iter == MAXIT) {
                            break;
                        } else if (0.5 * rtol < errit * Math.pow(rate, MAXIT - iter)) {
                            break;
                        }
                    }
                    oldnrm = newnrm;
                }
            }
            if (!gotYnew) {
                if (corr != 1) {
                    // Retry with a fresh factorisation before blaming the Jacobian or the step.
                    needLu = true;
                } else if (!jCurrent) {
                    f.eval(t, y, f0);
                    f.jacobian(t, y, f0, threshold, jac);
                    jCurrent = true;
                    needLu = true;
                } else {
                    countRejection();
                    double hnew = 0.3 * h;
                    if (hnew < hmin) {
                        throw new SimulationException(Kind.CONVERGENCE_FAILURE, "the Newton iteration failed at time "
                                + t + " with the smallest possible step; the model may be singular there");
                    }
                    changeStep(hnew);
                }
                continue;
            }
            double err = 0;
            for (int i = 0; i < n; i++) {
                err = Math.max(err, Math.abs(difkp1[i]) * invwt[i]);
            }
            if (sens != null) {
                // The sensitivities' corrector on the converged state; in the error test when asked.
                err = Math.max(err, sens.correct(tnew, ynew, hk, k));
            }
            err *= ERCONST[k - 1];
            if (err > rtol) {
                countRejection();
                double hopt;
                if (nofailed) {
                    nofailed = false;
                    hopt = h * Math.max(0.1, 0.833 * Math.pow(rtol / err, 1.0 / (k + 1)));
                    if (k > 1) {
                        double errkm1 = 0;
                        for (int i = 0; i < n; i++) {
                            errkm1 = Math.max(errkm1, Math.abs(difkp1[i] + dif[k - 1][i]) * invwt[i]);
                        }
                        errkm1 *= ERCONST[k - 2];
                        double hkm1 = h * Math.max(0.1, 0.769 * Math.pow(rtol / errkm1, 1.0 / k));
                        if (hkm1 > hopt) {
                            hopt = Math.min(h, hkm1);
                            k = k - 1;
                        }
                    }
                } else {
                    hopt = 0.5 * h;
                }
                hopt = Math.max(hmin, hopt);
                if (hopt <= hmin && h <= hmin) {
                    throw underflow(h);
                }
                changeStep(hopt);
                nconh = 0;
                continue;
            }
            // Accept.
            for (int i = 0; i < n; i++) {
                dif[k + 1][i] = difkp1[i] - dif[k][i];
                dif[k][i] = difkp1[i];
            }
            for (int j = k - 1; j >= 0; j--) {
                double[] a = dif[j];
                double[] b = dif[j + 1];
                for (int i = 0; i < n; i++) {
                    a[i] += b[i];
                }
            }
            if (sens != null) {
                sens.accept(k);
            }
            tPrev = t;
            t = tnew;
            System.arraycopy(ynew, 0, y, 0, n);
            jCurrent = false;
            countStep();
            if (!finite(y)) {
                throw nonFinite(y, "the value");
            }
            hLast = h;
            kLast = k;
            // Order and step size for the next step.
            nconh++;
            if (nconh >= k + 2) {
                double temp = 1.2 * Math.pow(err / rtol, 1.0 / (k + 1));
                double hopt = temp > 0.1 ? h / temp : 10 * h;
                int kopt = k;
                if (k > 1) {
                    double errkm1 = 0;
                    for (int i = 0; i < n; i++) {
                        errkm1 = Math.max(errkm1, Math.abs(dif[k - 1][i]) * invwt[i]);
                    }
                    errkm1 *= ERCONST[k - 2];
                    temp = 1.3 * Math.pow(errkm1 / rtol, 1.0 / k);
                    double hkm1 = temp > 0.1 ? h / temp : 10 * h;
                    if (hkm1 > hopt) {
                        hopt = hkm1;
                        kopt = k - 1;
                    }
                }
                if (k < MAXK) {
                    double errkp1 = 0;
                    for (int i = 0; i < n; i++) {
                        errkp1 = Math.max(errkp1, Math.abs(dif[k + 1][i]) * invwt[i]);
                    }
                    errkp1 *= ERCONST[k];
                    temp = 1.4 * Math.pow(errkp1 / rtol, 1.0 / (k + 2));
                    double hkp1 = temp > 0.1 ? h / temp : 10 * h;
                    if (hkp1 > hopt) {
                        hopt = hkp1;
                        kopt = k + 1;
                    }
                }
                if (hopt > h) {
                    pendingH = Math.min(hopt, maxStep);
                    pendingK = kopt;
                    nconh = 0;
                }
            }
            return;
        }
    }

    private double hLast;
    private int kLast = 1;
    private double pendingH = Double.NaN;
    private int pendingK;

    @Override
    public void interpolate(double tq, double[] out) {
        // A pending change of step size and order is applied at the start of the next step,
        // so the differences still describe the last step here.
        double s = (tq - t) / hLast;
        System.arraycopy(y, 0, out, 0, n);
        double sv = 1;
        for (int j = 0; j < kLast; j++) {
            sv *= (s + j) / (j + 1);
            double[] d = dif[j];
            for (int i = 0; i < n; i++) {
                out[i] += d[i] * sv;
            }
        }
    }

    /** Applies an order/step change chosen after the last accepted step. */
    private void applyPending() {
        if (!Double.isNaN(pendingH)) {
            if (pendingK != k) {
                k = pendingK;
            }
            changeStep(pendingH);
            pendingH = Double.NaN;
        }
    }

    /** @return the size of the last accepted step (the dense output's scale) */
    double lastStep() {
        return hLast;
    }

    /** @return the order of the last accepted step */
    int lastOrder() {
        return kLast;
    }

    public long luDecompositions() {
        return luCount;
    }

    boolean hasJacobian() {
        return haveJac;
    }
}
