package org.mtorworkbench.ui.editor.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.ExecutionException;
import org.sbml.jsbml.ext.layout.BoundingBox;
import org.sbml.jsbml.ext.layout.GraphicalObject;
import org.sbml.jsbml.ext.layout.Layout;
import org.sbml.jsbml.ext.layout.Point;
import org.sbml.jsbml.ext.layout.ReactionGlyph;
import org.sbml.jsbml.ext.layout.SpeciesReferenceGlyph;
import org.sbml.jsbml.ext.layout.TextGlyph;

/**
 * Gives a glyph a new width and height, keeping its top-left corner: its label is resized with
 * it and the arc ends at its centre follow the centre.
 */
public final class ResizeOperation extends GeometryOperation {

    /** The smallest side a glyph may have. */
    public static final double MIN_SIDE = 8;

    private final Layout layout;
    private final String id;
    private final double width;
    private final double height;

    public ResizeOperation(Layout layout, String id, double width, double height) {
        super("Resize");
        this.layout = layout;
        this.id = id;
        this.width = Math.max(MIN_SIDE, width);
        this.height = Math.max(MIN_SIDE, height);
    }

    private BoundingBox box() {
        GraphicalObject g = MoveOperation.find(layout, id);
        BoundingBox bb = g == null ? null : g.getBoundingBox();
        return bb != null && bb.isSetPosition() && bb.isSetDimensions() ? bb : null;
    }

    @Override
    public boolean canExecute() {
        BoundingBox bb = box();
        return bb != null && (bb.getDimensions().getWidth() != width || bb.getDimensions().getHeight() != height);
    }

    @Override
    List<GraphicalObject> affected() throws ExecutionException {
        GraphicalObject g = MoveOperation.find(layout, id);
        if (box() == null) {
            throw new ExecutionException("there is no glyph " + id + " with a size in layout " + layout.getId());
        }
        List<GraphicalObject> gs = new ArrayList<>();
        gs.add(g);
        for (TextGlyph t : layout.getListOfTextGlyphs()) {
            if (id.equals(t.getGraphicalObject())) {
                gs.add(t);
            }
        }
        for (ReactionGlyph rg : layout.getListOfReactionGlyphs()) {
            for (SpeciesReferenceGlyph s : rg.getListOfSpeciesReferenceGlyphs()) {
                if (id.equals(rg.getId()) || id.equals(s.getSpeciesGlyph())) {
                    gs.add(s);
                }
            }
        }
        return gs;
    }

    @Override
    void change() throws ExecutionException {
        List<GraphicalObject> gs = affected();
        BoundingBox bb = box();
        double cx = bb.getPosition().getX() + bb.getDimensions().getWidth() / 2;
        double cy = bb.getPosition().getY() + bb.getDimensions().getHeight() / 2;
        double dx = (width - bb.getDimensions().getWidth()) / 2;
        double dy = (height - bb.getDimensions().getHeight()) / 2;
        for (GraphicalObject g : gs) {
            if (g instanceof SpeciesReferenceGlyph s) {
                if (s.getCurve() == null || s.getCurve().getCurveSegmentCount() == 0) {
                    continue;
                }
                Point first = s.getCurve().getCurveSegment(0).getStart();
                Point last = s.getCurve().getCurveSegment(s.getCurve().getCurveSegmentCount() - 1).getEnd();
                if (first == null || last == null) {
                    continue;
                }
                Point near = Math.hypot(first.getX() - cx, first.getY() - cy) <= Math.hypot(last.getX() - cx, last.getY() - cy)
                        ? first : last;
                near.setX(near.getX() + dx);
                near.setY(near.getY() + dy);
            } else if (g.getBoundingBox() != null && g.getBoundingBox().isSetDimensions()) {
                g.getBoundingBox().getDimensions().setWidth(width);
                g.getBoundingBox().getDimensions().setHeight(height);
            }
        }
    }
}
