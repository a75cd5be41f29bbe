package org.mtorworkbench.sbml.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mtorworkbench.sbml.NumberText;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.ext.layout.Curve;
import org.sbml.jsbml.ext.layout.CurveSegment;
import org.sbml.jsbml.ext.layout.Layout;
import org.sbml.jsbml.ext.layout.ReactionGlyph;
import org.sbml.jsbml.ext.layout.SpeciesGlyph;
import org.sbml.jsbml.ext.layout.SpeciesReferenceGlyph;

/**
 * A reaction's routes in a layout as CellDesigner edit points, for the CellDesigner export:
 * the base line from the reactant through the bends of its arc, across the process node, through
 * the bends of the product's arc to the product, and each modifier's bends. Edit points are
 * written in CellDesigner's frame (origin at the centre of the line's first element, x axis to
 * the centre of its last at 1, y axis of the same unit to the right of x, y down), the inverse of
 * {@link CellDesignerLayout#editPoints}. CellDesigner puts the process node in the middle of the
 * segment {@code rectangleIndex}: two edit points one unit either side of the node make that
 * segment, so the node comes back where the layout has it.
 *
 * @param editPoints the base line's edit points as CellDesigner writes them, empty for a straight line
 * @param segment the index of the base-line segment holding the process node
 */
record ReactionLine(String editPoints, int segment, Map<String, String> modifiers) {

    private static final double AROUND_PROCESS = 1;

    /** @return the edit points of a modifier's line, empty for a straight one */
    String modifierEditPoints(String species) {
        return modifiers.getOrDefault(species, "");
    }

    /**
     * @param boxes species id to alias bounds (x, y, w, h)
     * @return the reaction's lines, or null when it has no glyph, or not one reactant and one product placed
     */
    static ReactionLine of(Layout layout, Reaction r, Map<String, double[]> boxes) {
        ReactionGlyph rg = layout.getListOfReactionGlyphs().stream()
                .filter(g -> g.isSetReaction() && g.getReaction().equals(r.getId())).findFirst().orElse(null);
        if (rg == null || r.getReactantCount() != 1 || r.getProductCount() != 1 || !rg.isSetBoundingBox()) {
            return null;
        }
        String reactant = r.getReactant(0).getSpecies();
        String product = r.getProduct(0).getSpecies();
        double[] a = boxes.get(reactant);
        double[] b = boxes.get(product);
        if (a == null || b == null) {
            return null;
        }
        double[] c = { rg.getBoundingBox().getPosition().getX() + rg.getBoundingBox().getDimensions().getWidth() / 2,
                rg.getBoundingBox().getPosition().getY() + rg.getBoundingBox().getDimensions().getHeight() / 2 };
        List<double[]> in = bends(layout, rg, reactant, a);
        List<double[]> out = bends(layout, rg, product, b);
        java.util.Collections.reverse(out);
        double[] ca = centre(a);
        double[] cb = centre(b);
        List<double[]> line = new ArrayList<>(in);
        double[] before = in.isEmpty() ? ca : in.get(in.size() - 1);
        double[] after = out.isEmpty() ? cb : out.get(0);
        line.add(step(c, before, AROUND_PROCESS));
        line.add(step(c, after, AROUND_PROCESS));
        line.addAll(out);
        Map<String, String> mods = new java.util.HashMap<>();
        for (var m : r.getListOfModifiers()) {
            double[] box = boxes.get(m.getSpecies());
            if (box != null) {
                List<double[]> pts = bends(layout, rg, m.getSpecies(), box);
                if (!pts.isEmpty()) {
                    mods.put(m.getSpecies(), relative(pts, centre(box), c));
                }
            }
        }
        return new ReactionLine(relative(line, ca, cb), in.size() + 1, mods);
    }

    /**
     * The points of the species' arc but the one on the process node, ordered from the species:
     * where it leaves the species' glyph, then its bends.
     */
    private static List<double[]> bends(Layout layout, ReactionGlyph rg, String species, double[] box) {
        for (SpeciesReferenceGlyph srg : rg.getListOfSpeciesReferenceGlyphs()) {
            SpeciesGlyph sg = srg.isSetSpeciesGlyph() ? layout.getSpeciesGlyph(srg.getSpeciesGlyph()) : null;
            if (sg == null || !sg.isSetSpecies() || !sg.getSpecies().equals(species) || !srg.isSetCurve()) {
                continue;
            }
            List<double[]> pts = points(srg.getCurve());
            if (pts.size() < 2) {
                return List.of();
            }
            double[] centre = centre(box);
            if (distance(pts.get(pts.size() - 1), centre) < distance(pts.get(0), centre)) {
                java.util.Collections.reverse(pts);
            }
            return new ArrayList<>(pts.subList(0, pts.size() - 1));
        }
        return List.of();
    }

    private static List<double[]> points(Curve curve) {
        List<double[]> out = new ArrayList<>();
        for (CurveSegment s : curve.getListOfCurveSegments()) {
            for (var p : new org.sbml.jsbml.ext.layout.Point[] { s.getStart(), s.getEnd() }) {
                if (p == null) {
                    continue;
                }
                double[] q = { p.getX(), p.getY() };
                if (out.isEmpty() || distance(out.get(out.size() - 1), q) > 1e-9) {
                    out.add(q);
                }
            }
        }
        return out;
    }

    /** The points in CellDesigner's frame from {@code origin} to {@code end}, as {@code "x,y x,y"}. */
    static String relative(List<double[]> pts, double[] origin, double[] end) {
        double dx = end[0] - origin[0];
        double dy = end[1] - origin[1];
        double len2 = dx * dx + dy * dy;
        if (len2 == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (double[] p : pts) {
            double px = p[0] - origin[0];
            double py = p[1] - origin[1];
            double u = (px * dx + py * dy) / len2;
            double v = (-px * dy + py * dx) / len2;
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(NumberText.format(u)).append(',').append(NumberText.format(v));
        }
        return sb.toString();
    }

    private static double[] step(double[] from, double[] towards, double by) {
        double d = distance(from, towards);
        if (d < 1e-9) {
            return from.clone();
        }
        return new double[] { from[0] + (towards[0] - from[0]) / d * by, from[1] + (towards[1] - from[1]) / d * by };
    }

    private static double[] centre(double[] box) {
        return new double[] { box[0] + box[2] / 2, box[1] + box[3] / 2 };
    }

    private static double distance(double[] p, double[] q) {
        return Math.hypot(p[0] - q[0], p[1] - q[1]);
    }
}
