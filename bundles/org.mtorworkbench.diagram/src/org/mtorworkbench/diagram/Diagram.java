package org.mtorworkbench.diagram;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mtorworkbench.diagram.internal.LayoutReader;
import org.sbml.jsbml.ext.layout.Layout;

/**
 * The retained picture of one SBML Layout: node figures (compartments first, then species
 * and derived source/sink nodes, then process nodes) and arc figures, in layout
 * coordinates. Immutable; build a new one from the layout after the layout changes.
 */
public final class Diagram {

    /** How close (in layout units) a point must be to an arc to hit it. */
    public static final double ARC_HIT_TOLERANCE = 4;

    private final String layoutId;
    private final List<NodeFigure> nodes;
    private final List<ArcFigure> arcs;
    private final Map<String, NodeFigure> nodeById;
    private final Map<String, ArcFigure> arcById;
    private final Rectangle2D bounds;

    /**
     * @param layoutId the id of the layout drawn
     * @param nodes nodes in painting order (later nodes are drawn above earlier ones)
     * @param arcs arcs
     */
    public Diagram(String layoutId, List<NodeFigure> nodes, List<ArcFigure> arcs) {
        this.layoutId = layoutId;
        this.nodes = List.copyOf(nodes);
        this.arcs = List.copyOf(arcs);
        Map<String, NodeFigure> n = new LinkedHashMap<>();
        this.nodes.forEach(f -> n.put(f.id(), f));
        Map<String, ArcFigure> a = new LinkedHashMap<>();
        this.arcs.forEach(f -> a.put(f.id(), f));
        this.nodeById = Collections.unmodifiableMap(n);
        this.arcById = Collections.unmodifiableMap(a);
        Rectangle2D.Double b = null;
        for (NodeFigure f : this.nodes) {
            b = union(b, f.bounds());
        }
        for (ArcFigure f : this.arcs) {
            b = union(b, f.bounds());
        }
        this.bounds = b == null ? new Rectangle2D.Double() : b;
    }

    private static Rectangle2D.Double union(Rectangle2D.Double acc, Rectangle2D r) {
        if (acc == null) {
            return new Rectangle2D.Double(r.getX(), r.getY(), r.getWidth(), r.getHeight());
        }
        acc.add(r);
        return acc;
    }

    /** Builds the diagram of an SBML Layout, with the colours of its local render information where present. */
    public static Diagram of(Layout layout) {
        return LayoutReader.read(layout);
    }

    /** @return the id of the layout drawn */
    public String layoutId() {
        return layoutId;
    }

    /** @return the nodes in painting order */
    public List<NodeFigure> nodes() {
        return nodes;
    }

    /** @return the arcs */
    public List<ArcFigure> arcs() {
        return arcs;
    }

    /** @return the node with that id */
    public Optional<NodeFigure> node(String id) {
        return Optional.ofNullable(nodeById.get(id));
    }

    /** @return the arc with that id */
    public Optional<ArcFigure> arc(String id) {
        return Optional.ofNullable(arcById.get(id));
    }

    /** @return the number of nodes of each kind (kinds with none are absent) */
    public Map<GlyphKind, Integer> countsByKind() {
        Map<GlyphKind, Integer> m = new EnumMap<>(GlyphKind.class);
        nodes.forEach(f -> m.merge(f.kind(), 1, Integer::sum));
        return m;
    }

    /** @return the number of nodes of a kind */
    public int count(GlyphKind kind) {
        return (int) nodes.stream().filter(f -> f.kind() == kind).count();
    }

    /** @return a copy of the bounds of everything drawn (empty at the origin for an empty diagram) */
    public Rectangle2D bounds() {
        return (Rectangle2D) bounds.clone();
    }

    /**
     * The topmost figure at a point: a process or species node first, then an arc within
     * {@code tolerance}, then a compartment.
     *
     * @return the figure's id
     */
    public Optional<String> hit(double x, double y, double tolerance) {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            NodeFigure f = nodes.get(i);
            if (f.kind() != GlyphKind.COMPARTMENT && grown(f, f.kind() == GlyphKind.PROCESS ? tolerance : 0).contains(x, y)) {
                return Optional.of(f.id());
            }
        }
        ArcFigure nearest = null;
        double best = tolerance;
        for (ArcFigure a : arcs) {
            double d = a.distanceTo(x, y);
            if (d <= best) {
                best = d;
                nearest = a;
            }
        }
        if (nearest != null) {
            return Optional.of(nearest.id());
        }
        for (int i = nodes.size() - 1; i >= 0; i--) {
            NodeFigure f = nodes.get(i);
            if (f.kind() == GlyphKind.COMPARTMENT && f.contains(x, y)) {
                return Optional.of(f.id());
            }
        }
        return Optional.empty();
    }

    private static Rectangle2D grown(NodeFigure f, double by) {
        return new Rectangle2D.Double(f.x() - by, f.y() - by, f.width() + 2 * by, f.height() + 2 * by);
    }

    /** @return the ids of the species, source/sink and process nodes lying wholly inside a rectangle */
    public List<String> nodesInside(Rectangle2D area) {
        List<String> ids = new ArrayList<>();
        for (NodeFigure f : nodes) {
            if (f.kind() != GlyphKind.COMPARTMENT && area.contains(f.bounds())) {
                ids.add(f.id());
            }
        }
        return ids;
    }
}
