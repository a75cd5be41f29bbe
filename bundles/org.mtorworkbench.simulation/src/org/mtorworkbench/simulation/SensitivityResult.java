package org.mtorworkbench.simulation;

import java.util.List;

/**
 * Reported values and their forward sensitivities at output times: the values as a
 * {@link TimeCourse} and {@code derivative(r, c, j)} = d value(r, c) / d theta_j for the
 * {@link SensitivityParameter}s in order. A steady state has the one time {@code +Infinity}.
 * Immutable.
 */
public final class SensitivityResult {

    private final TimeCourse values;
    private final List<SensitivityParameter> parameters;
    private final double[][][] derivatives;

    SensitivityResult(TimeCourse values, List<SensitivityParameter> parameters, double[][][] derivatives) {
        this.values = values;
        this.parameters = List.copyOf(parameters);
        this.derivatives = derivatives;
    }

    /** @return the values at the output times, with the integration's statistics */
    public TimeCourse values() {
        return values;
    }

    public List<SensitivityParameter> parameters() {
        return parameters;
    }

    public int size() {
        return values.size();
    }

    public double time(int row) {
        return values.time(row);
    }

    public double value(int row, int column) {
        return values.value(row, column);
    }

    /** @return d value(row, column) / d theta_parameter */
    public double derivative(int row, int column, int parameter) {
        return derivatives[row][column][parameter];
    }

    /** @return the derivatives of output {@code column} at time {@code row}, one per parameter */
    public double[] gradient(int row, int column) {
        return derivatives[row][column].clone();
    }
}
