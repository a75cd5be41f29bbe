package org.mtorworkbench.ui.views;

import org.mtorworkbench.experiments.Table;

/**
 * A result to show in a result view: its kind, what was run, and its tidy table. The
 * workbench's own results also carry their plots; a view contributed for a kind receives
 * every result of that kind opened through {@link ResultViews#open}.
 *
 * @since 0.1
 */
public interface ExperimentResult {

    /** @return the kind id ({@link ResultKinds} or a contribution's own) */
    String kind();

    /** @return what was run (drug, context, readout time), for titles and legends */
    String label();

    /** @return the result table */
    Table table();

    /**
     * A result that is just a table, for bundles that run experiments of their own.
     *
     * @param kind the kind id
     * @param label what was run
     * @param table the result table
     */
    record Tabular(String kind, String label, Table table) implements ExperimentResult {

        public Tabular {
            if (!ResultKinds.isValid(kind)) {
                throw new IllegalArgumentException("'" + kind + "' is not a result kind id (letters, digits, '.', '_', '-')");
            }
        }
    }
}
