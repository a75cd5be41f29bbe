package org.mtorworkbench.ui.editor;

import java.util.Locale;
import java.util.Optional;

/**
 * What a palette entry creates in the SBML model.
 *
 * @since 0.1
 */
public enum ElementKind {
    /** A species, placed where the modeller clicks, in the compartment under the click. */
    SPECIES,
    /** A compartment, placed where the modeller clicks. */
    COMPARTMENT,
    /** A reaction: click its reactant (or the background for a source), then its product (or the background for a sink). */
    REACTION,
    /** A reactant of an existing reaction: click the species, then the process node (a consumption arc). */
    REACTANT,
    /** A product of an existing reaction: click the process node, then the species (a production arc). */
    PRODUCT,
    /** A modifier of an existing reaction: click the species, then the process node (catalysis, inhibition, ...). */
    MODIFIER;

    /** @return the name used in {@code plugin.xml}: {@code species}, {@code reactant}, ... */
    public String xmlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the kind with that {@link #xmlName()} */
    public static Optional<ElementKind> ofXmlName(String name) {
        for (ElementKind k : values()) {
            if (k.xmlName().equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** @return true for the kinds made by clicking two glyphs (a reaction and arcs) */
    public boolean connects() {
        return this == REACTION || this == REACTANT || this == PRODUCT || this == MODIFIER;
    }
}
