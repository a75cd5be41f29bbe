package org.mtorworkbench.diagram;

import java.util.List;
import java.util.Optional;

import org.mtorworkbench.diagram.internal.ElkLayouter;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.ext.layout.Layout;
import org.sbml.jsbml.ext.layout.LayoutConstants;
import org.sbml.jsbml.ext.layout.LayoutModelPlugin;

/**
 * Finds a model's SBML Layout, or lays the model out with ELK (layered, top to bottom) and
 * adds the result to the document as a new SBML Layout, so that saving the document keeps it.
 */
public final class AutoLayout {

    private AutoLayout() {
    }

    /** @return the layouts of a model (empty when it has none) */
    public static List<Layout> layouts(Model model) {
        if (model == null || !model.isSetPlugin(LayoutConstants.shortLabel)) {
            return List.of();
        }
        LayoutModelPlugin p = (LayoutModelPlugin) model.getPlugin(LayoutConstants.shortLabel);
        return p.isSetListOfLayouts() ? List.copyOf(p.getListOfLayouts()) : List.of();
    }

    /**
     * @param id a layout id, or null for the first layout
     * @return the layout with that id (or the first one)
     */
    public static Optional<Layout> find(Model model, String id) {
        for (Layout l : layouts(model)) {
            if (id == null || id.equals(l.getId())) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the model's first layout, or creates one with ELK when the model has none.
     *
     * @throws IllegalArgumentException if the document has no model
     */
    public static Layout firstOrCreate(SBMLDocument doc, AutoLayoutOptions options) {
        Model m = doc.getModel();
        if (m == null) {
            throw new IllegalArgumentException("the document has no model to draw");
        }
        Optional<Layout> l = find(m, null);
        return l.isPresent() ? l.get() : create(doc, options);
    }

    /**
     * Lays the model out with ELK and adds the result as a new layout with the options' id
     * (made unique if taken). Every compartment, species and reaction gets a glyph; every
     * reactant, product and modifier an arc.
     *
     * @return the new layout
     */
    public static Layout create(SBMLDocument doc, AutoLayoutOptions options) {
        Model m = doc.getModel();
        if (m == null) {
            throw new IllegalArgumentException("the document has no model to draw");
        }
        if (doc.getLevel() >= 3) {
            doc.enablePackage(LayoutConstants.getNamespaceURI(doc.getLevel(), doc.getVersion()), true);
        }
        return ElkLayouter.layout(m, options);
    }
}
