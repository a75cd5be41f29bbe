package org.mtorworkbench.diagram;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.sbml.jsbml.ext.layout.BoundingBox;
import org.sbml.jsbml.ext.layout.CubicBezier;
import org.sbml.jsbml.ext.layout.Curve;
import org.sbml.jsbml.ext.layout.CurveSegment;
import org.sbml.jsbml.ext.layout.Layout;
import org.sbml.jsbml.ext.layout.Point;
import org.sbml.jsbml.ext.layout.ReactionGlyph;
import org.sbml.jsbml.ext.layout.SpeciesGlyph;
import org.sbml.jsbml.ext.layout.SpeciesReferenceGlyph;
import org.sbml.jsbml.ext.layout.TextGlyph;

/**
 * How readable an SBML Layout is, measured on the layout as written (the glyphs' bounding
 * boxes and the species reference glyphs' curves), not on a drawing of it. Immutable.
 * <ul>
 * <li>an <em>edge</em> is a species reference glyph with a curve (cubic Béziers are taken as
 * the polyline through their control points);</li>
 * <li>a <em>crossing</em> is a pair of edges one of whose segments cross properly (at a point
 * inside both segments, not where they end), or run on top of each other for more than one
 * unit while the edges share no glyph;</li>
 * <li>an edge passes <em>through an unrelated glyph</em> when it enters the inside of a species
 * or reaction glyph other than the two it connects (the box shrunk by one unit, so an edge
 * along a border does not count);</li>
 * <li>two <em>glyphs overlap</em> when the insides of two species or reaction glyph boxes
 * intersect; two <em>labels overlap</em> when two text glyph boxes do.</li>
 * </ul>
 *
 * @param edges the number of edges
 * @param crossings pairs of crossing edges
 * @param edgesThroughGlyphs edges that pass through at least one unrelated glyph
 * @param overlappingGlyphs pairs of overlapping species or reaction glyphs
 * @param overlappingLabels pairs of overlapping text glyphs
 * @param problems one line per counted defect, naming the glyphs, for a failing test to show
 */
public record LayoutQuality(int edges, int crossings, int edgesThroughGlyphs, int overlappingGlyphs,
        int overlappingLabels, List<String> problems) {

    private static final double INSET = 1;

    public LayoutQuality {
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
    }

    /** Measures a layout. */
    public static LayoutQuality of(Layout layout) {
        Map<String, Rectangle2D> boxes = new LinkedHashMap<>();
        for (SpeciesGlyph g : layout.getListOfSpeciesGlyphs()) {
            box(g.getBoundingBox()).ifPresent(b -> boxes.put(g.getId(), b));
        }
        for (ReactionGlyph g : layout.getListOfReactionGlyphs()) {
            box(g.getBoundingBox()).ifPresent(b -> boxes.put(g.getId(), b));
        }
        List<Edge> edges = new ArrayList<>();
        for (ReactionGlyph rg : layout.getListOfReactionGlyphs()) {
            for (SpeciesReferenceGlyph srg : rg.getListOfSpeciesReferenceGlyphs()) {
                double[] pts = srg.isSetCurve() ? points(srg.getCurve()) : null;
                if (pts != null && pts.length >= 4) {
                    edges.add(new Edge(srg.getId(), srg.getSpeciesGlyph(), rg.getId(), pts));
                }
            }
        }
        List<String> problems = new ArrayList<>();
        int crossings = 0;
        for (int i = 0; i < edges.size(); i++) {
            for (int j = i + 1; j < edges.size(); j++) {
                Edge a = edges.get(i);
                Edge b = edges.get(j);
                boolean shared = a.species.equals(b.species) || a.reaction.equals(b.reaction);
                if (crosses(a.points, b.points, !shared)) {
                    crossings++;
                    problems.add("crossing: " + a.id + " x " + b.id);
                }
            }
        }
        int through = 0;
        for (Edge e : edges) {
            List<String> hit = new ArrayList<>();
            boxes.forEach((id, b) -> {
                if (!id.equals(e.species) && !id.equals(e.reaction) && entersInside(e.points, b)) {
                    hit.add(id);
                }
            });
            if (!hit.isEmpty()) {
                through++;
                problems.add("through glyphs: " + e.id + " passes " + String.join(", ", hit));
            }
        }
        int glyphOverlaps = overlaps(boxes, "glyphs overlap: ", problems);
        Map<String, Rectangle2D> labels = new LinkedHashMap<>();
        for (TextGlyph t : layout.getListOfTextGlyphs()) {
            box(t.getBoundingBox()).ifPresent(b -> labels.put(t.getId(), b));
        }
        int labelOverlaps = overlaps(labels, "labels overlap: ", problems);
        return new LayoutQuality(edges.size(), crossings, through, glyphOverlaps, labelOverlaps, problems);
    }

    /** @return true when the layout reaches the given limits and has no overlapping glyphs or labels */
    public boolean meets(int maxCrossings, int maxEdgesThroughGlyphs) {
        return crossings <= maxCrossings && edgesThroughGlyphs <= maxEdgesThroughGlyphs && overlappingGlyphs == 0
                && overlappingLabels == 0;
    }

    @Override
    public String toString() {
        return edges + " edges, " + crossings + " crossing pairs, " + edgesThroughGlyphs + " through unrelated glyphs, "
                + overlappingGlyphs + " overlapping glyph pairs, " + overlappingLabels + " overlapping label pairs";
    }

    private record Edge(String id, String species, String reaction, double[] points) {
    }

    private static java.util.Optional<Rectangle2D> box(BoundingBox bb) {
        if (bb == null || !bb.isSetPosition() || !bb.isSetDimensions()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Rectangle2D.Double(bb.getPosition().getX(), bb.getPosition().getY(),
                bb.getDimensions().getWidth(), bb.getDimensions().getHeight()));
    }

    private static int overlaps(Map<String, Rectangle2D> boxes, String what, List<String> problems) {
        List<Map.Entry<String, Rectangle2D>> list = new ArrayList<>(boxes.entrySet());
        int n = 0;
        for (int i = 0; i < list.size(); i++) {
            Rectangle2D a = inset(list.get(i).getValue());
            for (int j = i + 1; j < list.size(); j++) {
                if (a.intersects(inset(list.get(j).getValue()))) {
                    n++;
                    problems.add(what + list.get(i).getKey() + ", " + list.get(j).getKey());
                }
            }
        }
        return n;
    }

    private static Rectangle2D inset(Rectangle2D b) {
        double dx = Math.min(INSET, b.getWidth() / 2);
        double dy = Math.min(INSET, b.getHeight() / 2);
        return new Rectangle2D.Double(b.getX() + dx, b.getY() + dy, b.getWidth() - 2 * dx, b.getHeight() - 2 * dy);
    }

    private static boolean entersInside(double[] pts, Rectangle2D box) {
        Rectangle2D inner = inset(box);
        if (inner.getWidth() <= 0 || inner.getHeight() <= 0) {
            return false;
        }
        for (int k = 0; k + 3 < pts.length; k += 2) {
            if (inner.intersectsLine(pts[k], pts[k + 1], pts[k + 2], pts[k + 3])) {
                return true;
            }
        }
        return false;
    }

    private static boolean crosses(double[] a, double[] b, boolean countOverlaps) {
        for (int i = 0; i + 3 < a.length; i += 2) {
            for (int j = 0; j + 3 < b.length; j += 2) {
                double ax = a[i], ay = a[i + 1], bx = a[i + 2], by = a[i + 3];
                double cx = b[j], cy = b[j + 1], dx = b[j + 2], dy = b[j + 3];
                double d1 = orient(cx, cy, dx, dy, ax, ay);
                double d2 = orient(cx, cy, dx, dy, bx, by);
                double d3 = orient(ax, ay, bx, by, cx, cy);
                double d4 = orient(ax, ay, bx, by, dx, dy);
                if (d1 * d2 < 0 && d3 * d4 < 0) {
                    return true;
                }
                if (countOverlaps && d1 == 0 && d2 == 0 && collinearOverlap(ax, ay, bx, by, cx, cy, dx, dy) > 1) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return the length two collinear segments share */
    private static double collinearOverlap(double ax, double ay, double bx, double by, double cx, double cy, double dx,
            double dy) {
        double len = Math.hypot(bx - ax, by - ay);
        if (len == 0) {
            return 0;
        }
        double ux = (bx - ax) / len;
        double uy = (by - ay) / len;
        double t0 = 0;
        double t1 = len;
        double s0 = (cx - ax) * ux + (cy - ay) * uy;
        double s1 = (dx - ax) * ux + (dy - ay) * uy;
        return Math.min(t1, Math.max(s0, s1)) - Math.max(t0, Math.min(s0, s1));
    }

    private static double orient(double ax, double ay, double bx, double by, double px, double py) {
        double v = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
        return Math.abs(v) < 1e-9 ? 0 : v;
    }

    /** The curve's points in order; a Bézier contributes its control points. */
    private static double[] points(Curve curve) {
        List<Double> out = new ArrayList<>();
        for (CurveSegment seg : curve.getListOfCurveSegments()) {
            List<Point> pts = new ArrayList<>();
            if (seg.isSetStart()) {
                pts.add(seg.getStart());
            }
            if (seg instanceof CubicBezier cb) {
                if (cb.isSetBasePoint1()) {
                    pts.add(cb.getBasePoint1());
                }
                if (cb.isSetBasePoint2()) {
                    pts.add(cb.getBasePoint2());
                }
            }
            if (seg.isSetEnd()) {
                pts.add(seg.getEnd());
            }
            for (Point p : pts) {
                int n = out.size();
                if (n >= 2 && out.get(n - 2) == p.getX() && out.get(n - 1) == p.getY()) {
                    continue;
                }
                out.add(p.getX());
                out.add(p.getY());
            }
        }
        double[] r = new double[out.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = out.get(i);
        }
        return r;
    }
}
