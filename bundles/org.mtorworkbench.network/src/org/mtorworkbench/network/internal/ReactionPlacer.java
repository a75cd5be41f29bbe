package org.mtorworkbench.network.internal;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sbml.jsbml.Model;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.SimpleSpeciesReference;

/**
 * Places the process node of each reaction of the network's diagram: a conversion between
 * two species sits between them, and when several reactions join the same two species (a
 * phosphorylation and its dephosphorylation), they sit on either side of the line between
 * them, the one with modifiers on the side its modifiers come from; a synthesis sits left of
 * its product, a degradation right of its substrate; other reactions at the centre of their
 * species. Each node goes to the nearest free grid point; a synthesis or degradation node only
 * where the source or sink drawn beyond it has room, and that room becomes an obstacle.
 *
 * <p>Needs: species boxes, a router holding them as obstacles. Provides: the centre of every
 * reaction's node, on the grid, clear of every glyph and of every other node.
 */
final class ReactionPlacer {

    private static final int SEARCH = 12;

    private ReactionPlacer() {
    }

    static Map<String, double[]> place(Model m, Map<String, Rectangle2D> boxes, OrthogonalRouter router, double grid,
            double beside) {
        Map<Set<String>, List<Reaction>> byPair = new LinkedHashMap<>();
        for (Reaction r : m.getListOfReactions()) {
            Set<String> ends = ends(r);
            if (ends.size() == 2) {
                byPair.computeIfAbsent(ends, k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        Set<Long> taken = new HashSet<>();
        for (Reaction r : m.getListOfReactions()) {
            double[] ideal = ideal(r, boxes, byPair, beside);
            Set<String> ends = ends(r);
            Rectangle2D species = ends.size() == 1 ? boxes.get(ends.iterator().next()) : null;
            double[] c = free(ideal, router, grid, taken, boxes.values(), species);
            out.put(r.getId(), c);
            if (species != null) {
                router.addObstacle(emptySet(c, species));
            }
        }
        return out;
    }

    private static double[] ideal(Reaction r, Map<String, Rectangle2D> boxes, Map<Set<String>, List<Reaction>> byPair,
            double beside) {
        List<String> ends = new ArrayList<>(ends(r));
        if (ends.size() == 1) {
            Rectangle2D b = boxes.get(ends.get(0));
            return r.getReactantCount() == 0 ? new double[] { b.getMinX() - beside, b.getCenterY() }
                    : new double[] { b.getMaxX() + beside, b.getCenterY() };
        }
        if (ends.size() == 2) {
            Rectangle2D a = boxes.get(ends.get(0));
            Rectangle2D b = boxes.get(ends.get(1));
            double mx = (a.getCenterX() + b.getCenterX()) / 2;
            double my = (a.getCenterY() + b.getCenterY()) / 2;
            boolean horizontal = Math.abs(a.getCenterX() - b.getCenterX()) >= Math.abs(a.getCenterY() - b.getCenterY());
            if (horizontal) {
                mx = (Math.min(a.getMaxX(), b.getMaxX()) + Math.max(a.getMinX(), b.getMinX())) / 2;
            } else {
                my = (Math.min(a.getMaxY(), b.getMaxY()) + Math.max(a.getMinY(), b.getMinY())) / 2;
            }
            List<Reaction> siblings = byPair.get(Set.copyOf(ends));
            if (siblings.size() < 2) {
                return new double[] { mx, my };
            }
            int index = siblings.indexOf(r);
            int first = pull(siblings.get(0), boxes, mx, my, horizontal);
            int sign = index % 2 == 0 ? first : -first;
            int rank = 1 + index / 2;
            if (horizontal) {
                double half = Math.max(a.getHeight(), b.getHeight()) / 2;
                return new double[] { mx, my + sign * (half + beside * rank) };
            }
            return new double[] { mx + sign * 30 * rank, my };
        }
        double x = 0;
        double y = 0;
        for (String s : ends) {
            x += boxes.get(s).getCenterX();
            y += boxes.get(s).getCenterY();
        }
        return new double[] { x / ends.size(), y / ends.size() };
    }

    /** @return -1 or +1: the side (above/left or below/right) the reaction's modifiers come from */
    private static int pull(Reaction r, Map<String, Rectangle2D> boxes, double mx, double my, boolean horizontal) {
        double sum = 0;
        for (SimpleSpeciesReference ref : r.getListOfModifiers()) {
            Rectangle2D b = boxes.get(ref.getSpecies());
            sum += horizontal ? b.getCenterY() - my : b.getCenterX() - mx;
        }
        return sum > 0 ? 1 : -1;
    }

    private static Set<String> ends(Reaction r) {
        Set<String> ends = new LinkedHashSet<>();
        for (SimpleSpeciesReference ref : r.getListOfReactants()) {
            ends.add(ref.getSpecies());
        }
        for (SimpleSpeciesReference ref : r.getListOfProducts()) {
            ends.add(ref.getSpecies());
        }
        return ends;
    }

    /** Distance and size of the source or sink the diagram draws beyond a synthesis or degradation node. */
    private static final double EMPTY_SET_DISTANCE = 45;
    private static final double EMPTY_SET_SIZE = 20;

    /** @return where the diagram draws the empty set of a synthesis or degradation whose node is at {@code c} */
    private static Rectangle2D emptySet(double[] c, Rectangle2D species) {
        double dx = c[0] - species.getCenterX();
        double dy = c[1] - species.getCenterY();
        double len = Math.hypot(dx, dy);
        double ux = len < 1e-9 ? 1 : dx / len;
        double uy = len < 1e-9 ? 0 : dy / len;
        double x = c[0] + ux * EMPTY_SET_DISTANCE;
        double y = c[1] + uy * EMPTY_SET_DISTANCE;
        return new Rectangle2D.Double(x - EMPTY_SET_SIZE / 2, y - EMPTY_SET_SIZE / 2, EMPTY_SET_SIZE, EMPTY_SET_SIZE);
    }

    private static double[] free(double[] ideal, OrthogonalRouter router, double grid, Set<Long> taken,
            java.util.Collection<Rectangle2D> glyphs, Rectangle2D species) {
        long gx = Math.round(ideal[0] / grid);
        long gy = Math.round(ideal[1] / grid);
        for (int ring = 0; ring <= SEARCH; ring++) {
            long bx = 0;
            long by = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int i = -ring; i <= ring; i++) {
                for (int j = -ring; j <= ring; j++) {
                    if (Math.max(Math.abs(i), Math.abs(j)) != ring) {
                        continue;
                    }
                    long x = gx + i;
                    long y = gy + j;
                    double d = Math.hypot(x * grid - ideal[0], y * grid - ideal[1]);
                    if (d < bestDistance && router.isFree(x * grid, y * grid) && clear(x, y, taken)
                            && (species == null || roomForEmptySet(new double[] { x * grid, y * grid }, species, glyphs))) {
                        bx = x;
                        by = y;
                        bestDistance = d;
                    }
                }
            }
            if (bestDistance < Double.POSITIVE_INFINITY) {
                taken.add(key(bx, by));
                return new double[] { bx * grid, by * grid };
            }
        }
        taken.add(key(gx, gy));
        return new double[] { gx * grid, gy * grid };
    }

    private static boolean roomForEmptySet(double[] c, Rectangle2D species, java.util.Collection<Rectangle2D> glyphs) {
        Rectangle2D e = emptySet(c, species);
        Rectangle2D grown = new Rectangle2D.Double(e.getX() - 5, e.getY() - 5, e.getWidth() + 10, e.getHeight() + 10);
        return glyphs.stream().noneMatch(grown::intersects);
    }

    /** No other node on this grid point or next to it. */
    private static boolean clear(long x, long y, Set<Long> taken) {
        for (long i = -1; i <= 1; i++) {
            for (long j = -1; j <= 1; j++) {
                if (taken.contains(key(x + i, y + j))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static long key(long x, long y) {
        return x * 1_000_003L + y;
    }
}
