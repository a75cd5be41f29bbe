package org.mtorworkbench.simulation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.mtorworkbench.simulation.SimulationException.Kind;
import org.mtorworkbench.simulation.internal.Amounts;
import org.mtorworkbench.simulation.internal.Engine;
import org.mtorworkbench.simulation.internal.ForwardSensitivity;
import org.mtorworkbench.simulation.internal.ModelLayout;
import org.mtorworkbench.simulation.internal.SteadyStateSolver;

/**
 * Forward sensitivities of a {@link Simulation}: reported values (species, parameters,
 * assignment-rule values) and their derivatives with respect to chosen
 * {@link SensitivityParameter}s, at output times or at the steady state. The sensitivity
 * equations {@code s' = J s + df/dtheta} are integrated with the engine's BDF (whatever solver
 * the options name) by a staggered direct corrector sharing one LU factorisation per step among
 * all parameters; the initial sensitivities follow the initial assignments. Steady-state
 * sensitivities solve {@code J s = -df/dtheta} with the conservation laws of the initial state
 * held. See docs/simulation.md ("Forward sensitivities") for what is refused. Immutable and
 * thread-safe: each call runs on its own engine.
 */
public final class Sensitivities {

    private final List<SensitivityParameter> parameters;
    private final boolean errorControl;

    private Sensitivities(List<SensitivityParameter> parameters, boolean errorControl) {
        this.parameters = List.copyOf(parameters);
        this.errorControl = errorControl;
    }

    /** @return sensitivities with respect to these parameters, not in the step size control */
    public static Sensitivities of(List<SensitivityParameter> parameters) {
        return new Sensitivities(parameters, false);
    }

    /** @return sensitivities with respect to model values, each {@link SensitivityParameter#of} */
    public static Sensitivities ofValues(List<String> ids) {
        return of(ids.stream().map(SensitivityParameter::of).toList());
    }

    /**
     * @return a copy whose integration controls the local error of the sensitivities too (smaller
     *         steps where they change faster than the state; off by default, as in CVODES)
     */
    public Sensitivities withErrorControl(boolean on) {
        return new Sensitivities(parameters, on);
    }

    public List<SensitivityParameter> parameters() {
        return parameters;
    }

    public boolean errorControl() {
        return errorControl;
    }

    /**
     * Runs the simulation, reporting the outputs and their sensitivities at the given times.
     *
     * @param times non-decreasing output times, the first not before the start time
     * @throws SimulationException UNSUPPORTED for constructs sensitivities are not computed across
     *         (naming the event or construct), or as {@link Simulation#run}
     */
    public SensitivityResult timeCourse(Simulation simulation, double[] times, List<Output> outputs,
            SolverOptions options, BooleanSupplier cancelled) throws SimulationException {
        double[] runTimes = Simulation.runTimes(times, simulation.startTime());
        long t0 = System.nanoTime();
        Prepared p = prepare(simulation, options, times[times.length - 1]);
        ModelLayout l = p.layout;
        int[] sym = symbols(l, outputs);
        Quantity[] quantity = outputs.stream().map(Output::quantity).toArray(Quantity[]::new);
        int shift = runTimes.length - times.length;
        int m = parameters.size();
        double[][] values = new double[times.length][sym.length];
        double[][][] derivs = new double[times.length][sym.length][m];
        double[] sv = new double[p.fs.states() * m];
        p.engine.run(runTimes, (row, t, v) -> {
            if (row < shift) {
                return;
            }
            double[] r = values[row - shift];
            for (int c = 0; c < sym.length; c++) {
                r[c] = Amounts.read(l, sym[c], v, quantity[c]);
            }
            p.fs.sensitivitiesAt(t, sv);
            p.fs.outputDerivatives(v, sv, sym, quantity, derivs[row - shift]);
        }, cancelled);
        return new SensitivityResult(new TimeCourse(times, outputs, values,
                Simulation.statistics(p.engine, System.nanoTime() - t0)), parameters, derivs);
    }

    /**
     * Finds the steady state from the simulation's initial state (as {@link Simulation#steadyState})
     * and the outputs' sensitivities there.
     *
     * @throws SimulationException NO_STEADY_STATE if none is found or its sensitivities are not
     *         defined (a singular Jacobian beyond the conservation laws), CANCELLED, UNSUPPORTED
     */
    public SensitivityResult steadyState(Simulation simulation, List<Output> outputs, SolverOptions options,
            BooleanSupplier cancelled) throws SimulationException {
        long t0 = System.nanoTime();
        Prepared p = prepare(simulation, options, Double.POSITIVE_INFINITY);
        ModelLayout l = p.layout;
        int[] sym = symbols(l, outputs);
        Quantity[] quantity = outputs.stream().map(Output::quantity).toArray(Quantity[]::new);
        SteadyStateSolver.Result r = p.fs.solveSteadyState(cancelled);
        double[] v = p.engine.values();
        double[][] values = new double[1][sym.length];
        double[][][] derivs = new double[1][sym.length][parameters.size()];
        for (int c = 0; c < sym.length; c++) {
            values[0][c] = Amounts.read(l, sym[c], v, quantity[c]);
        }
        p.fs.outputDerivatives(v, p.fs.sensitivities(), sym, quantity, derivs[0]);
        RunStatistics st = new RunStatistics(r.iterations(), 0, p.engine.rhsEvaluations(),
                p.engine.jacobianEvaluations(), 0, 0, System.nanoTime() - t0);
        return new SensitivityResult(new TimeCourse(new double[] { Double.POSITIVE_INFINITY }, outputs, values, st),
                parameters, derivs);
    }

    private record Prepared(ModelLayout layout, Engine engine, ForwardSensitivity fs) {
    }

    /** An engine for the simulation with every value a parameter names overridden, and its sensitivities. */
    private Prepared prepare(Simulation simulation, SolverOptions options, double tEnd) throws SimulationException {
        if (options.get(SolverOptions.SOLVER).isStochastic()) {
            throw new SimulationException(Kind.UNSUPPORTED, "sensitivities are not defined for a stochastic solver ("
                    + options.get(SolverOptions.SOLVER) + "); use a deterministic one");
        }
        SolverOptions bdf = options.withSolver(Solver.BDF);
        ModelLayout l = simulation.model().layout();
        Map<String, Double> missing = new HashMap<>();
        Engine probe = null;
        for (SensitivityParameter q : parameters) {
            for (String id : q.derivatives().keySet()) {
                if (!simulation.overrides().containsKey(id) && !missing.containsKey(id)) {
                    Simulation.checkSettable(l, id);
                    if (probe == null) {
                        probe = simulation.engine(bdf);
                    }
                    // Differentiated with respect to its value: it is set to the value it has.
                    missing.put(id, probe.values()[l.indexOf(id)]);
                }
            }
        }
        Simulation sim = missing.isEmpty() ? simulation : simulation.withValues(missing);
        Engine engine = sim.engine(bdf);
        int ns = l.symbolCount();
        double[] p0 = new double[ns];
        boolean[] ov = new boolean[ns];
        for (int i = 0; i < ns; i++) {
            p0[i] = l.defaultValue(i);
        }
        for (Map.Entry<String, Double> e : sim.overrides().entrySet()) {
            int i = l.indexOf(e.getKey());
            p0[i] = e.getValue();
            ov[i] = true;
        }
        int m = parameters.size();
        double[][] dirs = new double[m][ns];
        String[] names = new String[m];
        for (int j = 0; j < m; j++) {
            SensitivityParameter q = parameters.get(j);
            names[j] = q.name();
            for (Map.Entry<String, Double> e : q.derivatives().entrySet()) {
                dirs[j][l.indexOf(e.getKey())] = e.getValue();
            }
        }
        ForwardSensitivity fs = new ForwardSensitivity(l, engine, p0, ov, dirs, names, sim.startTime(),
                Double.isFinite(tEnd) ? tEnd : sim.startTime(), errorControl);
        return new Prepared(l, engine, fs);
    }

    private static int[] symbols(ModelLayout l, List<Output> outputs) {
        int[] sym = new int[outputs.size()];
        for (int c = 0; c < sym.length; c++) {
            String id = outputs.get(c).id();
            int i = l.indexOf(id);
            if (i <= 0 || l.kind(i) == ModelLayout.INTERNAL) {
                throw new IllegalArgumentException("model '" + l.modelId() + "' has no id '" + id + "'");
            }
            sym[c] = i;
        }
        return sym;
    }
}
