package org.mtorworkbench.simulation.internal;

import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SimulationException.Kind;
import org.mtorworkbench.simulation.extension.Integrator;

/**
 * A contributed {@link Integrator} driven by the engine like its own methods: it copies the
 * integrator's time and state after each step, counts its steps and checks what it returns,
 * so a faulty contribution ends the run with a clear error instead of wrong numbers.
 */
final class ContributedStepper extends Stepper {

    private final Integrator integrator;
    private long seenSteps;
    private long seenRejected;
    private long seenLus;

    ContributedStepper(Rhs f, Integrator integrator, double rtol, double atol, double initialStep, double maxStep,
            long maxSteps) {
        super(f, rtol, atol, initialStep, maxStep, maxSteps);
        this.integrator = integrator;
    }

    @Override
    public void reset(double t0, double[] y0, double tEnd) throws SimulationException {
        integrator.reset(t0, y0, tEnd);
        t = t0;
        tPrev = t0;
        System.arraycopy(y0, 0, y, 0, n);
    }

    @Override
    public void step(double tStop) throws SimulationException {
        double before = t;
        integrator.step(tStop);
        double after = integrator.time();
        if (!(after > before) || after > tStop) {
            throw new SimulationException(Kind.CONVERGENCE_FAILURE, "the solver " + integrator.getClass().getName()
                    + " stepped from time " + before + " to " + after + ", outside (" + before + ", " + tStop
                    + "]; it must take a step forward and never pass the stop time");
        }
        tPrev = integrator.previousTime();
        t = after;
        double[] ys = integrator.state();
        System.arraycopy(ys, 0, y, 0, n);
        if (!finite(y)) {
            throw nonFinite(y, "the value");
        }
        long s = integrator.steps();
        long r = integrator.rejectedSteps();
        steps += s - seenSteps;
        rejected += r - seenRejected;
        seenSteps = s;
        seenRejected = r;
        if (steps > maxSteps) {
            throw new SimulationException(Kind.TOO_MANY_STEPS, "more than " + maxSteps + " steps before time " + t
                    + "; raise the maximum number of steps or check the model for fast oscillations");
        }
    }

    @Override
    public void interpolate(double tq, double[] out) {
        integrator.interpolate(tq, out);
    }

    @Override
    public boolean wantsStiffSolver() {
        return integrator.wantsStiffSolver();
    }

    /** @return LU factorisations since the last call */
    long takeFactorizations() {
        long l = integrator.factorizations();
        long d = l - seenLus;
        seenLus = l;
        return d;
    }
}
