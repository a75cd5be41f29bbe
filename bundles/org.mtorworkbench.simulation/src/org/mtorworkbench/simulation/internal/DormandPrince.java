package org.mtorworkbench.simulation.internal;

import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SimulationException.Kind;

/**
 * Explicit Runge-Kutta 5(4) of Dormand and Prince (J. Comp. Appl. Math. 6, 1980) with
 * first-same-as-last, a standard step size controller, dense output of order 4, and the
 * stiffness test of Hairer and Wanner (Solving ODEs II, section IV.2: h times the estimate of
 * the dominant eigenvalue beyond 3.25 for 15 accepted steps).
 */
public final class DormandPrince extends Stepper {

    private static final double A21 = 1.0 / 5;
    private static final double A31 = 3.0 / 40, A32 = 9.0 / 40;
    private static final double A41 = 44.0 / 45, A42 = -56.0 / 15, A43 = 32.0 / 9;
    private static final double A51 = 19372.0 / 6561, A52 = -25360.0 / 2187, A53 = 64448.0 / 6561, A54 = -212.0 / 729;
    private static final double A61 = 9017.0 / 3168, A62 = -355.0 / 33, A63 = 46732.0 / 5247, A64 = 49.0 / 176,
            A65 = -5103.0 / 18656;
    private static final double A71 = 35.0 / 384, A73 = 500.0 / 1113, A74 = 125.0 / 192, A75 = -2187.0 / 6784,
            A76 = 11.0 / 84;
    private static final double E1 = 71.0 / 57600, E3 = -71.0 / 16695, E4 = 71.0 / 1920, E5 = -17253.0 / 339200,
            E6 = 22.0 / 525, E7 = -1.0 / 40;

    private final double[] k1, k2, k3, k4, k5, k6, k7, ytmp, ysti, yold, fold;
    private double h;
    private boolean detectStiffness;
    private int stiffCount;
    private int nonStiffCount;
    private boolean stiff;

    public DormandPrince(Rhs f, double rtol, double atol, double initialStep, double maxStep, long maxSteps,
            boolean detectStiffness) {
        super(f, rtol, atol, initialStep, maxStep, maxSteps);
        k1 = new double[n];
        k2 = new double[n];
        k3 = new double[n];
        k4 = new double[n];
        k5 = new double[n];
        k6 = new double[n];
        k7 = new double[n];
        ytmp = new double[n];
        ysti = new double[n];
        yold = new double[n];
        fold = new double[n];
        this.detectStiffness = detectStiffness;
    }

    @Override
    public void reset(double t0, double[] y0, double tEnd) throws SimulationException {
        t = t0;
        tPrev = t0;
        System.arraycopy(y0, 0, y, 0, n);
        System.arraycopy(y0, 0, yold, 0, n);
        f.eval(t, y, k1);
        if (!finite(k1)) {
            throw nonFinite(k1, "the derivative");
        }
        System.arraycopy(k1, 0, fold, 0, n);
        double span = Math.abs(tEnd - t0);
        // Never below what the time can resolve (the step controller grows it from there).
        double hFloor = 64 * Math.ulp(Math.abs(t0));
        if (initialStep > 0) {
            h = initialStep;
        } else {
            // Hairer, Norsett and Wanner, Solving ODEs I, section II.4: a starting step from the norms of y and f
            // (root mean squares scaled against overflow, so derivatives near the largest double still give one).
            double d0 = scaledRms(y, y);
            double d1 = scaledRms(k1, y);
            double h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1;
            if (span > 0) {
                h0 = Math.min(h0, span);
            }
            if (!(h0 >= hFloor)) {
                h0 = hFloor;
            }
            // ... and from the second derivative, estimated by an Euler step of h0: a state near zero
            // with a small absolute tolerance no longer forces a vanishing first step.
            for (int i = 0; i < n; i++) {
                ytmp[i] = y[i] + h0 * k1[i];
            }
            f.eval(t + h0, ytmp, k2);
            for (int i = 0; i < n; i++) {
                k2[i] -= k1[i];
            }
            double d2 = scaledRms(k2, y) / h0;
            double dmax = Math.max(d1, d2);
            double h1 = dmax <= 1e-15 ? Math.max(1e-6, 1e-3 * h0) : Math.pow(0.01 / dmax, 0.2);
            h = Math.min(100 * h0, h1);
            if (!(h >= hFloor)) {
                // A second derivative that is not finite (the Euler step left the model's range) or a step
                // below the floor: start from the floor.
                h = hFloor;
            }
        }
        h = Math.min(Math.min(h, maxStep), span > 0 ? span : h);
        stiffCount = 0;
        nonStiffCount = 0;
        stiff = false;
    }

    @Override
    public void step(double tStop) throws SimulationException {
        while (true) {
            double hmin = 16 * Math.ulp(t);
            double remaining = tStop - t;
            double hs = Math.min(h, maxStep);
            boolean last = false;
            if (1.01 * hs >= remaining) {
                hs = remaining;
                last = true;
            }
            checkStep(hs, hmin);
            for (int i = 0; i < n; i++) {
                ytmp[i] = y[i] + hs * A21 * k1[i];
            }
            f.eval(t + hs / 5, ytmp, k2);
            for (int i = 0; i < n; i++) {
                ytmp[i] = y[i] + hs * (A31 * k1[i] + A32 * k2[i]);
            }
            f.eval(t + 0.3 * hs, ytmp, k3);
            for (int i = 0; i < n; i++) {
                ytmp[i] = y[i] + hs * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
            }
            f.eval(t + 0.8 * hs, ytmp, k4);
            for (int i = 0; i < n; i++) {
                ytmp[i] = y[i] + hs * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
            }
            f.eval(t + 8.0 / 9 * hs, ytmp, k5);
            for (int i = 0; i < n; i++) {
                ysti[i] = y[i] + hs * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
            }
            double tnew = last ? tStop : t + hs;
            f.eval(tnew, ysti, k6);
            for (int i = 0; i < n; i++) {
                ytmp[i] = y[i] + hs * (A71 * k1[i] + A73 * k3[i] + A74 * k4[i] + A75 * k5[i] + A76 * k6[i]);
            }
            f.eval(tnew, ytmp, k7);
            double err = 0;
            boolean ok = true;
            for (int i = 0; i < n; i++) {
                double e = hs * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
                double sc = atol[i] + rtol * Math.max(Math.abs(y[i]), Math.abs(ytmp[i]));
                double r = e / sc;
                if (!Double.isFinite(r)) {
                    ok = false;
                }
                err += r * r;
            }
            err = Math.sqrt(err / Math.max(n, 1));
            if (!ok) {
                countRejection();
                h = 0.25 * hs;
                continue;
            }
            double fac = Math.min(5.0, Math.max(0.2, 0.9 * Math.pow(Math.max(err, 1e-10), -0.2)));
            if (err > 1) {
                countRejection();
                h = hs * Math.min(1.0, fac);
                continue;
            }
            if (detectStiffness) {
                double num = 0, den = 0;
                for (int i = 0; i < n; i++) {
                    double a = k7[i] - k6[i];
                    double b = ytmp[i] - ysti[i];
                    num += a * a;
                    den += b * b;
                }
                if (den > 0 && hs * Math.sqrt(num / den) > 3.25) {
                    nonStiffCount = 0;
                    if (++stiffCount >= 15) {
                        stiff = true;
                    }
                } else if (++nonStiffCount >= 6) {
                    stiffCount = 0;
                }
            }
            System.arraycopy(y, 0, yold, 0, n);
            System.arraycopy(k1, 0, fold, 0, n);
            System.arraycopy(ytmp, 0, y, 0, n);
            System.arraycopy(k7, 0, k1, 0, n);
            tPrev = t;
            t = tnew;
            h = last ? h : hs * fac;
            countStep();
            if (!finite(y)) {
                throw nonFinite(y, "the value");
            }
            return;
        }
    }

    /** Coefficients of the continuous extension of order 4 (Hairer, Norsett and Wanner, Solving ODEs I, II.6). */
    private static final double D1 = -12715105075.0 / 11282082432.0, D3 = 87487479700.0 / 32700410799.0,
            D4 = -10690763975.0 / 1880347072.0, D5 = 701980252875.0 / 199316789632.0,
            D6 = -1453857185.0 / 822651844.0, D7 = 69997945.0 / 29380423.0;

    /**
     * The dense output of order 4 within the last step, from its stages (k3 to k6 still hold the
     * accepted step's, fold its first and k1 its last, by first-same-as-last).
     */
    @Override
    public void interpolate(double tq, double[] out) {
        double hh = t - tPrev;
        if (hh == 0) {
            System.arraycopy(y, 0, out, 0, n);
            return;
        }
        double s = (tq - tPrev) / hh;
        double s1 = 1 - s;
        for (int i = 0; i < n; i++) {
            double dy = y[i] - yold[i];
            double bspl = hh * fold[i] - dy;
            double c4 = dy - hh * k1[i] - bspl;
            double c5 = hh * (D1 * fold[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k1[i]);
            out[i] = yold[i] + s * (dy + s1 * (bspl + s * (c4 + s1 * c5)));
        }
    }

    @Override
    public boolean wantsStiffSolver() {
        return stiff;
    }
}
