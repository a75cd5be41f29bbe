package org.mtorworkbench.calibration;

import java.util.List;
import java.util.Objects;

/**
 * A PEtab condition: values given to model parameters, species, compartments or PEtab parameters
 * when the condition applies. A value is a math expression (a number or a parameter id in PEtab v1;
 * any expression in v2, evaluated when the condition applies). PEtab v1's NaN (keep the value) is
 * no change and not listed.
 */
public record PetabCondition(String id, String name, List<Change> changes) {

    /** Sets {@code target} to {@code value} (expression text); {@code line} is the table line. */
    public record Change(String target, String value, int line) {
        public Change {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(value, "value");
        }
    }

    public PetabCondition {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        changes = List.copyOf(changes);
    }
}
