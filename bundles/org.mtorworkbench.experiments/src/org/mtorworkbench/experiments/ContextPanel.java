package org.mtorworkbench.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mtorworkbench.network.CellContext;
import org.mtorworkbench.network.CellContexts;
import org.mtorworkbench.network.DrugCatalogue;
import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SolverOptions;

/**
 * The same treatment across cell contexts: for each context, the readouts of untreated and
 * treated cells and their fold change.
 */
public final class ContextPanel {

    private ContextPanel() {
    }

    /** Runs the treatment in every context. */
    public static Table run(PreparedModel model, CellContexts contexts, DrugCatalogue drugs, SolverOptions options,
            Map<String, Double> doses, List<String> readouts, ReadoutTime time, BatchRunner runner, Progress progress,
            Cancellation cancellation) throws SimulationException {
        return run(model, contexts, drugs, options, doses, ModelChanges.NONE, readouts, time, runner, progress,
                cancellation);
    }

    /**
     * Runs the treatment in every context.
     *
     * @param treatmentChanges model changes given with the drugs (treatment-stage perturbations)
     */
    public static Table run(PreparedModel model, CellContexts contexts, DrugCatalogue drugs, SolverOptions options,
            Map<String, Double> doses, ModelChanges treatmentChanges, List<String> readouts, ReadoutTime time,
            BatchRunner runner, Progress progress, Cancellation cancellation) throws SimulationException {
        List<CellContext> list = contexts.contexts();
        // each context's cells, read out untreated and treated (as Cells.treat of those cells computes)
        Cells base = new Cells(model, ModelChanges.NONE, drugs, options);
        List<ModelChanges> arms = List.of(base.treatment(Map.of()),
                base.withTreatmentChanges(treatmentChanges).treatment(doses));
        List<RunBatch.Point> points = new ArrayList<>();
        for (CellContext c : list) {
            points.add(RunBatch.Point.of(c.changes(), arms));
        }
        List<double[]> v = runner.run(new RunBatch(model, ModelChanges.NONE, readouts, time, options, points), progress,
                cancellation);
        String given = String.join(" + ", doses.entrySet().stream()
                .map(e -> e.getKey() + " " + Table.number(e.getValue()) + " nM").toList());
        Table t = new Table(List.of("context", "drugs", "readout", "time", "untreated", "treated", "fold_change"));
        for (int i = 0; i < list.size(); i++) {
            for (int r = 0; r < readouts.size(); r++) {
                double u = v.get(i)[r];
                double tr = v.get(i)[readouts.size() + r];
                t.add(list.get(i).id(), given.isEmpty() ? "none" : given, readouts.get(r), time.label(), u, tr,
                        u == 0 ? Double.NaN : tr / u);
            }
        }
        return t;
    }
}
