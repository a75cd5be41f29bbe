package org.mtorworkbench.simulation.internal;

/** What a symbol of a compiled model (a slot of the value array {@code v}) stands for. */
public enum SymbolKind {
    /** the model's time, always symbol 0 */
    TIME,
    /** a compartment's size */
    COMPARTMENT,
    /** a species, in its units: a concentration unless it has only substance units */
    SPECIES,
    /** a global parameter */
    PARAMETER,
    /** a reaction's rate */
    REACTION,
    /** a species reference's stoichiometry (species references with ids) */
    SPECIES_REFERENCE,
    /** a local parameter of a kinetic law, named {@code reaction.parameter} */
    LOCAL_PARAMETER,
    /** the compiler's own: stoichiometryMath values, fast reactions' extents, rateOf values */
    INTERNAL
}
