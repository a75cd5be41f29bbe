package org.mtorworkbench.experiments.extension;

import java.util.Objects;

import org.mtorworkbench.network.ModelChanges;

/**
 * One applied perturbation: what it does to the model, and the same in words. Immutable.
 *
 * @param type the id of the {@link PerturbationType} that made it
 * @param stage whether it shapes the cells before treatment or is the treatment
 * @param description what it does, in words (e.g. {@code rapamycin at 10 nM}), for tables and plots
 * @param changes the model changes; every run starts from the pristine model plus these
 * @since 0.2
 */
public record Perturbation(String type, PerturbationType.Stage stage, String description, ModelChanges changes) {

    public Perturbation {
        Objects.requireNonNull(type);
        Objects.requireNonNull(stage);
        Objects.requireNonNull(description);
        Objects.requireNonNull(changes);
    }
}
