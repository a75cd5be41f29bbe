package org.mtorworkbench.diagram;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Objects;

/**
 * A node of the diagram: a compartment, a species or a reaction's process node, placed by
 * its layout glyph. Immutable.
 *
 * @param id the layout glyph id (derived source/sink nodes get the process glyph id plus a suffix)
 * @param elementId the SBML element the glyph stands for, or null
 * @param kind the glyph drawn
 * @param x left edge, in layout coordinates
 * @param y top edge, in layout coordinates
 * @param width width
 * @param height height
 * @param label the text drawn in (or, for compartments, at the top of) the node; empty for none
 * @param fill fill colour
 * @param stroke outline colour
 * @param strokeWidth outline width
 * @param stateVariables SBGN state variables drawn on the border (e.g. {@code P@T308}); empty for none
 * @param multimer how many copies of the entity the glyph stands for (2 for a homodimer): above 1
 *        the glyph is drawn stacked on a copy of itself
 */
public record NodeFigure(String id, String elementId, GlyphKind kind, double x, double y, double width, double height,
        String label, Color fill, Color stroke, float strokeWidth, List<String> stateVariables, int multimer) {

    /** A node of one entity. */
    public NodeFigure(String id, String elementId, GlyphKind kind, double x, double y, double width, double height,
            String label, Color fill, Color stroke, float strokeWidth, List<String> stateVariables) {
        this(id, elementId, kind, x, y, width, height, label, fill, stroke, strokeWidth, stateVariables, 1);
    }

    /** A node without state variables. */
    public NodeFigure(String id, String elementId, GlyphKind kind, double x, double y, double width, double height,
            String label, Color fill, Color stroke, float strokeWidth) {
        this(id, elementId, kind, x, y, width, height, label, fill, stroke, strokeWidth, List.of());
    }

    public NodeFigure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fill, "fill");
        Objects.requireNonNull(stroke, "stroke");
        label = label == null ? "" : label;
        stateVariables = stateVariables == null ? List.of() : List.copyOf(stateVariables);
        multimer = Math.max(1, multimer);
        if (!(width >= 0 && height >= 0)) {
            throw new IllegalArgumentException("glyph " + id + " has a negative or undefined size " + width + " x " + height);
        }
    }

    /** @return a copy of the bounds */
    public Rectangle2D bounds() {
        return new Rectangle2D.Double(x, y, width, height);
    }

    /** @return the centre x */
    public double centerX() {
        return x + width / 2;
    }

    /** @return the centre y */
    public double centerY() {
        return y + height / 2;
    }

    /** @return true when the point lies inside the bounds */
    public boolean contains(double px, double py) {
        return px >= x && py >= y && px <= x + width && py <= y + height;
    }

    /** @return this node moved by (dx, dy) */
    public NodeFigure translated(double dx, double dy) {
        return new NodeFigure(id, elementId, kind, x + dx, y + dy, width, height, label, fill, stroke, strokeWidth, stateVariables,
                multimer);
    }
}
