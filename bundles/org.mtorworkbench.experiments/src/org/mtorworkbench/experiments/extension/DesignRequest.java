package org.mtorworkbench.experiments.extension;

import java.util.List;
import java.util.Map;

import org.mtorworkbench.experiments.BatchRunner;
import org.mtorworkbench.experiments.Cancellation;
import org.mtorworkbench.experiments.Cells;
import org.mtorworkbench.experiments.PreparedModel;
import org.mtorworkbench.experiments.Progress;
import org.mtorworkbench.experiments.ReadoutTime;
import org.mtorworkbench.network.DrugCatalogue;
import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.simulation.SolverOptions;

/**
 * What an {@link ExperimentDesign} is asked to run. Immutable.
 *
 * @param model the pristine model
 * @param cells the changes that shape the cells before treatment (context, knockouts, values)
 * @param drugs the drug catalogue of the active bundles
 * @param doses the treatment: drugs and their concentrations in nM
 * @param treatment further changes given with the drugs (treatment-stage perturbations other than drugs)
 * @param readouts the ids to read out
 * @param time when to read out after treatment
 * @param solverOptions the solver and tolerances
 * @param options the design's own options by name (without the dashes), as given
 * @param runner runs simulations in parallel with progress and cancellation
 * @param progress receives progress
 * @param cancellation polled by the runs
 * @since 0.2
 */
public record DesignRequest(PreparedModel model, ModelChanges cells, DrugCatalogue drugs, Map<String, Double> doses,
        ModelChanges treatment, List<String> readouts, ReadoutTime time, SolverOptions solverOptions, Map<String, String> options,
        BatchRunner runner, Progress progress, Cancellation cancellation) {

    public DesignRequest {
        doses = Map.copyOf(doses);
        readouts = List.copyOf(readouts);
        options = Map.copyOf(options);
    }

    /**
     * @return cells in the given state, pre-equilibrated on first use; give the treatment with
     *         {@code cells.withTreatmentChanges(treatment()).treat(doses(), ...)} and read an
     *         untreated control from the cells themselves
     */
    public Cells cells(ModelChanges state) {
        return new Cells(model, state, drugs, solverOptions);
    }

    /** @return the value of a design option, or null when it was not given */
    public String option(String name) {
        return options.get(name);
    }
}
