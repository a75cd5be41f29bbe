package org.mtorworkbench.sbml;

import org.mtorworkbench.sbml.internal.CompFlattener;
import org.sbml.jsbml.SBMLDocument;

/**
 * Flattens hierarchical models (the SBML Level 3 {@code comp} package) into one plain model, as
 * the package specification defines it; see {@code docs/simulation.md}, "Hierarchical models".
 * The document given is never changed.
 */
public final class CompFlattening {

    /** What separates a submodel's id from its elements' ids in the flat model ({@code A__B__x}). */
    public static final String SEPARATOR = CompFlattener.SEPARATOR;

    private CompFlattening() {
    }

    /** @return true if the document's model uses the comp package (submodels, replacements, model definitions) */
    public static boolean usesComp(SBMLDocument doc) {
        return CompFlattener.usesComp(doc);
    }

    /**
     * @return a new document holding the flattened model
     * @throws CompFlatteningException naming the element and submodel that cannot be flattened
     */
    public static SBMLDocument flatten(SBMLDocument doc) throws CompFlatteningException {
        return CompFlattener.flatten(doc);
    }
}
