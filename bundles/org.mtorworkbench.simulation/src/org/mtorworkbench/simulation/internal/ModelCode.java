package org.mtorworkbench.simulation.internal;

/**
 * The compiled form of a model: a class generated from the SBML math at compile time with ASM.
 * Stateless, every method working on arrays owned by one run, except that an instance of a model
 * with delay csymbols is made per run ({@link #newInstance}) and bound to that run's history.
 * {@code v} holds every symbol's value (index 0 is time), {@code y} the state vector.
 */
public abstract class ModelCode {

    /** The past of the run this instance belongs to, for models with delay csymbols; else null. */
    private DelayHistory history;

    /** @return a fresh instance of the generated class, to carry one run's history */
    public abstract ModelCode newInstance();

    /** Binds this instance to one run's history (models with delay csymbols). */
    final void bind(DelayHistory h) {
        this.history = h;
    }

    /**
     * {@code delay(x, d)} where x is delayed expression {@code k}: its value at time
     * {@code v[0] - d}, from the run's history. Called by the generated code.
     */
    public final double delayed(int k, double d, double[] v) {
        if (d < 0) {
            // A delay computed as a difference may come out a rounding error below zero.
            if (d < -1e-12 * Math.max(1, Math.abs(v[0]))) {
                throw new DelayHistory.NegativeDelay(d, v[0]);
            }
            d = 0;
        }
        if (history == null) {
            return delayedValue(k, v);
        }
        return history.lookup(k, v[0] - d, v);
    }

    /** Evaluates delayed expression {@code k} on the values {@code v}. */
    public abstract double delayedValue(int k, double[] v);

    /** Computes every symbol's initial value in dependency order. */
    public abstract void init(double[] v, double[] p0, boolean[] ov);

    /** Loads the state {@code y} at time {@code t} into {@code v} and evaluates rules and rates. */
    public abstract void update(double t, double[] y, double[] v);

    /** Writes the derivatives of the state from an updated {@code v}. */
    public abstract void derivs(double[] v, double[] dy);

    /** Evaluates every event trigger (1 true, 0 false). */
    public abstract void triggers(double[] v, double[] out);

    /** Evaluates the root functions (operand differences of the triggers' comparisons). */
    public abstract void roots(double[] v, double[] out);

    /** Evaluates the algebraic rules' expressions (zero when satisfied). */
    public abstract void algebraic(double[] v, double[] out);

    /**
     * Writes the analytic Jacobian's non-zero entries into the row-major {@code jac} from an
     * updated {@code v} and the state {@code y}, using {@code g} for intermediate gradients.
     */
    public abstract void jacobian(double[] v, double[] y, double[] g, double[] jac);

    /** @return the delay of event {@code e} */
    public abstract double delay(int e, double[] v);

    /** @return the priority of event {@code e} */
    public abstract double priority(int e, double[] v);

    /** Evaluates the assignments of event {@code e} into {@code out}. */
    public abstract void eventValues(int e, double[] v, double[] out);
}
