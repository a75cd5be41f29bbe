package org.mtorworkbench.experiments.extension;

import java.util.List;

import org.mtorworkbench.simulation.SimulationException;

/**
 * An experiment design: a question asked of a model under perturbations, answered with a
 * tidy table. Every design the product has (time course, steady state, dose-response,
 * combination, scan, sensitivity, context panel, knockout screen) is one, registered as an
 * OSGi service (Declarative Services) like anyone else's; register an implementation and it
 * <ul>
 * <li>becomes the command {@code ./mtorwb ID MODEL [OPTIONS]} (unless a command of that name
 * exists), whose options are its {@link #options()} plus the perturbations, threads,
 * progress, output and {@code --sedml} every design command takes;</li>
 * <li>is offered by the workbench's Experiment Launcher, with a form of exactly its options;</li>
 * <li>is saved as its id plus its option values ({@link org.mtorworkbench.experiments.SavedDesign})
 * and, when it says what its runs are ({@link #specification}), as SED-ML that other tools run.</li>
 * </ul>
 * Implementations are stateless and thread-safe; {@link #run} uses the request's runner so
 * that its simulations run in parallel, report progress and can be cancelled.
 *
 * @since 0.2
 */
public interface ExperimentDesign {

    /** @return the id, lower case with dashes; it names the command and is what saved designs record */
    String id();

    /** @return the name forms show, e.g. {@code Dose-response} (default: the id) */
    default String label() {
        return id();
    }

    /** @return a one-line summary for the command list */
    String summary();

    /** @return what the design does and what its table holds, for {@code ./mtorwb help ID} */
    String description();

    /**
     * @return the design's options in the order help texts and forms list them: its own and the
     *         shared ones of {@link DesignOptions} it takes (a readout, the readout time)
     */
    default List<DesignOption<?>> options() {
        return List.of();
    }

    /**
     * Runs the design.
     *
     * @return the table (one row per run per readout, with the perturbations spelled out in
     *         columns), messages and a detail for views
     * @throws IllegalArgumentException naming an option or id at fault
     * @throws SimulationException when a simulation fails or the run is cancelled
     */
    DesignResult run(DesignRequest request) throws SimulationException;

    /**
     * @return why the design's runs are not plain data (it is then run, but not saved as
     *         SED-ML), or empty when {@link #specification} gives them; a design that overrides
     *         {@link #specification} returns empty
     */
    default java.util.Optional<String> whyNoSpecification() {
        return java.util.Optional.of("the design '" + id() + "' cannot be saved as SED-ML L1V3: its runs are not "
                + "a time course, doses or points; run it with './mtorwb " + id() + "' instead");
    }

    /**
     * What the design's runs are, as plain data: for saving as SED-ML and for batch engines.
     *
     * @throws UnsupportedOperationException with {@link #whyNoSpecification()}, for a design
     *             whose runs are not such data (the default)
     * @throws IllegalArgumentException naming an option at fault
     */
    default RunSpecification specification(DesignRequest request) {
        throw new UnsupportedOperationException(whyNoSpecification().orElseThrow());
    }
}
