package org.mtorworkbench.simulation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SimulationException.Kind;
import org.mtorworkbench.simulation.extension.Integrator;
import org.mtorworkbench.simulation.extension.IntegratorSettings;
import org.mtorworkbench.simulation.extension.SolverProvider;

/**
 * Runs one simulation of a compiled model: initial values, integration between output
 * times, event detection (by bisection on the dense output), delayed, prioritised and
 * non-persistent events. One engine per run; not thread-safe.
 */
public final class Engine {

    /** Solver settings, already validated. */
    public record Settings(SolverProvider solver, double rtol, double atol, double initialStep, double maxStep,
            long maxSteps, boolean scaleAtol) {
    }

    private record Pending(int event, double time, double[] values, long seq) {
    }

    private final ModelLayout layout;
    private final ModelCode code;
    final double[] v;
    private final double[] y;
    private final double[] trig;
    private final double[] roots;
    private final double[] rootStart;
    /** Breaks ties between simultaneous events of equal priority at random, reproducibly. */
    private final java.util.SplittableRandom random = new java.util.SplittableRandom(20260427L);
    private final boolean[] prev;
    private final List<Pending> pending = new ArrayList<>();
    private long seq;
    private final Rhs rhs;
    private Stepper stepper;
    private Stepper bdf;
    private final Settings settings;
    /** The absolute tolerance the integrators use: the option's, scaled to the model's magnitude if asked. */
    private final double atol;
    /** The state's past, for delay csymbols; null when the model has none. */
    private final DelayHistory history;
    /** How many delays deep the history's horizon reaches (nested delays look further back). */
    private static final int DELAY_DEPTH = 3;
    /**
     * Discontinuities that constant delays propagate from the start time and the times at which
     * the model switches on time alone ({@link TimeSwitches}), in increasing order.
     */
    private double[] breakpoints = new double[0];
    /** Where the integration restarts after each breakpoint: the same time, or the next double (a time switch). */
    private double[] restarts = new double[0];
    private int nextBreak;
    private long steps;
    private long rejected;
    private long lus;
    private long eventsFired;
    /** Forward sensitivities integrated with this run, or null. */
    private ForwardSensitivity sensitivity;

    public Engine(ModelLayout layout, double[] p0, boolean[] ov, double t0, Settings settings) throws SimulationException {
        this.layout = layout;
        boolean delayed = layout.delays.count() > 0;
        // A model with delays gets its own instance of the generated code, bound to this run's history.
        this.code = delayed ? layout.code.newInstance() : layout.code;
        this.settings = settings;
        if (delayed) {
            history = new DelayHistory(layout, code, p0.clone(), ov.clone(), t0, DELAY_DEPTH * layout.delays.horizon());
            code.bind(history);
        } else {
            history = null;
        }
        int n = layout.symbolCount();
        v = new double[n];
        v[0] = t0;
        code.init(v, p0, ov);
        if (layout.algebraicVars.length > 0) {
            solveInitialAlgebraic(p0, ov);
        }
        y = new double[layout.stateCount()];
        loadState();
        rhs = new Rhs(layout, code, v);
        if (layout.rateSymbols.length > 0) {
            // Initial values that use rateOf need the rates at the start: evaluate them, then initialise again.
            rhs.update(t0, y);
            code.init(v, p0, ov);
            if (layout.algebraicVars.length > 0) {
                solveInitialAlgebraic(p0, ov);
            }
            loadState();
        }
        for (int k = 0; k < y.length; k++) {
            if (!Double.isFinite(y[k])) {
                throw new SimulationException(Kind.INVALID_MODEL, "the initial value of '"
                        + layout.ids[layout.stateSymbol[k]] + "' is " + y[k]
                        + "; give it a value or an initial assignment");
            }
        }
        atol = settings.scaleAtol ? scaledTolerance(settings.atol, y) : settings.atol;
        trig = new double[layout.eventCount()];
        roots = new double[layout.rootCount];
        rootStart = new double[layout.rootCount];
        prev = new boolean[layout.eventCount()];
        for (int e = 0; e < prev.length; e++) {
            prev[e] = layout.eventInitialValue[e];
        }
        rhs.update(t0, y);
    }

    /**
     * Makes the initial values satisfy the algebraic rules: their variables are treated as
     * overridden initial values and found by Newton's method on the rules, evaluated after the
     * whole initialisation (so values computed from them, such as concentrations in a compartment
     * whose size a rule determines, follow).
     */
    private void solveInitialAlgebraic(double[] p0, boolean[] ov) {
        // The fast reactions' extents start at zero: the initial values are what equilibrates.
        int[] vars = java.util.Arrays.copyOf(layout.algebraicVars, layout.algebraicVars.length - layout.fastExtents);
        if (vars.length == 0) {
            return;
        }
        double[] all = new double[layout.algebraicVars.length];
        double[] q = p0.clone();
        boolean[] o = ov.clone();
        for (int s : vars) {
            if (!o[s]) {
                o[s] = true;
                q[s] = Double.isFinite(v[s]) ? v[s] : 1.0;
            }
        }
        new AlgebraicNewton(vars).solve(q, out -> {
            code.init(v, q, o);
            code.algebraic(v, all);
            System.arraycopy(all, 0, out, 0, out.length);
        });
    }

    /**
     * The absolute tolerance for a model of the magnitude of {@code y0}: {@code atol} times the
     * largest initial magnitude when that is below 1 (and not zero), else {@code atol}. An error
     * test whose absolute tolerance exceeds every amount of the model tests nothing: the steps
     * are then limited only by stability, and on a stiff model of tiny amounts (BIOMD0000000002,
     * amounts near 1e-21 mol) the integration goes wrong or fails.
     */
    static double scaledTolerance(double atol, double[] y0) {
        double m = 0;
        for (double x : y0) {
            m = Math.max(m, Math.abs(x));
        }
        return m > 0 && m < 1 ? Math.max(atol * m, Double.MIN_NORMAL) : atol;
    }

    /** @return the relative tolerance of the integration */
    public double relativeTolerance() {
        return settings.rtol;
    }

    /** @return the absolute tolerance the integration uses (see {@link #scaledTolerance}) */
    public double absoluteTolerance() {
        return atol;
    }

    /** Sets the state from the symbol values: species amounts from concentrations where needed. */
    private void loadState() {
        for (int k = 0; k < y.length; k++) {
            int s = layout.stateSymbol[k];
            double x = v[s];
            if (layout.stateIsAmount[k] && !layout.onlySubstanceUnits[s]) {
                x *= v[layout.speciesCompartment[s]];
            }
            y[k] = x;
        }
    }

    /** The symbol values at the current time (read-only use). */
    public double[] values() {
        return v;
    }

    public double[] state() {
        return y;
    }

    /** Integrates the given forward sensitivities along with the state (by the engine's BDF, whatever the solver). */
    void attach(ForwardSensitivity s) {
        this.sensitivity = s;
    }

    /** The integrator of a solver, the engine's own used directly, a contributed one behind an adapter. */
    private Stepper newStepper(SolverProvider p) {
        Settings s = settings;
        double maxStep = s.maxStep;
        for (double d : layout.delays.constants()) {
            // A step no longer than the shortest delay reads only the stored past, never its own future.
            maxStep = Math.min(maxStep, d);
        }
        if (sensitivity != null) {
            Bdf b = new Bdf(rhs, s.rtol, atol, s.initialStep, maxStep, s.maxSteps);
            b.attach(sensitivity);
            sensitivity.follow(b);
            return b;
        }
        Integrator i = p.create(new RhsSystem(rhs, atol / s.rtol),
                new IntegratorSettings(s.rtol, atol, s.initialStep, maxStep, s.maxSteps));
        if (i == null) {
            throw new IllegalStateException("solver " + p.id() + " created no integrator");
        }
        return i instanceof Stepper own ? own : new ContributedStepper(rhs, i, s.rtol, atol, s.initialStep,
                maxStep, s.maxSteps);
    }

    /**
     * Integrates over the output times, calling {@code sink} at each.
     *
     * @param times increasing output times; the first is the start time
     */
    public void run(double[] times, Sink sink, BooleanSupplier cancelled) throws SimulationException {
        try {
            integrate(times, sink, cancelled);
        } catch (DelayHistory.NegativeDelay e) {
            throw new SimulationException(Kind.INVALID_MODEL, e.getMessage());
        }
    }

    private void integrate(double[] times, Sink sink, BooleanSupplier cancelled) throws SimulationException {
        double t = times[0];
        double tEnd = times[times.length - 1];
        rhs.update(t, y);
        handleEvents(t);
        saveRoots();
        int next = 0;
        while (next < times.length && times[next] <= t) {
            sink.record(next++, times[next - 1], v);
        }
        if (next >= times.length) {
            return;
        }
        if (history != null) {
            rhs.update(t, y);
            history.restart(t, y, v, rhs);
            breakpoints = DelayBreakpoints.from(t, tEnd, layout.delays.constants());
            nextBreak = 0;
        }
        // Rates that switch on time alone: the integration stops and restarts exactly at the switch times.
        TimeSwitches.Breaks breaks = TimeSwitches.Breaks.at(breakpoints).merge(layout.timeSwitches.between(v, t, tEnd));
        breakpoints = breaks.stops();
        restarts = breaks.restarts();
        nextBreak = 0;
        stepper = newStepper(settings.solver);
        stepper.reset(t, y, tEnd);
        double[] yi = new double[y.length];
        long loops = 0;
        while (next < times.length) {
            if (++loops > settings.maxSteps) {
                throw new SimulationException(Kind.TOO_MANY_STEPS, "more than " + settings.maxSteps
                        + " steps before time " + stepper.t() + "; raise the maximum number of steps");
            }
            if (cancelled.getAsBoolean()) {
                throw new SimulationException(Kind.CANCELLED, "cancelled at time " + stepper.t());
            }
            double tStop = tEnd;
            for (Pending p : pending) {
                tStop = Math.min(tStop, p.time);
            }
            while (nextBreak < breakpoints.length && breakpoints[nextBreak] <= stepper.t()) {
                nextBreak++;
            }
            if (nextBreak < breakpoints.length) {
                tStop = Math.min(tStop, breakpoints[nextBreak]);
            }
            if (tStop <= stepper.t()) {
                tStop = stepper.t();
            } else {
                stepper.step(tStop);
                if (stepper != bdf && stepper.wantsStiffSolver()) {
                    // The stiff method takes over where the explicit one stopped, after the outputs below.
                    switchPending = true;
                }
            }
            double t1 = stepper.t();
            double t0s = stepper.tPrev();
            double[] ys = stepper.y();
            if (history != null && t1 > t0s) {
                history.add(t1, ys, rhs, stepper);
            }
            // At a discontinuity a delay propagates, the integrator restarts as after an event.
            boolean atBreak = nextBreak < breakpoints.length && t1 == breakpoints[nextBreak];
            boolean changed = false;
            double tEvent = t1;
            // Past a time switch the run restarts at the first time on the switch's new side.
            double tRestart = atBreak ? restarts[nextBreak] : t1;
            if (trig.length > 0 && t1 > t0s) {
                rhs.update(t1, ys);
                code.triggers(v, trig);
                double lo = t0s;
                double hi = t1;
                if (triggersChanged()) {
                    changed = true;
                } else if (rootCrossed()) {
                    // A comparison in a trigger crossed over within the step although the triggers agree at
                    // both ends: find the first crossing and see whether a trigger is true just after it.
                    hi = bisect(lo, hi, yi, this::rootCrossed);
                    stepper.interpolate(hi, yi);
                    rhs.update(hi, yi);
                    code.triggers(v, trig);
                    if (triggersChanged()) {
                        changed = true;
                        tEvent = hi;
                    }
                    hi = t1;
                }
                if (changed && tEvent == t1) {
                    tEvent = bisect(lo, hi, yi, () -> {
                        code.triggers(v, trig);
                        return triggersChanged();
                    });
                }
                if (!changed) {
                    rhs.update(t1, ys);
                    saveRoots();
                }
            }
            boolean shifted = atBreak && !changed && tRestart != t1;
            if (shifted) {
                // Outputs at the restart time are recorded after the events there, on the new side.
                tEvent = tRestart;
            }
            while (next < times.length && (times[next] < tEvent || (!changed && !shifted && times[next] <= tEvent))) {
                if (times[next] == t1 && !changed) {
                    System.arraycopy(ys, 0, yi, 0, yi.length);
                } else {
                    stepper.interpolate(times[next], yi);
                }
                rhs.update(times[next], yi);
                sink.record(next, times[next], v);
                next++;
            }
            boolean dueDelayed = false;
            for (Pending p : pending) {
                if (p.time <= tEvent) {
                    dueDelayed = true;
                }
            }
            if (changed || dueDelayed || switchPending || atBreak) {
                if (changed && tEvent != t1) {
                    stepper.interpolate(tEvent, y);
                } else {
                    System.arraycopy(ys, 0, y, 0, y.length);
                }
                if (history != null) {
                    // The integration is cut back to the event: the past ends there, before the event acts.
                    history.truncate(tEvent);
                    if (tEvent > history.lastTime() && !shifted) {
                        history.add(tEvent, y, rhs, stepper);
                    }
                }
                rhs.update(tEvent, y);
                boolean fired = handleEvents(tEvent);
                saveRoots();
                while (next < times.length && times[next] <= tEvent) {
                    sink.record(next, times[next], v);
                    next++;
                }
                if (next >= times.length) {
                    break;
                }
                if (fired || changed || switchPending || atBreak) {
                    collectStats(stepper);
                    if (switchPending) {
                        bdf = newStepper(BuiltinSolvers.BDF);
                        stepper = bdf;
                        switchPending = false;
                    }
                    if (history != null && (fired || changed)) {
                        rhs.update(tEvent, y);
                        history.restart(tEvent, y, v, rhs);
                    }
                    stepper.reset(tEvent, y, tEnd);
                }
            }
        }
        collectStats(stepper);
        System.arraycopy(stepper.y(), 0, y, 0, y.length);
    }

    private boolean switchPending;

    private void collectStats(Stepper s) {
        if (s == null) {
            return;
        }
        steps += s.steps;
        rejected += s.rejected;
        s.steps = 0;
        s.rejected = 0;
        if (s instanceof Bdf b) {
            lus += b.luCount;
            b.luCount = 0;
        } else if (s instanceof ContributedStepper c) {
            lus += c.takeFactorizations();
        }
    }

    /**
     * Narrows [lo, hi], where {@code crossed} is false at lo and true at hi, to a few ulps by
     * bisection on the dense output. @return the upper end, just past the crossing
     */
    private double bisect(double lo, double hi, double[] yi, BooleanSupplier crossed) {
        for (int it = 0; it < 200 && hi - lo > 4 * Math.ulp(Math.max(Math.abs(hi), 1e-300)); it++) {
            double mid = 0.5 * (lo + hi);
            stepper.interpolate(mid, yi);
            rhs.update(mid, yi);
            if (crossed.getAsBoolean()) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /**
     * @return true if a root function (the difference of a trigger comparison's operands) has
     *         strictly changed sign since the last saved point, so a trigger true only briefly
     *         within a step is not missed; touching zero is not a crossing
     */
    private boolean rootCrossed() {
        code.roots(v, roots);
        for (int r = 0; r < roots.length; r++) {
            if (roots[r] * rootStart[r] < 0) {
                return true;
            }
        }
        return false;
    }

    private void saveRoots() {
        code.roots(v, rootStart);
    }

    private boolean triggersChanged() {
        for (int e = 0; e < trig.length; e++) {
            if ((trig[e] != 0) != prev[e]) {
                return true;
            }
        }
        return false;
    }

    /** Fires events at time t in priority order until none is ready. @return true if any fired */
    private boolean handleEvents(double t) throws SimulationException {
        if (trig.length == 0) {
            return false;
        }
        boolean any = false;
        for (int guard = 0; guard < 100000; guard++) {
            rhs.update(t, y);
            code.triggers(v, trig);
            for (int e = 0; e < trig.length; e++) {
                boolean now = trig[e] != 0;
                if (now && !prev[e]) {
                    double d = layout.eventHasDelay[e] ? code.delay(e, v) : 0;
                    if (d < 0 || Double.isNaN(d)) {
                        throw new SimulationException(Kind.INVALID_MODEL, "event '" + layout.eventIds[e]
                                + "' has the delay " + d + " at time " + t + "; delays must not be negative");
                    }
                    double[] vals = null;
                    if (layout.eventValuesAtTrigger[e]) {
                        vals = new double[layout.eventTargets[e].length];
                        code.eventValues(e, v, vals);
                    }
                    pending.add(new Pending(e, t + d, vals, seq++));
                } else if (!now && !layout.eventPersistent[e]) {
                    final int ev = e;
                    pending.removeIf(p -> p.event == ev);
                }
                prev[e] = now;
            }
            Pending best = null;
            double bestPriority = 0;
            int ties = 0;
            for (Pending p : pending) {
                if (p.time <= t) {
                    double pr = layout.eventHasPriority[p.event] ? code.priority(p.event, v) : Double.NEGATIVE_INFINITY;
                    if (best == null || pr > bestPriority) {
                        best = p;
                        bestPriority = pr;
                        ties = 1;
                    } else if (pr == bestPriority && layout.eventHasPriority[p.event]
                            && random.nextInt(++ties) == 0) {
                        // SBML leaves the order of events with equal priorities open: choose uniformly.
                        best = p;
                    }
                }
            }
            if (best == null) {
                return any;
            }
            pending.remove(best);
            double[] vals = best.values;
            if (vals == null) {
                vals = new double[layout.eventTargets[best.event].length];
                code.eventValues(best.event, v, vals);
            }
            apply(best.event, vals);
            eventsFired++;
            any = true;
        }
        throw new SimulationException(Kind.INVALID_MODEL, "events keep firing at time " + t
                + " without time advancing; check the triggers for a loop");
    }

    /**
     * Executes an event's assignments: species first, so a concentration assigned together with
     * its compartment's size gives the amount at the size before the event; then the rest, where
     * a compartment's new size keeps the amounts of the species in it.
     */
    private void apply(int e, double[] vals) throws SimulationException {
        if (sensitivity != null) {
            sensitivity.jump(e, v[0], vals);
        }
        if (layout.fastExtents > 0) {
            rebaseFastSpecies();
        }
        int[] targets = layout.eventTargets[e];
        for (int pass = 0; pass < 2; pass++) {
            for (int a = 0; a < targets.length; a++) {
                int s = targets[a];
                boolean isSpecies = layout.kinds[s] == ModelLayout.SPECIES;
                if (isSpecies != (pass == 0)) {
                    continue;
                }
                double x = vals[a];
                if (layout.kinds[s] == ModelLayout.COMPARTMENT) {
                    keepAmounts(s, v[s], x);
                }
                v[s] = x;
                int k = layout.symbolState[s];
                if (k >= 0) {
                    if (layout.stateIsAmount[k] && !layout.onlySubstanceUnits[s]) {
                        x *= v[layout.speciesCompartment[s]];
                    }
                    y[k] = x;
                }
            }
        }
        rhs.update(v[0], y);
        if (sensitivity != null) {
            sensitivity.afterJump();
        }
    }

    /**
     * Before an event assigns values, makes the fast reactions' extents zero and the species states
     * their current amounts, so an assignment sets the amount itself and the fast reactions then
     * equilibrate from there, with the stoichiometries they have from now on.
     */
    private void rebaseFastSpecies() {
        int[] vars = layout.algebraicVars;
        for (int j = vars.length - layout.fastExtents; j < vars.length; j++) {
            v[vars[j]] = 0;
        }
        for (int k = 0; k < y.length; k++) {
            int s = layout.stateSymbol[k];
            if (layout.stateIsAmount[k]) {
                y[k] = layout.onlySubstanceUnits[s] ? v[s] : v[s] * v[layout.speciesCompartment[s]];
            }
        }
    }

    /**
     * A compartment's size changes by an event: the species in it whose state is a concentration
     * (a rate rule on a species with substance and volume units) keep their amounts, so their
     * concentrations scale by old / new size. (Species held as amounts need nothing.)
     */
    private void keepAmounts(int compartment, double oldSize, double newSize) {
        if (oldSize == newSize) {
            return;
        }
        for (int s = 0; s < layout.kinds.length; s++) {
            if (layout.kinds[s] != ModelLayout.SPECIES || layout.speciesCompartment[s] != compartment
                    || layout.onlySubstanceUnits[s]) {
                continue;
            }
            int k = layout.symbolState[s];
            if (k >= 0 && !layout.stateIsAmount[k]) {
                y[k] *= oldSize / newSize;
                v[s] = y[k];
            }
        }
    }

    public long steps() {
        return steps;
    }

    public long rejectedSteps() {
        return rejected;
    }

    public long rhsEvaluations() {
        return rhs.evaluations;
    }

    public long jacobianEvaluations() {
        return rhs.jacobians;
    }

    public long luDecompositions() {
        return lus;
    }

    public long eventsFired() {
        return eventsFired;
    }

    public Rhs rhs() {
        return rhs;
    }

    /** Receives the symbol values at each output time. */
    public interface Sink {
        void record(int index, double time, double[] values);
    }
}
