package org.mtorworkbench.experiments.extension;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.mtorworkbench.experiments.Table;

/**
 * What an {@link ExperimentDesign} answers: its tidy table, one-line messages (a fit, a
 * classification, a count of runs) that the command line prints on standard error and the
 * launcher shows in its status line, and optionally a typed detail a view can draw from (e.g.
 * a {@link org.mtorworkbench.experiments.DoseResponse.Result}). Immutable.
 *
 * @param table the result table
 * @param messages lines for people, in order
 * @param detail a design-specific result object, or null
 * @since 0.3
 */
public record DesignResult(Table table, List<String> messages, Object detail) {

    public DesignResult {
        Objects.requireNonNull(table);
        messages = List.copyOf(messages);
    }

    /** @return a result that is just a table */
    public static DesignResult of(Table table) {
        return new DesignResult(table, List.of(), null);
    }

    /** @return the detail when it is of this type */
    public <T> Optional<T> detail(Class<T> type) {
        return type.isInstance(detail) ? Optional.of(type.cast(detail)) : Optional.empty();
    }
}
