package org.mtorworkbench.ui.views.internal;

import java.util.List;

import org.mtorworkbench.experiments.Table;

/**
 * The outcome of one run of a design, ready to plot and tabulate.
 *
 * @param design the design run
 * @param label what was run (drug, context, readout time), for titles and legends
 * @param curves the series to plot
 * @param ic50 the fitted IC50 in nM of a dose-response, NaN otherwise
 * @param grid the matrix of a combination, null for other designs
 * @param table the tidy result table
 * @param millis how long the run took
 */
public record ResultRun(Design design, String label, List<Curve> curves, double ic50, Grid grid, Table table, long millis) {

    public ResultRun {
        curves = List.copyOf(curves);
    }
}
