package org.mtorworkbench.sbml.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sbml.jsbml.Model;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.ext.layout.BoundingBox;
import org.sbml.jsbml.ext.layout.CompartmentGlyph;
import org.sbml.jsbml.ext.layout.Curve;
import org.sbml.jsbml.ext.layout.Layout;
import org.sbml.jsbml.ext.layout.LayoutConstants;
import org.sbml.jsbml.ext.layout.LayoutModelPlugin;
import org.sbml.jsbml.ext.layout.LineSegment;
import org.sbml.jsbml.ext.layout.ReactionGlyph;
import org.sbml.jsbml.ext.layout.SpeciesGlyph;
import org.sbml.jsbml.ext.layout.SpeciesReferenceGlyph;
import org.sbml.jsbml.ext.layout.SpeciesReferenceRole;
import org.sbml.jsbml.xml.XMLNode;

/**
 * Turns a CellDesigner diagram ({@code celldesigner:extension} annotations) into an SBML
 * Layout, so the diagram appears as drawn: compartment aliases become compartment glyphs,
 * species and complex aliases species glyphs with their bounds, and each reaction a
 * reaction glyph joining its base reactants and products (straight lines between the alias
 * centres, modifiers as modifier, activator or inhibitor references). The CellDesigner
 * annotations themselves are kept unchanged.
 */
public final class CellDesignerLayout {

    /** The id of the layout made from a CellDesigner diagram. */
    public static final String LAYOUT_ID = "celldesigner_diagram";

    private static final String NS = LevelConversion.CELLDESIGNER_NS;

    private CellDesignerLayout() {
    }

    /**
     * Adds the layout to {@code model} when its annotation holds a CellDesigner diagram and
     * the model has no layout yet.
     *
     * @return whether a layout was added
     */
    public static boolean addIfPresent(Model model) {
        if (!model.isSetAnnotation() || !model.getAnnotation().isSetNonRDFannotation()) {
            return false;
        }
        if (model.getExtension(LayoutConstants.shortLabel) instanceof LayoutModelPlugin existing
                && existing.getLayoutCount() > 0) {
            return false;
        }
        XMLNode top = model.getAnnotation().getNonRDFannotation();
        List<XMLNode> compartments = find(top, "compartmentAlias");
        List<XMLNode> species = find(top, "speciesAlias");
        species.addAll(find(top, "complexSpeciesAlias"));
        if (species.isEmpty() && compartments.isEmpty()) {
            return false;
        }
        double width = 0;
        double height = 0;
        XMLNode display = first(top, "modelDisplay");
        if (display != null) {
            width = num(display, "sizeX");
            height = num(display, "sizeY");
        }
        LayoutModelPlugin lmp = (LayoutModelPlugin) model.getPlugin(LayoutConstants.shortLabel);
        Layout layout = lmp.createLayout(LAYOUT_ID);
        layout.setName("CellDesigner diagram");
        layout.createDimensions(width, height, 0);
        for (XMLNode a : compartments) {
            CompartmentGlyph g = layout.createCompartmentGlyph(a.getAttrValue("id"));
            String c = a.getAttrValue("compartment");
            if (c != null && model.getCompartment(c) != null) {
                g.setCompartment(c);
            }
            XMLNode b = first(a, "bounds");
            if (b != null) {
                box(g.createBoundingBox(), num(b, "x"), num(b, "y"), num(b, "w"), num(b, "h"));
            } else {
                XMLNode p = first(a, "point");
                XMLNode cls = first(a, "class");
                closeUp(g.createBoundingBox(), p, cls == null ? "" : text(cls), width, height);
            }
        }
        Map<String, double[]> centres = new HashMap<>();
        for (XMLNode a : species) {
            String id = a.getAttrValue("id");
            SpeciesGlyph g = layout.createSpeciesGlyph(id);
            String s = a.getAttrValue("species");
            // Aliases inside complexes draw CellDesigner's included species, which are not SBML species.
            if (s != null && model.getSpecies(s) != null) {
                g.setSpecies(s);
            }
            XMLNode b = first(a, "bounds");
            if (b != null) {
                double x = num(b, "x");
                double y = num(b, "y");
                double w = num(b, "w");
                double h = num(b, "h");
                box(g.createBoundingBox(), x, y, w, h);
                centres.put(id, new double[] { x + w / 2, y + h / 2 });
            }
        }
        for (Reaction r : model.getListOfReactions()) {
            reaction(layout, r, centres);
        }
        return true;
    }

    private static void reaction(Layout layout, Reaction r, Map<String, double[]> centres) {
        if (!r.isSetAnnotation() || !r.getAnnotation().isSetNonRDFannotation()) {
            return;
        }
        XMLNode top = r.getAnnotation().getNonRDFannotation();
        List<String> reactants = aliases(find(top, "baseReactant"));
        List<String> products = aliases(find(top, "baseProduct"));
        if (reactants.isEmpty() && products.isEmpty()) {
            return;
        }
        ReactionGlyph g = layout.createReactionGlyph("rg_" + r.getId(), r.getId());
        double[] from = centre(reactants, centres);
        double[] to = centre(products, centres);
        if (from != null && to != null) {
            g.setCurve(line(from, to));
        }
        double[] mid = from != null && to != null ? new double[] { (from[0] + to[0]) / 2, (from[1] + to[1]) / 2 } : null;
        int n = 0;
        for (String a : reactants) {
            reference(g, "srg_" + r.getId() + "_" + n++, a, SpeciesReferenceRole.SUBSTRATE, centres.get(a), mid);
        }
        for (String a : products) {
            reference(g, "srg_" + r.getId() + "_" + n++, a, SpeciesReferenceRole.PRODUCT, mid, centres.get(a));
        }
        for (XMLNode m : find(top, "modification")) {
            String type = m.getAttrValue("type");
            SpeciesReferenceRole role = type == null ? SpeciesReferenceRole.MODIFIER
                    : type.contains("INHIBITION") ? SpeciesReferenceRole.INHIBITOR
                    : type.contains("CATALYSIS") || type.contains("TRIGGER") || type.contains("STIMULATION")
                            ? SpeciesReferenceRole.ACTIVATOR : SpeciesReferenceRole.MODIFIER;
            String aliases = m.getAttrValue("aliases");
            if (aliases == null || aliases.isEmpty()) {
                continue;
            }
            for (String a : aliases.split(",")) {
                reference(g, "srg_" + r.getId() + "_" + n++, a.trim(), role, centres.get(a.trim()), mid);
            }
        }
    }

    private static void reference(ReactionGlyph g, String id, String alias, SpeciesReferenceRole role, double[] from,
            double[] to) {
        SpeciesReferenceGlyph s = g.createSpeciesReferenceGlyph(id, alias);
        s.setRole(role);
        if (from != null && to != null) {
            s.setCurve(line(from, to));
        }
    }

    private static Curve line(double[] from, double[] to) {
        Curve c = new Curve();
        LineSegment s = new LineSegment();
        s.createStart(from[0], from[1], 0);
        s.createEnd(to[0], to[1], 0);
        c.addCurveSegment(s);
        return c;
    }

    private static double[] centre(List<String> aliases, Map<String, double[]> centres) {
        double x = 0;
        double y = 0;
        int n = 0;
        for (String a : aliases) {
            double[] c = centres.get(a);
            if (c != null) {
                x += c[0];
                y += c[1];
                n++;
            }
        }
        return n == 0 ? null : new double[] { x / n, y / n };
    }

    private static List<String> aliases(List<XMLNode> nodes) {
        List<String> out = new ArrayList<>();
        for (XMLNode n : nodes) {
            String a = n.getAttrValue("alias");
            if (a != null && !a.isEmpty()) {
                out.add(a);
            }
        }
        return out;
    }

    /** A close-up compartment is drawn as a wall across the diagram; its area runs to the edge. */
    private static void closeUp(BoundingBox box, XMLNode point, String cls, double width, double height) {
        double px = point == null ? 0 : num(point, "x");
        double py = point == null ? 0 : num(point, "y");
        if (cls.endsWith("NORTH")) {
            box(box, 0, py, width, Math.max(0, height - py));
        } else if (cls.endsWith("SOUTH")) {
            box(box, 0, 0, width, py);
        } else if (cls.endsWith("WEST")) {
            box(box, px, 0, Math.max(0, width - px), height);
        } else if (cls.endsWith("EAST")) {
            box(box, 0, 0, px, height);
        } else {
            box(box, 0, 0, width, height);
        }
    }

    private static void box(BoundingBox b, double x, double y, double w, double h) {
        b.createPosition(x, y, 0);
        b.createDimensions(w, h, 0);
    }

    private static double num(XMLNode n, String attr) {
        String v = n.getAttrValue(attr);
        if (v == null || v.isEmpty()) {
            return 0;
        }
        try {
            double d = Double.parseDouble(v.trim());
            return Double.isFinite(d) ? d : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String text(XMLNode n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n.getChildCount(); i++) {
            XMLNode c = n.getChildAt(i);
            if (c.isText()) {
                sb.append(c.getCharacters());
            }
        }
        return sb.toString().trim();
    }

    private static XMLNode first(XMLNode root, String name) {
        List<XMLNode> all = find(root, name);
        return all.isEmpty() ? null : all.get(0);
    }

    /** Every element named {@code name} in CellDesigner's namespace below {@code root}, in document order. */
    private static List<XMLNode> find(XMLNode root, String name) {
        List<XMLNode> out = new ArrayList<>();
        collect(root, name, out);
        return out;
    }

    private static void collect(XMLNode node, String name, List<XMLNode> out) {
        for (int i = 0; i < node.getChildCount(); i++) {
            XMLNode c = node.getChildAt(i);
            if (!c.isElement()) {
                continue;
            }
            if (name.equals(c.getName()) && NS.equals(c.getURI())) {
                out.add(c);
            }
            collect(c, name, out);
        }
    }
}
