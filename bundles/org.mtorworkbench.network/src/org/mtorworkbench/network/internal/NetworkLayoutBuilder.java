package org.mtorworkbench.network.internal;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sbml.jsbml.Model;
import org.sbml.jsbml.ModifierSpeciesReference;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.SimpleSpeciesReference;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.ext.layout.BoundingBox;
import org.sbml.jsbml.ext.layout.CompartmentGlyph;
import org.sbml.jsbml.ext.layout.Curve;
import org.sbml.jsbml.ext.layout.Layout;
import org.sbml.jsbml.ext.layout.LineSegment;
import org.sbml.jsbml.ext.layout.LayoutConstants;
import org.sbml.jsbml.ext.layout.LayoutModelPlugin;
import org.sbml.jsbml.ext.layout.ReactionGlyph;
import org.sbml.jsbml.ext.layout.SpeciesGlyph;
import org.sbml.jsbml.ext.layout.SpeciesReferenceGlyph;
import org.sbml.jsbml.ext.layout.SpeciesReferenceRole;
import org.sbml.jsbml.ext.layout.TextGlyph;
import org.sbml.jsbml.ext.render.ColorDefinition;
import org.sbml.jsbml.ext.render.LocalRenderInformation;
import org.sbml.jsbml.ext.render.LocalStyle;
import org.sbml.jsbml.ext.render.RenderConstants;
import org.sbml.jsbml.ext.render.RenderGroup;
import org.sbml.jsbml.ext.render.RenderLayoutPlugin;

/**
 * Draws the network as an SBML Layout with render styles: compartments as boxes, species
 * glyphs sized by kind (protein, complex, small molecule, phenotype) where the model source
 * places them ({@link SpeciesPlacer} places the others), a reaction glyph per reaction
 * beside its species ({@link ReactionPlacer}), substrate, product and modifier arcs routed
 * orthogonally around the glyphs ({@link OrthogonalRouter}), and fills and strokes by kind.
 */
public final class NetworkLayoutBuilder {

    /** The layout's id. */
    public static final String LAYOUT_ID = "mtor_diagram";

    private static final int L = 3;
    private static final int V = 2;

    private NetworkLayoutBuilder() {
    }

    /** Grid spacing of the routes; species placements should be multiples of it. */
    static final double GRID = 10;
    /** How far routes keep from glyphs they do not connect. */
    private static final double MARGIN = 5;
    /** Distance of a reaction node from the species border it sits beside. */
    private static final double BESIDE = 15;

    /**
     * Adds the diagram to the model. Compartments need a placement; a species without one is
     * placed in free space next to the species it reacts with.
     */
    public static void addLayout(Model m, ModelSpec spec) {
        addLayout(m, spec.compartments(), spec.placements());
    }

    /** Adds the diagram with the given placements of compartments and species. */
    static void addLayout(Model m, List<ModelSpec.Compartment> compartments, Map<String, ModelSpec.Placement> at) {
        LayoutModelPlugin lmp = (LayoutModelPlugin) m.getPlugin(LayoutConstants.shortLabel);
        Layout layout = lmp.createLayout(LAYOUT_ID);
        layout.setName("mTORC1/mTORC2 network (review Figures 2 and 3)");
        double width = 0;
        double height = 0;
        Map<String, List<String>> styles = new LinkedHashMap<>();
        Map<String, Rectangle2D> compartmentBoxes = new LinkedHashMap<>();
        for (ModelSpec.Compartment c : compartments) {
            ModelSpec.Placement p = at.get(c.id());
            if (p == null) {
                throw new IllegalStateException("compartment " + c.id() + " has no layout placement");
            }
            CompartmentGlyph g = layout.createCompartmentGlyph("cg_" + c.id(), c.id());
            box(g.createBoundingBox(p.width(), p.height(), 0), p.x(), p.y());
            styles.computeIfAbsent("compartment", k -> new ArrayList<>()).add(g.getId());
            compartmentBoxes.put(c.id(), new Rectangle2D.Double(p.x(), p.y(), p.width(), p.height()));
            width = Math.max(width, p.x() + p.width());
            height = Math.max(height, p.y() + p.height());
        }
        Map<String, Rectangle2D> boxes = SpeciesPlacer.place(m, at, compartmentBoxes, NetworkLayoutBuilder::size);
        for (Species s : m.getListOfSpecies()) {
            Rectangle2D b = boxes.get(s.getId());
            SpeciesGlyph g = layout.createSpeciesGlyph("sg_" + s.getId(), s.getId());
            box(g.createBoundingBox(b.getWidth(), b.getHeight(), 0), b.getX(), b.getY());
            TextGlyph t = layout.createTextGlyph("tg_" + s.getId());
            t.setGraphicalObject(g.getId());
            t.setOriginOfText(s.getId());
            box(t.createBoundingBox(b.getWidth(), b.getHeight(), 0), b.getX(), b.getY());
            styles.computeIfAbsent(kind(s), k -> new ArrayList<>()).add(g.getId());
            width = Math.max(width, b.getMaxX());
            height = Math.max(height, b.getMaxY());
        }
        layout.createDimensions(width + 20, height + 20, 0);
        OrthogonalRouter router = new OrthogonalRouter(width + 20, height + 20, GRID, MARGIN);
        Map<String, Integer> obstacle = new LinkedHashMap<>();
        boxes.forEach((id, b) -> obstacle.put(id, router.addObstacle(b)));
        Map<String, double[]> centres = ReactionPlacer.place(m, boxes, router, GRID, BESIDE);
        Map<String, ReactionGlyph> glyphs = new LinkedHashMap<>();
        for (Reaction r : m.getListOfReactions()) {
            double[] c = centres.get(r.getId());
            ReactionGlyph rg = layout.createReactionGlyph("rg_" + r.getId(), r.getId());
            box(rg.createBoundingBox(8, 8, 0), c[0] - 4, c[1] - 4);
            obstacle.put(rg.getId(), router.addObstacle(new Rectangle2D.Double(c[0] - 4, c[1] - 4, 8, 8)));
            glyphs.put(r.getId(), rg);
        }
        // short edges first: a reaction's own substrates and products, then modifiers by distance
        List<Edge> edges = new ArrayList<>();
        for (Reaction r : m.getListOfReactions()) {
            double[] c = centres.get(r.getId());
            for (SimpleSpeciesReference ref : r.getListOfReactants()) {
                edges.add(new Edge(r, ref, SpeciesReferenceRole.SUBSTRATE, 0, distance(boxes.get(ref.getSpecies()), c)));
            }
            for (SimpleSpeciesReference ref : r.getListOfProducts()) {
                edges.add(new Edge(r, ref, SpeciesReferenceRole.PRODUCT, 0, distance(boxes.get(ref.getSpecies()), c)));
            }
            for (ModifierSpeciesReference ref : r.getListOfModifiers()) {
                SpeciesReferenceRole role = switch (ref.getSBOTerm()) {
                    case 20 -> SpeciesReferenceRole.INHIBITOR;
                    case 459 -> SpeciesReferenceRole.ACTIVATOR;
                    default -> SpeciesReferenceRole.MODIFIER;
                };
                edges.add(new Edge(r, ref, role, 1, distance(boxes.get(ref.getSpecies()), c)));
            }
        }
        List<Edge> order = new ArrayList<>(edges);
        order.sort(java.util.Comparator.comparingInt(Edge::pass).thenComparingDouble(Edge::length));
        Map<Edge, double[]> routes = new java.util.HashMap<>();
        List<String> speciesIds = new ArrayList<>(boxes.keySet());
        List<String> reactionIds = new ArrayList<>(centres.keySet());
        for (Edge e : order) {
            String sp = e.ref().getSpecies();
            double[] pts = router.route(obstacle.get(sp), obstacle.get("rg_" + e.reaction().getId()),
                    speciesIds.indexOf(sp), reactionIds.indexOf(e.reaction().getId()));
            routes.put(e, e.role() == SpeciesReferenceRole.PRODUCT ? reversed(pts) : pts);
        }
        for (Edge e : edges) {
            arc(glyphs.get(e.reaction().getId()), e.ref(), e.role(), routes.get(e), styles);
        }
        render(layout, styles);
    }

    private record Edge(Reaction reaction, SimpleSpeciesReference ref, SpeciesReferenceRole role, int pass,
            double length) {
    }

    private static double distance(Rectangle2D b, double[] c) {
        return Math.abs(b.getCenterX() - c[0]) + Math.abs(b.getCenterY() - c[1]);
    }

    private static double[] reversed(double[] pts) {
        double[] r = new double[pts.length];
        for (int i = 0; i < pts.length; i += 2) {
            r[pts.length - 2 - i] = pts[i];
            r[pts.length - 1 - i] = pts[i + 1];
        }
        return r;
    }

    /** @return width and height of a species glyph, by kind */
    static double[] size(Species s) {
        String kind = kind(s);
        double w = "complex".equals(kind) || "phenotype".equals(kind) ? 120 : "small".equals(kind) ? 70 : 100;
        double h = "complex".equals(kind) || "phenotype".equals(kind) ? 44 : 36;
        return new double[] { w, h };
    }

    private static void box(BoundingBox bb, double x, double y) {
        bb.createPosition(x, y, 0);
    }

    private static String kind(Species s) {
        return switch (s.getSBOTerm()) {
            case 253 -> "complex";
            case 247 -> "small";
            case 358 -> "phenotype";
            default -> "protein";
        };
    }

    private static void arc(ReactionGlyph rg, SimpleSpeciesReference ref, SpeciesReferenceRole role, double[] pts,
            Map<String, List<String>> styles) {
        SpeciesReferenceGlyph g = rg.createSpeciesReferenceGlyph(rg.getId() + "_" + ref.getId());
        g.setSpeciesGlyph("sg_" + ref.getSpecies());
        if (!(ref instanceof ModifierSpeciesReference)) {
            // Validators resolve this attribute against reactants and products only.
            g.setSpeciesReference(ref.getId());
        }
        g.setRole(role);
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < pts.length; i += 2) {
            minX = Math.min(minX, pts[i]);
            maxX = Math.max(maxX, pts[i]);
            minY = Math.min(minY, pts[i + 1]);
            maxY = Math.max(maxY, pts[i + 1]);
        }
        box(g.createBoundingBox(maxX - minX, maxY - minY, 0), minX, minY);
        Curve curve = g.createCurve();
        for (int i = 0; i + 3 < pts.length; i += 2) {
            LineSegment seg = curve.createLineSegment();
            seg.createStart(pts[i], pts[i + 1], 0);
            seg.createEnd(pts[i + 2], pts[i + 3], 0);
        }
        String style = role == SpeciesReferenceRole.INHIBITOR ? "inhibition"
                : role == SpeciesReferenceRole.ACTIVATOR || role == SpeciesReferenceRole.MODIFIER ? "modulation" : "flux";
        styles.computeIfAbsent(style, k -> new ArrayList<>()).add(g.getId());
    }

    private static void render(Layout layout, Map<String, List<String>> styles) {
        RenderLayoutPlugin rp = (RenderLayoutPlugin) layout.getPlugin(RenderConstants.shortLabel);
        LocalRenderInformation info = rp.createLocalRenderInformation("mtor_style");
        info.setProgramName("mTOR Workbench");
        String[][] colours = { { "protein_fill", "#DDEEFF" }, { "complex_fill", "#DFF2DC" }, { "small_fill", "#FFF4C2" },
                { "phenotype_fill", "#F9DDE6" }, { "compartment_fill", "#F7F7F7" }, { "outline", "#37474F" },
                { "inhibition_stroke", "#C62828" }, { "modulation_stroke", "#1565C0" } };
        for (String[] c : colours) {
            ColorDefinition cd = new ColorDefinition(L, V);
            cd.setId(c[0]);
            cd.setValue(java.awt.Color.decode(c[1]));
            info.addColorDefinition(cd);
        }
        styles.forEach((kind, ids) -> {
            RenderGroup g = new RenderGroup(L, V);
            switch (kind) {
                case "flux" -> g.setStroke("outline");
                case "inhibition" -> g.setStroke("inhibition_stroke");
                case "modulation" -> g.setStroke("modulation_stroke");
                default -> {
                    g.setStroke("outline");
                    g.setFill(kind + "_fill");
                }
            }
            g.setStrokeWidth(kind.equals("compartment") ? 2 : 1);
            LocalStyle st = new LocalStyle("style_" + kind, L, V, g);
            st.setIDList(ids);
            info.addLocalStyle(st);
        });
    }
}
