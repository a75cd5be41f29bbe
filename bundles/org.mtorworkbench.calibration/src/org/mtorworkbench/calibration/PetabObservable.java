package org.mtorworkbench.calibration;

import java.util.List;
import java.util.Objects;

/**
 * One row of a PEtab observable table: the formula of the observable in model ids, parameter ids
 * and placeholders, the formula of the noise (sigma) and the noise model.
 *
 * @param observablePlaceholders the placeholder ids that {@code observableParameters} of a measurement fill, in order
 * @param noisePlaceholders the placeholder ids that {@code noiseParameters} of a measurement fill, in order
 */
public record PetabObservable(String id, String name, String formula, String noiseFormula, NoiseModel noise,
        List<String> observablePlaceholders, List<String> noisePlaceholders) {

    public PetabObservable {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(formula, "formula");
        Objects.requireNonNull(noiseFormula, "noiseFormula");
        Objects.requireNonNull(noise, "noise");
        name = name == null ? "" : name;
        observablePlaceholders = List.copyOf(observablePlaceholders);
        noisePlaceholders = List.copyOf(noisePlaceholders);
    }
}
