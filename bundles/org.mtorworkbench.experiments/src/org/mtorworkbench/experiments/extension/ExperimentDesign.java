package org.mtorworkbench.experiments.extension;

import java.util.List;

import org.mtorworkbench.experiments.Table;
import org.mtorworkbench.simulation.SimulationException;

/**
 * An experiment design: a question asked of a model under perturbations, answered with a
 * tidy table. Register an implementation as an OSGi service (Declarative Services): a design
 * with id {@code ID} becomes the command {@code ./mtorwb ID MODEL [OPTIONS]} (unless a command
 * of that name exists) with the perturbations, readouts, readout time, threads and progress
 * every design command takes, plus its own {@link #options()}. The product's context panel and
 * knockout screen are contributed the same way.
 * <p>
 * Implementations are stateless and thread-safe; {@link #run} uses the request's runner so
 * that its simulations run in parallel, report progress and can be cancelled.
 *
 * @since 0.2
 */
public interface ExperimentDesign {

    /** An option of the design, given on the command line as {@code --name VALUE}. */
    record Option(String name, String syntax, String description, boolean required) {
    }

    /** @return the id, lower case with dashes; it names the command */
    String id();

    /** @return a one-line summary for the command list */
    String summary();

    /** @return what the design does and what its table holds, for {@code ./mtorwb help ID} */
    String description();

    /** @return the design's own options (beyond the ones every design takes) */
    default List<Option> options() {
        return List.of();
    }

    /**
     * Runs the design.
     *
     * @return one row per run per readout, with the perturbations spelled out in columns
     * @throws IllegalArgumentException naming an option or id at fault
     * @throws SimulationException when a simulation fails or the run is cancelled
     */
    Table run(DesignRequest request) throws SimulationException;
}
