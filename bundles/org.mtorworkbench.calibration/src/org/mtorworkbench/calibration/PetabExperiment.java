package org.mtorworkbench.calibration;

import java.util.List;
import java.util.Objects;

/**
 * A sequence of periods, each starting at a time with conditions applied. A first period at
 * {@code -inf} is pre-equilibration: the model is run to steady state under its conditions. A PEtab
 * v1 pair (pre-equilibration condition, simulation condition) is the experiment
 * {@code [-inf: preeq, 0: sim]}, or {@code [0: sim]} without pre-equilibration.
 */
public record PetabExperiment(String id, List<Period> periods) {

    /** A period starting at {@code time} (-inf for pre-equilibration) with the condition ids applied. */
    public record Period(double time, List<String> conditionIds) {
        public Period {
            conditionIds = List.copyOf(conditionIds);
        }

        public boolean preequilibration() {
            return time == Double.NEGATIVE_INFINITY;
        }
    }

    public PetabExperiment {
        Objects.requireNonNull(id, "id");
        periods = List.copyOf(periods);
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("experiment '" + id + "' has no periods");
        }
    }
}
