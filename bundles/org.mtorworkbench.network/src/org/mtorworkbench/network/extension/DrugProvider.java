package org.mtorworkbench.network.extension;

import java.util.List;

import org.mtorworkbench.network.Drug;

/**
 * Contributes drugs to the catalogue. Register an implementation as an OSGi service
 * (Declarative Services); the workbench and the command line list its drugs while the
 * contributing bundle is active, and forget them when it stops.
 *
 * @since 0.1
 */
public interface DrugProvider {

    /**
     * @return the drugs, each with an id unique across all providers; a drug acts on model
     *         parameters through its {@link Drug#effects()}
     */
    List<Drug> drugs();
}
