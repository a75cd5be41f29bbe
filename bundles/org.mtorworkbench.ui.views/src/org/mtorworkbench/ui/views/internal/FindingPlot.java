package org.mtorworkbench.ui.views.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.mtorworkbench.experiments.PreparedModel;
import org.mtorworkbench.experiments.Table;
import org.mtorworkbench.network.CellContexts;
import org.mtorworkbench.network.DrugCatalogue;
import org.mtorworkbench.network.Finding.Check;
import org.mtorworkbench.network.Finding.Condition;
import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.network.NetworkModel;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SolverOptions;
import org.mtorworkbench.simulation.TimeCourse;

/**
 * The plot that shows a check of a finding: the readout over time in each of the check's
 * conditions (treated and reference, and those of the comparison when there is one), up to
 * the time the check reads it.
 */
final class FindingPlot {

    /** Points of a plotted time course. */
    private static final int TIME_POINTS = 200;

    private FindingPlot() {
    }

    static ResultRun run(String title, Check check, SolverOptions options, BooleanSupplier cancelled)
            throws SimulationException {
        long start = System.nanoTime();
        PreparedModel model = PreparedModel.of(NetworkModel.newDocument());
        DrugCatalogue drugs = DrugCatalogue.builtin();
        CellContexts contexts = CellContexts.builtin();
        Map<String, Condition> conditions = new LinkedHashMap<>();
        for (Check c = check; c != null; c = c.versus()) {
            conditions.putIfAbsent(c.treated().describe(), c.treated());
            conditions.putIfAbsent(c.reference().describe(), c.reference());
        }
        double end = conditions.values().stream().mapToDouble(Condition::minutes).max().orElse(60);
        double[] times = new double[TIME_POINTS + 1];
        for (int i = 0; i < times.length; i++) {
            times[i] = end * i / TIME_POINTS;
        }
        List<Curve> curves = new ArrayList<>();
        List<String> columns = new ArrayList<>(List.of("time"));
        List<double[]> values = new ArrayList<>();
        for (Map.Entry<String, Condition> e : conditions.entrySet()) {
            Condition cond = e.getValue();
            ModelChanges before = contexts.find(cond.context())
                    .orElseThrow(() -> new IllegalArgumentException("unknown cell context '" + cond.context() + "'"))
                    .changes().and(new ModelChanges(cond.before(), Map.of(), Set.of()));
            ModelChanges treatment = drugs.changes(cond.drugsNm())
                    .and(new ModelChanges(cond.after(), Map.of(), Set.of()));
            TimeCourse tc = model.treat(before, treatment, times, List.of(check.readout()), options, cancelled);
            double[] y = tc.column(check.readout());
            curves.add(new Curve(e.getKey() + " " + check.readout(), tc.times(), y, false));
            columns.add(e.getKey());
            values.add(y);
        }
        Table table = new Table(columns);
        for (int r = 0; r < times.length; r++) {
            Object[] row = new Object[columns.size()];
            row[0] = times[r];
            for (int c = 0; c < values.size(); c++) {
                row[c + 1] = values.get(c)[r];
            }
            table.add(row);
        }
        return ResultRun.curves(ResultKind.TIME_COURSE, title, curves, Double.NaN, table, (System.nanoTime() - start) / 1_000_000);
    }
}
