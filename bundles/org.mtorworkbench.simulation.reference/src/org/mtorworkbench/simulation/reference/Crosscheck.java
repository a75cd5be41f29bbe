package org.mtorworkbench.simulation.reference;

import java.io.IOException;
import java.util.List;

import org.mtorworkbench.simulation.CompiledModel;
import org.mtorworkbench.simulation.Simulation;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.Solver;
import org.mtorworkbench.simulation.SolverOptions;
import org.mtorworkbench.simulation.seam.ReferenceSeam;

/**
 * The real-model oracle: a run with the default options against the truth from an
 * independent solver at a tight tolerance, on the same output times. The truth is SUNDIALS
 * CVODE at rtol {@value #CVODE_RTOL} with atol {@value #ATOL_SCALE} times the largest initial
 * magnitude of the state; for models CVODE cannot be given (events, algebraic rules,
 * {@code rateOf}, delays...), when gcc or SUNDIALS is missing, or when CVODE fails, it is the
 * engine's own BDF at rtol {@value #BDF_RTOL} with the same atol, and the report says so.
 */
public final class Crosscheck {

    /** CVODE's relative tolerance for the truth. */
    public static final double CVODE_RTOL = 1e-10;
    /** The engine's BDF relative tolerance for the truth when CVODE cannot give it. */
    public static final double BDF_RTOL = 1e-11;
    /** The truth's absolute tolerance, times the largest initial magnitude of the state. */
    public static final double ATOL_SCALE = 1e-14;
    /** A state's deviation is relative to its peak, but never to less than this fraction of the largest peak. */
    public static final double FLOOR = 1e-6;
    /** The largest deviation a model passes with. */
    public static final double BOUND = 1e-4;

    /** Where the truth came from. */
    public enum Truth {
        /** SUNDIALS CVODE (BDF) at rtol {@value Crosscheck#CVODE_RTOL} */
        CVODE,
        /** the engine's BDF at rtol {@value Crosscheck#BDF_RTOL} */
        ENGINE_BDF
    }

    /**
     * One model's comparison.
     *
     * @param states the number of state variables compared
     * @param truth the solver of the truth
     * @param truthNote why the truth is not CVODE (empty when it is), or the linear solver CVODE used
     * @param truthAtol the truth's absolute tolerance
     * @param deviation the largest deviation of the default run from the truth, relative to the state's
     *        peak in the truth (at least {@link #FLOOR} times the largest peak)
     * @param deviationState the state where it is largest
     * @param deviationTime the time at which it is
     * @param minimumAmount the most negative species amount of the default run (0 when none is negative)
     * @param minimumState the species of {@code minimumAmount}, or empty
     * @param minimumTime the time of {@code minimumAmount}
     * @param runAtol the default run's absolute tolerance: amounts below {@code -runAtol} are negative excursions
     * @param millis the wall-clock time of the whole comparison
     */
    public record Report(String modelId, int states, double tEnd, int points, Truth truth, String truthNote,
            double truthAtol, double deviation, String deviationState, double deviationTime, double minimumAmount,
            String minimumState, double minimumTime, double runAtol, double millis) {

        /** @return true if a species amount went below {@code -runAtol} */
        public boolean negative() {
            return minimumAmount < -runAtol;
        }

        /** @return true if the deviation is at most {@code bound} and no amount went negative */
        public boolean passes(double bound) {
            return deviation <= bound && !negative();
        }
    }

    private Crosscheck() {
    }

    /**
     * Compares a run of the model with the default options, over {@code points} equal intervals
     * from its start time (0) to {@code tEnd}, with the truth.
     *
     * @param toolchain gcc and SUNDIALS, or null to take the engine's BDF as the truth
     * @throws SimulationException if the default run or the truth fails (the message says which)
     * @throws IOException if gcc or the CVODE program cannot be run
     */
    public static Report run(CompiledModel model, double tEnd, int points, CvodeReference.Toolchain toolchain)
            throws SimulationException, IOException {
        return run(model.newSimulation(), tEnd, points, toolchain);
    }

    /**
     * Like {@link #run(CompiledModel, double, int, CvodeReference.Toolchain)} for a simulation
     * with overrides (e.g. a PEtab problem's nominal parameters), from its start time.
     */
    public static Report run(Simulation sim, double tEnd, int points, CvodeReference.Toolchain toolchain)
            throws SimulationException, IOException {
        CompiledModel model = sim.model();
        if (points < 1) {
            throw new IllegalArgumentException("points must be at least 1");
        }
        long t0 = System.nanoTime();
        SolverOptions defaults = SolverOptions.defaults();
        ReferenceSeam.Start start = ReferenceSeam.start(sim, defaults);
        double from = start.time();
        if (!(tEnd > from) || Double.isInfinite(tEnd)) {
            throw new IllegalArgumentException("t-end must be a number after the start time " + from);
        }
        double[] times = new double[points + 1];
        for (int i = 0; i <= points; i++) {
            times[i] = from + (tEnd - from) * i / points;
        }
        double[][] ours;
        try {
            ours = ReferenceSeam.stateTrajectory(sim, times, defaults);
        } catch (SimulationException e) {
            throw new SimulationException(e.kind(), "the run with the default options failed: " + e.getMessage(), e);
        }
        double scale = 0;
        for (double y : start.state()) {
            scale = Math.max(scale, Math.abs(y));
        }
        double atol = ATOL_SCALE * (scale > 0 && Double.isFinite(scale) ? scale : 1);
        Truth truth = Truth.CVODE;
        String note = "";
        double[][] reference = null;
        String reason = toolchain == null ? "gcc or SUNDIALS is not installed" : CvodeReference.unsupportedReason(model);
        if (reason == null) {
            CvodeReference.LinearSolver linear = CvodeReference.hasAnalyticJacobian(model) && toolchain.hasKlu()
                    && model.stateCount() >= 100 ? CvodeReference.LinearSolver.KLU : CvodeReference.LinearSolver.DENSE;
            note = linear.name().toLowerCase(java.util.Locale.ROOT);
            try (CvodeReference.Program p = CvodeReference.compile(toolchain, model, true, linear)) {
                reference = p.run(sim, times, defaults.withRelativeTolerance(CVODE_RTOL).withAbsoluteTolerance(atol), 1, 0)
                        .states();
            } catch (SimulationException e) {
                reason = "CVODE failed: " + e.getMessage();
            }
        }
        if (reference == null) {
            truth = Truth.ENGINE_BDF;
            note = reason;
            try {
                reference = ReferenceSeam.stateTrajectory(sim, times,
                        defaults.withSolver(Solver.BDF).withRelativeTolerance(BDF_RTOL).withAbsoluteTolerance(atol));
            } catch (SimulationException e) {
                throw new SimulationException(e.kind(), "the truth (BDF at rtol " + BDF_RTOL + ") failed: "
                        + e.getMessage(), e);
            }
        }
        List<String> ids = ReferenceSeam.stateIds(model);
        int ns = ids.size();
        double largest = 0;
        double[] peak = new double[ns];
        for (double[] row : reference) {
            for (int k = 0; k < ns; k++) {
                peak[k] = Math.max(peak[k], Math.abs(row[k]));
                largest = Math.max(largest, peak[k]);
            }
        }
        double worst = 0;
        int worstK = -1;
        int worstT = 0;
        for (int k = 0; k < ns; k++) {
            double s = Math.max(peak[k], FLOOR * largest);
            if (s == 0) {
                s = Double.MIN_NORMAL;
            }
            for (int t = 0; t < times.length; t++) {
                double d = Math.abs(ours[t][k] - reference[t][k]) / s;
                // NaN (a non-finite value in either run) is the worst there is and stays so
                if (!Double.isNaN(worst) && !(d <= worst)) {
                    worst = d;
                    worstK = k;
                    worstT = t;
                }
            }
        }
        boolean[] amount = ReferenceSeam.speciesAmounts(model);
        double minimum = 0;
        int minK = -1;
        int minT = 0;
        for (int t = 0; t < times.length; t++) {
            for (int k = 0; k < ns; k++) {
                if (amount[k] && ours[t][k] < minimum) {
                    minimum = ours[t][k];
                    minK = k;
                    minT = t;
                }
            }
        }
        return new Report(model.modelId(), ns, tEnd, points, truth, note, atol, worst,
                worstK < 0 ? "" : ids.get(worstK), times[worstT], minimum, minK < 0 ? "" : ids.get(minK), times[minT],
                defaults.get(SolverOptions.ABSOLUTE_TOLERANCE), (System.nanoTime() - t0) / 1e6);
    }
}
