package org.mtorworkbench.experiments;

import org.mtorworkbench.sbml.NumberText;

/**
 * When a readout is taken after treatment: at a time (model time units, minutes for the
 * built-in network) or at the steady state the treated cells reach.
 *
 * @param minutes the time after treatment, or NaN for the steady state
 */
public record ReadoutTime(double minutes) {

    /** The command line's default: 24 h. */
    public static final ReadoutTime DEFAULT = new ReadoutTime(1440);

    public ReadoutTime {
        if (!Double.isNaN(minutes) && !(minutes > 0 && Double.isFinite(minutes))) {
            throw new IllegalArgumentException("a readout time must be positive and finite, not " + minutes);
        }
    }

    /** @return a readout at {@code minutes} after treatment */
    public static ReadoutTime at(double minutes) {
        return new ReadoutTime(minutes);
    }

    /** @return a readout at the treated steady state */
    public static ReadoutTime steadyState() {
        return new ReadoutTime(Double.NaN);
    }

    /** @return whether this is the steady state */
    public boolean isSteadyState() {
        return Double.isNaN(minutes);
    }

    /** @return "1440" or "steady-state", as written in result tables */
    public String label() {
        return isSteadyState() ? "steady-state" : NumberText.format(minutes);
    }
}
