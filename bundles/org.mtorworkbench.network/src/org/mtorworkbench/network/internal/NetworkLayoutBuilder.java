package org.mtorworkbench.network.internal;

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
 * glyphs sized by kind (protein, complex, small molecule, phenotype), a reaction glyph per
 * reaction with substrate, product and modifier arcs, and fills and strokes by kind.
 */
public final class NetworkLayoutBuilder {

    /** The layout's id. */
    public static final String LAYOUT_ID = "mtor_diagram";

    private static final int L = 3;
    private static final int V = 2;

    private NetworkLayoutBuilder() {
    }

    /** Adds the diagram to the model; every species must have a placement. */
    public static void addLayout(Model m, ModelSpec spec) {
        Map<String, ModelSpec.Placement> at = spec.placements();
        LayoutModelPlugin lmp = (LayoutModelPlugin) m.getPlugin(LayoutConstants.shortLabel);
        Layout layout = lmp.createLayout(LAYOUT_ID);
        layout.setName("mTORC1/mTORC2 network (review Figures 2 and 3)");
        double width = 0;
        double height = 0;
        Map<String, List<String>> styles = new LinkedHashMap<>();
        for (ModelSpec.Compartment c : spec.compartments()) {
            ModelSpec.Placement p = at.get(c.id());
            if (p == null) {
                throw new IllegalStateException("compartment " + c.id() + " has no layout placement");
            }
            CompartmentGlyph g = layout.createCompartmentGlyph("cg_" + c.id(), c.id());
            box(g.createBoundingBox(p.width(), p.height(), 0), p.x(), p.y());
            styles.computeIfAbsent("compartment", k -> new ArrayList<>()).add(g.getId());
            width = Math.max(width, p.x() + p.width());
            height = Math.max(height, p.y() + p.height());
        }
        Map<String, double[]> centre = new LinkedHashMap<>();
        for (Species s : m.getListOfSpecies()) {
            ModelSpec.Placement p = at.get(s.getId());
            if (p == null) {
                throw new IllegalStateException("species " + s.getId() + " has no layout placement");
            }
            String kind = kind(s);
            double w = "complex".equals(kind) || "phenotype".equals(kind) ? 120 : "small".equals(kind) ? 70 : 100;
            double h = "complex".equals(kind) || "phenotype".equals(kind) ? 44 : 36;
            SpeciesGlyph g = layout.createSpeciesGlyph("sg_" + s.getId(), s.getId());
            box(g.createBoundingBox(w, h, 0), p.x(), p.y());
            TextGlyph t = layout.createTextGlyph("tg_" + s.getId());
            t.setGraphicalObject(g.getId());
            t.setOriginOfText(s.getId());
            box(t.createBoundingBox(w, h, 0), p.x(), p.y());
            centre.put(s.getId(), new double[] { p.x() + w / 2, p.y() + h / 2 });
            styles.computeIfAbsent(kind, k -> new ArrayList<>()).add(g.getId());
            width = Math.max(width, p.x() + w);
            height = Math.max(height, p.y() + h);
        }
        layout.createDimensions(width + 20, height + 20, 0);
        for (Reaction r : m.getListOfReactions()) {
            reaction(layout, r, centre, styles);
        }
        render(layout, styles);
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

    private static void reaction(Layout layout, Reaction r, Map<String, double[]> centre,
            Map<String, List<String>> styles) {
        double[] c = reactionCentre(r, centre);
        ReactionGlyph rg = layout.createReactionGlyph("rg_" + r.getId(), r.getId());
        box(rg.createBoundingBox(8, 8, 0), c[0] - 4, c[1] - 4);
        for (SimpleSpeciesReference ref : r.getListOfReactants()) {
            arc(rg, ref, SpeciesReferenceRole.SUBSTRATE, centre.get(ref.getSpecies()), c, styles);
        }
        for (SimpleSpeciesReference ref : r.getListOfProducts()) {
            arc(rg, ref, SpeciesReferenceRole.PRODUCT, c, centre.get(ref.getSpecies()), styles);
        }
        for (ModifierSpeciesReference ref : r.getListOfModifiers()) {
            SpeciesReferenceRole role = switch (ref.getSBOTerm()) {
                case 20 -> SpeciesReferenceRole.INHIBITOR;
                case 459 -> SpeciesReferenceRole.ACTIVATOR;
                default -> SpeciesReferenceRole.MODIFIER;
            };
            arc(rg, ref, role, centre.get(ref.getSpecies()), c, styles);
        }
    }

    /** Between reactants and products; a synthesis or degradation sits beside its species. */
    private static double[] reactionCentre(Reaction r, Map<String, double[]> centre) {
        List<double[]> ends = new ArrayList<>();
        r.getListOfReactants().forEach(ref -> ends.add(centre.get(ref.getSpecies())));
        r.getListOfProducts().forEach(ref -> ends.add(centre.get(ref.getSpecies())));
        double x = 0;
        double y = 0;
        for (double[] e : ends) {
            x += e[0];
            y += e[1];
        }
        x /= ends.size();
        y /= ends.size();
        if (ends.size() == 1) {
            boolean synthesis = r.getReactantCount() == 0;
            y += synthesis ? -34 : 34;
            x += synthesis ? -40 : 40;
        }
        return new double[] { x, y };
    }

    private static void arc(ReactionGlyph rg, SimpleSpeciesReference ref, SpeciesReferenceRole role, double[] from,
            double[] to, Map<String, List<String>> styles) {
        SpeciesReferenceGlyph g = rg.createSpeciesReferenceGlyph(rg.getId() + "_" + ref.getId());
        g.setSpeciesGlyph("sg_" + ref.getSpecies());
        if (!(ref instanceof ModifierSpeciesReference)) {
            // Validators resolve this attribute against reactants and products only.
            g.setSpeciesReference(ref.getId());
        }
        g.setRole(role);
        box(g.createBoundingBox(Math.abs(to[0] - from[0]), Math.abs(to[1] - from[1]), 0), Math.min(from[0], to[0]),
                Math.min(from[1], to[1]));
        Curve curve = g.createCurve();
        curve.createLineSegment().createStart(from[0], from[1], 0);
        ((org.sbml.jsbml.ext.layout.LineSegment) curve.getCurveSegment(0)).createEnd(to[0], to[1], 0);
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
