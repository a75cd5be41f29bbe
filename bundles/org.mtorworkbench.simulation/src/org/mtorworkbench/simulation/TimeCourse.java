package org.mtorworkbench.simulation;

import java.util.List;

/** The result of a time-course run: values per output time and column. Immutable; arrays are copied. */
public final class TimeCourse {

    private final double[] times;
    private final List<Output> columns;
    private final double[][] values;
    private final RunStatistics statistics;

    TimeCourse(double[] times, List<Output> columns, double[][] values, RunStatistics statistics) {
        this.times = times.clone();
        this.columns = List.copyOf(columns);
        this.values = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            this.values[i] = values[i].clone();
        }
        this.statistics = statistics;
    }

    public int size() {
        return times.length;
    }

    public double time(int row) {
        return times[row];
    }

    public double[] times() {
        return times.clone();
    }

    public List<Output> columns() {
        return columns;
    }

    public double value(int row, int column) {
        return values[row][column];
    }

    /** @return the column of an id, or throws if absent */
    public double[] column(String id) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).id().equals(id)) {
                double[] out = new double[times.length];
                for (int r = 0; r < times.length; r++) {
                    out[r] = values[r][c];
                }
                return out;
            }
        }
        throw new IllegalArgumentException("no column '" + id + "'");
    }

    public RunStatistics statistics() {
        return statistics;
    }
}
