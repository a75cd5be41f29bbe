package org.mtorworkbench.simulation.internal;

import org.mtorworkbench.simulation.Quantity;

/**
 * The one conversion between a species' value as model math sees it (a concentration unless
 * it has only substance units) and its amount or concentration. Other symbols are read as
 * they are.
 */
public final class Amounts {

    private Amounts() {
    }

    /**
     * @param v the symbol values of a run (compartment sizes included)
     * @return symbol {@code s} of {@code v} as the quantity asked for
     */
    public static double read(ModelLayout l, int s, double[] v, Quantity q) {
        double x = v[s];
        if (q == Quantity.VALUE || l.kinds[s] != SymbolKind.SPECIES) {
            return x;
        }
        boolean substance = l.onlySubstanceUnits[s];
        if (q == Quantity.AMOUNT && !substance) {
            return x * v[l.speciesCompartment[s]];
        }
        if (q == Quantity.CONCENTRATION && substance) {
            return x / v[l.speciesCompartment[s]];
        }
        return x;
    }

    /** @return state {@code k} as the integrator holds it: a species' amount, else the symbol's value */
    public static double state(ModelLayout l, int k, double[] v) {
        int s = l.stateSymbol[k];
        return l.stateIsAmount[k] ? read(l, s, v, Quantity.AMOUNT) : v[s];
    }
}
