package org.mtorworkbench.simulation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SimulationException.Kind;

/**
 * Exact stochastic simulation of a compiled model (the chemical master equation sampled one
 * trajectory at a time): each step fires one reaction, at an exponentially distributed
 * waiting time, chosen with probability proportional to its propensity, which is the value
 * of its kinetic law with species amounts as molecule counts (SBML's reading of a kinetic law
 * for discrete simulation). Two algorithms, which sample the same process:
 * <ul>
 * <li>Gillespie's direct method (J. Phys. Chem. 81:2340, 1977): the waiting time from the total
 * propensity, the reaction by a second uniform number;</li>
 * <li>Gibson and Bruck's next reaction method (J. Phys. Chem. A 104:1876, 2000): a putative
 * firing time per reaction, the earliest fires, and the others are rescaled
 * {@code tau' = t + (a/a')(tau - t)} when their propensity changes.</li>
 * </ul>
 * The engine drives this stepper like an ODE integrator: between firings the state is constant
 * (what {@link #interpolate} returns), assignment rules are evaluated after every firing, and
 * events are found on their triggers and applied as for continuous runs; after an event the
 * engine restarts the stepper, which draws new waiting times (exact, as waiting times are
 * memoryless). Propensities must stay constant between firings: models whose rates depend on
 * time (directly or through rules), on rate rules, delays, algebraic rules or fast reactions
 * are refused, naming the construct, rather than sampled wrongly. Seeded: the same seed gives
 * the same trajectory. One per run; not thread-safe.
 */
final class StochasticStepper extends Stepper {

    /** The two algorithms. */
    enum Method {
        DIRECT, NEXT_REACTION
    }


    private final Method method;
    private final SplittableRandom random;
    private final ModelLayout layout;
    private final int[] reactions;
    private final double[] a;
    private final double[] tau;
    private final double[] yPrev;
    private final double[] work;
    private final double[] column;
    private int[][] changeIndex;
    private double[][] changeAmount;
    private boolean variableStoichiometry;
    private boolean checked;

    StochasticStepper(Rhs f, Method method, long seed, long maxSteps) {
        super(f, 1e-6, 1e-12, 0, Double.POSITIVE_INFINITY, maxSteps);
        this.method = method;
        this.random = new SplittableRandom(seed);
        this.layout = f.layout();
        List<Integer> rs = new ArrayList<>();
        for (int i = 0; i < layout.symbolCount(); i++) {
            if (layout.kind(i) == ModelLayout.REACTION) {
                rs.add(i);
            }
        }
        this.reactions = rs.stream().mapToInt(Integer::intValue).toArray();
        this.a = new double[reactions.length];
        this.tau = new double[reactions.length];
        this.yPrev = new double[n];
        this.work = new double[layout.symbolCount()];
        this.column = new double[n];
    }

    /**
     * @return why the model cannot be simulated exactly one reaction at a time, or null when
     *         it can: propensities must be constant between reaction firings
     */
    static String notDiscrete(ModelLayout l) {
        if (l.algebraicVars.length > 0) {
            return "it has algebraic rules or fast reactions, which exact stochastic simulation does not define";
        }
        if (l.delays.count() > 0) {
            return "it uses delay csymbols, which make propensities depend on the past";
        }
        if (l.rateSymbols.length > 0) {
            return "it uses rateOf, which has no value between the jumps of a discrete simulation";
        }
        for (int k = 0; k < l.stateCount(); k++) {
            if (!l.stateIsAmount[k]) {
                return "'" + l.ids[l.stateSymbol[k]] + "' changes continuously by a rate rule; exact stochastic "
                        + "simulation needs every propensity constant between reaction firings";
            }
        }
        ModelLayout.Equations s = l.equations;
        boolean[] timed = new boolean[l.symbolCount()];
        timed[0] = true; // symbol 0 is time
        // Update statements are in dependency order; a second pass covers any that are not.
        for (int pass = 0; pass < 2; pass++) {
            for (CodeGenerator.Store st : s.update()) {
                if (st.arr() != Expr.Arr.V || timed[st.index()]) {
                    continue;
                }
                // time itself (the update's argument or symbol 0), a delay, or a value that depends on time
                boolean dep = st.expr().anyMatch(e -> e instanceof Expr.Time || e instanceof DelayedExpr
                        || e instanceof Expr.Load x && x.arr == Expr.Arr.V && x.index < timed.length && timed[x.index]);
                timed[st.index()] = dep;
            }
        }
        for (int i = 0; i < l.symbolCount(); i++) {
            if (l.kinds[i] == ModelLayout.REACTION && timed[i]) {
                return "the rate of reaction '" + l.ids[i] + "' depends on time (directly or through rules); exact "
                        + "stochastic simulation here needs propensities constant between reaction firings";
            }
        }
        return null;
    }

    @Override
    public void reset(double t0, double[] y0, double tEnd) throws SimulationException {
        if (!checked) {
            String why = notDiscrete(layout);
            if (why != null) {
                throw new SimulationException(Kind.UNSUPPORTED, "model '" + layout.modelId()
                        + "' cannot be simulated stochastically: " + why);
            }
            for (CodeGenerator.Store st : layout.equations.update()) {
                int k = st.index();
                if (st.arr() == Expr.Arr.V && (layout.kinds[k] == ModelLayout.SPECIES_REFERENCE
                        || layout.ids[k].contains(".stoichiometry#"))) {
                    variableStoichiometry = true;
                }
            }
            checked = true;
        }
        t = t0;
        tPrev = t0;
        System.arraycopy(y0, 0, y, 0, n);
        f.update(t, y);
        stoichiometry();
        for (int k = 0; k < n; k++) {
            if (!changed(k)) {
                continue;
            }
            double r = Math.rint(y[k]);
            if (!(Math.abs(y[k] - r) <= 1e-6 * Math.max(1, Math.abs(r))) || r < 0) {
                throw new SimulationException(Kind.INVALID_MODEL, "species '" + layout.ids[layout.stateSymbol[k]]
                        + "' has the amount " + y[k] + " at time " + t + ", not a whole number of molecules; "
                        + "exact stochastic simulation counts molecules: give it a whole initial amount");
            }
            y[k] = r;
        }
        System.arraycopy(y, 0, yPrev, 0, n);
        propensities();
        if (method == Method.NEXT_REACTION) {
            for (int j = 0; j < a.length; j++) {
                tau[j] = a[j] > 0 ? t + exponential() / a[j] : Double.POSITIVE_INFINITY;
            }
        }
    }

    private boolean changed(int k) {
        for (int[] idx : changeIndex) {
            for (int i : idx) {
                if (i == k) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The state change of each reaction, from the generated derivatives with unit rates. */
    private void stoichiometry() {
        System.arraycopy(f.v, 0, work, 0, work.length);
        changeIndex = new int[reactions.length][];
        changeAmount = new double[reactions.length][];
        for (int j = 0; j < reactions.length; j++) {
            for (int r : reactions) {
                work[r] = 0;
            }
            work[reactions[j]] = 1;
            f.code.derivs(work, column);
            int count = 0;
            for (double c : column) {
                if (c != 0) {
                    count++;
                }
            }
            changeIndex[j] = new int[count];
            changeAmount[j] = new double[count];
            for (int k = 0, q = 0; k < n; k++) {
                if (column[k] != 0) {
                    changeIndex[j][q] = k;
                    changeAmount[j][q++] = column[k];
                }
            }
        }
    }

    /** Evaluates every propensity at (t, y), checking that each is finite and not negative. */
    private void propensities() throws SimulationException {
        f.update(t, y);
        for (int j = 0; j < reactions.length; j++) {
            double x = f.v[reactions[j]];
            if (!(x >= 0) || x == Double.POSITIVE_INFINITY) {
                throw new SimulationException(x < 0 ? Kind.INVALID_MODEL : Kind.NON_FINITE, "the propensity of "
                        + "reaction '" + layout.ids[reactions[j]] + "' is " + x + " at time " + t
                        + (x < 0 ? "; a propensity must not be negative: write a reversible reaction as two "
                                + "irreversible ones for stochastic simulation" : ""));
            }
            a[j] = x;
        }
    }

    /** @return a unit-rate exponential random number */
    private double exponential() {
        double u;
        do {
            u = random.nextDouble();
        } while (u == 0);
        return -Math.log(u);
    }

    @Override
    public void step(double tStop) throws SimulationException {
        System.arraycopy(y, 0, yPrev, 0, n);
        tPrev = t;
        int fire = -1;
        double tNext;
        if (method == Method.DIRECT) {
            double total = 0;
            for (double x : a) {
                total += x;
            }
            tNext = total > 0 ? t + exponential() / total : Double.POSITIVE_INFINITY;
            if (tNext <= tStop) {
                double r = random.nextDouble() * total;
                double sum = 0;
                for (int j = 0; j < a.length; j++) {
                    if (a[j] > 0) {
                        fire = j;
                        sum += a[j];
                        if (r < sum) {
                            break;
                        }
                    }
                }
            }
        } else {
            tNext = Double.POSITIVE_INFINITY;
            for (int j = 0; j < tau.length; j++) {
                if (tau[j] < tNext) {
                    tNext = tau[j];
                    fire = j;
                }
            }
            if (tNext > tStop) {
                fire = -1;
            }
        }
        if (fire < 0) {
            // No reaction before the stop time: the state holds, and the waiting times stay valid.
            t = tStop;
            return;
        }
        t = tNext;
        if (!(t > tPrev)) {
            throw underflow(t - tPrev);
        }
        int[] idx = changeIndex[fire];
        double[] amt = changeAmount[fire];
        for (int q = 0; q < idx.length; q++) {
            int k = idx[q];
            y[k] += amt[q];
            if (y[k] < 0) {
                throw new SimulationException(Kind.INVALID_MODEL, "reaction '" + layout.ids[reactions[fire]]
                        + "' fired at time " + t + " and left species '" + layout.ids[layout.stateSymbol[k]]
                        + "' at " + y[k] + " molecules; its propensity must vanish when a reactant runs out (as "
                        + "mass action does)");
            }
        }
        countStep();
        if (variableStoichiometry) {
            f.update(t, y);
            stoichiometry();
        }
        if (method == Method.DIRECT) {
            propensities();
            return;
        }
        double[] old = a.clone();
        propensities();
        for (int j = 0; j < a.length; j++) {
            if (j == fire) {
                tau[j] = a[j] > 0 ? t + exponential() / a[j] : Double.POSITIVE_INFINITY;
            } else if (a[j] != old[j]) {
                if (a[j] == 0) {
                    tau[j] = Double.POSITIVE_INFINITY;
                } else if (old[j] > 0 && tau[j] != Double.POSITIVE_INFINITY) {
                    tau[j] = t + (old[j] / a[j]) * (tau[j] - t);
                } else {
                    tau[j] = t + exponential() / a[j];
                }
            }
        }
    }

    @Override
    public void interpolate(double tq, double[] out) {
        System.arraycopy(tq < t ? yPrev : y, 0, out, 0, n);
    }
}
