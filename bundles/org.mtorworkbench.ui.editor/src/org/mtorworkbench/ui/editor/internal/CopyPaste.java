package org.mtorworkbench.ui.editor.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.swing.tree.TreeNode;

import org.mtorworkbench.ui.editor.internal.InsertOperation.Insertion;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.KineticLaw;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.SBase;
import org.sbml.jsbml.SimpleSpeciesReference;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.ext.layout.BoundingBox;
import org.sbml.jsbml.ext.layout.CubicBezier;
import org.sbml.jsbml.ext.layout.CurveSegment;
import org.sbml.jsbml.ext.layout.Layout;
import org.sbml.jsbml.ext.layout.Point;
import org.sbml.jsbml.ext.layout.ReactionGlyph;
import org.sbml.jsbml.ext.layout.SpeciesGlyph;
import org.sbml.jsbml.ext.layout.SpeciesReferenceGlyph;
import org.sbml.jsbml.ext.layout.TextGlyph;

/**
 * Copy and paste of species and reactions with their glyphs. A copy takes clones of the
 * selected species and reactions (and their glyphs and labels) as they are now; each paste
 * adds fresh clones with new ids, offset from the originals. A pasted reaction uses the pasted
 * copies of its species where they were copied with it and the original species otherwise;
 * its kinetic law is rewritten to the new ids.
 */
public final class CopyPaste {

    /** What was copied: detached clones, never added to a model. */
    public static final class Snapshot {
        private final List<Species> species = new ArrayList<>();
        private final List<SpeciesGlyph> speciesGlyphs = new ArrayList<>();
        private final List<TextGlyph> labels = new ArrayList<>();
        private final List<Reaction> reactions = new ArrayList<>();
        private final List<ReactionGlyph> reactionGlyphs = new ArrayList<>();

        /** @return how many species and reactions were copied */
        public int size() {
            return species.size() + reactions.size();
        }
    }

    private CopyPaste() {
    }

    /** @return clones of the species and reactions of the selected glyphs (compartments are not copied) */
    public static Snapshot copy(Layout layout, Set<String> glyphIds) {
        Model model = layout.getModel();
        Snapshot s = new Snapshot();
        Set<String> copiedGlyphs = new java.util.HashSet<>();
        for (SpeciesGlyph g : layout.getListOfSpeciesGlyphs()) {
            Species sp = glyphIds.contains(g.getId()) ? model.getSpecies(g.getSpecies()) : null;
            if (sp != null) {
                s.species.add(sp.clone());
                s.speciesGlyphs.add(g.clone());
                copiedGlyphs.add(g.getId());
            }
        }
        for (ReactionGlyph g : layout.getListOfReactionGlyphs()) {
            Reaction r = glyphIds.contains(g.getId()) ? model.getReaction(g.getReaction()) : null;
            if (r != null) {
                s.reactions.add(r.clone());
                s.reactionGlyphs.add(g.clone());
                copiedGlyphs.add(g.getId());
            }
        }
        for (TextGlyph t : layout.getListOfTextGlyphs()) {
            if (copiedGlyphs.contains(t.getGraphicalObject())) {
                s.labels.add(t.clone());
            }
        }
        return s;
    }

    /**
     * @return the operation adding new copies of the snapshot, moved by (dx, dy); null when nothing
     *         of it can be pasted into this model
     */
    public static InsertOperation paste(Layout layout, Snapshot snap, double dx, double dy) {
        Model model = layout.getModel();
        SBMLDocument doc = model.getSBMLDocument();
        Ids ids = new Ids(layout);
        Map<String, String> newIds = new HashMap<>();
        Map<String, String> newGlyphs = new HashMap<>();
        List<Insertion> species = new ArrayList<>();
        List<Insertion> glyphs = new ArrayList<>();
        List<String> selected = new ArrayList<>();
        for (Species original : snap.species) {
            Species sp = original.clone();
            sp.setId(ids.unique(original.getId()));
            newIds.put(original.getId(), sp.getId());
            if (model.getCompartment(sp.getCompartment()) == null) {
                if (model.getCompartmentCount() == 0) {
                    continue;
                }
                sp.setCompartment(model.getCompartment(0).getId());
            }
            freshMetaIds(sp, doc);
            species.add(new Insertion(model.getListOfSpecies(), sp));
        }
        for (SpeciesGlyph original : snap.speciesGlyphs) {
            String sid = newIds.get(original.getSpecies());
            if (sid == null) {
                continue;
            }
            SpeciesGlyph g = original.clone();
            g.setId(ids.unique("sg_" + sid));
            g.setSpecies(sid);
            shift(g.getBoundingBox(), dx, dy);
            freshMetaIds(g, doc);
            newGlyphs.put(original.getId(), g.getId());
            glyphs.add(new Insertion(layout.getListOfSpeciesGlyphs(), g));
            selected.add(g.getId());
        }
        List<Insertion> reactions = new ArrayList<>();
        for (int i = 0; i < snap.reactions.size(); i++) {
            Reaction original = snap.reactions.get(i);
            Reaction r = original.clone();
            boolean ok = true;
            Map<String, String> refIds = new HashMap<>();
            for (SimpleSpeciesReference ref : references(r)) {
                String to = newIds.getOrDefault(ref.getSpecies(), model.getSpecies(ref.getSpecies()) != null ? ref.getSpecies() : null);
                ok &= to != null;
                if (to != null) {
                    ref.setSpecies(to);
                }
            }
            if (!ok) {
                continue;
            }
            r.setId(ids.unique(original.getId()));
            for (SimpleSpeciesReference ref : references(r)) {
                if (ref.isSetId()) {
                    String id = ids.unique(r.getId() + "_" + ref.getSpecies());
                    refIds.put(ref.getId(), id);
                    ref.setId(id);
                }
            }
            KineticLaw kl = r.getKineticLaw();
            if (kl != null && kl.isSetMath()) {
                rename(kl.getMath(), newIds, kl);
            }
            freshMetaIds(r, doc);
            reactions.add(new Insertion(model.getListOfReactions(), r));
            ReactionGlyph g = snap.reactionGlyphs.get(i).clone();
            String oldGlyph = g.getId();
            g.setId(ids.unique("rg_" + r.getId()));
            g.setReaction(r.getId());
            shift(g.getBoundingBox(), dx, dy);
            g.getListOfSpeciesReferenceGlyphs().removeIf(s -> {
                String sg = newGlyphs.getOrDefault(s.getSpeciesGlyph(),
                        layout.getSpeciesGlyph(s.getSpeciesGlyph()) != null ? s.getSpeciesGlyph() : null);
                return sg == null;
            });
            for (SpeciesReferenceGlyph s : g.getListOfSpeciesReferenceGlyphs()) {
                s.setId(ids.unique(g.getId() + "_arc"));
                boolean bothMoved = newGlyphs.containsKey(s.getSpeciesGlyph());
                s.setSpeciesGlyph(newGlyphs.getOrDefault(s.getSpeciesGlyph(), s.getSpeciesGlyph()));
                if (s.isSetSpeciesReference()) {
                    s.setSpeciesReference(refIds.getOrDefault(s.getSpeciesReference(), s.getSpeciesReference()));
                }
                shiftCurve(s, dx, dy, bothMoved, layout);
            }
            freshMetaIds(g, doc);
            newGlyphs.put(oldGlyph, g.getId());
            glyphs.add(new Insertion(layout.getListOfReactionGlyphs(), g));
            selected.add(g.getId());
        }
        for (TextGlyph original : snap.labels) {
            String target = newGlyphs.get(original.getGraphicalObject());
            if (target == null) {
                continue;
            }
            TextGlyph t = original.clone();
            t.setId(ids.unique("tg_" + target));
            t.setGraphicalObject(target);
            if (t.isSetOriginOfText()) {
                String o = newIds.get(t.getOriginOfText());
                if (o != null) {
                    t.setOriginOfText(o);
                }
            }
            shift(t.getBoundingBox(), dx, dy);
            freshMetaIds(t, doc);
            glyphs.add(new Insertion(layout.getListOfTextGlyphs(), t));
        }
        List<Insertion> all = new ArrayList<>(species);
        all.addAll(reactions);
        all.addAll(glyphs);
        if (all.isEmpty()) {
            return null;
        }
        return new InsertOperation("Paste", all, selected);
    }

    private static List<SimpleSpeciesReference> references(Reaction r) {
        List<SimpleSpeciesReference> refs = new ArrayList<>(r.getListOfReactants());
        refs.addAll(r.getListOfProducts());
        refs.addAll(r.getListOfModifiers());
        return refs;
    }

    private static void rename(ASTNode n, Map<String, String> ids, KineticLaw kl) {
        if (n.isName() && n.getName() != null && ids.containsKey(n.getName()) && kl.getLocalParameter(n.getName()) == null) {
            n.setName(ids.get(n.getName()));
        }
        for (int i = 0; i < n.getChildCount(); i++) {
            rename(n.getChild(i), ids, kl);
        }
    }

    /** Clears the metaids of a clone and its children, giving new ones where annotations need them. */
    private static void freshMetaIds(TreeNode node, SBMLDocument doc) {
        if (node instanceof ASTNode) {
            return;
        }
        if (node instanceof SBase s && s.isSetMetaId()) {
            if (s.getCVTermCount() > 0) {
                String base = s.getMetaId() + "_copy";
                String id = base;
                for (int n = 2; doc.containsMetaId(id); n++) {
                    id = base + n;
                }
                s.setMetaId(id);
            } else {
                s.unsetMetaId();
            }
        }
        java.util.Enumeration<? extends TreeNode> children = node.children();
        while (children != null && children.hasMoreElements()) {
            freshMetaIds(children.nextElement(), doc);
        }
    }

    private static void shift(BoundingBox bb, double dx, double dy) {
        if (bb != null && bb.isSetPosition()) {
            bb.getPosition().setX(bb.getPosition().getX() + dx);
            bb.getPosition().setY(bb.getPosition().getY() + dy);
        }
    }

    /** Moves a pasted arc: whole when both its ends were pasted, else only the end at the process. */
    private static void shiftCurve(SpeciesReferenceGlyph s, double dx, double dy, boolean both, Layout layout) {
        if (s.getCurve() == null) {
            return;
        }
        List<Point> pts = Geometry.curvePoints(s.getCurve());
        if (both) {
            pts.forEach(p -> {
                p.setX(p.getX() + dx);
                p.setY(p.getY() + dy);
            });
            return;
        }
        SpeciesGlyph sg = layout.getSpeciesGlyph(s.getSpeciesGlyph());
        if (sg == null || pts.size() < 2) {
            return;
        }
        double[] c = Creations.centre(sg);
        Point first = s.getCurve().getCurveSegment(0).getStart();
        Point last = s.getCurve().getCurveSegment(s.getCurve().getCurveSegmentCount() - 1).getEnd();
        Point far = Math.hypot(first.getX() - c[0], first.getY() - c[1]) > Math.hypot(last.getX() - c[0], last.getY() - c[1])
                ? first : last;
        far.setX(far.getX() + dx);
        far.setY(far.getY() + dy);
    }
}
