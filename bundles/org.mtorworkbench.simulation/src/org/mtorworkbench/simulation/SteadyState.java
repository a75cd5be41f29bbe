package org.mtorworkbench.simulation;

import java.util.List;

/**
 * A steady state of a model: the values of the requested ids where all derivatives vanish,
 * with how it was found. Immutable.
 */
public final class SteadyState {

    private final List<Output> columns;
    private final double[] values;
    private final String method;
    private final int iterations;
    private final double residual;
    private final int conservationLaws;

    SteadyState(List<Output> columns, double[] values, String method, int iterations, double residual,
            int conservationLaws) {
        this.columns = List.copyOf(columns);
        this.values = values.clone();
        this.method = method;
        this.iterations = iterations;
        this.residual = residual;
        this.conservationLaws = conservationLaws;
    }

    public List<Output> columns() {
        return columns;
    }

    public double value(int column) {
        return values[column];
    }

    public double[] values() {
        return values.clone();
    }

    /** @return how it was found, e.g. {@code Newton} or {@code integration to t=1000 then Newton} */
    public String method() {
        return method;
    }

    /** @return Newton iterations of the final solve */
    public int iterations() {
        return iterations;
    }

    /** @return the largest absolute derivative at the steady state */
    public double residual() {
        return residual;
    }

    /** @return the number of conservation laws (conserved moieties) held fixed */
    public int conservationLaws() {
        return conservationLaws;
    }
}
