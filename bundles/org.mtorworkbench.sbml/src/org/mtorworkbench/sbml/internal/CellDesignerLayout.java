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
        // complexes first, each before the complexes inside it, then species: members are drawn over their complex
        List<XMLNode> species = complexesOutsideIn(find(top, "complexSpeciesAlias"));
        species.addAll(find(top, "speciesAlias"));
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
        Map<String, double[]> boxes = new HashMap<>();
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
                boxes.put(id, new double[] { x, y, w, h });
            }
        }
        for (Reaction r : model.getListOfReactions()) {
            reaction(layout, r, boxes);
        }
        return true;
    }

    private static List<XMLNode> complexesOutsideIn(List<XMLNode> complexes) {
        Map<String, String> parent = new HashMap<>();
        for (XMLNode c : complexes) {
            parent.put(c.getAttrValue("id"), c.getAttrValue("complexSpeciesAlias"));
        }
        List<XMLNode> sorted = new ArrayList<>(complexes);
        sorted.sort(java.util.Comparator.comparingInt(c -> depth(c.getAttrValue("id"), parent)));
        return sorted;
    }

    private static int depth(String id, Map<String, String> parent) {
        int d = 0;
        for (String p = parent.get(id); p != null && !p.isEmpty() && d < parent.size(); p = parent.get(p)) {
            d++;
        }
        return d;
    }

    private static void reaction(Layout layout, Reaction r, Map<String, double[]> boxes) {
        if (!r.isSetAnnotation() || !r.getAnnotation().isSetNonRDFannotation()) {
            return;
        }
        XMLNode top = r.getAnnotation().getNonRDFannotation();
        List<XMLNode> baseReactants = find(top, "baseReactant");
        List<XMLNode> baseProducts = find(top, "baseProduct");
        List<String> reactants = aliases(baseReactants);
        List<String> products = aliases(baseProducts);
        if (reactants.isEmpty() && products.isEmpty()) {
            return;
        }
        ReactionGlyph g = layout.createReactionGlyph("rg_" + r.getId(), r.getId());
        int n = 0;
        double[] process;
        if (reactants.size() == 1 && products.size() == 1 && boxes.containsKey(reactants.get(0))
                && boxes.containsKey(products.get(0))) {
            // the reaction line as CellDesigner draws it: from the reactant's anchor through the edit
            // points to the product's anchor, the process node in the middle of one of its segments
            double[] a = boxes.get(reactants.get(0));
            double[] b = boxes.get(products.get(0));
            List<double[]> line = new ArrayList<>();
            line.add(anchor(a, anchorOf(baseReactants.get(0)), centre(b)));
            XMLNode edit = first(top, "editPoints", "listOfModification");
            line.addAll(editPoints(edit == null ? null : text(edit), centre(a), centre(b)));
            line.add(anchor(b, anchorOf(baseProducts.get(0)), centre(a)));
            XMLNode scheme = first(top, "connectScheme", "listOfModification");
            int segment = Math.max(0, Math.min(line.size() - 2, scheme == null ? 0 : (int) num(scheme, "rectangleIndex")));
            double[] s0 = line.get(segment);
            double[] s1 = line.get(segment + 1);
            process = new double[] { (s0[0] + s1[0]) / 2, (s0[1] + s1[1]) / 2 };
            List<double[]> in = new ArrayList<>(line.subList(0, segment + 1));
            in.add(process);
            List<double[]> out = new ArrayList<>();
            out.add(process);
            out.addAll(line.subList(segment + 1, line.size()));
            reference(g, "srg_" + r.getId() + "_" + n++, reactants.get(0), SpeciesReferenceRole.SUBSTRATE, in);
            reference(g, "srg_" + r.getId() + "_" + n++, products.get(0), SpeciesReferenceRole.PRODUCT, out);
        } else {
            double[] from = centre(reactants, boxes);
            double[] to = centre(products, boxes);
            // without both ends placed the reaction has no process node to draw
            process = from == null || to == null ? null : new double[] { (from[0] + to[0]) / 2, (from[1] + to[1]) / 2 };
            for (String a : reactants) {
                reference(g, "srg_" + r.getId() + "_" + n++, a, SpeciesReferenceRole.SUBSTRATE,
                        boxes.containsKey(a) && process != null ? List.of(centre(boxes.get(a)), process) : null);
            }
            for (String a : products) {
                reference(g, "srg_" + r.getId() + "_" + n++, a, SpeciesReferenceRole.PRODUCT,
                        boxes.containsKey(a) && process != null ? List.of(process, centre(boxes.get(a))) : null);
            }
        }
        if (process != null) {
            box(g.createBoundingBox(), process[0] - PROCESS / 2, process[1] - PROCESS / 2, PROCESS, PROCESS);
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
            XMLNode target = first(m, "linkTarget");
            for (String alias : aliases.split(",")) {
                String a = alias.trim();
                double[] box = boxes.get(a);
                List<double[]> pts = null;
                if (box != null && process != null) {
                    pts = new ArrayList<>();
                    pts.add(anchor(box, target == null ? null : anchorOf(target), process));
                    pts.addAll(editPoints(m.getAttrValue("editPoints"), centre(box), process));
                    pts.add(process);
                }
                reference(g, "srg_" + r.getId() + "_" + n++, a, role, pts);
            }
        }
    }

    /** Size of the process node made for a reaction. */
    private static final double PROCESS = 10;

    private static String anchorOf(XMLNode link) {
        XMLNode a = first(link, "linkAnchor");
        return a == null ? null : a.getAttrValue("position");
    }

    /**
     * The point of a box CellDesigner's link anchor names (N, NNE, NE, ENE, E, ... NNW: the
     * middle, quarter points and corners of its sides); without an anchor, the box's centre.
     */
    static double[] anchor(double[] box, String position, double[] towards) {
        String[] names = { "N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW",
                "NNW" };
        double[][] at = { { 0.5, 0 }, { 0.75, 0 }, { 1, 0 }, { 1, 0.25 }, { 1, 0.5 }, { 1, 0.75 }, { 1, 1 }, { 0.75, 1 },
                { 0.5, 1 }, { 0.25, 1 }, { 0, 1 }, { 0, 0.75 }, { 0, 0.5 }, { 0, 0.25 }, { 0, 0 }, { 0.25, 0 } };
        for (int i = 0; position != null && i < names.length; i++) {
            if (names[i].equals(position.strip())) {
                return new double[] { box[0] + at[i][0] * box[2], box[1] + at[i][1] * box[3] };
            }
        }
        return centre(box);
    }

    /**
     * CellDesigner's edit points ({@code "x,y x,y ..."}) in absolute coordinates. They are given
     * in a frame whose origin is the centre of the line's first element, whose x axis runs to
     * the centre of its last element (at 1), and whose y axis, of the same unit, points to the
     * right of the x axis in the diagram's coordinates (y down).
     */
    static List<double[]> editPoints(String text, double[] origin, double[] end) {
        List<double[]> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        double dx = end[0] - origin[0];
        double dy = end[1] - origin[1];
        for (String pair : text.trim().split("\\s+")) {
            String[] xy = pair.split(",");
            if (xy.length != 2) {
                continue;
            }
            try {
                double u = Double.parseDouble(xy[0]);
                double v = Double.parseDouble(xy[1]);
                if (Double.isFinite(u) && Double.isFinite(v)) {
                    out.add(new double[] { origin[0] + u * dx - v * dy, origin[1] + u * dy + v * dx });
                }
            } catch (NumberFormatException e) {
                // not a point: CellDesigner draws without it too
            }
        }
        return out;
    }

    private static double[] centre(double[] box) {
        return new double[] { box[0] + box[2] / 2, box[1] + box[3] / 2 };
    }

    private static SpeciesReferenceGlyph reference(ReactionGlyph g, String id, String alias, SpeciesReferenceRole role,
            List<double[]> points) {
        SpeciesReferenceGlyph s = g.createSpeciesReferenceGlyph(id, alias);
        s.setRole(role);
        if (points != null && points.size() >= 2) {
            Curve c = new Curve();
            for (int i = 0; i + 1 < points.size(); i++) {
                LineSegment seg = new LineSegment();
                seg.createStart(points.get(i)[0], points.get(i)[1], 0);
                seg.createEnd(points.get(i + 1)[0], points.get(i + 1)[1], 0);
                c.addCurveSegment(seg);
            }
            s.setCurve(c);
        }
        return s;
    }

    private static double[] centre(List<String> aliases, Map<String, double[]> boxes) {
        double x = 0;
        double y = 0;
        int n = 0;
        for (String a : aliases) {
            double[] c = boxes.containsKey(a) ? centre(boxes.get(a)) : null;
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

    /** The first element named {@code name} below {@code root}, not looking inside elements named {@code skip}. */
    private static XMLNode first(XMLNode root, String name, String skip) {
        for (int i = 0; i < root.getChildCount(); i++) {
            XMLNode c = root.getChildAt(i);
            if (!c.isElement() || !NS.equals(c.getURI())) {
                continue;
            }
            if (name.equals(c.getName())) {
                return c;
            }
            if (!skip.equals(c.getName())) {
                XMLNode found = first(c, name, skip);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
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
