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
import org.mtorworkbench.simulation.SensitivityParameter;
import org.mtorworkbench.simulation.SensitivityResult;
import org.mtorworkbench.simulation.Sensitivities;
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

    /**
     * Where the value of an identifier in a formula comes from, and its derivative with respect to
     * the estimated parameters (arrays of one entry per estimated parameter; null where zero).
     */
    private interface Source {
        double get(double[] parameters, double[] modelRow, double observable);

        /** Adds {@code scale} times the gradient of this value to {@code out}. */
        void addGradient(Derivatives d, double[] parameters, double[] modelRow, double observable, double scale,
                double[] out);
    }

    /** The derivatives a formula's values have: of the linear parameters, the model values and the observable. */
    private record Derivatives(double[][] parameters, double[][] modelRow, double[] observable) {
    }

    private static void addScaled(double[] g, double scale, double[] out) {
        if (g != null) {
            for (int k = 0; k < out.length; k++) {
                out[k] += scale * g[k];
            }
        }
    }

    private record Constant(double value) implements Source {
        @Override
        public double get(double[] par, double[] row, double obs) {
            return value;
        }

        @Override
        public void addGradient(Derivatives d, double[] par, double[] row, double obs, double scale, double[] out) {
        }
    }

    private record TableParameter(int index) implements Source {
        @Override
        public double get(double[] par, double[] row, double obs) {
            return par[index];
        }

        @Override
        public void addGradient(Derivatives d, double[] par, double[] row, double obs, double scale, double[] out) {
            addScaled(d.parameters[index], scale, out);
        }
    }

    private record ModelValue(int column) implements Source {
        @Override
        public double get(double[] par, double[] row, double obs) {
            return row[column];
        }

        @Override
        public void addGradient(Derivatives d, double[] par, double[] row, double obs, double scale, double[] out) {
            addScaled(d.modelRow[column], scale, out);
        }
    }

    private record ObservableValue() implements Source {
        @Override
        public double get(double[] par, double[] row, double obs) {
            return obs;
        }

        @Override
        public void addGradient(Derivatives d, double[] par, double[] row, double obs, double scale, double[] out) {
            addScaled(d.observable, scale, out);
        }
    }

    /** A formula bound to its sources. */
    private record Formula(MathExpr expr, Source[] sources) implements Source {
        double eval(double[] parameters, double[] modelRow, double observable) {
            double[] v = new double[sources.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = sources[i].get(parameters, modelRow, observable);
            }
            return expr.eval(v);
        }

        @Override
        public double get(double[] par, double[] row, double obs) {
            return eval(par, row, obs);
        }

        /**
         * The chain rule: each input's partial derivative (a central difference of the formula in that
         * input, relative step 1e-6, exact to about 1e-10 for smooth formulas) times the input's gradient.
         */
        @Override
        public void addGradient(Derivatives d, double[] par, double[] row, double obs, double scale, double[] out) {
            double[] v = new double[sources.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = sources[i].get(par, row, obs);
            }
            for (int i = 0; i < v.length; i++) {
                if (sources[i] instanceof Constant) {
                    continue;
                }
                double x = v[i];
                double h = x != 0 && Double.isFinite(x) ? 1e-6 * Math.abs(x) : 1e-8;
                v[i] = x + h;
                double up = expr.eval(v);
                v[i] = x - h;
                double down = expr.eval(v);
                v[i] = x;
                double partial = (up - down) / (2 * h);
                if (partial != 0) {
                    sources[i].addGradient(d, par, row, obs, scale * partial, out);
                }
            }
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
        return evaluateLinear(nominal, null, () -> false);
    }

    /**
     * Evaluates at a vector of the estimated parameters on their parameter scales.
     *
     * @throws IllegalArgumentException if the vector's length is not the number of estimated parameters
     */
    public ObjectiveValue evaluate(double[] scaled, BooleanSupplier cancelled) throws PetabException {
        return evaluate(scaled, false, cancelled);
    }

    /**
     * Evaluates at a vector of the estimated parameters on their parameter scales and, when
     * {@code gradient} is true, the derivatives with respect to them (on the parameter scale):
     * {@link ObjectiveValue#gradient()}, {@link ObjectiveValue#residualJacobian()} and
     * {@link ObjectiveValue#sigmaJacobian()}, from the engine's forward sensitivities of every
     * experiment (steady-state sensitivities for pre-equilibration) and the chain rule through
     * condition, observable and noise formulas, overrides and parameter scales.
     *
     * @throws IllegalArgumentException if the vector's length is not the number of estimated parameters
     * When the sensitivities do not cover a construct of the model (an event whose trigger depends
     * on the state, say) the derivatives come from {@link #evaluateByDifferences} instead.
     *
     * @throws PetabException NUMERICAL when a simulation fails
     */
    public ObjectiveValue evaluate(double[] onParameterScale, boolean gradient, BooleanSupplier cancelled)
            throws PetabException {
        if (onParameterScale.length != estimated.length) {
            throw new IllegalArgumentException("expected " + estimated.length + " parameter values, got "
                    + onParameterScale.length);
        }
        double[] lin = nominal.clone();
        for (int k = 0; k < estimated.length; k++) {
            int i = estimated[k];
            lin[i] = problem.parameters().get(parameterTable.get(i)).scale().fromScale(onParameterScale[k]);
        }
        if (!gradient) {
            return evaluateLinear(lin, null, cancelled);
        }
        try {
            return evaluateLinear(lin, scaleDerivatives(lin), cancelled);
        } catch (PetabException e) {
            if (e.kind() != PetabException.Kind.UNSUPPORTED) {
                throw e;
            }
            // a construct the sensitivities do not cover (named in e): the derivatives by differences instead
            return evaluateByDifferences(onParameterScale, cancelled);
        }
    }

    /** @return per parameter-table entry d linear value / d theta (null for fixed parameters) */
    private double[][] scaleDerivatives(double[] lin) {
        double[][] dlin = new double[lin.length][];
        for (int k = 0; k < estimated.length; k++) {
            int i = estimated[k];
            dlin[i] = new double[estimated.length];
            dlin[i][k] = switch (problem.parameters().get(parameterTable.get(i)).scale()) {
            case LIN -> 1;
            case LOG -> lin[i];
            case LOG10 -> lin[i] * Math.log(10);
            };
        }
        return dlin;
    }

    /**
     * @return the estimated parameters on their parameter scales, in {@link #parameterIds()} order:
     *         the given linear values, the nominal ones for the others
     * @throws IllegalArgumentException naming an id that is not in the parameter table
     */
    public double[] onParameterScale(Map<String, Double> linearValues) {
        double[] lin = linear(linearValues);
        double[] out = new double[estimated.length];
        for (int k = 0; k < estimated.length; k++) {
            int i = estimated[k];
            out[k] = problem.parameters().get(parameterTable.get(i)).scale().toScale(lin[i]);
        }
        return out;
    }

    /**
     * Evaluates at a vector of the estimated parameters on their parameter scales with the
     * derivatives of the log-likelihood, the residuals and the sigmas with respect to them by
     * central finite differences on the parameter scale ({@link FiniteDifferences}, 2 evaluations
     * per parameter, one-sided at a bound): the check of the sensitivity-based derivatives of
     * {@link #evaluate(double[], boolean, BooleanSupplier)} and its fallback.
     *
     * @throws IllegalArgumentException if the vector's length is not the number of estimated parameters
     */
    public ObjectiveValue evaluateByDifferences(double[] onParameterScale, BooleanSupplier cancelled)
            throws PetabException {
        ObjectiveValue value = evaluate(onParameterScale, false, cancelled);
        double[] steps = new double[estimated.length];
        for (int k = 0; k < estimated.length; k++) {
            ParameterScale scale = problem.parameters().get(parameterTable.get(estimated[k])).scale();
            steps[k] = FiniteDifferences.step(onParameterScale[k], scale != ParameterScale.LIN);
        }
        FiniteDifferences.Derivatives d = FiniteDifferences.derivatives(onParameterScale, scaledBounds(true),
                scaledBounds(false), value, x -> evaluate(x, false, cancelled), steps);
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
        return evaluate(linearValues, false, cancelled);
    }

    /**
     * Evaluates with some parameters given linear values, as {@link #evaluate(Map, BooleanSupplier)},
     * and with {@code gradient} the derivatives with respect to the estimated parameters on their
     * parameter scales, as {@link #evaluate(double[], boolean, BooleanSupplier)}.
     */
    public ObjectiveValue evaluate(Map<String, Double> linearValues, boolean gradient, BooleanSupplier cancelled)
            throws PetabException {
        double[] lin = linear(linearValues);
        return evaluateLinear(lin, gradient ? scaleDerivatives(lin) : null, cancelled);
    }

    private double[] linear(Map<String, Double> linearValues) {
        double[] lin = nominal.clone();
        for (Map.Entry<String, Double> e : linearValues.entrySet()) {
            Integer i = parameterIndex.get(e.getKey());
            if (i == null) {
                throw new IllegalArgumentException("'" + e.getKey() + "' is not in the parameter table");
            }
            lin[i] = e.getValue();
        }
        return lin;
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
                sources.add(new ModelValue(col));
            } else if (pi != null) {
                int idx = pi;
                sources.add(new TableParameter(idx));
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
            return new ObservableValue();
        }
        MathExpr cond = petabValues.get(name);
        if (cond != null && depth < 8) {
            List<String> names = new ArrayList<>(cond.identifiers());
            Source[] inner = new Source[names.size()];
            for (int i = 0; i < inner.length; i++) {
                inner[i] = source(names.get(i), o, m, petabValues, noise, what, depth + 1);
            }
            return new Formula(cond.bind(names::indexOf), inner);
        }
        if (model.hasId(name)) {
            Integer col = neededIndex.get(name);
            if (col == null) {
                col = needed.size();
                neededIndex.put(name, col);
                needed.add(name);
            }
            return new ModelValue(col);
        }
        Integer pi = parameterIndex.get(name);
        if (pi != null) {
            return new TableParameter(pi);
        }
        throw new PetabException(Kind.INVALID, problem.yamlFile(), 0, "the " + what + " uses '" + name
                + "', which is neither a model id, a parameter of the parameter table, a condition value nor a placeholder"
                + " (measurement line " + m.line() + "); add it to the parameter table or correct the formula");
    }

    private Source override(String value, PetabMeasurement m, String column) throws PetabException {
        Double d = Table.parseNumber(value);
        if (d != null) {
            return new Constant(d);
        }
        Integer pi = parameterIndex.get(value);
        if (pi == null) {
            throw new PetabException(Kind.INVALID, problem.yamlFile(), 0, "measurement line " + m.line() + ": " + column
                    + " names '" + value + "', which is not in the parameter table; add it there");
        }
        return new TableParameter(pi);
    }

    // ---- evaluation ----

    /** Values, and with a gradient their derivatives (one array per value, of one entry per estimated parameter). */
    private record Values(double[] values, double[][] derivatives) {
    }

    /**
     * @param dlin null for the objective alone, else per parameter-table entry its linear value's
     *        derivative with respect to the estimated parameters (null for fixed ones)
     */
    private ObjectiveValue evaluateLinear(double[] lin, double[][] dlin, BooleanSupplier cancelled) throws PetabException {
        Map<String, Double> base = new HashMap<>();
        for (Map.Entry<String, Integer> e : baseModelParameters.entrySet()) {
            base.put(e.getKey(), lin[e.getValue()]);
        }
        Map<String, Values> preequilibrated = new HashMap<>();
        int n = points.size();
        int np = estimated.length;
        Values[] pointRows = new Values[n];
        for (int p = 0; p < plans.size(); p++) {
            Map<String, Values> byTime = runPlan(plans.get(p), lin, dlin, base, preequilibrated, cancelled);
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
        double[][] dres = dlin == null ? null : new double[n][];
        double[][] dsigma = dlin == null ? null : new double[n][];
        double[] grad = dlin == null ? null : new double[np];
        for (int i = 0; i < n; i++) {
            Point pt = points.get(i);
            double[] row = pointRows[i].values;
            double y = pt.observable.eval(lin, row, Double.NaN);
            double sigma = pt.noise.eval(lin, row, y);
            sims[i] = y;
            sigmas[i] = sigma;
            res[i] = pt.noise2.residual(y, pt.measurement, sigma);
            terms[i] = pt.noise2.logLikelihood(y, pt.measurement, sigma);
            if (dlin != null) {
                double[] dy = new double[np];
                pt.observable.addGradient(new Derivatives(dlin, pointRows[i].derivatives, null), lin, row, Double.NaN, 1, dy);
                double[] ds = new double[np];
                pt.noise.addGradient(new Derivatives(dlin, pointRows[i].derivatives, dy), lin, row, y, 1, ds);
                double slope = switch (pt.noise2.transformation()) {
                case LIN -> 1;
                case LOG -> 1 / y;
                case LOG10 -> 1 / (y * Math.log(10));
                };
                double r = res[i];
                double[] dr = new double[np];
                // llh term: -log(sigma) - r^2/2 (normal) or -log(2 sigma) - |r| (Laplace).
                double dTermDr = pt.noise2.distribution() == NoiseModel.Distribution.NORMAL ? -r : -Math.signum(r);
                for (int k = 0; k < np; k++) {
                    dr[k] = (slope * dy[k] - r * ds[k]) / sigma;
                    grad[k] += -ds[k] / sigma + dTermDr * dr[k];
                }
                dres[i] = dr;
                dsigma[i] = ds;
            }
        }
        if (dlin == null) {
            return new ObjectiveValue(problem.measurements(), sims, sigmas, res, terms);
        }
        return new ObjectiveValue(problem.measurements(), sims, sigmas, res, terms, grad, dres, dsigma);
    }

    /** The sensitivity parameters of a run: one per estimated parameter that moves one of its start values. */
    private static List<SensitivityParameter> directions(Map<String, double[]> dvalues, int np, List<Integer> used) {
        List<SensitivityParameter> out = new ArrayList<>();
        for (int k = 0; k < np; k++) {
            Map<String, Double> d = new LinkedHashMap<>();
            for (Map.Entry<String, double[]> e : dvalues.entrySet()) {
                if (e.getValue() != null && e.getValue()[k] != 0) {
                    d.put(e.getKey(), e.getValue()[k]);
                }
            }
            if (!d.isEmpty()) {
                used.add(k);
                out.add(new SensitivityParameter("theta" + k, d));
            }
        }
        return out;
    }

    /** Values of a result's row from column {@code from} on, and their derivatives on the estimated parameters. */
    private static Values values(SensitivityResult r, int row, int from, int count, List<Integer> used, int np) {
        double[] v = new double[count];
        double[][] d = new double[count][];
        for (int c = 0; c < count; c++) {
            v[c] = r.value(row, from + c);
            double[] g = new double[np];
            for (int j = 0; j < used.size(); j++) {
                g[used.get(j)] = r.derivative(row, from + c, j);
            }
            d[c] = g;
        }
        return new Values(v, d);
    }

    /** Runs one experiment; returns the needed model values (and derivatives) per "period@time". */
    private Map<String, Values> runPlan(Plan plan, double[] lin, double[][] dlin, Map<String, Double> base,
            Map<String, Values> preequilibrated, BooleanSupplier cancelled) throws PetabException {
        Map<String, Values> out = new HashMap<>();
        boolean gradient = dlin != null;
        int nest = estimated.length;
        Values state = null; // carried values at the start of the current period, before its changes
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
                // With a gradient: each start value's derivatives on the estimated parameters.
                Map<String, double[]> dvalues = new HashMap<>();
                if (state == null) {
                    sim = sim.withValues(base);
                    if (gradient) {
                        for (Map.Entry<String, Integer> e : baseModelParameters.entrySet()) {
                            dvalues.put(e.getKey(), dlin[e.getValue()]);
                        }
                    }
                } else {
                    Map<String, Double> values = new HashMap<>(carry.size() * 2);
                    for (int c = 0; c < carry.size(); c++) {
                        values.put(carry.get(c), state.values[c]);
                        if (gradient) {
                            dvalues.put(carry.get(c), state.derivatives[c]);
                        }
                    }
                    sim = sim.withValues(values);
                }
                if (!q.changes.isEmpty()) {
                    Values before = state;
                    if (before == null && q.changes.stream().anyMatch(ModelChange::readsModel)) {
                        before = gradient ? startValues(sim, dvalues, q.start, cancelled)
                                : new Values(row(sim.run(new double[] {q.start}, carryOutputs, options, cancelled), 0, 0,
                                        carry.size()), null);
                    }
                    Map<String, Double> changed = new HashMap<>();
                    double[] beforeValues = before == null ? null : before.values;
                    for (ModelChange c : q.changes) {
                        changed.put(c.target, c.value.eval(lin, beforeValues, Double.NaN));
                        if (gradient) {
                            double[] g = new double[nest];
                            c.value.addGradient(new Derivatives(dlin, before == null ? null : before.derivatives, null),
                                    lin, beforeValues, Double.NaN, 1, g);
                            dvalues.put(c.target, g);
                        }
                    }
                    sim = sim.withValues(changed);
                }
                List<Integer> used = new ArrayList<>();
                Sensitivities sens = gradient ? Sensitivities.of(directions(dvalues, nest, used)) : null;
                if (q.preequilibration) {
                    if (gradient) {
                        state = values(sens.steadyState(sim, carryOutputs, options, cancelled), 0, 0, carry.size(), used,
                                nest);
                    } else {
                        state = new Values(sim.steadyState(carryOutputs, options, cancelled).values(), null);
                    }
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
                    if (gradient) {
                        SensitivityResult tc = sens.timeCourse(sim, times, outs, options, cancelled);
                        for (int r = 0; r < q.times.length; r++) {
                            out.put(k + "@" + q.times[r], values(tc, r, 0, needed.size(), used, nest));
                        }
                        if (hasNext) {
                            state = values(tc, times.length - 1, needed.size(), carry.size(), used, nest);
                        }
                    } else {
                        TimeCourse tc = sim.run(times, outs, options, cancelled);
                        for (int r = 0; r < q.times.length; r++) {
                            out.put(k + "@" + q.times[r], new Values(row(tc, r, 0, needed.size()), null));
                        }
                        if (hasNext) {
                            state = new Values(row(tc, times.length - 1, needed.size(), carry.size()), null);
                        }
                    }
                }
                if (q.steadyStateMeasured) {
                    out.put(k + "@" + Double.POSITIVE_INFINITY, gradient
                            ? values(sens.steadyState(sim, neededOutputs, options, cancelled), 0, 0, needed.size(), used, nest)
                            : new Values(sim.steadyState(neededOutputs, options, cancelled).values(), null));
                }
            } catch (SimulationException e) {
                throw new PetabException(e.kind() == SimulationException.Kind.UNSUPPORTED ? Kind.UNSUPPORTED
                        : Kind.NUMERICAL, problem.yamlFile(), 0, "experiment '" + plan.experimentId + "'"
                                + (q.preequilibration ? " (pre-equilibration)" : " (period from t=" + q.start + ")")
                                + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** The carried values at a period's start, before its changes, with their derivatives. */
    private Values startValues(Simulation sim, Map<String, double[]> dvalues, double start, BooleanSupplier cancelled)
            throws SimulationException {
        List<Integer> used = new ArrayList<>();
        SensitivityResult r = Sensitivities.of(directions(dvalues, estimated.length, used)).timeCourse(sim,
                new double[] {start}, carryOutputs, options, cancelled);
        return values(r, 0, 0, carry.size(), used, estimated.length);
    }

    private static double[] row(TimeCourse tc, int r, int from, int count) {
        double[] v = new double[count];
        for (int c = 0; c < count; c++) {
            v[c] = tc.value(r, from + c);
        }
        return v;
    }
}
