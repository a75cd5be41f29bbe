package org.mtorworkbench.network.internal;

import java.awt.geom.Rectangle2D;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.sbml.jsbml.Model;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.SimpleSpeciesReference;
import org.sbml.jsbml.Species;

/**
 * Species boxes of the network's diagram: where the model source's {@code layout} lines put
 * them, and, for species without such a line (a mechanism added later), the free spot
 * inside their compartment nearest to the species they react with.
 *
 * <p>Needs: compartment boxes and glyph sizes. Provides: one box per species, in model order,
 * none overlapping another by less than {@link #CLEARANCE} when placed here.
 */
final class SpeciesPlacer {

    /** Free space kept around a placed species. */
    static final double CLEARANCE = 30;
    private static final double STEP = NetworkLayoutBuilder.GRID;
    private static final int RINGS = 80;

    private SpeciesPlacer() {
    }

    static Map<String, Rectangle2D> place(Model m, Map<String, ModelSpec.Placement> at,
            Map<String, Rectangle2D> compartments, Function<Species, double[]> size) {
        Map<String, Rectangle2D> boxes = new LinkedHashMap<>();
        for (Species s : m.getListOfSpecies()) {
            ModelSpec.Placement p = at.get(s.getId());
            if (p != null) {
                double[] wh = size.apply(s);
                boxes.put(s.getId(), new Rectangle2D.Double(p.x(), p.y(), wh[0], wh[1]));
            }
        }
        for (Species s : m.getListOfSpecies()) {
            if (!boxes.containsKey(s.getId())) {
                boxes.put(s.getId(), free(m, s, size.apply(s), boxes, compartments.get(s.getCompartment())));
            }
        }
        Map<String, Rectangle2D> ordered = new LinkedHashMap<>();
        for (Species s : m.getListOfSpecies()) {
            ordered.put(s.getId(), boxes.get(s.getId()));
        }
        return ordered;
    }

    private static Rectangle2D free(Model m, Species s, double[] wh, Map<String, Rectangle2D> boxes,
            Rectangle2D compartment) {
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (Reaction r : m.getListOfReactions()) {
            if (!involves(r, s.getId())) {
                continue;
            }
            for (String other : partners(r)) {
                Rectangle2D b = boxes.get(other);
                if (b != null && !other.equals(s.getId())) {
                    sx += b.getCenterX();
                    sy += b.getCenterY();
                    n++;
                }
            }
        }
        double tx = n > 0 ? sx / n : compartment != null ? compartment.getCenterX() : 0;
        double ty = n > 0 ? sy / n : compartment != null ? compartment.getCenterY() : 0;
        double x0 = Math.round((tx - wh[0] / 2) / STEP) * STEP;
        double y0 = Math.round((ty - wh[1] / 2) / STEP) * STEP;
        for (int ring = 0; ring <= RINGS; ring++) {
            Rectangle2D best = null;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int i = -ring; i <= ring; i++) {
                for (int j = -ring; j <= ring; j++) {
                    if (Math.max(Math.abs(i), Math.abs(j)) != ring) {
                        continue;
                    }
                    Rectangle2D c = new Rectangle2D.Double(x0 + i * STEP, y0 + j * STEP, wh[0], wh[1]);
                    double d = Math.hypot(c.getCenterX() - tx, c.getCenterY() - ty);
                    if (d < bestDistance && fits(c, boxes, compartment)) {
                        best = c;
                        bestDistance = d;
                    }
                }
            }
            if (best != null) {
                return best;
            }
        }
        double bottom = boxes.values().stream().mapToDouble(Rectangle2D::getMaxY).max().orElse(0);
        return new Rectangle2D.Double(x0, bottom + CLEARANCE, wh[0], wh[1]);
    }

    private static boolean fits(Rectangle2D c, Map<String, Rectangle2D> boxes, Rectangle2D compartment) {
        if (c.getX() < 0 || c.getY() < 0) {
            return false;
        }
        if (compartment != null && !compartment.contains(new Rectangle2D.Double(c.getX() - 10, c.getY() - 10,
                c.getWidth() + 20, c.getHeight() + 20))) {
            return false;
        }
        Rectangle2D grown = new Rectangle2D.Double(c.getX() - CLEARANCE, c.getY() - CLEARANCE,
                c.getWidth() + 2 * CLEARANCE, c.getHeight() + 2 * CLEARANCE);
        return boxes.values().stream().noneMatch(grown::intersects);
    }

    private static boolean involves(Reaction r, String species) {
        return partners(r).contains(species);
    }

    private static java.util.List<String> partners(Reaction r) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (SimpleSpeciesReference ref : r.getListOfReactants()) {
            ids.add(ref.getSpecies());
        }
        for (SimpleSpeciesReference ref : r.getListOfProducts()) {
            ids.add(ref.getSpecies());
        }
        for (SimpleSpeciesReference ref : r.getListOfModifiers()) {
            ids.add(ref.getSpecies());
        }
        return ids;
    }
}
