package org.mtorworkbench.ui.editor.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.commands.ExecutionException;
import org.sbml.jsbml.ext.layout.BoundingBox;
import org.sbml.jsbml.ext.layout.GraphicalObject;
import org.sbml.jsbml.ext.layout.Layout;
import org.sbml.jsbml.ext.layout.ReactionGlyph;

/**
 * Aligns the selected glyphs on the edge or centre line of their common bounding box; their
 * labels and the ends of their arcs move with them (as in a {@link MoveOperation}).
 */
public final class AlignOperation extends GeometryOperation {

    /** Where the glyphs line up. */
    public enum Alignment {
        /** Left edges on the leftmost edge. */
        LEFT,
        /** Right edges on the rightmost edge. */
        RIGHT,
        /** Top edges on the topmost edge. */
        TOP,
        /** Bottom edges on the lowest edge. */
        BOTTOM,
        /** Centres on one vertical line (the middle of the selection). */
        CENTER,
        /** Centres on one horizontal line (the middle of the selection). */
        MIDDLE
    }

    private final Layout layout;
    private final Set<String> ids;
    private final Alignment alignment;

    public AlignOperation(Layout layout, Set<String> ids, Alignment alignment) {
        super("Align " + alignment.name().charAt(0) + alignment.name().substring(1).toLowerCase(java.util.Locale.ROOT));
        this.layout = layout;
        this.ids = Set.copyOf(ids);
        this.alignment = alignment;
    }

    private Map<String, BoundingBox> boxes() {
        Map<String, BoundingBox> m = new LinkedHashMap<>();
        for (String id : ids) {
            GraphicalObject g = MoveOperation.find(layout, id);
            if (g != null && g.getBoundingBox() != null && g.getBoundingBox().isSetPosition()
                    && g.getBoundingBox().isSetDimensions()) {
                m.put(id, g.getBoundingBox());
            }
        }
        return m;
    }

    @Override
    public boolean canExecute() {
        return boxes().size() >= 2;
    }

    @Override
    List<GraphicalObject> affected() throws ExecutionException {
        return Geometry.allGlyphs(layout);
    }

    @Override
    void change() throws ExecutionException {
        Map<String, BoundingBox> boxes = boxes();
        if (boxes.size() < 2) {
            throw new ExecutionException("align needs two or more glyphs");
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (BoundingBox b : boxes.values()) {
            minX = Math.min(minX, x(b));
            minY = Math.min(minY, y(b));
            maxX = Math.max(maxX, x(b) + w(b));
            maxY = Math.max(maxY, y(b) + h(b));
        }
        Map<String, double[]> offsets = new LinkedHashMap<>();
        for (Map.Entry<String, BoundingBox> e : boxes.entrySet()) {
            BoundingBox b = e.getValue();
            double dx = switch (alignment) {
                case LEFT -> minX - x(b);
                case RIGHT -> maxX - (x(b) + w(b));
                case CENTER -> (minX + maxX) / 2 - (x(b) + w(b) / 2);
                default -> 0;
            };
            double dy = switch (alignment) {
                case TOP -> minY - y(b);
                case BOTTOM -> maxY - (y(b) + h(b));
                case MIDDLE -> (minY + maxY) / 2 - (y(b) + h(b) / 2);
                default -> 0;
            };
            offsets.put(e.getKey(), new double[] { dx, dy });
        }
        for (Map.Entry<String, double[]> e : offsets.entrySet()) {
            double[] d = e.getValue();
            if (d[0] != 0 || d[1] != 0) {
                new MoveOperation(layout, Set.of(e.getKey()), d[0], d[1]).change();
            }
        }
    }

    private static double x(BoundingBox b) {
        return b.getPosition().getX();
    }

    private static double y(BoundingBox b) {
        return b.getPosition().getY();
    }

    private static double w(BoundingBox b) {
        return b.getDimensions().getWidth();
    }

    private static double h(BoundingBox b) {
        return b.getDimensions().getHeight();
    }
}
