package org.mtorworkbench.calibration;

import java.util.List;
import java.util.Objects;

/**
 * One row of a PEtab measurement table.
 *
 * @param experimentId the experiment it belongs to (for PEtab v1 the id made of its pre-equilibration
 *        and simulation conditions; see {@link PetabProblem#experiments()})
 * @param simulationConditionId v1 column, "" in v2
 * @param preequilibrationConditionId v1 column, "" when none or in v2
 * @param time the time, {@code +inf} for a steady-state measurement
 * @param observableParameters the values of the observable's placeholders: numbers or parameter ids
 * @param noiseParameters the values of the noise formula's placeholders: numbers or parameter ids
 * @param line the 1-based line in the measurement file
 */
public record PetabMeasurement(String observableId, String experimentId, String simulationConditionId,
        String preequilibrationConditionId, double time, double measurement, List<String> observableParameters,
        List<String> noiseParameters, int line) {

    public PetabMeasurement {
        Objects.requireNonNull(observableId, "observableId");
        Objects.requireNonNull(experimentId, "experimentId");
        observableParameters = List.copyOf(observableParameters);
        noiseParameters = List.copyOf(noiseParameters);
    }
}
