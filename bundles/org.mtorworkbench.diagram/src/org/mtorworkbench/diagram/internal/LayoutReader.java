package org.mtorworkbench.diagram.internal;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mtorworkbench.diagram.ArcFigure;
import org.mtorworkbench.diagram.ArcKind;
import org.mtorworkbench.diagram.Diagram;
import org.mtorworkbench.diagram.GlyphKind;
import org.mtorworkbench.diagram.NodeFigure;
import org.mtorworkbench.diagram.StateVariables;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.ModifierSpeciesReference;
import org.sbml.jsbml.NamedSBase;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.SBase;
import org.sbml.jsbml.ext.layout.BoundingBox;
import org.sbml.jsbml.ext.layout.CompartmentGlyph;
import org.sbml.jsbml.ext.layout.CubicBezier;
import org.sbml.jsbml.ext.layout.Curve;
import org.sbml.jsbml.ext.layout.CurveSegment;
import org.sbml.jsbml.ext.layout.GraphicalObject;
import org.sbml.jsbml.ext.layout.Layout;
import org.sbml.jsbml.ext.layout.Point;
import org.sbml.jsbml.ext.layout.ReactionGlyph;
import org.sbml.jsbml.ext.layout.SpeciesGlyph;
import org.sbml.jsbml.ext.layout.SpeciesReferenceGlyph;
import org.sbml.jsbml.ext.layout.SpeciesReferenceRole;
import org.sbml.jsbml.ext.layout.TextGlyph;

/**
 * Turns an SBML Layout into a {@link Diagram}: glyph kinds from the SBO terms of the
 * elements the glyphs stand for, labels from text glyphs (or the element's name), colours
 * from the render information, arcs from curves (or straight lines between centres)
 * clipped to the node outlines, and an empty-set node for each reaction glyph whose
 * reaction has no reactants or no products.
 */
public final class LayoutReader {

    /** Size of a derived source/sink node. */
    static final double SOURCE_SINK_SIZE = 20;
    /** Distance from a process node to its derived source/sink node. */
    static final double SOURCE_SINK_DISTANCE = 45;
    /** Size of a process node whose glyph has no bounding box. */
    static final double PROCESS_SIZE = 10;

    private final Layout layout;
    private final Model model;
    private final RenderStyles styles;
    private final Map<String, String> labels = new HashMap<>();
    private final List<NodeFigure> compartments = new ArrayList<>();
    private final List<NodeFigure> species = new ArrayList<>();
    private final List<NodeFigure> processes = new ArrayList<>();
    private final List<ArcFigure> arcs = new ArrayList<>();
    private final Map<String, NodeFigure> nodes = new HashMap<>();
    private CellDesignerStates cellDesigner;
    private final Optional<CellDesignerLook> look;

    private LayoutReader(Layout layout) {
        this.layout = layout;
        this.model = layout.getModel();
        this.styles = RenderStyles.of(layout);
        this.look = CellDesignerLook.of(model);
    }

    /** @return the diagram of the layout */
    public static Diagram read(Layout layout) {
        LayoutReader r = new LayoutReader(layout);
        r.readLabels();
        r.readCompartments();
        r.readSpecies();
        r.readReactions();
        List<NodeFigure> all = new ArrayList<>(r.compartments);
        all.addAll(r.species);
        all.addAll(r.processes);
        return new Diagram(layout.getId(), all, r.arcs);
    }

    private void readLabels() {
        for (TextGlyph t : layout.getListOfTextGlyphs()) {
            if (!t.isSetGraphicalObject()) {
                continue;
            }
            String text = null;
            if (t.isSetText()) {
                text = t.getText();
            } else if (t.isSetOriginOfText()) {
                text = displayName(element(t.getOriginOfText()), t.getOriginOfText());
            }
            if (text != null) {
                labels.put(t.getGraphicalObject(), text);
            }
        }
    }

    private NamedSBase element(String id) {
        if (model == null || id == null) {
            return null;
        }
        SBase e = model.findNamedSBase(id);
        return e instanceof NamedSBase n ? n : null;
    }

    private static String displayName(NamedSBase e, String fallback) {
        if (e != null && e.isSetName() && !e.getName().isBlank()) {
            return e.getName();
        }
        return e != null && e.isSetId() ? e.getId() : fallback;
    }

    private String label(GraphicalObject g, String elementId) {
        String text = labels.get(g.getId());
        return text != null ? text : elementId == null ? "" : displayName(element(elementId), elementId);
    }

    private void readCompartments() {
        for (CompartmentGlyph g : layout.getListOfCompartmentGlyphs()) {
            BoundingBox bb = g.getBoundingBox();
            if (!hasBox(bb)) {
                continue;
            }
            String cid = g.isSetCompartment() ? g.getCompartment() : null;
            NodeFigure f = node(g, cid, GlyphKind.COMPARTMENT, bb, "COMPARTMENTGLYPH", 3f, null, 1);
            compartments.add(f);
            nodes.put(f.id(), f);
        }
    }

    private void readSpecies() {
        for (SpeciesGlyph g : layout.getListOfSpeciesGlyphs()) {
            BoundingBox bb = g.getBoundingBox();
            if (!hasBox(bb)) {
                continue;
            }
            String sid = g.isSetSpecies() ? g.getSpecies() : null;
            NamedSBase sp = element(sid);
            int sbo = sp != null && sp.isSetSBOTerm() ? sp.getSBOTerm() : g.isSetSBOTerm() ? g.getSBOTerm() : -1;
            Optional<CellDesignerLook.Alias> alias = look.flatMap(l -> l.alias(g.getId()));
            // a species with an SBO term is drawn by it; CellDesigner's class draws the others
            GlyphKind kind = sbo < 0 && alias.isPresent() ? alias.get().kind() : GlyphKind.ofSpeciesSbo(sbo);
            NodeFigure f = node(g, sid, kind, bb, "SPECIESGLYPH", 1f, alias.map(CellDesignerLook.Alias::fill).orElse(null),
                    alias.map(CellDesignerLook.Alias::multimer).orElse(1));
            String member = alias.map(CellDesignerLook.Alias::name).orElse(null);
            if (f.label().isEmpty() && member != null) {
                f = new NodeFigure(f.id(), f.elementId(), f.kind(), f.x(), f.y(), f.width(), f.height(), member, f.fill(),
                        f.stroke(), f.strokeWidth(), f.stateVariables(), f.multimer());
            }
            species.add(f);
            nodes.put(f.id(), f);
        }
    }

    /** @param fill the fill where the render information gives none, or null for the palette's */
    private NodeFigure node(GraphicalObject g, String elementId, GlyphKind kind, BoundingBox bb, String type,
            float width, Color fill, int multimer) {
        RenderStyles.Paint p = styles.paint(g.getId(), List.of(type, "GRAPHICALOBJECT", "ANY"));
        return new NodeFigure(g.getId(), elementId, kind, bb.getPosition().getX(), bb.getPosition().getY(),
                bb.getDimensions().getWidth(), bb.getDimensions().getHeight(), label(g, elementId),
                p.fill() != null ? p.fill() : fill != null ? fill : Palette.fill(kind),
                p.stroke() != null ? p.stroke() : Palette.OUTLINE,
                p.strokeWidth() != null ? Math.max(p.strokeWidth(), width) : width,
                kind != GlyphKind.COMPARTMENT && element(elementId) != null ? stateVariables(element(elementId)) : List.of(),
                multimer);
    }

    /** The species' state variables: the workbench's annotation, else CellDesigner's modification states. */
    private List<String> stateVariables(NamedSBase e) {
        List<String> own = StateVariables.of(e);
        if (!own.isEmpty() || model == null) {
            return own;
        }
        if (cellDesigner == null) {
            cellDesigner = new CellDesignerStates(model);
        }
        return cellDesigner.of(e);
    }

    private static boolean hasBox(BoundingBox bb) {
        return bb != null && bb.isSetPosition() && bb.isSetDimensions();
    }

    private void readReactions() {
        for (ReactionGlyph rg : layout.getListOfReactionGlyphs()) {
            String rid = rg.isSetReaction() ? rg.getReaction() : null;
            Reaction reaction = element(rid) instanceof Reaction r ? r : null;
            NodeFigure process = processNode(rg, rid);
            if (process == null) {
                continue;
            }
            processes.add(process);
            nodes.put(process.id(), process);
            boolean substrate = false;
            boolean product = false;
            double[] away = { 0, 0 };
            for (SpeciesReferenceGlyph srg : rg.getListOfSpeciesReferenceGlyphs()) {
                NodeFigure sp = srg.isSetSpeciesGlyph() ? nodes.get(srg.getSpeciesGlyph()) : null;
                if (sp == null) {
                    continue;
                }
                ArcKind role = arcKind(srg, reaction, sp.elementId());
                ArcKind kind = role.isModifier() && rid != null
                        ? look.flatMap(l -> l.modificationKind(rid, srg.getSpeciesGlyph())).orElse(role) : role;
                substrate |= kind == ArcKind.CONSUMPTION;
                product |= kind == ArcKind.PRODUCTION;
                if (!kind.isModifier()) {
                    away[0] += sp.centerX() - process.centerX();
                    away[1] += sp.centerY() - process.centerY();
                }
                ArcFigure arc = arc(srg.getId(), srg, srg.getCurve(), process, sp, kind);
                Optional<CellDesignerLook.Line> line = rid == null ? Optional.empty()
                        : look.flatMap(l -> kind.isModifier() ? l.modificationLine(rid, srg.getSpeciesGlyph())
                                : l.reactionLine(rid));
                arcs.add(line.isPresent() && styles.paint(srg.getId(), List.of("SPECIESREFERENCEGLYPH", "ANY")).stroke() == null
                        ? new ArcFigure(arc.id(), arc.processId(), arc.nodeId(), arc.kind(), arc.points(), line.get().colour(),
                                line.get().width())
                        : arc);
            }
            if (reaction != null && reaction.getReactantCount() == 0 && !substrate) {
                emptySet(process, away, "_source", ArcKind.CONSUMPTION);
            }
            if (reaction != null && reaction.getProductCount() == 0 && !product) {
                emptySet(process, away, "_sink", ArcKind.PRODUCTION);
            }
        }
    }

    private NodeFigure processNode(ReactionGlyph rg, String rid) {
        RenderStyles.Paint p = styles.paint(rg.getId(), List.of("REACTIONGLYPH", "GRAPHICALOBJECT", "ANY"));
        Color stroke = p.stroke() != null ? p.stroke() : Palette.OUTLINE;
        BoundingBox bb = rg.getBoundingBox();
        double x;
        double y;
        double w = PROCESS_SIZE;
        double h = PROCESS_SIZE;
        if (hasBox(bb) && bb.getDimensions().getWidth() > 0 && bb.getDimensions().getHeight() > 0) {
            x = bb.getPosition().getX();
            y = bb.getPosition().getY();
            w = bb.getDimensions().getWidth();
            h = bb.getDimensions().getHeight();
        } else if (hasBox(bb)) {
            x = bb.getPosition().getX() - w / 2;
            y = bb.getPosition().getY() - h / 2;
        } else if (rg.isSetCurve() && points(rg.getCurve()) != null) {
            double[] pts = points(rg.getCurve());
            int mid = pts.length / 4 * 2;
            x = (pts[0] + pts[pts.length - 2]) / 2 - w / 2;
            y = (pts[1] + pts[pts.length - 1]) / 2 - h / 2;
            if (pts.length > 4) {
                x = pts[mid] - w / 2;
                y = pts[mid + 1] - h / 2;
            }
        } else {
            return null;
        }
        return new NodeFigure(rg.getId(), rid, GlyphKind.PROCESS, x, y, w, h, "", Color.WHITE, stroke,
                p.strokeWidth() != null ? p.strokeWidth() : 1f);
    }

    private ArcKind arcKind(SpeciesReferenceGlyph srg, Reaction reaction, String speciesId) {
        SpeciesReferenceRole role = srg.getRole() != null ? srg.getRole() : SpeciesReferenceRole.UNDEFINED;
        int sbo = srg.isSetSBOTerm() ? srg.getSBOTerm() : -1;
        if (sbo < 0 && reaction != null) {
            SBase ref = srg.isSetSpeciesReference() ? reaction.getModel().findNamedSBase(srg.getSpeciesReference()) : null;
            if (ref == null && speciesId != null) {
                for (ModifierSpeciesReference m : reaction.getListOfModifiers()) {
                    if (speciesId.equals(m.getSpecies())) {
                        ref = m;
                        break;
                    }
                }
            }
            sbo = ref != null && ref.isSetSBOTerm() ? ref.getSBOTerm() : -1;
        }
        return switch (role) {
            case SUBSTRATE, SIDESUBSTRATE -> ArcKind.CONSUMPTION;
            case PRODUCT, SIDEPRODUCT -> ArcKind.PRODUCTION;
            case INHIBITOR -> ArcKind.INHIBITION;
            case ACTIVATOR -> ArcKind.ofModifierSbo(sbo, ArcKind.STIMULATION);
            case MODIFIER -> ArcKind.ofModifierSbo(sbo, ArcKind.MODULATION);
            default -> roleFromReaction(reaction, speciesId, sbo);
        };
    }

    private static ArcKind roleFromReaction(Reaction reaction, String speciesId, int sbo) {
        if (reaction != null && speciesId != null) {
            if (reaction.getReactantForSpecies(speciesId) != null) {
                return ArcKind.CONSUMPTION;
            }
            if (reaction.getProductForSpecies(speciesId) != null) {
                return ArcKind.PRODUCTION;
            }
        }
        return ArcKind.ofModifierSbo(sbo, ArcKind.MODULATION);
    }

    private void emptySet(NodeFigure process, double[] away, String suffix, ArcKind kind) {
        double len = Math.hypot(away[0], away[1]);
        double dx = len < 1e-9 ? (kind == ArcKind.CONSUMPTION ? -1 : 1) : -away[0] / len;
        double dy = len < 1e-9 ? 0 : -away[1] / len;
        double cx = process.centerX() + dx * SOURCE_SINK_DISTANCE;
        double cy = process.centerY() + dy * SOURCE_SINK_DISTANCE;
        double s = SOURCE_SINK_SIZE;
        NodeFigure node = new NodeFigure(process.id() + suffix, null, GlyphKind.SOURCE_SINK, cx - s / 2, cy - s / 2, s,
                s, "", Color.WHITE, Palette.OUTLINE, 1f);
        species.add(node);
        nodes.put(node.id(), node);
        arcs.add(arc(process.id() + suffix + "_arc", null, null, process, node, kind));
    }

    private ArcFigure arc(String id, GraphicalObject glyph, Curve curve, NodeFigure process, NodeFigure node,
            ArcKind kind) {
        double[] pts = curve != null ? points(curve) : null;
        if (pts == null) {
            pts = new double[] { node.centerX(), node.centerY(), process.centerX(), process.centerY() };
        }
        // orient species -> process
        double dStart = Math.hypot(pts[0] - node.centerX(), pts[1] - node.centerY());
        double dEnd = Math.hypot(pts[pts.length - 2] - node.centerX(), pts[pts.length - 1] - node.centerY());
        if (dEnd < dStart) {
            pts = reversed(pts);
        }
        pts = Geometry.clipStart(pts, node.bounds());
        pts = reversed(Geometry.clipStart(reversed(pts), process.bounds()));
        if (kind == ArcKind.PRODUCTION) {
            pts = reversed(pts);
        }
        Color stroke = Palette.stroke(kind);
        float width = 1.2f;
        if (glyph != null) {
            RenderStyles.Paint p = styles.paint(glyph.getId(), List.of("SPECIESREFERENCEGLYPH", "ANY"));
            stroke = p.stroke() != null ? p.stroke() : stroke;
            width = p.strokeWidth() != null ? p.strokeWidth() : width;
        }
        return new ArcFigure(id, process.id(), node.id(), kind, pts, stroke, width);
    }

    static double[] reversed(double[] pts) {
        double[] r = new double[pts.length];
        for (int i = 0; i < pts.length; i += 2) {
            r[pts.length - 2 - i] = pts[i];
            r[pts.length - 1 - i] = pts[i + 1];
        }
        return r;
    }

    /** The curve as a polyline; cubic Béziers are flattened into short segments. */
    static double[] points(Curve curve) {
        List<Double> out = new ArrayList<>();
        for (CurveSegment seg : curve.getListOfCurveSegments()) {
            Point s = seg.getStart();
            Point e = seg.getEnd();
            if (s == null || e == null) {
                continue;
            }
            if (out.isEmpty() || out.get(out.size() - 2) != s.getX() || out.get(out.size() - 1) != s.getY()) {
                out.add(s.getX());
                out.add(s.getY());
            }
            if (seg instanceof CubicBezier cb && cb.isSetBasePoint1() && cb.isSetBasePoint2()) {
                Point b1 = cb.getBasePoint1();
                Point b2 = cb.getBasePoint2();
                for (int i = 1; i < 8; i++) {
                    double t = i / 8.0;
                    double u = 1 - t;
                    out.add(u * u * u * s.getX() + 3 * u * u * t * b1.getX() + 3 * u * t * t * b2.getX() + t * t * t * e.getX());
                    out.add(u * u * u * s.getY() + 3 * u * u * t * b1.getY() + 3 * u * t * t * b2.getY() + t * t * t * e.getY());
                }
            }
            out.add(e.getX());
            out.add(e.getY());
        }
        double[] pts = new double[out.size()];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = out.get(i);
        }
        return pts.length >= 4 ? pts : null;
    }
}
