package org.mtorworkbench.ui.editor.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.mtorworkbench.diagram.AutoLayout;
import org.mtorworkbench.diagram.AutoLayoutOptions;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.ext.layout.BoundingBox;
import org.sbml.jsbml.ext.layout.CubicBezier;
import org.sbml.jsbml.ext.layout.CurveSegment;
import org.sbml.jsbml.ext.layout.GraphicalObject;
import org.sbml.jsbml.ext.layout.Layout;
import org.sbml.jsbml.ext.layout.Point;
import org.sbml.jsbml.ext.layout.ReactionGlyph;
import org.sbml.jsbml.ext.layout.SpeciesGlyph;
import org.sbml.jsbml.ext.layout.SpeciesReferenceGlyph;
import org.sbml.jsbml.ext.layout.TextGlyph;

/**
 * Lays the whole diagram out again with ELK (layered, top to bottom) and moves the glyphs
 * of the edited layout to the new places: species, reaction and compartment glyphs take
 * the box ELK gave their element, text glyphs follow their glyph, arcs become straight
 * between the outlines (their segments are kept, their points set along the line). Glyphs
 * of elements ELK placed twice keep the first place; glyphs ELK has no place for stay.
 */
public final class RelayoutOperation extends GeometryOperation {

    private final SBMLDocument document;
    private final Layout layout;
    private final Map<String, BoundingBox> placement;
    private final Set<String> only;

    /** Lays out when executed (ELK runs on the calling thread). */
    public RelayoutOperation(Layout layout) {
        this(layout, null);
    }

    /**
     * Moves the glyphs to places computed earlier by {@link #placement(SBMLDocument)}, so the
     * layout itself can run off the UI thread.
     */
    public RelayoutOperation(Layout layout, Map<String, BoundingBox> placement) {
        this(layout, placement, null);
    }

    /**
     * Moves only the given glyphs (with their labels and arcs) to places computed by
     * {@link #placementOfSelection(SBMLDocument, Layout, Set)}.
     *
     * @param only ids of the glyphs to move, or null for all
     */
    public RelayoutOperation(Layout layout, Map<String, BoundingBox> placement, Set<String> only) {
        super(only == null ? "Layout Diagram" : "Layout Selection");
        this.layout = layout;
        this.document = layout.getSBMLDocument();
        this.placement = placement == null ? null : Map.copyOf(placement);
        this.only = only == null ? null : Set.copyOf(only);
    }

    /**
     * ELK's boxes for the species and reactions of some glyphs only, laid out on their own (arcs to
     * species outside the selection are left out of the layout) and moved so that the top-left
     * corner of the selection stays where it was.
     *
     * @param copy a copy of the document of {@code layout}, which this method changes
     * @param layout the layout edited (read only, for the selection's glyphs)
     * @param glyphIds the selected species and reaction glyphs
     * @return the boxes by element id; empty when fewer than two elements are selected
     */
    public static Map<String, BoundingBox> placementOfSelection(SBMLDocument copy, Layout layout, Set<String> glyphIds) {
        Set<String> species = new HashSet<>();
        Set<String> reactions = new HashSet<>();
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        for (String id : glyphIds) {
            SpeciesGlyph sg = layout.getSpeciesGlyph(id);
            ReactionGlyph rg = layout.getReactionGlyph(id);
            GraphicalObject g = sg != null ? sg : rg;
            if (g == null || g.getBoundingBox() == null || !g.getBoundingBox().isSetPosition()) {
                continue;
            }
            if (sg != null && sg.isSetSpecies()) {
                species.add(sg.getSpecies());
            } else if (rg != null && rg.isSetReaction()) {
                reactions.add(rg.getReaction());
            } else {
                continue;
            }
            minX = Math.min(minX, g.getBoundingBox().getPosition().getX());
            minY = Math.min(minY, g.getBoundingBox().getPosition().getY());
        }
        if (species.size() + reactions.size() < 2) {
            return Map.of();
        }
        org.sbml.jsbml.Model m = copy.getModel();
        m.getListOfReactions().removeIf(r -> !reactions.contains(r.getId()));
        for (org.sbml.jsbml.Reaction r : m.getListOfReactions()) {
            r.getListOfReactants().removeIf(x -> !species.contains(x.getSpecies()));
            r.getListOfProducts().removeIf(x -> !species.contains(x.getSpecies()));
            r.getListOfModifiers().removeIf(x -> !species.contains(x.getSpecies()));
        }
        m.getListOfSpecies().removeIf(s -> !species.contains(s.getId()));
        Map<String, BoundingBox> boxes = placement(copy);
        boxes.keySet().retainAll(new HashSet<>(java.util.stream.Stream.concat(species.stream(), reactions.stream()).toList()));
        double nx = Double.MAX_VALUE;
        double ny = Double.MAX_VALUE;
        for (BoundingBox b : boxes.values()) {
            nx = Math.min(nx, b.getPosition().getX());
            ny = Math.min(ny, b.getPosition().getY());
        }
        Map<String, BoundingBox> moved = new HashMap<>();
        for (Map.Entry<String, BoundingBox> e : boxes.entrySet()) {
            BoundingBox b = e.getValue().clone();
            b.getPosition().setX(b.getPosition().getX() - nx + minX);
            b.getPosition().setY(b.getPosition().getY() - ny + minY);
            moved.put(e.getKey(), b);
        }
        return moved;
    }

    private boolean included(GraphicalObject g) {
        return only == null || only.contains(g.getId());
    }

    /**
     * ELK's box for each compartment, species and reaction of a document, by element id. The
     * document is laid out as it is: give a copy (taken on the thread that owns the
     * original) to run this on another thread.
     */
    public static Map<String, BoundingBox> placement(SBMLDocument copy) {
        Layout fresh = AutoLayout.create(copy, AutoLayoutOptions.DEFAULTS.withLayoutId("relayout_scratch"));
        Map<String, BoundingBox> byElement = new HashMap<>();
        fresh.getListOfCompartmentGlyphs().forEach(g -> byElement.putIfAbsent(g.getCompartment(), g.getBoundingBox()));
        fresh.getListOfSpeciesGlyphs().forEach(g -> byElement.putIfAbsent(g.getSpecies(), g.getBoundingBox()));
        fresh.getListOfReactionGlyphs().forEach(g -> byElement.putIfAbsent(g.getReaction(), g.getBoundingBox()));
        return byElement;
    }

    @Override
    public boolean canExecute() {
        return document != null && layout.getSpeciesGlyphCount() + layout.getReactionGlyphCount() > 0
                && (only == null || (placement != null && !placement.isEmpty()));
    }

    @Override
    List<GraphicalObject> affected() {
        return Geometry.allGlyphs(layout);
    }

    @Override
    void change() {
        Map<SpeciesReferenceGlyph, Boolean> fromSpecies = new IdentityHashMap<>();
        for (ReactionGlyph rg : layout.getListOfReactionGlyphs()) {
            for (SpeciesReferenceGlyph s : rg.getListOfSpeciesReferenceGlyphs()) {
                fromSpecies.put(s, startsAtSpecies(s));
            }
        }
        Map<String, BoundingBox> byElement = placement != null ? placement : placement(document.clone());
        {
            layout.getListOfCompartmentGlyphs().stream().filter(this::included)
                    .forEach(g -> place(g, byElement.get(g.getCompartment())));
            layout.getListOfSpeciesGlyphs().stream().filter(this::included)
                    .forEach(g -> place(g, byElement.get(g.getSpecies())));
            layout.getListOfReactionGlyphs().stream().filter(this::included)
                    .forEach(g -> place(g, byElement.get(g.getReaction())));
            for (TextGlyph t : layout.getListOfTextGlyphs()) {
                GraphicalObject target = t.isSetGraphicalObject() ? MoveOperation.find(layout, t.getGraphicalObject()) : null;
                if (target != null && included(target)) {
                    place(t, target.getBoundingBox());
                }
            }
            for (ReactionGlyph rg : layout.getListOfReactionGlyphs()) {
                for (SpeciesReferenceGlyph s : rg.getListOfSpeciesReferenceGlyphs()) {
                    if (only == null || only.contains(rg.getId()) || only.contains(s.getSpeciesGlyph())) {
                        straighten(rg, s, fromSpecies.getOrDefault(s, true));
                    }
                }
            }
        }
    }

    private static void place(GraphicalObject g, BoundingBox to) {
        BoundingBox bb = g.getBoundingBox();
        if (to == null || bb == null || !bb.isSetPosition() || !to.isSetPosition()) {
            return;
        }
        bb.getPosition().setX(to.getPosition().getX());
        bb.getPosition().setY(to.getPosition().getY());
        if (bb.isSetDimensions() && to.isSetDimensions()) {
            bb.getDimensions().setWidth(to.getDimensions().getWidth());
            bb.getDimensions().setHeight(to.getDimensions().getHeight());
        }
    }

    private static List<Point> points(SpeciesReferenceGlyph s) {
        List<Point> pts = new ArrayList<>();
        if (s.getCurve() == null) {
            return pts;
        }
        for (CurveSegment seg : s.getCurve().getListOfCurveSegments()) {
            pts.add(seg.getStart());
            if (seg instanceof CubicBezier cb) {
                pts.add(cb.getBasePoint1());
                pts.add(cb.getBasePoint2());
            }
            pts.add(seg.getEnd());
        }
        pts.removeIf(p -> p == null);
        return pts;
    }

    /** @return true when the arc's curve starts nearer its species than it ends */
    private static boolean startsAtSpecies(SpeciesReferenceGlyph s) {
        List<Point> pts = points(s);
        SpeciesGlyph sg = s.getSpeciesGlyphInstance();
        if (pts.size() < 2 || sg == null || sg.getBoundingBox() == null || !sg.getBoundingBox().isSetPosition()) {
            return true;
        }
        double[] c = centre(sg.getBoundingBox());
        return dist(pts.get(0), c) <= dist(pts.get(pts.size() - 1), c);
    }

    /** Puts an arc's points on the straight line between its species and its process. */
    private static void straighten(ReactionGlyph rg, SpeciesReferenceGlyph s, boolean fromSpecies) {
        SpeciesGlyph sg = s.getSpeciesGlyphInstance();
        if (s.getCurve() == null || sg == null || sg.getBoundingBox() == null || rg.getBoundingBox() == null
                || !rg.getBoundingBox().isSetPosition()) {
            return;
        }
        List<Point> pts = points(s);
        if (pts.size() < 2) {
            return;
        }
        double[] a = centre(sg.getBoundingBox());
        double[] b = centre(rg.getBoundingBox());
        double[] from = fromSpecies ? a : b;
        double[] to = fromSpecies ? b : a;
        for (int i = 0; i < pts.size(); i++) {
            double t = i / (double) (pts.size() - 1);
            pts.get(i).setX(from[0] + t * (to[0] - from[0]));
            pts.get(i).setY(from[1] + t * (to[1] - from[1]));
        }
    }

    private static double[] centre(BoundingBox bb) {
        double w = bb.isSetDimensions() ? bb.getDimensions().getWidth() : 0;
        double h = bb.isSetDimensions() ? bb.getDimensions().getHeight() : 0;
        return new double[] { bb.getPosition().getX() + w / 2, bb.getPosition().getY() + h / 2 };
    }

    private static double dist(Point p, double[] c) {
        return Math.hypot(p.getX() - c[0], p.getY() - c[1]);
    }
}
