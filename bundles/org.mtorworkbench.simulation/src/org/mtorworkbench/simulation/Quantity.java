package org.mtorworkbench.simulation;

/** How a species is reported: as its symbol's value, as an amount or as a concentration. */
public enum Quantity {
    /** The value of the id as SBML math sees it (a concentration unless hasOnlySubstanceUnits). */
    VALUE,
    /** The species' amount. */
    AMOUNT,
    /** The species' concentration (amount per compartment size). */
    CONCENTRATION
}
