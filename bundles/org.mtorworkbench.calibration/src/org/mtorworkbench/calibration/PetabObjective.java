package org.mtorworkbench.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

import org.mtorworkbench.calibration.PetabException.Kind;
import org.mtorworkbench.calibration.internal.FiniteDifferences;
import org.mtorworkbench.calibration.internal.MathExpr;
import org.mtorworkbench.calibration.internal.Table;
import org.mtorworkbench.simulation.CompiledModel;
import org.mtorworkbench.simulation.Output;
import org.mtorworkbench.simulation.Simulation;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.Solver;
import org.mtorworkbench.simulation.SolverOptions;
import org.mtorworkbench.simulation.SteadyState;
import org.mtorworkbench.simulation.TimeCourse;

/**
 * The objective of a PEtab problem: its model compiled once, every experiment simulated with the
 * product's engine (pre-equilibration by the steady-state solver, shared by experiments with the
 * same pre-equilibration), observables and noise formulas evaluated per measurement, and the
 * log-likelihood and chi2 summed. Parameters are given on their parameter scale in the order of
 * {@link #parameterIds()} (the estimated ones); fixed ones take their nominal values.
 * Thread-safe: evaluations share nothing mutable.
 */
public final class PetabObjective {

    /** Where the value of an identifier in a formula comes from. */
    @FunctionalInterface
    private interface Source {
        double get(double[] parameters, double[] modelRow, double observable);
    }

    /** A formula bound to its sources. */
    private record Formula(MathExpr expr, Source[] sources) {
        double eval(double[] parameters, double[] modelRow, double observable) {
            double[] v = new double[sources.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = sources[i].get(parameters, modelRow, observable);
            }
            return expr.eval(v);
        }
    }

    /** A change of a model value when a period starts; its formula reads the values before the change. */
    private record ModelChange(String target, Formula value, boolean readsModel) {
    }

    private record Period(double start, boolean preequilibration, List<ModelChange> changes, String key,
            double[] times, boolean steadyStateMeasured) {
    }

    private record Plan(String experimentId, List<Period> periods) {
    }

    private record Point(int plan, int period, double time, Formula observable, Formula noise, NoiseModel noise2,
            double measurement) {
    }

    private final PetabProblem problem;
    private final SolverOptions options;
    private final CompiledModel model;
    private final List<String> parameterTable;
    private final Map<String, Integer> parameterIndex = new HashMap<>();
    private final double[] nominal;
    private final int[] estimated;
    private final List<String> needed = new ArrayList<>();
    private final Map<String, Integer> neededIndex = new HashMap<>();
    private final List<String> carry = new ArrayList<>();
    private final Map<String, Integer> carryIndex = new HashMap<>();
    private final List<Output> neededOutputs;
    private final List<Output> carryOutputs;
    private final List<Output> allOutputs;
    private final Map<String, Integer> baseModelParameters = new LinkedHashMap<>();
    private final List<Plan> plans = new ArrayList<>();
    private final List<Point> points = new ArrayList<>();

    private PetabObjective(PetabProblem problem, SolverOptions options, CompiledModel model) throws PetabException {
        this.problem = problem;
        this.options = options;
        this.model = model;
        this.parameterTable = List.copyOf(problem.parameters().keySet());
        nominal = new double[parameterTable.size()];
        List<Integer> est = new ArrayList<>();
        for (int i = 0; i < parameterTable.size(); i++) {
            PetabParameter p = problem.parameters().get(parameterTable.get(i));
            parameterIndex.put(p.id(), i);
            nominal[i] = p.nominalValue();
            if (p.estimated()) {
                est.add(i);
            }
        }
        estimated = est.stream().mapToInt(Integer::intValue).toArray();
        Simulation probe = model.newSimulation();
        List<String> ids = new ArrayList<>(model.compartmentIds());
        ids.addAll(model.speciesIds());
        ids.addAll(model.parameterIds());
        for (String id : ids) {
            if (settable(probe, id)) {
                carryIndex.put(id, carry.size());
                carry.add(id);
            }
        }
        for (String id : parameterTable) {
            if (model.hasId(id)) {
                if (!carryIndex.containsKey(id)) {
                    throw new PetabException(Kind.INVALID, problem.yamlFile(), 0, "the parameter table sets '" + id
                            + "', which the model defines by a rule; remove it from the parameter table");
                }
                baseModelParameters.put(id, parameterIndex.get(id));
            }
        }
        plan();
        neededOutputs = needed.stream().map(Output::of).toList();
        carryOutputs = carry.stream().map(Output::of).toList();
        List<Output> all = new ArrayList<>(neededOutputs);
        all.addAll(carryOutputs);
        allOutputs = List.copyOf(all);
    }

    private static boolean settable(Simulation probe, String id) {
        try {
            probe.withValue(id, 0);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Compiles the problem's model and prepares the evaluation of every measurement.
     *
     * @throws PetabException for an unsupported model, or a formula naming an id that is neither a
     *         model id, a parameter nor a placeholder (naming the table and line)
     */
    public static PetabObjective create(PetabProblem problem, SolverOptions options) throws PetabException {
        CompiledModel model;
        try {
            model = CompiledModel.compile(problem.document());
        } catch (SimulationException e) {
            throw new PetabException(e.kind() == SimulationException.Kind.UNSUPPORTED ? Kind.UNSUPPORTED : Kind.INVALID,
                    problem.modelFile(), 0, e.getMessage(), e);
        }
        return new PetabObjective(problem, options, model);
    }

    /**
     * @return the default solver options of objective evaluations: BDF at rtol 1e-8, atol 1e-12,
     *         with a first step of 1e-6 time units, so that inputs switching on just after the start
     *         (time-dependent piecewise stimuli) are resolved rather than stepped over; BDF is 6-17
     *         times faster than AUTO on the stiff benchmark problems (Fujita, Smith)
     */
    public static SolverOptions defaultOptions() {
        return SolverOptions.defaults().withSolver(Solver.BDF).withRelativeTolerance(1e-8).withAbsoluteTolerance(1e-12)
                .withInitialStep(1e-6);
    }

    public PetabProblem problem() {
        return problem;
    }

    public CompiledModel model() {
        return model;
    }

    /** @return the ids of the estimated parameters, the order of parameter vectors */
    public List<String> parameterIds() {
        List<String> out = new ArrayList<>();
        for (int i : estimated) {
            out.add(parameterTable.get(i));
        }
        return out;
    }

    /** @return the nominal values of the estimated parameters, on their parameter scales */
    public double[] nominalParameters() {
        double[] out = new double[estimated.length];
        for (int k = 0; k < estimated.length; k++) {
            out[k] = problem.parameters().get(parameterTable.get(estimated[k])).scaledNominal();
        }
        return out;
    }

    /** Evaluates at the nominal parameters. */
    public ObjectiveValue evaluateNominal() throws PetabException {
        return evaluateLinear(nominal, () -> false);
    }

    /**
     * Evaluates at a vector of the estimated parameters on their parameter scales.
     *
     * @throws IllegalArgumentException if the vector's length is not the number of estimated parameters
     */
    public ObjectiveValue evaluate(double[] scaled, BooleanSupplier cancelled) throws PetabException {
        if (scaled.length != estimated.length) {
            throw new IllegalArgumentException("expected " + estimated.length + " parameter values, got " + scaled.length);
        }
        double[] lin = nominal.clone();
        for (int k = 0; k < estimated.length; k++) {
            int i = estimated[k];
            lin[i] = problem.parameters().get(parameterTable.get(i)).scale().fromScale(scaled[k]);
        }
        return evaluateLinear(lin, cancelled);
    }

    /**
     * Evaluates at a vector of the estimated parameters on their parameter scales, with the derivatives
     * of the log-likelihood, the residuals and the sigmas with respect to them when {@code gradient}
     * is set ({@link ObjectiveValue#gradient()}, {@link ObjectiveValue#residualJacobian()},
     * {@link ObjectiveValue#sigmaJacobian()}). The derivatives are central finite differences on the
     * parameter scale ({@link FiniteDifferences}), 2 evaluations per parameter.
     *
     * @throws IllegalArgumentException if the vector's length is not the number of estimated parameters
     */
    public ObjectiveValue evaluate(double[] onParameterScale, boolean gradient, BooleanSupplier cancelled)
            throws PetabException {
        ObjectiveValue value = evaluate(onParameterScale, cancelled);
        if (!gradient) {
            return value;
        }
        double[] steps = new double[estimated.length];
        for (int k = 0; k < estimated.length; k++) {
            ParameterScale scale = problem.parameters().get(parameterTable.get(estimated[k])).scale();
            steps[k] = FiniteDifferences.step(onParameterScale[k], scale != ParameterScale.LIN);
        }
        FiniteDifferences.Derivatives d = FiniteDifferences.derivatives(onParameterScale, scaledBounds(true),
                scaledBounds(false), value, x -> evaluate(x, cancelled), steps);
        return value.withDerivatives(d.gradient(), d.residualJacobian(), d.sigmaJacobian());
    }

    /** @return the lower (or upper) bounds of the estimated parameters on their parameter scales (infinite when none) */
    public double[] scaledBounds(boolean lower) {
        double[] out = new double[estimated.length];
        for (int k = 0; k < estimated.length; k++) {
            PetabParameter p = problem.parameters().get(parameterTable.get(estimated[k]));
            double b = lower ? p.lowerBound() : p.upperBound();
            out[k] = Double.isInfinite(b) ? b : p.scale().toScale(b);
        }
        return out;
    }

    /**
     * Evaluates with some parameters given linear values (any id of the parameter table, estimated
     * or not); the others keep their nominal values.
     *
     * @throws IllegalArgumentException naming an id that is not in the parameter table
     */
    public ObjectiveValue evaluate(Map<String, Double> linearValues, BooleanSupplier cancelled) throws PetabException {
        double[] lin = nominal.clone();
        for (Map.Entry<String, Double> e : linearValues.entrySet()) {
            Integer i = parameterIndex.get(e.getKey());
            if (i == null) {
                throw new IllegalArgumentException("'" + e.getKey() + "' is not in the parameter table");
            }
            lin[i] = e.getValue();
        }
        return evaluateLinear(lin, cancelled);
    }

    // ---- preparation ----

    private void plan() throws PetabException {
        Map<String, Integer> planIndex = new HashMap<>();
        for (PetabExperiment e : problem.experiments().values()) {
            planIndex.put(e.id(), plans.size());
            plans.add(null);
        }
        List<List<Set<Double>>> times = new ArrayList<>();
        List<List<Boolean>> steady = new ArrayList<>();
        for (PetabExperiment e : problem.experiments().values()) {
            List<Set<Double>> t = new ArrayList<>();
            List<Boolean> s = new ArrayList<>();
            for (int k = 0; k < e.periods().size(); k++) {
                t.add(new TreeSet<>());
                s.add(false);
            }
            times.add(t);
            steady.add(s);
        }
        for (PetabMeasurement m : problem.measurements()) {
            PetabExperiment e = problem.experiments().get(m.experimentId());
            int p = planIndex.get(e.id());
            int k = periodOf(e, m);
            if (Double.isInfinite(m.time())) {
                steady.get(p).set(k, true);
            } else {
                times.get(p).get(k).add(m.time());
            }
            PetabObservable o = problem.observables().get(m.observableId());
            Map<String, MathExpr> petabValues = petabConditionValues(e, k);
            Formula obs = formula(o.formula(), o, m, petabValues, false, "observableFormula of '" + o.id() + "'");
            Formula noise = formula(o.noiseFormula(), o, m, petabValues, true, "noiseFormula of '" + o.id() + "'");
            points.add(new Point(p, k, m.time(), obs, noise, o.noise(), m.measurement()));
        }
        for (PetabExperiment e : problem.experiments().values()) {
            int p = planIndex.get(e.id());
            List<Period> periods = new ArrayList<>();
            for (int k = 0; k < e.periods().size(); k++) {
                PetabExperiment.Period q = e.periods().get(k);
                List<ModelChange> changes = new ArrayList<>();
                for (String cid : q.conditionIds()) {
                    for (PetabCondition.Change c : problem.conditions().get(cid).changes()) {
                        if (model.hasId(c.target())) {
                            if (!carryIndex.containsKey(c.target())) {
                                throw new PetabException(Kind.INVALID, problem.yamlFile(), c.line(), "condition '" + cid
                                        + "' sets '" + c.target() + "', which the model defines by a rule or a reaction;"
                                        + " set a parameter, species or compartment");
                            }
                            changes.add(modelChange(c, cid));
                        }
                    }
                }
                double start = q.preequilibration() ? 0 : q.time();
                String key = q.preequilibration() ? String.join(",", q.conditionIds()) : null;
                double[] ts = times.get(p).get(k).stream().mapToDouble(Double::doubleValue).toArray();
                periods.add(new Period(start, q.preequilibration(), changes, key, ts, steady.get(p).get(k)));
            }
            plans.set(p, new Plan(e.id(), periods));
        }
    }

    private int periodOf(PetabExperiment e, PetabMeasurement m) throws PetabException {
        int k = -1;
        for (int i = 0; i < e.periods().size(); i++) {
            PetabExperiment.Period q = e.periods().get(i);
            if (!q.preequilibration() && q.time() <= m.time()) {
                k = i;
            }
        }
        if (k < 0) {
            throw new PetabException(Kind.INVALID, problem.yamlFile(), 0, "measurement at line " + m.line()
                    + ": time " + m.time() + " is before experiment '" + e.id() + "' starts; check the time or the experiment");
        }
        return k;
    }

    /** Values of non-model ids set by the conditions of the periods up to {@code k} (later ones win). */
    private Map<String, MathExpr> petabConditionValues(PetabExperiment e, int k) throws PetabException {
        Map<String, MathExpr> out = new HashMap<>();
        for (int i = 0; i <= k; i++) {
            for (String cid : e.periods().get(i).conditionIds()) {
                for (PetabCondition.Change c : problem.conditions().get(cid).changes()) {
                    if (!model.hasId(c.target())) {
                        out.put(c.target(), parse(c.value(), c.line()));
                    }
                }
            }
        }
        return out;
    }

    private MathExpr parse(String text, int line) throws PetabException {
        try {
            return MathExpr.parse(text);
        } catch (MathExpr.SyntaxException e) {
            throw new PetabException(Kind.INVALID, problem.yamlFile(), line, "'" + text + "': " + e.getMessage());
        }
    }

    private ModelChange modelChange(PetabCondition.Change c, String cid) throws PetabException {
        MathExpr expr = parse(c.value(), c.line());
        List<Source> sources = new ArrayList<>();
        boolean[] readsModel = {false};
        List<String> names = new ArrayList<>(expr.identifiers());
        for (String name : names) {
            Integer pi = parameterIndex.get(name);
            Integer ci = carryIndex.get(name);
            if (ci != null) {
                readsModel[0] = true;
                int col = ci;
                sources.add((par, row, obs) -> row[col]);
            } else if (pi != null) {
                int idx = pi;
                sources.add((par, row, obs) -> par[idx]);
            } else {
                throw new PetabException(Kind.INVALID, problem.yamlFile(), c.line(), "condition '" + cid + "' sets '"
                        + c.target() + "' to '" + c.value() + "', but '" + name
                        + "' is neither a parameter of the parameter table nor a model value; add it to the parameter table");
            }
        }
        return new ModelChange(c.target(), new Formula(expr.bind(names::indexOf), sources.toArray(new Source[0])),
                readsModel[0]);
    }

    private Formula formula(String text, PetabObservable o, PetabMeasurement m, Map<String, MathExpr> petabValues,
            boolean noise, String what) throws PetabException {
        MathExpr expr = parse(text, 0);
        List<String> names = new ArrayList<>(expr.identifiers());
        Source[] sources = new Source[names.size()];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = source(names.get(i), o, m, petabValues, noise, what, 0);
        }
        return new Formula(expr.bind(names::indexOf), sources);
    }

    private Source source(String name, PetabObservable o, PetabMeasurement m, Map<String, MathExpr> petabValues,
            boolean noise, String what, int depth) throws PetabException {
        int ph = o.observablePlaceholders().indexOf(name);
        if (ph >= 0) {
            return override(m.observableParameters().get(ph), m, "observableParameters");
        }
        ph = o.noisePlaceholders().indexOf(name);
        if (ph >= 0) {
            return override(m.noiseParameters().get(ph), m, "noiseParameters");
        }
        if (noise && name.equals(o.id())) {
            return (par, row, obs) -> obs;
        }
        MathExpr cond = petabValues.get(name);
        if (cond != null && depth < 8) {
            List<String> names = new ArrayList<>(cond.identifiers());
            Source[] inner = new Source[names.size()];
            for (int i = 0; i < inner.length; i++) {
                inner[i] = source(names.get(i), o, m, petabValues, noise, what, depth + 1);
            }
            Formula f = new Formula(cond.bind(names::indexOf), inner);
            return f::eval;
        }
        if (model.hasId(name)) {
            Integer col = neededIndex.get(name);
            if (col == null) {
                col = needed.size();
                neededIndex.put(name, col);
                needed.add(name);
            }
            int c = col;
            return (par, row, obs) -> row[c];
        }
        Integer pi = parameterIndex.get(name);
        if (pi != null) {
            int idx = pi;
            return (par, row, obs) -> par[idx];
        }
        throw new PetabException(Kind.INVALID, problem.yamlFile(), 0, "the " + what + " uses '" + name
                + "', which is neither a model id, a parameter of the parameter table, a condition value nor a placeholder"
                + " (measurement line " + m.line() + "); add it to the parameter table or correct the formula");
    }

    private Source override(String value, PetabMeasurement m, String column) throws PetabException {
        Double d = Table.parseNumber(value);
        if (d != null) {
            double v = d;
            return (par, row, obs) -> v;
        }
        Integer pi = parameterIndex.get(value);
        if (pi == null) {
            throw new PetabException(Kind.INVALID, problem.yamlFile(), 0, "measurement line " + m.line() + ": " + column
                    + " names '" + value + "', which is not in the parameter table; add it there");
        }
        int idx = pi;
        return (par, row, obs) -> par[idx];
    }

    // ---- evaluation ----

    private ObjectiveValue evaluateLinear(double[] lin, BooleanSupplier cancelled) throws PetabException {
        Map<String, Double> base = new HashMap<>();
        for (Map.Entry<String, Integer> e : baseModelParameters.entrySet()) {
            base.put(e.getKey(), lin[e.getValue()]);
        }
        Map<String, double[]> preequilibrated = new HashMap<>();
        int n = points.size();
        double[][] pointRows = new double[n][];
        for (int p = 0; p < plans.size(); p++) {
            Map<String, double[]> byTime = runPlan(plans.get(p), lin, base, preequilibrated, cancelled);
            for (int i = 0; i < n; i++) {
                Point pt = points.get(i);
                if (pt.plan == p) {
                    pointRows[i] = byTime.get(pt.period + "@" + pt.time);
                }
            }
        }
        double[] sims = new double[n];
        double[] sigmas = new double[n];
        double[] res = new double[n];
        double[] terms = new double[n];
        for (int i = 0; i < n; i++) {
            Point pt = points.get(i);
            double y = pt.observable.eval(lin, pointRows[i], Double.NaN);
            double sigma = pt.noise.eval(lin, pointRows[i], y);
            sims[i] = y;
            sigmas[i] = sigma;
            res[i] = pt.noise2.residual(y, pt.measurement, sigma);
            terms[i] = pt.noise2.logLikelihood(y, pt.measurement, sigma);
        }
        return new ObjectiveValue(problem.measurements(), sims, sigmas, res, terms);
    }

    /** Runs one experiment; returns the needed model values per "period@time". */
    private Map<String, double[]> runPlan(Plan plan, double[] lin, Map<String, Double> base,
            Map<String, double[]> preequilibrated, BooleanSupplier cancelled) throws PetabException {
        Map<String, double[]> out = new HashMap<>();
        double[] state = null; // carried values at the start of the current period, before its changes
        int np = plan.periods.size();
        for (int k = 0; k < np; k++) {
            Period q = plan.periods.get(k);
            boolean hasNext = k + 1 < np;
            try {
                if (q.preequilibration && preequilibrated.containsKey(q.key)) {
                    state = preequilibrated.get(q.key);
                    continue;
                }
                Simulation sim = model.newSimulation().withStartTime(q.start);
                if (state == null) {
                    sim = sim.withValues(base);
                } else {
                    Map<String, Double> values = new HashMap<>(carry.size() * 2);
                    for (int c = 0; c < carry.size(); c++) {
                        values.put(carry.get(c), state[c]);
                    }
                    sim = sim.withValues(values);
                }
                if (!q.changes.isEmpty()) {
                    double[] before = state;
                    if (before == null && q.changes.stream().anyMatch(ModelChange::readsModel)) {
                        TimeCourse t0 = sim.run(new double[] {q.start}, carryOutputs, options, cancelled);
                        before = row(t0, 0, 0, carry.size());
                    }
                    Map<String, Double> changed = new HashMap<>();
                    for (ModelChange c : q.changes) {
                        changed.put(c.target, c.value.eval(lin, before, Double.NaN));
                    }
                    sim = sim.withValues(changed);
                }
                if (q.preequilibration) {
                    SteadyState ss = sim.steadyState(carryOutputs, options, cancelled);
                    state = ss.values();
                    preequilibrated.put(q.key, state);
                    continue;
                }
                double next = hasNext ? plan.periods.get(k + 1).start : Double.NaN;
                double[] times = q.times;
                if (hasNext) {
                    times = Arrays.copyOf(q.times, q.times.length + 1);
                    times[times.length - 1] = next;
                }
                if (times.length > 0) {
                    List<Output> outs = hasNext ? allOutputs : neededOutputs;
                    TimeCourse tc = sim.run(times, outs, options, cancelled);
                    for (int r = 0; r < q.times.length; r++) {
                        out.put(k + "@" + q.times[r], row(tc, r, 0, needed.size()));
                    }
                    if (hasNext) {
                        state = row(tc, times.length - 1, needed.size(), carry.size());
                    }
                }
                if (q.steadyStateMeasured) {
                    SteadyState ss = sim.steadyState(neededOutputs, options, cancelled);
                    out.put(k + "@" + Double.POSITIVE_INFINITY, ss.values());
                }
            } catch (SimulationException e) {
                throw new PetabException(Kind.NUMERICAL,
                        problem.yamlFile(), 0, "experiment '" + plan.experimentId + "'"
                                + (q.preequilibration ? " (pre-equilibration)" : " (period from t=" + q.start + ")")
                                + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static double[] row(TimeCourse tc, int r, int from, int count) {
        double[] v = new double[count];
        for (int c = 0; c < count; c++) {
            v[c] = tc.value(r, from + c);
        }
        return v;
    }
}
