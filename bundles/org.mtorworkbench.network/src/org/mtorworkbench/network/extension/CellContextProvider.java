package org.mtorworkbench.network.extension;

import java.util.List;

import org.mtorworkbench.network.CellContext;

/**
 * Contributes cell contexts (genotypes, cell-type properties). Register an implementation
 * as an OSGi service (Declarative Services).
 *
 * @since 0.1
 */
public interface CellContextProvider {

    /** @return the contexts, each with an id unique across all providers */
    List<CellContext> contexts();
}
