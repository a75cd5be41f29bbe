package org.mtorworkbench.simulation.internal;

import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SimulationException.Kind;
import org.mtorworkbench.simulation.extension.Integrator;

/**
 * One integration method: takes single accepted steps and interpolates within the last one.
 * Owned by one run; not thread-safe.
 */
public abstract class Stepper implements Integrator {

    protected final Rhs f;
    protected final int n;
    protected final double rtol;
    protected final double[] atol;
    protected final double[] threshold;
    protected final double maxStep;
    protected final double initialStep;
    protected final long maxSteps;
    protected double t;
    protected double tPrev;
    protected final double[] y;
    long steps;
    long rejected;

    protected Stepper(Rhs f, double rtol, double atol, double initialStep, double maxStep, long maxSteps) {
        this.f = f;
        this.n = f.n;
        this.rtol = rtol;
        this.atol = new double[n];
        this.threshold = new double[n];
        java.util.Arrays.fill(this.atol, atol);
        java.util.Arrays.fill(this.threshold, atol / rtol);
        this.initialStep = initialStep;
        this.maxStep = maxStep;
        this.maxSteps = maxSteps;
        this.y = new double[n];
    }

    /** Restarts at (t, y0); {@code tEnd} bounds the first step. */
    public abstract void reset(double t0, double[] y0, double tEnd) throws SimulationException;

    /** Takes one accepted step, never beyond {@code tStop}. */
    public abstract void step(double tStop) throws SimulationException;

    /** Interpolates the state at {@code tq} in [tPrev, t] into {@code out}. */
    public abstract void interpolate(double tq, double[] out);

    public final double t() {
        return t;
    }

    @Override
    public final double time() {
        return t;
    }

    @Override
    public final double previousTime() {
        return tPrev;
    }

    @Override
    public final double[] state() {
        return y;
    }

    /** Accepted steps not yet collected by the engine (the engine resets the count when it collects). */
    @Override
    public final long steps() {
        return steps;
    }

    @Override
    public final long rejectedSteps() {
        return rejected;
    }

    public final double tPrev() {
        return tPrev;
    }

    public final double[] y() {
        return y;
    }

    /**
     * Counts a rejected step. Accepted and rejected steps together are bounded by the maximum
     * number of steps, so a run whose error test or Newton iteration keeps failing (values far
     * beyond the model's range, say) ends in a bounded time.
     */
    protected final void countRejection() throws SimulationException {
        rejected++;
        if (steps + rejected > maxSteps) {
            throw new SimulationException(Kind.TOO_MANY_STEPS, "more than " + maxSteps + " steps (" + rejected
                    + " of them rejected) before time " + t + "; raise the maximum number of steps or check the"
                    + " model's values near that time");
        }
    }

    /**
     * Checks a step size before it is tried: not NaN (a non-finite derivative or error estimate
     * produced it) and not below the smallest step the time can resolve.
     */
    protected final void checkStep(double h, double hmin) throws SimulationException {
        if (Double.isNaN(h)) {
            throw new SimulationException(Kind.NON_FINITE, "the step size became NaN at time " + t
                    + "; the derivatives or their error estimate are not finite there");
        }
        if (h < hmin) {
            throw underflow(h);
        }
    }

    /** @return a NON_FINITE failure naming the first state variable whose entry of {@code a} is not finite */
    protected final SimulationException nonFinite(double[] a, String what) {
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(a[i])) {
                return new SimulationException(Kind.NON_FINITE, what + " of '" + f.stateId(i) + "' is " + a[i]
                        + " at time " + t);
            }
        }
        return new SimulationException(Kind.NON_FINITE, what + " is not finite at time " + t);
    }

    /**
     * The root mean square of {@code x[i] / (atol[i] + rtol |y[i]|)}, computed without overflow
     * (the terms are scaled by the largest before squaring), so values up to the largest double
     * give a finite norm where their squares would not.
     */
    protected final double scaledRms(double[] x, double[] ref) {
        double big = 0;
        for (int i = 0; i < n; i++) {
            double r = Math.abs(x[i]) / (atol[i] + rtol * Math.abs(ref[i]));
            if (Double.isNaN(r)) {
                return Double.NaN;
            }
            big = Math.max(big, r);
        }
        if (big == 0 || big == Double.POSITIVE_INFINITY) {
            return big;
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            double r = Math.abs(x[i]) / (atol[i] + rtol * Math.abs(ref[i])) / big;
            s += r * r;
        }
        return big * Math.sqrt(s / Math.max(n, 1));
    }

    protected final void countStep() throws SimulationException {
        steps++;
        if (steps > maxSteps) {
            throw new SimulationException(Kind.TOO_MANY_STEPS, "more than " + maxSteps + " steps before time " + t
                    + "; raise the maximum number of steps or check the model for fast oscillations");
        }
    }

    protected final SimulationException underflow(double h) {
        return new SimulationException(Kind.STEP_SIZE_UNDERFLOW, "the step size fell to " + h + " at time " + t
                + ", below the smallest step possible there; the model may be singular or discontinuous at that time");
    }

    protected static boolean finite(double[] a) {
        for (double x : a) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    /** @return true if the integrator found the problem stiff and a stiff method should take over */
    @Override
    public boolean wantsStiffSolver() {
        return false;
    }
}
