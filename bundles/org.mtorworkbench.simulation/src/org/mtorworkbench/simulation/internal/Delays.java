package org.mtorworkbench.simulation.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The delay csymbols of a model as the compiler meets them: the delayed expressions (each
 * compiled into {@link ModelCode#delayedValue}) and the delays that are constant numbers, which
 * bound the step size and place the discontinuities a delay propagates.
 */
final class Delays {

    /**
     * What a run needs to know of a model's delays.
     *
     * @param count the number of delay csymbols (0: the model has none)
     * @param constants the distinct positive constant delays
     * @param horizon how far back lookups reach when every delay is constant, else infinity
     */
    record Summary(int count, double[] constants, double horizon) {
        static final Summary NONE = new Summary(0, new double[0], 0);
    }

    Summary summary() {
        return expressions.isEmpty() ? Summary.NONE : new Summary(expressions.size(), constants(), horizon());
    }

    private final List<Expr> expressions = new ArrayList<>();
    private final List<Double> constants = new ArrayList<>();
    private boolean allConstant = true;

    /** @return the index of the delayed expression {@code x} taken {@code d} ago */
    int add(Expr x, Expr d) {
        expressions.add(x);
        if (d instanceof Expr.Const c && c.x >= 0 && Double.isFinite(c.x)) {
            if (c.x > 0 && !constants.contains(c.x)) {
                constants.add(c.x);
            }
        } else {
            allConstant = false;
        }
        return expressions.size() - 1;
    }

    boolean isEmpty() {
        return expressions.isEmpty();
    }

    List<Expr> expressions() {
        return expressions;
    }

    /** @return the distinct positive constant delays */
    double[] constants() {
        return constants.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** @return how far back lookups reach when every delay is constant, else infinity */
    double horizon() {
        if (!allConstant) {
            return Double.POSITIVE_INFINITY;
        }
        double h = 0;
        for (double c : constants) {
            h = Math.max(h, c);
        }
        return h;
    }
}
