package org.mtorworkbench.ui.editor.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sbml.jsbml.ext.layout.BoundingBox;
import org.sbml.jsbml.ext.layout.CubicBezier;
import org.sbml.jsbml.ext.layout.Curve;
import org.sbml.jsbml.ext.layout.CurveSegment;
import org.sbml.jsbml.ext.layout.GraphicalObject;
import org.sbml.jsbml.ext.layout.Point;
import org.sbml.jsbml.ext.layout.ReactionGlyph;
import org.sbml.jsbml.ext.layout.SpeciesReferenceGlyph;

/**
 * The geometry of some glyphs of a layout (bounding boxes and curve points), taken
 * so that an operation can put them back exactly. The glyphs themselves are not copied.
 */
final class Geometry {

    private final Map<GraphicalObject, double[]> boxes = new LinkedHashMap<>();
    private final Map<GraphicalObject, List<double[]>> curves = new LinkedHashMap<>();

    /** Takes the positions of the given glyphs. */
    static Geometry of(Iterable<? extends GraphicalObject> glyphs) {
        Geometry g = new Geometry();
        for (GraphicalObject o : glyphs) {
            BoundingBox bb = o.getBoundingBox();
            if (bb != null && bb.isSetPosition()) {
                boolean dims = bb.isSetDimensions();
                g.boxes.put(o, new double[] { bb.getPosition().getX(), bb.getPosition().getY(),
                        dims ? bb.getDimensions().getWidth() : Double.NaN, dims ? bb.getDimensions().getHeight() : Double.NaN });
            }
            Curve c = o instanceof SpeciesReferenceGlyph s ? s.getCurve()
                    : o instanceof ReactionGlyph r && r.isSetCurve() ? r.getCurve() : null;
            if (c != null) {
                List<double[]> pts = new ArrayList<>();
                for (CurveSegment seg : c.getListOfCurveSegments()) {
                    pts.add(coords(seg));
                }
                g.curves.put(o, pts);
            }
        }
        return g;
    }

    /** @return every point of a curve (segment ends and Bezier base points), segment by segment */
    static List<Point> curvePoints(Curve c) {
        List<Point> pts = new ArrayList<>();
        for (CurveSegment seg : c.getListOfCurveSegments()) {
            pts.addAll(points(seg));
        }
        return pts;
    }

    /** @return every glyph of a layout: compartments, species, labels, reactions and their arcs */
    static List<GraphicalObject> allGlyphs(org.sbml.jsbml.ext.layout.Layout layout) {
        List<GraphicalObject> gs = new ArrayList<>();
        gs.addAll(layout.getListOfCompartmentGlyphs());
        gs.addAll(layout.getListOfSpeciesGlyphs());
        gs.addAll(layout.getListOfTextGlyphs());
        for (ReactionGlyph rg : layout.getListOfReactionGlyphs()) {
            gs.add(rg);
            gs.addAll(rg.getListOfSpeciesReferenceGlyphs());
        }
        return gs;
    }

    private static double[] coords(CurveSegment seg) {
        List<Point> ps = points(seg);
        double[] d = new double[ps.size() * 2];
        for (int i = 0; i < ps.size(); i++) {
            d[2 * i] = ps.get(i).getX();
            d[2 * i + 1] = ps.get(i).getY();
        }
        return d;
    }

    private static List<Point> points(CurveSegment seg) {
        List<Point> ps = new ArrayList<>();
        ps.add(seg.getStart());
        ps.add(seg.getEnd());
        if (seg instanceof CubicBezier cb) {
            ps.add(cb.getBasePoint1());
            ps.add(cb.getBasePoint2());
        }
        ps.removeIf(p -> p == null);
        return ps;
    }

    /** Puts every glyph back where it was when this snapshot was taken. */
    void restore() {
        boxes.forEach((o, xy) -> {
            BoundingBox bb = o.getBoundingBox();
            Point p = bb.getPosition();
            p.setX(xy[0]);
            p.setY(xy[1]);
            if (!Double.isNaN(xy[2]) && bb.isSetDimensions()) {
                bb.getDimensions().setWidth(xy[2]);
                bb.getDimensions().setHeight(xy[3]);
            }
        });
        curves.forEach((o, segs) -> {
            Curve c = o instanceof SpeciesReferenceGlyph s ? s.getCurve() : ((ReactionGlyph) o).getCurve();
            for (int i = 0; i < segs.size() && i < c.getCurveSegmentCount(); i++) {
                List<Point> ps = points(c.getCurveSegment(i));
                double[] d = segs.get(i);
                for (int k = 0; k < ps.size() && 2 * k + 1 < d.length; k++) {
                    ps.get(k).setX(d[2 * k]);
                    ps.get(k).setY(d[2 * k + 1]);
                }
            }
        });
    }
}
