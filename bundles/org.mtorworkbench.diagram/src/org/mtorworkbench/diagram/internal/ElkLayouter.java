package org.mtorworkbench.diagram.internal;

import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.mtorworkbench.diagram.AutoLayoutOptions;
import org.mtorworkbench.diagram.GlyphKind;
import org.sbml.jsbml.Compartment;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.ModifierSpeciesReference;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.SimpleSpeciesReference;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.ext.layout.Curve;
import org.sbml.jsbml.ext.layout.Layout;
import org.sbml.jsbml.ext.layout.LayoutConstants;
import org.sbml.jsbml.ext.layout.LayoutModelPlugin;
import org.sbml.jsbml.ext.layout.LineSegment;
import org.sbml.jsbml.ext.layout.ReactionGlyph;
import org.sbml.jsbml.ext.layout.SpeciesGlyph;
import org.sbml.jsbml.ext.layout.SpeciesReferenceGlyph;
import org.sbml.jsbml.ext.layout.SpeciesReferenceRole;
import org.sbml.jsbml.ext.layout.TextGlyph;

/**
 * Lays a model out with ELK layered (top to bottom) and writes the result as an SBML
 * Layout. Species and process nodes are ELK nodes, every reactant, product and modifier an
 * edge; when species sit in more than one compartment, each compartment is a parent node
 * laid out together with its contents.
 */
public final class ElkLayouter {

    /** Padding inside a compartment; the top leaves room for its name. */
    static final ElkPadding COMPARTMENT_PADDING = new ElkPadding(30, 15, 15, 15);
    /** Side of a process node. */
    static final double PROCESS = 10;
    /**
     * Above this many species and reactions ELK sweeps for fewer crossings only once: a
     * 500-species model is laid out in about a second instead of ten.
     */
    static final int LARGE = 300;

    private static boolean registered;

    private final Model model;
    private final AutoLayoutOptions options;
    private final Set<String> usedIds = new HashSet<>();

    private ElkLayouter(Model model, AutoLayoutOptions options) {
        this.model = model;
        this.options = options;
    }

    private static synchronized void registerLayered() {
        if (!registered) {
            LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
            registered = true;
        }
    }

    /** Lays the model out and adds the result to it as a new layout. */
    public static Layout layout(Model model, AutoLayoutOptions options) {
        registerLayered();
        return new ElkLayouter(model, options).run();
    }

    private Layout run() {
        ElkNode root = ElkGraphUtil.createGraph();
        boolean large = model.getSpeciesCount() + model.getReactionCount() > LARGE;
        configure(root, large);
        Map<String, Compartment> used = new LinkedHashMap<>();
        for (Species s : model.getListOfSpecies()) {
            Compartment c = model.getCompartment(s.getCompartment());
            if (c != null) {
                used.put(c.getId(), c);
            }
        }
        boolean nested = used.size() > 1;
        Map<String, ElkNode> compartmentNodes = new LinkedHashMap<>();
        if (nested) {
            root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
            for (Compartment c : used.values()) {
                ElkNode n = ElkGraphUtil.createNode(root);
                configure(n, large);
                n.setProperty(CoreOptions.PADDING, COMPARTMENT_PADDING);
                compartmentNodes.put(c.getId(), n);
            }
        }
        Map<String, ElkNode> speciesNodes = new LinkedHashMap<>();
        for (Species s : model.getListOfSpecies()) {
            ElkNode parent = nested ? compartmentNodes.getOrDefault(s.getCompartment(), root) : root;
            ElkNode n = ElkGraphUtil.createNode(parent);
            double[] size = size(s);
            n.setDimensions(size[0], size[1]);
            speciesNodes.put(s.getId(), n);
        }
        Map<String, ElkNode> processNodes = new LinkedHashMap<>();
        for (Reaction r : model.getListOfReactions()) {
            ElkNode parent = nested ? compartmentNodes.getOrDefault(commonCompartment(r), root) : root;
            ElkNode p = ElkGraphUtil.createNode(parent);
            p.setDimensions(PROCESS, PROCESS);
            processNodes.put(r.getId(), p);
            for (SimpleSpeciesReference ref : r.getListOfReactants()) {
                edge(speciesNodes.get(ref.getSpecies()), p);
            }
            for (SimpleSpeciesReference ref : r.getListOfProducts()) {
                edge(p, speciesNodes.get(ref.getSpecies()));
            }
            for (ModifierSpeciesReference ref : r.getListOfModifiers()) {
                edge(speciesNodes.get(ref.getSpecies()), p);
            }
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        return write(root, nested, compartmentNodes, speciesNodes, processNodes);
    }

    private void configure(ElkNode n, boolean large) {
        n.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        n.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
        n.setProperty(LayeredOptions.SPACING_NODE_NODE, options.nodeSpacing());
        n.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, options.layerSpacing());
        n.setProperty(LayeredOptions.SPACING_EDGE_NODE, options.nodeSpacing() / 2);
        n.setProperty(LayeredOptions.SPACING_EDGE_EDGE, 4.0);
        n.setProperty(CoreOptions.PADDING, new ElkPadding(20));
        // arcs are drawn straight between nodes, so ELK's cheapest routing suffices
        n.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
        if (large) {
            n.setProperty(LayeredOptions.THOROUGHNESS, 1);
        }
    }

    private static void edge(ElkNode from, ElkNode to) {
        if (from != null && to != null) {
            ElkGraphUtil.createSimpleEdge(from, to);
        }
    }

    /**
     * The compartment a reaction's process node sits in: the one all its species share, else
     * that of its first product (a transport sits where it delivers), else of its first reactant.
     */
    private String commonCompartment(Reaction r) {
        Set<String> cs = new LinkedHashSet<>();
        for (SimpleSpeciesReference ref : r.getListOfReactants()) {
            cs.add(compartmentOf(ref.getSpecies()));
        }
        for (SimpleSpeciesReference ref : r.getListOfProducts()) {
            cs.add(compartmentOf(ref.getSpecies()));
        }
        for (ModifierSpeciesReference ref : r.getListOfModifiers()) {
            cs.add(compartmentOf(ref.getSpecies()));
        }
        if (cs.size() == 1) {
            return cs.iterator().next();
        }
        if (r.getProductCount() > 0) {
            return compartmentOf(r.getProduct(0).getSpecies());
        }
        return r.getReactantCount() > 0 ? compartmentOf(r.getReactant(0).getSpecies()) : null;
    }

    private String compartmentOf(String speciesId) {
        Species s = model.getSpecies(speciesId);
        return s == null ? null : s.getCompartment();
    }

    /** Width and height of a species' glyph: wide enough for its label. */
    static double[] size(Species s) {
        String label = s.isSetName() && !s.getName().isBlank() ? s.getName() : s.getId();
        GlyphKind kind = GlyphKind.ofSpeciesSbo(s.isSetSBOTerm() ? s.getSBOTerm() : -1);
        double w = Math.min(180, Math.max(60, label.length() * 6.5 + 18));
        double h = kind == GlyphKind.COMPLEX || kind == GlyphKind.PHENOTYPE ? 40 : 32;
        if (kind == GlyphKind.SOURCE_SINK) {
            return new double[] { 20, 20 };
        }
        return new double[] { w, h };
    }

    private String id(String base) {
        String id = base;
        int n = 2;
        while (usedIds.contains(id) || model.findUniqueNamedSBase(id) != null) {
            id = base + "_" + n++;
        }
        usedIds.add(id);
        return id;
    }

    private static double absX(ElkNode n) {
        double x = 0;
        for (ElkNode p = n; p != null && p.getParent() != null; p = p.getParent()) {
            x += p.getX();
        }
        return x;
    }

    private static double absY(ElkNode n) {
        double y = 0;
        for (ElkNode p = n; p != null && p.getParent() != null; p = p.getParent()) {
            y += p.getY();
        }
        return y;
    }

    private Layout write(ElkNode root, boolean nested, Map<String, ElkNode> compartmentNodes,
            Map<String, ElkNode> speciesNodes, Map<String, ElkNode> processNodes) {
        LayoutModelPlugin plugin = (LayoutModelPlugin) model.getPlugin(LayoutConstants.shortLabel);
        for (Layout existing : plugin.getListOfLayouts()) {
            usedIds.add(existing.getId());
        }
        Layout layout = plugin.createLayout(id(options.layoutId()));
        layout.setName("laid out automatically (ELK layered, top to bottom)");
        layout.createDimensions(root.getWidth(), root.getHeight(), 0);
        if (nested) {
            compartmentNodes.forEach((cid, n) -> layout.createCompartmentGlyph(id("cg_" + cid), cid)
                    .createBoundingBox(n.getWidth(), n.getHeight(), 0).createPosition(absX(n), absY(n), 0));
        } else if (model.getCompartmentCount() > 0 && !speciesNodes.isEmpty()) {
            String cid = model.getSpeciesCount() > 0 ? model.getSpecies(0).getCompartment() : model.getCompartment(0).getId();
            Rectangle2D.Double all = null;
            for (ElkNode n : speciesNodes.values()) {
                Rectangle2D.Double r = new Rectangle2D.Double(absX(n), absY(n), n.getWidth(), n.getHeight());
                if (all == null) {
                    all = r;
                } else {
                    all.add(r);
                }
            }
            for (ElkNode n : processNodes.values()) {
                all.add(new Rectangle2D.Double(absX(n), absY(n), n.getWidth(), n.getHeight()));
            }
            layout.createCompartmentGlyph(id("cg_" + cid), cid)
                    .createBoundingBox(all.width + 30, all.height + 45, 0).createPosition(all.x - 15, all.y - 30, 0);
        }
        Map<String, Rectangle2D> boxes = new HashMap<>();
        speciesNodes.forEach((sid, n) -> {
            SpeciesGlyph g = layout.createSpeciesGlyph(id("sg_" + sid), sid);
            Rectangle2D r = new Rectangle2D.Double(absX(n), absY(n), n.getWidth(), n.getHeight());
            g.createBoundingBox(r.getWidth(), r.getHeight(), 0).createPosition(r.getX(), r.getY(), 0);
            TextGlyph t = layout.createTextGlyph(id("tg_" + sid));
            t.setGraphicalObject(g.getId());
            t.setOriginOfText(sid);
            t.createBoundingBox(r.getWidth(), r.getHeight(), 0).createPosition(r.getX(), r.getY(), 0);
            boxes.put(sid, r);
        });
        Map<String, String> glyphOf = new HashMap<>();
        layout.getListOfSpeciesGlyphs().forEach(g -> glyphOf.put(g.getSpecies(), g.getId()));
        processNodes.forEach((rid, n) -> {
            Reaction r = model.getReaction(rid);
            ReactionGlyph rg = layout.createReactionGlyph(id("rg_" + rid), rid);
            Rectangle2D pbox = new Rectangle2D.Double(absX(n), absY(n), n.getWidth(), n.getHeight());
            rg.createBoundingBox(pbox.getWidth(), pbox.getHeight(), 0).createPosition(pbox.getX(), pbox.getY(), 0);
            int k = 0;
            for (SimpleSpeciesReference ref : r.getListOfReactants()) {
                arc(rg, ref, SpeciesReferenceRole.SUBSTRATE, boxes, glyphOf, pbox, k++);
            }
            for (SimpleSpeciesReference ref : r.getListOfProducts()) {
                arc(rg, ref, SpeciesReferenceRole.PRODUCT, boxes, glyphOf, pbox, k++);
            }
            for (ModifierSpeciesReference ref : r.getListOfModifiers()) {
                SpeciesReferenceRole role = switch (ref.isSetSBOTerm() ? ref.getSBOTerm() : -1) {
                    case 20, 206, 207, 536, 537 -> SpeciesReferenceRole.INHIBITOR;
                    case 13, 459, 460, 461, 462 -> SpeciesReferenceRole.ACTIVATOR;
                    default -> SpeciesReferenceRole.MODIFIER;
                };
                arc(rg, ref, role, boxes, glyphOf, pbox, k++);
            }
        });
        return layout;
    }

    private void arc(ReactionGlyph rg, SimpleSpeciesReference ref, SpeciesReferenceRole role,
            Map<String, Rectangle2D> boxes, Map<String, String> glyphOf, Rectangle2D pbox, int index) {
        Rectangle2D sbox = boxes.get(ref.getSpecies());
        if (sbox == null) {
            return;
        }
        SpeciesReferenceGlyph g = rg.createSpeciesReferenceGlyph(id(rg.getId() + "_" + index));
        g.setSpeciesGlyph(glyphOf.get(ref.getSpecies()));
        if (ref.isSetId() && !(ref instanceof ModifierSpeciesReference)) {
            g.setSpeciesReference(ref.getId());
        }
        g.setRole(role);
        double[] pts = { sbox.getCenterX(), sbox.getCenterY(), pbox.getCenterX(), pbox.getCenterY() };
        pts = Geometry.clipStart(pts, sbox);
        pts = LayoutReader.reversed(Geometry.clipStart(LayoutReader.reversed(pts), pbox));
        if (role == SpeciesReferenceRole.PRODUCT) {
            pts = LayoutReader.reversed(pts);
        }
        Curve c = g.createCurve();
        LineSegment seg = c.createLineSegment();
        seg.createStart(pts[0], pts[1], 0);
        seg.createEnd(pts[2], pts[3], 0);
    }
}
