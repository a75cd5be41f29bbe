package org.mtorworkbench.ui.editor;

import java.net.URL;
import java.util.Map;
import java.util.Objects;

/**
 * One tool of the pathway editor's palette, as contributed to the extension point
 * {@code org.mtorworkbench.ui.editor.paletteEntries}: it creates one kind of SBML element
 * with an SBO term (which picks its SBGN glyph or arc) and default property values. The
 * workbench's own palette is contributed the same way.
 *
 * @param id unique id of the entry
 * @param label the text of the tool
 * @param icon the tool's image, or null to show the label only
 * @param sboTerm the SBO term given to the element created (for example 245 for a
 *        macromolecule, 13 for catalysis), or -1 for none
 * @param kind what the entry creates
 * @param defaults default property values by name (see {@link #PROPERTIES}), not null
 * @param contributor the symbolic name of the contributing bundle
 * @since 0.1
 */
public record PaletteEntry(String id, String label, URL icon, int sboTerm, ElementKind kind, Map<String, String> defaults,
        String contributor) {

    /**
     * The default properties an entry may set: {@code name} (element name; the id is made
     * from it), {@code initialConcentration}, {@code initialAmount}, {@code boundaryCondition},
     * {@code size} (compartments), {@code width} and {@code height} (of the glyph),
     * {@code kineticLaw} (infix; {@code k} is the rate constant), {@code k} (its value),
     * {@code reversible}, {@code stoichiometry}.
     */
    public static final java.util.Set<String> PROPERTIES = java.util.Set.of("name", "initialConcentration",
            "initialAmount", "boundaryCondition", "size", "width", "height", "kineticLaw", "k", "reversible",
            "stoichiometry");

    public PaletteEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        defaults = Map.copyOf(defaults);
        contributor = contributor == null ? "" : contributor;
    }

    /**
     * @return the palette of every installed bundle, the editor's own entries first; malformed
     *         entries are left out and logged
     * @since 0.2
     */
    public static java.util.List<PaletteEntry> installed() {
        return org.mtorworkbench.ui.editor.internal.PaletteEntries.installed();
    }

    /** @return the default value of a property, or {@code fallback} */
    public String get(String property, String fallback) {
        return defaults.getOrDefault(property, fallback);
    }

    /** @return the default value of a numeric property, or {@code fallback} when absent */
    public double number(String property, double fallback) {
        String v = defaults.get(property);
        return v == null ? fallback : Double.parseDouble(v);
    }
}
