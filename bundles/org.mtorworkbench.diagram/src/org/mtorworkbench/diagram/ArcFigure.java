package org.mtorworkbench.diagram;

import java.awt.Color;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import java.util.Objects;

/**
 * An arc between a species node and a process node, as a polyline that runs from the
 * species to the process for consumption and modifier arcs and from the process to the
 * species for production arcs, so the head is always drawn at the last point. Immutable:
 * the points are copied in and out.
 *
 * @param id the species reference glyph id (derived arcs get the process glyph id plus a suffix)
 * @param processId the id of the process node
 * @param nodeId the id of the species (or source/sink) node
 * @param kind the arc drawn
 * @param stroke line colour
 * @param strokeWidth line width
 */
public record ArcFigure(String id, String processId, String nodeId, ArcKind kind, double[] points, Color stroke,
        float strokeWidth) {

    public ArcFigure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(stroke, "stroke");
        if (points.length < 4 || points.length % 2 != 0) {
            throw new IllegalArgumentException("arc " + id + " needs at least two points");
        }
        points = points.clone();
    }

    /** @return a copy of the polyline's coordinates x0, y0, x1, y1, ... */
    @Override
    public double[] points() {
        return points.clone();
    }

    /** @return the number of points */
    public int pointCount() {
        return points.length / 2;
    }

    /** @return x of point i */
    public double x(int i) {
        return points[2 * i];
    }

    /** @return y of point i */
    public double y(int i) {
        return points[2 * i + 1];
    }

    /** @return the distance from a point to the polyline */
    public double distanceTo(double px, double py) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i + 3 < points.length; i += 2) {
            best = Math.min(best, Line2D.ptSegDist(points[i], points[i + 1], points[i + 2], points[i + 3], px, py));
        }
        return best;
    }

    /** @return the bounds of the polyline */
    public Rectangle2D bounds() {
        Rectangle2D.Double r = new Rectangle2D.Double(points[0], points[1], 0, 0);
        for (int i = 2; i < points.length; i += 2) {
            r.add(points[i], points[i + 1]);
        }
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArcFigure a && id.equals(a.id) && Objects.equals(processId, a.processId)
                && Objects.equals(nodeId, a.nodeId) && kind == a.kind && Arrays.equals(points, a.points)
                && stroke.equals(a.stroke) && strokeWidth == a.strokeWidth;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, processId, nodeId, kind, Arrays.hashCode(points), stroke, strokeWidth);
    }

    @Override
    public String toString() {
        return "ArcFigure[" + id + " " + kind + " " + Arrays.toString(points) + "]";
    }
}
