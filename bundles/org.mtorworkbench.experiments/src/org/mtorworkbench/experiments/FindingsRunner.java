package org.mtorworkbench.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.mtorworkbench.network.CellContexts;
import org.mtorworkbench.network.DrugCatalogue;
import org.mtorworkbench.network.Finding;
import org.mtorworkbench.network.Finding.Check;
import org.mtorworkbench.network.Finding.Condition;
import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.network.NetworkModel;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SolverOptions;

/**
 * Runs the review's findings on the built-in network. Each condition is pre-equilibrated
 * to steady state in its cell context with its "before" inputs, then treated at time 0;
 * conditions shared by several checks are simulated once.
 */
public final class FindingsRunner {

    /** The outcome of one check. */
    public record CheckResult(Finding finding, Check check, double ratio, boolean passed) {
    }

    private final PreparedModel model;
    private final DrugCatalogue drugs;
    private final CellContexts contexts;
    private final SolverOptions options;
    private final Map<Condition, Map<String, Double>> cache = new ConcurrentHashMap<>();
    /** Conditions with the same context and inputs before treatment share one pre-equilibration. */
    private final Map<ModelChanges, Cells> cells = new ConcurrentHashMap<>();

    public FindingsRunner(PreparedModel model, DrugCatalogue drugs, CellContexts contexts, SolverOptions options) {
        this.model = model;
        this.drugs = drugs;
        this.contexts = contexts;
        this.options = options;
    }

    /** A runner for {@code builtin:mtor} with its catalogue and the default solver options. */
    public static FindingsRunner forBuiltinNetwork() throws SimulationException {
        return new FindingsRunner(PreparedModel.of(NetworkModel.newDocument()), DrugCatalogue.builtin(),
                CellContexts.builtin(), SolverOptions.defaults());
    }

    /** Runs every check of the findings, in order. */
    public List<CheckResult> run(List<Finding> findings, BooleanSupplier cancelled) throws SimulationException {
        List<CheckResult> out = new ArrayList<>();
        for (Finding f : findings) {
            for (Check c : f.checks()) {
                double ratio = fold(c, cancelled);
                if (c.versus() != null) {
                    ratio /= fold(c.versus(), cancelled);
                }
                out.add(new CheckResult(f, c, ratio, c.expectation().test(ratio)));
            }
        }
        return out;
    }

    private double fold(Check c, BooleanSupplier cancelled) throws SimulationException {
        double treated = value(c.treated(), c.readout(), cancelled);
        double reference = value(c.reference(), c.readout(), cancelled);
        return treated / reference;
    }

    /** @return the readout of a condition (all readouts of a condition are computed together) */
    public double value(Condition cond, String readout, BooleanSupplier cancelled) throws SimulationException {
        Map<String, Double> values = cache.get(cond);
        if (values == null) {
            values = simulate(cond, cancelled);
            cache.put(cond, values);
        }
        Double v = values.get(readout);
        if (v == null) {
            throw new IllegalArgumentException("'" + readout + "' is not a readout of the network");
        }
        return v;
    }

    private Map<String, Double> simulate(Condition cond, BooleanSupplier cancelled) throws SimulationException {
        ModelChanges context = contexts.find(cond.context())
                .orElseThrow(() -> new IllegalArgumentException("unknown cell context '" + cond.context() + "'"))
                .changes();
        ModelChanges before = context.and(new ModelChanges(cond.before(), Map.of(), Set.of()));
        Cells c = cells.computeIfAbsent(before, b -> new Cells(model, b, drugs, options));
        List<String> ids = List.copyOf(new LinkedHashSet<>(NetworkModel.READOUTS));
        double[] v = c.treat(cond.drugsNm(), cond.after(), ids, ReadoutTime.at(cond.minutes()), cancelled);
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            values.put(ids.get(i), v[i]);
        }
        return values;
    }
}
