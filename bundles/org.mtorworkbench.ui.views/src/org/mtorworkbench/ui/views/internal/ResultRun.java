package org.mtorworkbench.ui.views.internal;

import java.util.ArrayList;
import java.util.List;

import org.mtorworkbench.experiments.Table;
import org.mtorworkbench.ui.views.ExperimentResult;

/**
 * The outcome of one run of a design, ready to plot and tabulate.
 *
 * @param design the design run
 * @param label what was run (drug, context, readout time), for titles and legends
 * @param curves the series to plot (times in minutes)
 * @param ic50 the fitted IC50 in nM of a dose-response, NaN otherwise
 * @param heats the heatmaps of a combination (response, then Bliss excess) or of a 2-D scan
 *        (one per readout); empty for other designs
 * @param bars the bar chart of a steady state or sensitivity, or a population's biomarker
 *        candidates; null for other designs
 * @param table the tidy result table
 * @param millis how long the run took
 * @param histogram a population's fold changes, null for other designs
 */
public record ResultRun(ResultKind design, String label, List<Curve> curves, double ic50, List<Heat> heats, Bars bars,
        Table table, long millis, Histogram histogram) implements ExperimentResult {

    public ResultRun {
        curves = List.copyOf(curves);
        heats = List.copyOf(heats);
    }

    /** A run without a histogram (every design but the population). */
    public ResultRun(ResultKind design, String label, List<Curve> curves, double ic50, List<Heat> heats, Bars bars,
            Table table, long millis) {
        this(design, label, curves, ic50, heats, bars, table, millis, null);
    }

    /** @return a run that has only curves (time course, dose-response, 1-D scan) */
    static ResultRun curves(ResultKind design, String label, List<Curve> curves, double ic50, Table table, long millis) {
        return new ResultRun(design, label, curves, ic50, List.of(), null, table, millis);
    }

    @Override
    public String kind() {
        return design.secondaryId();
    }

    /**
     * A result of another bundle, shown by the view of its design: its table, and as the
     * plot the table's first numeric column across, every other numeric column a line.
     */
    static ResultRun of(ResultKind design, ExperimentResult result) {
        Table t = result.table();
        List<List<Object>> rows = t.rows();
        List<Integer> numeric = new ArrayList<>();
        for (int c = 0; c < t.columns().size(); c++) {
            int col = c;
            if (!rows.isEmpty() && rows.stream().allMatch(r -> r.get(col) instanceof Number)) {
                numeric.add(c);
            }
        }
        List<Curve> curves = new ArrayList<>();
        if (numeric.size() >= 2) {
            double[] x = column(rows, numeric.get(0));
            for (int c : numeric.subList(1, numeric.size())) {
                curves.add(new Curve(result.label() + " " + t.columns().get(c), x, column(rows, c), false));
            }
        }
        return new ResultRun(design, result.label(), curves, Double.NaN, List.of(), null, t, 0);
    }

    private static double[] column(List<List<Object>> rows, int c) {
        return rows.stream().mapToDouble(r -> ((Number) r.get(c)).doubleValue()).toArray();
    }
}
