package org.mtorworkbench.simulation;

import java.util.Objects;

/**
 * One column of a time course: a model id and how to report it.
 *
 * @param id a species, compartment, parameter, species reference or reaction id (a reaction
 *        gives its rate), or {@code reaction.parameter} for a local parameter
 * @param quantity for species, amount or concentration; ignored for other ids
 */
public record Output(String id, Quantity quantity) {

    public Output {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(quantity, "quantity");
    }

    /** The id's value as model math sees it. */
    public static Output of(String id) {
        return new Output(id, Quantity.VALUE);
    }
}
