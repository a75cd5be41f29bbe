package org.mtorworkbench.network.extension;

import org.sbml.jsbml.SBMLDocument;

/**
 * A model that ships with a bundle: it appears as {@code builtin:<id>} on the command line
 * and as a template for new models in the workbench. Register an implementation as an OSGi
 * service (Declarative Services).
 *
 * @since 0.1
 */
public interface ModelTemplate {

    /** @return the id after {@code builtin:}, unique across all templates (letters, digits, '_', '-') */
    String id();

    /** @return a short name for menus */
    String name();

    /** @return a sentence saying what the model is */
    String description();

    /** @return a new document each call; callers may change it freely */
    SBMLDocument newDocument();
}
