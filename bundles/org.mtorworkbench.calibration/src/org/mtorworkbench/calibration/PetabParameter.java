package org.mtorworkbench.calibration;

import java.util.Objects;

/**
 * One row of a PEtab parameter table. Values and bounds are on the linear scale, as the table
 * gives them; {@link #scale} is the scale of estimation.
 *
 * @param prior the prior's type ("" when none), with its {@code ;}-separated parameters in {@code priorParameters}
 */
public record PetabParameter(String id, String name, ParameterScale scale, double lowerBound, double upperBound,
        double nominalValue, boolean estimated, String prior, String priorParameters) {

    public PetabParameter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scale, "scale");
        name = name == null ? "" : name;
        prior = prior == null ? "" : prior;
        priorParameters = priorParameters == null ? "" : priorParameters;
    }

    /** @return the nominal value on the parameter scale */
    public double scaledNominal() {
        return scale.toScale(nominalValue);
    }
}
