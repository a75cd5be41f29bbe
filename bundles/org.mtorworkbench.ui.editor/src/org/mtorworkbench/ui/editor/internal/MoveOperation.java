package org.mtorworkbench.ui.editor.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.commands.ExecutionException;
import org.sbml.jsbml.ext.layout.BoundingBox;
import org.sbml.jsbml.ext.layout.CubicBezier;
import org.sbml.jsbml.ext.layout.CurveSegment;
import org.sbml.jsbml.ext.layout.GraphicalObject;
import org.sbml.jsbml.ext.layout.Layout;
import org.sbml.jsbml.ext.layout.Point;
import org.sbml.jsbml.ext.layout.ReactionGlyph;
import org.sbml.jsbml.ext.layout.SpeciesReferenceGlyph;
import org.sbml.jsbml.ext.layout.TextGlyph;

/**
 * Moves glyphs of the SBML Layout by an offset: their bounding boxes, the text glyphs
 * attached to them, and the ends of the arcs that touch them (an arc between two moved
 * glyphs moves whole). Undo and redo put back the exact coordinates taken before and after.
 */
public final class MoveOperation extends GeometryOperation {

    private final Layout layout;
    private final Set<String> ids;
    private final double dx;
    private final double dy;

    /**
     * @param ids ids of compartment, species and reaction glyphs to move
     */
    public MoveOperation(Layout layout, Set<String> ids, double dx, double dy) {
        super(ids.size() == 1 ? "Move" : "Move " + ids.size() + " Glyphs");
        this.layout = layout;
        this.ids = Set.copyOf(ids);
        this.dx = dx;
        this.dy = dy;
    }

    @Override
    public boolean canExecute() {
        return !ids.isEmpty() && (dx != 0 || dy != 0) && !moved().isEmpty();
    }

    private List<GraphicalObject> moved() {
        List<GraphicalObject> gs = new ArrayList<>();
        for (String id : ids) {
            GraphicalObject g = find(layout, id);
            if (g != null && g.getBoundingBox() != null && g.getBoundingBox().isSetPosition()) {
                gs.add(g);
            }
        }
        return gs;
    }

    /** @return the compartment, species, reaction or text glyph with that id, or null */
    static GraphicalObject find(Layout layout, String id) {
        GraphicalObject g = layout.getSpeciesGlyph(id);
        if (g == null) {
            g = layout.getReactionGlyph(id);
        }
        if (g == null) {
            g = layout.getCompartmentGlyph(id);
        }
        return g;
    }

    /** Everything whose coordinates this move may change. */
    private Set<GraphicalObject> touched(List<GraphicalObject> moved) {
        Set<GraphicalObject> all = new LinkedHashSet<>(moved);
        for (TextGlyph t : layout.getListOfTextGlyphs()) {
            if (t.isSetGraphicalObject() && ids.contains(t.getGraphicalObject())) {
                all.add(t);
            }
        }
        for (ReactionGlyph rg : layout.getListOfReactionGlyphs()) {
            for (SpeciesReferenceGlyph s : rg.getListOfSpeciesReferenceGlyphs()) {
                if (ids.contains(rg.getId()) || (s.isSetSpeciesGlyph() && ids.contains(s.getSpeciesGlyph()))) {
                    all.add(s);
                    all.add(rg);
                }
            }
        }
        return all;
    }

    @Override
    Set<GraphicalObject> affected() throws ExecutionException {
        List<GraphicalObject> moved = moved();
        if (moved.isEmpty()) {
            throw new ExecutionException("none of the glyphs to move is in layout " + layout.getId());
        }
        return touched(moved);
    }

    @Override
    void change() throws ExecutionException {
        Set<GraphicalObject> touched = affected();
        for (GraphicalObject g : touched) {
            if (g instanceof TextGlyph || ids.contains(g.getId())) {
                shift(g.getBoundingBox());
            }
        }
        for (GraphicalObject g : touched) {
            if (g instanceof SpeciesReferenceGlyph s && s.getCurve() != null) {
                ReactionGlyph rg = (ReactionGlyph) s.getParent().getParent();
                boolean processMoved = ids.contains(rg.getId());
                boolean speciesMoved = s.isSetSpeciesGlyph() && ids.contains(s.getSpeciesGlyph());
                moveCurve(s, processMoved, speciesMoved);
            }
        }
    }

    private void shift(BoundingBox bb) {
        if (bb != null && bb.isSetPosition()) {
            Point p = bb.getPosition();
            p.setX(p.getX() + dx);
            p.setY(p.getY() + dy);
        }
    }

    /**
     * Moves the curve points near a moved end: all of them when both ends move; otherwise
     * the end point that lies nearer the moved glyph.
     */
    private void moveCurve(SpeciesReferenceGlyph s, boolean processMoved, boolean speciesMoved) {
        List<Point> pts = Geometry.curvePoints(s.getCurve());
        if (pts.isEmpty()) {
            return;
        }
        if (processMoved && speciesMoved) {
            pts.forEach(this::shift);
            return;
        }
        GraphicalObject anchor = processMoved ? (ReactionGlyph) s.getParent().getParent() : s.getSpeciesGlyphInstance();
        if (anchor == null || anchor.getBoundingBox() == null) {
            return;
        }
        BoundingBox bb = anchor.getBoundingBox();
        // the anchor has already moved: compare with its old centre
        double cx = bb.getPosition().getX() - dx + bb.getDimensions().getWidth() / 2;
        double cy = bb.getPosition().getY() - dy + bb.getDimensions().getHeight() / 2;
        Point first = s.getCurve().getCurveSegment(0).getStart();
        Point last = s.getCurve().getCurveSegment(s.getCurve().getCurveSegmentCount() - 1).getEnd();
        if (first == null || last == null) {
            return;
        }
        Point near = Math.hypot(first.getX() - cx, first.getY() - cy) <= Math.hypot(last.getX() - cx, last.getY() - cy)
                ? first : last;
        shift(near);
    }

    private void shift(Point p) {
        p.setX(p.getX() + dx);
        p.setY(p.getY() + dy);
    }
}
