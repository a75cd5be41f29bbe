package org.mtorworkbench.simulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.mtorworkbench.simulation.SimulationException.Kind;
import org.mtorworkbench.simulation.internal.Amounts;
import org.mtorworkbench.simulation.internal.Engine;
import org.mtorworkbench.simulation.internal.ModelLayout;
import org.mtorworkbench.simulation.internal.SteadyStateSolver;
import org.mtorworkbench.simulation.internal.StochasticSolvers;

/**
 * One configured run of a {@link CompiledModel}: values overriding the model's (parameters,
 * compartment sizes, species' initial values, local parameters as {@code reaction.id}) and a
 * start time. Immutable: {@code withX} returns copies, and every {@code run} starts from the
 * pristine model with these overrides, so one simulation may run many times and on many
 * threads at once. Runs are cancelled through the {@link BooleanSupplier} they are given,
 * which is polled at every step.
 */
public final class Simulation {

    private static final BooleanSupplier NEVER = () -> false;

    private final CompiledModel model;
    private final Map<String, Double> overrides;
    private final double startTime;

    Simulation(CompiledModel model) {
        this(model, Map.of(), 0.0);
    }

    private Simulation(CompiledModel model, Map<String, Double> overrides, double startTime) {
        this.model = model;
        this.overrides = overrides;
        this.startTime = startTime;
    }

    public CompiledModel model() {
        return model;
    }

    /** @return the overrides, id to value */
    public Map<String, Double> overrides() {
        return overrides;
    }

    /**
     * @return a copy in which {@code id} starts at {@code value} (for a species, in its
     *         units: concentration unless it has only substance units)
     * @throws IllegalArgumentException if the id is unknown or fixed by an assignment rule
     */
    public Simulation withValue(String id, double value) {
        ModelLayout l = model.layout();
        checkSettable(l, id);
        Map<String, Double> m = new HashMap<>(overrides);
        m.put(id, value);
        return new Simulation(model, Map.copyOf(m), startTime);
    }

    /**
     * @return a copy with all the given values set, as {@link #withValue} sets one (one copy of the
     *         overrides however many values are given)
     * @throws IllegalArgumentException if an id is unknown or fixed by an assignment rule
     */
    public Simulation withValues(Map<String, Double> values) {
        ModelLayout l = model.layout();
        Map<String, Double> m = new HashMap<>(overrides);
        for (Map.Entry<String, Double> e : values.entrySet()) {
            checkSettable(l, e.getKey());
            m.put(e.getKey(), e.getValue());
        }
        return new Simulation(model, Map.copyOf(m), startTime);
    }

    static void checkSettable(ModelLayout l, String id) {
        int i = l.indexOf(id);
        if (i <= 0 || l.kind(i) == ModelLayout.REACTION || l.kind(i) == ModelLayout.INTERNAL) {
            throw new IllegalArgumentException("'" + id + "' is not a parameter, compartment or species of model '"
                    + l.modelId() + "'");
        }
        if (l.isRuleAssigned(i)) {
            throw new IllegalArgumentException("'" + id + "' is defined by an assignment rule and cannot be set");
        }
    }

    /** @return the time the runs start at */
    public double startTime() {
        return startTime;
    }

    public Simulation withStartTime(double t0) {
        return new Simulation(model, overrides, t0);
    }

    /** Runs to {@code tEnd} with {@code points} equal intervals, reporting the given ids' values. */
    public TimeCourse run(double tEnd, int points, List<String> ids, SolverOptions options)
            throws SimulationException {
        double[] times = new double[points + 1];
        for (int i = 0; i <= points; i++) {
            times[i] = startTime + (tEnd - startTime) * i / points;
        }
        List<Output> outs = new ArrayList<>();
        for (String id : ids) {
            outs.add(Output.of(id));
        }
        return run(times, outs, options, NEVER);
    }

    /**
     * Runs the model, reporting the outputs at the given times.
     *
     * @param times non-decreasing output times, the first not before the start time
     * @param cancelled polled at every step; when it returns true the run ends with a CANCELLED exception
     */
    public TimeCourse run(double[] times, List<Output> outputs, SolverOptions options, BooleanSupplier cancelled)
            throws SimulationException {
        ModelLayout l = model.layout();
        int[] sym = new int[outputs.size()];
        Quantity[] quantity = new Quantity[outputs.size()];
        for (int c = 0; c < sym.length; c++) {
            Output o = outputs.get(c);
            sym[c] = symbol(l, o.id());
            quantity[c] = o.quantity();
        }
        double[] runTimes = runTimes(times, startTime);
        long t0 = System.nanoTime();
        Engine engine = engine(options);
        int shift = runTimes.length - times.length;
        double[][] values = new double[times.length][sym.length];
        engine.run(runTimes, (row, t, v) -> {
            if (row < shift) {
                return;
            }
            double[] r = values[row - shift];
            for (int c = 0; c < sym.length; c++) {
                r[c] = Amounts.read(l, sym[c], v, quantity[c]);
            }
        }, cancelled);
        return new TimeCourse(times, outputs, values, statistics(engine, System.nanoTime() - t0));
    }

    /**
     * Finds a steady state from this simulation's initial state (events are not applied).
     *
     * @throws SimulationException NO_STEADY_STATE if none is found, CANCELLED if cancelled
     */
    public SteadyState steadyState(List<Output> outputs, SolverOptions options, BooleanSupplier cancelled)
            throws SimulationException {
        ModelLayout l = model.layout();
        if (options.get(SolverOptions.SOLVER).isStochastic()) {
            throw new SimulationException(Kind.UNSUPPORTED, "a steady state is not defined for a single stochastic "
                    + "trajectory (solver " + options.get(SolverOptions.SOLVER) + "); use a deterministic solver");
        }
        Engine engine = engine(options.get(SolverOptions.SOLVER).equals(Solver.DORMAND_PRINCE)
                ? options.withSolver(Solver.BDF) : options);
        SteadyStateSolver.Result r = new SteadyStateSolver(engine, options.get(SolverOptions.RELATIVE_TOLERANCE),
                engine.absoluteTolerance()).solve(cancelled);
        double[] v = engine.values();
        engine.rhs().update(v[0], r.y());
        double[] out = new double[outputs.size()];
        for (int c = 0; c < out.length; c++) {
            Output o = outputs.get(c);
            out[c] = Amounts.read(l, symbol(l, o.id()), v, o.quantity());
        }
        return new SteadyState(outputs, out, r.method(), r.iterations(), r.residual(), r.conservationLaws());
    }

    /**
     * Checks output times (non-decreasing, the first not before the start).
     *
     * @return the times the engine runs over: the output times, preceded by the start when they begin later
     */
    static double[] runTimes(double[] times, double startTime) {
        if (times.length == 0) {
            throw new IllegalArgumentException("no output times");
        }
        for (int i = 1; i < times.length; i++) {
            if (!(times[i] >= times[i - 1])) {
                throw new IllegalArgumentException("output times must not decrease: " + times[i - 1] + ", " + times[i]);
            }
        }
        if (times[0] < startTime) {
            throw new IllegalArgumentException("the first output time " + times[0] + " is before the start " + startTime);
        }
        if (times[0] == startTime) {
            return times;
        }
        double[] run = new double[times.length + 1];
        run[0] = startTime;
        System.arraycopy(times, 0, run, 1, times.length);
        return run;
    }

    /** @return the symbol of a reported id */
    private static int symbol(ModelLayout l, String id) {
        int i = l.indexOf(id);
        if (i <= 0 || l.kind(i) == ModelLayout.INTERNAL) {
            throw new IllegalArgumentException("model '" + l.modelId() + "' has no id '" + id + "'");
        }
        return i;
    }

    static RunStatistics statistics(Engine e, long nanos) {
        return new RunStatistics(e.steps(), e.rejectedSteps(), e.rhsEvaluations(), e.jacobianEvaluations(),
                e.luDecompositions(), e.eventsFired(), nanos);
    }

    Engine engine(SolverOptions options) throws SimulationException {
        ModelLayout l = model.layout();
        double[] p0 = new double[l.symbolCount()];
        boolean[] ov = new boolean[p0.length];
        for (int i = 0; i < p0.length; i++) {
            p0[i] = l.defaultValue(i);
        }
        for (Map.Entry<String, Double> e : overrides.entrySet()) {
            int i = l.indexOf(e.getKey());
            p0[i] = e.getValue();
            ov[i] = true;
        }
        Engine.Settings s = new Engine.Settings(StochasticSolvers.seeded(options.get(SolverOptions.SOLVER).provider(),
                options.get(SolverOptions.SEED)), options.get(SolverOptions.RELATIVE_TOLERANCE),
                options.get(SolverOptions.ABSOLUTE_TOLERANCE), options.get(SolverOptions.INITIAL_STEP),
                options.get(SolverOptions.MAX_STEP), options.get(SolverOptions.MAX_STEPS),
                options.get(SolverOptions.SCALE_ABSOLUTE_TOLERANCE));
        try {
            return new Engine(l, p0, ov, startTime, s);
        } catch (ArithmeticException e) {
            throw new SimulationException(Kind.INVALID_MODEL, "initial values cannot be computed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "Simulation[" + model.modelId() + ", overrides=" + overrides + ", t0=" + startTime + "]";
    }
}
