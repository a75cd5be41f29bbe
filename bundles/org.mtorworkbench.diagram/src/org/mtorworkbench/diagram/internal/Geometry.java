package org.mtorworkbench.diagram.internal;

import java.awt.geom.Rectangle2D;

/** Polyline helpers for arcs. */
public final class Geometry {

    private Geometry() {
    }

    /**
     * Cuts the start of a polyline that begins inside a rectangle so that it begins where it
     * leaves the rectangle. A polyline that never leaves it is returned unchanged.
     *
     * @param pts x0, y0, x1, y1, ...
     */
    public static double[] clipStart(double[] pts, Rectangle2D r) {
        if (!r.contains(pts[0], pts[1])) {
            return pts;
        }
        for (int i = 2; i < pts.length; i += 2) {
            if (!r.contains(pts[i], pts[i + 1])) {
                double[] exit = exit(pts[i - 2], pts[i - 1], pts[i], pts[i + 1], r);
                double[] out = new double[pts.length - i + 2];
                out[0] = exit[0];
                out[1] = exit[1];
                System.arraycopy(pts, i, out, 2, pts.length - i);
                return out;
            }
        }
        return pts;
    }

    /** The point where a segment from inside the rectangle to outside crosses its border. */
    static double[] exit(double x0, double y0, double x1, double y1, Rectangle2D r) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double t = 1;
        if (dx > 0) {
            t = Math.min(t, (r.getMaxX() - x0) / dx);
        } else if (dx < 0) {
            t = Math.min(t, (r.getMinX() - x0) / dx);
        }
        if (dy > 0) {
            t = Math.min(t, (r.getMaxY() - y0) / dy);
        } else if (dy < 0) {
            t = Math.min(t, (r.getMinY() - y0) / dy);
        }
        t = Math.max(0, t);
        return new double[] { x0 + t * dx, y0 + t * dy };
    }
}
