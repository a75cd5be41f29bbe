package org.mtorworkbench.simulation.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The times at which a model's math switches on {@code time} alone: the comparisons of
 * {@code time} with a constant (a number, a parameter or compartment that no rule or event
 * changes, or sums, differences, products, quotients and negations of those) in assignment and
 * rate rules, kinetic laws and event triggers, such as {@code piecewise(k, time < 10, 0)} or the
 * trigger {@code time >= t_on}. Across such a time a rate jumps, which an integrator that steps
 * over it smooths into an error of the order of its tolerance times the jump; the engine
 * instead stops exactly at each switch time and restarts there, as after an event.
 *
 * <p>Needs the compiled statements (update, derivatives, triggers) and which symbols are
 * constant; provides the switch times of a run, evaluated on its values after initialisation
 * (so overrides and initial assignments of the constants count). A comparison of time with
 * anything else (a species, a rule variable, a function call) is left to event location.
 */
public final class TimeSwitches {

    /** A model without time switches. */
    static final TimeSwitches NONE = new TimeSwitches(List.of());

    /**
     * A switch: the time it happens at, and whether the comparison at exactly that time already
     * has its value from after the switch ({@code time < c}, {@code time >= c}) or still the one
     * from before ({@code time <= c}, {@code time > c}).
     */
    private record Switch(Expr time, boolean atOwnTimeAfter) {
    }

    /**
     * Where a run stops and restarts: it integrates up to {@code stops[i]} and restarts at
     * {@code restarts[i]}, the next double when the switch's own time belongs to the new side
     * (the last step then never evaluates the rates on the other side of the switch), else the
     * same time. Both increasing.
     */
    record Breaks(double[] stops, double[] restarts) {
        static final Breaks NONE = new Breaks(new double[0], new double[0]);

        /** Breaks that stop and restart at the same times (the discontinuities delays propagate). */
        static Breaks at(double[] times) {
            return new Breaks(times, times);
        }

        /** @return these breaks and {@code other}, in increasing order of their stops (one per stop) */
        Breaks merge(Breaks other) {
            if (other.stops.length == 0) {
                return this;
            }
            if (stops.length == 0) {
                return other;
            }
            java.util.TreeMap<Double, Double> all = new java.util.TreeMap<>();
            for (int i = 0; i < stops.length; i++) {
                all.put(stops[i], restarts[i]);
            }
            for (int i = 0; i < other.stops.length; i++) {
                all.merge(other.stops[i], other.restarts[i], Math::max);
            }
            return new Breaks(all.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                    all.values().stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    private final List<Switch> switches;

    private TimeSwitches(List<Switch> switches) {
        this.switches = List.copyOf(switches);
    }

    /**
     * Finds the time switches in the given statements.
     *
     * @param constant whether a symbol keeps its initial value throughout a run
     */
    @SafeVarargs
    static TimeSwitches find(IntPredicate constant, List<CodeGenerator.Store>... statements) {
        List<Expr.Cmp> comparisons = new ArrayList<>();
        for (List<CodeGenerator.Store> list : statements) {
            for (CodeGenerator.Store st : list) {
                st.expr().comparisons(comparisons);
            }
        }
        List<Switch> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Expr.Cmp c : comparisons) {
            boolean timeFirst = isTime(c.a);
            Expr other = timeFirst ? c.b : isTime(c.b) ? c.a : null;
            if (other != null && isConstant(other, constant)) {
                // time < c and time >= c (c > time, c <= time) take the new value at c itself.
                boolean after = timeFirst ? c.op.equals("<") || c.op.equals(">=") : c.op.equals(">") || c.op.equals("<=");
                String key = other + (after ? "+" : "-");
                if (!seen.contains(key)) {
                    seen.add(key);
                    out.add(new Switch(other, after));
                }
            }
        }
        return out.isEmpty() ? NONE : new TimeSwitches(out);
    }

    /** @return for each of {@code n} symbols whether an event assigns it */
    static boolean[] assigned(int n, int[][] eventTargets) {
        boolean[] out = new boolean[n];
        for (int[] targets : eventTargets) {
            for (int s : targets) {
                out[s] = true;
            }
        }
        return out;
    }

    /** @return the number of distinct switches */
    int count() {
        return switches.size();
    }

    /**
     * @param v a run's symbol values after initialisation
     * @return the breaks for the switches in (t0, tEnd]
     */
    Breaks between(double[] v, double t0, double tEnd) {
        if (switches.isEmpty()) {
            return Breaks.NONE;
        }
        java.util.TreeMap<Double, Double> breaks = new java.util.TreeMap<>();
        for (Switch sw : switches) {
            double c = value(sw.time, v);
            double stop = sw.atOwnTimeAfter ? Math.nextDown(c) : c;
            if (stop > t0 && stop < tEnd) {
                breaks.merge(stop, Math.nextUp(stop), Math::max);
            }
        }
        return new Breaks(breaks.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                breaks.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static boolean isTime(Expr e) {
        return e instanceof Expr.Load l && l.arr == Expr.Arr.V && l.index == 0;
    }

    private static boolean isConstant(Expr e, IntPredicate constant) {
        if (e instanceof Expr.Const) {
            return true;
        }
        if (e instanceof Expr.Load l) {
            return l.arr == Expr.Arr.V && l.index > 0 && constant.test(l.index);
        }
        if (e instanceof Expr.Neg n) {
            return isConstant(n.a, constant);
        }
        if (e instanceof Expr.Bin b) {
            return isConstant(b.a, constant) && isConstant(b.b, constant);
        }
        return false;
    }

    /** Evaluates an expression {@link #isConstant} accepted. */
    private static double value(Expr e, double[] v) {
        if (e instanceof Expr.Const c) {
            return c.x;
        }
        if (e instanceof Expr.Load l) {
            return v[l.index];
        }
        if (e instanceof Expr.Neg n) {
            return -value(n.a, v);
        }
        Expr.Bin b = (Expr.Bin) e;
        double x = value(b.a, v);
        double y = value(b.b, v);
        return switch (b.op) {
        case '+' -> x + y;
        case '-' -> x - y;
        case '*' -> x * y;
        case '/' -> x / y;
        default -> Double.NaN;
        };
    }
}
