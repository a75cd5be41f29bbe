package org.mtorworkbench.ui.editor.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.AbstractOperation;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.sbml.jsbml.Compartment;
import org.sbml.jsbml.ListOf;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.SBase;
import org.sbml.jsbml.SimpleSpeciesReference;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.ext.layout.CompartmentGlyph;
import org.sbml.jsbml.ext.layout.GraphicalObject;
import org.sbml.jsbml.ext.layout.Layout;
import org.sbml.jsbml.ext.layout.ReactionGlyph;
import org.sbml.jsbml.ext.layout.SpeciesGlyph;
import org.sbml.jsbml.ext.layout.SpeciesReferenceGlyph;
import org.sbml.jsbml.ext.layout.TextGlyph;

/**
 * Deletes what the selected glyphs stand for, from the model and the layout together: a
 * compartment with its species; a species with every reaction it takes part in; a
 * reaction; an arc's species reference. All glyphs of the deleted elements go too. Undo
 * puts every element back at its old place in its list.
 */
public final class DeleteOperation extends AbstractOperation {

    /** One element taken out of a list. */
    private record Removal(ListOf<SBase> list, int index, SBase element) {
    }

    private final Model model;
    private final Layout layout;
    private final Set<String> glyphIds;
    private List<Removal> removals;

    /** @param glyphIds ids of compartment, species, reaction and species reference glyphs */
    public DeleteOperation(Layout layout, Set<String> glyphIds) {
        super("Delete");
        this.layout = layout;
        this.model = layout.getModel();
        this.glyphIds = Set.copyOf(glyphIds);
    }

    @Override
    public boolean canExecute() {
        return !plan().isEmpty();
    }

    /** @return a one-line summary of what executing would delete, for the confirmation */
    public String describe() {
        List<SBase> els = plan();
        long species = els.stream().filter(e -> e instanceof Species).count();
        long reactions = els.stream().filter(e -> e instanceof Reaction).count();
        long compartments = els.stream().filter(e -> e instanceof Compartment).count();
        long refs = els.stream().filter(e -> e instanceof SimpleSpeciesReference).count();
        long glyphs = els.stream().filter(e -> e instanceof GraphicalObject).count();
        return compartments + " compartment(s), " + species + " species, " + reactions + " reaction(s), " + refs
                + " species reference(s) and " + glyphs + " glyph(s)";
    }

    /** The model elements and glyphs that go, parents before children. */
    List<SBase> plan() {
        Set<SBase> out = new LinkedHashSet<>();
        Set<String> speciesIds = new LinkedHashSet<>();
        Set<String> reactionIds = new LinkedHashSet<>();
        for (String id : glyphIds) {
            CompartmentGlyph cg = layout.getCompartmentGlyph(id);
            if (cg != null) {
                out.add(cg);
                Compartment c = model.getCompartment(cg.getCompartment());
                if (c != null) {
                    out.add(c);
                    model.getListOfSpecies().stream().filter(s -> c.getId().equals(s.getCompartment()))
                            .forEach(s -> speciesIds.add(s.getId()));
                }
            }
            SpeciesGlyph sg = layout.getSpeciesGlyph(id);
            if (sg != null && sg.isSetSpecies()) {
                speciesIds.add(sg.getSpecies());
            }
            ReactionGlyph rg = layout.getReactionGlyph(id);
            if (rg != null && rg.isSetReaction()) {
                reactionIds.add(rg.getReaction());
            }
        }
        for (String sid : speciesIds) {
            Species s = model.getSpecies(sid);
            if (s != null) {
                out.add(s);
            }
            for (Reaction r : model.getListOfReactions()) {
                if (r.getReactantForSpecies(sid) != null || r.getProductForSpecies(sid) != null
                        || r.getModifierForSpecies(sid) != null) {
                    reactionIds.add(r.getId());
                }
            }
        }
        for (String rid : reactionIds) {
            Reaction r = model.getReaction(rid);
            if (r != null) {
                out.add(r);
            }
        }
        for (SpeciesGlyph sg : layout.getListOfSpeciesGlyphs()) {
            if (glyphIds.contains(sg.getId()) || speciesIds.contains(sg.getSpecies())) {
                out.add(sg);
            }
        }
        for (ReactionGlyph rg : layout.getListOfReactionGlyphs()) {
            if (reactionIds.contains(rg.getReaction())) {
                out.add(rg);
                continue;
            }
            for (SpeciesReferenceGlyph s : rg.getListOfSpeciesReferenceGlyphs()) {
                boolean chosen = glyphIds.contains(s.getId());
                boolean dangling = s.isSetSpeciesGlyph() && out.stream()
                        .anyMatch(o -> o instanceof SpeciesGlyph g && g.getId().equals(s.getSpeciesGlyph()));
                if (chosen || dangling) {
                    out.add(s);
                    SBase ref = chosen ? reference(rg, s) : null;
                    if (ref != null) {
                        out.add(ref);
                    }
                }
            }
        }
        Set<String> goneGlyphs = new LinkedHashSet<>();
        out.stream().filter(o -> o instanceof GraphicalObject).forEach(o -> goneGlyphs.add(((GraphicalObject) o).getId()));
        for (TextGlyph t : layout.getListOfTextGlyphs()) {
            if (t.isSetGraphicalObject() && goneGlyphs.contains(t.getGraphicalObject())) {
                out.add(t);
            }
        }
        return new ArrayList<>(out);
    }

    /** The reactant, product or modifier an arc stands for. */
    private SBase reference(ReactionGlyph rg, SpeciesReferenceGlyph s) {
        Reaction r = model.getReaction(rg.getReaction());
        if (r == null) {
            return null;
        }
        if (s.isSetSpeciesReference()) {
            for (ListOf<? extends SimpleSpeciesReference> l : List.of(r.getListOfReactants(), r.getListOfProducts(),
                    r.getListOfModifiers())) {
                for (SimpleSpeciesReference x : l) {
                    if (s.getSpeciesReference().equals(x.getId())) {
                        return x;
                    }
                }
            }
            return null;
        }
        SpeciesGlyph sg = s.getSpeciesGlyphInstance();
        String sid = sg == null ? null : sg.getSpecies();
        if (sid == null) {
            return null;
        }
        return switch (s.getRole() == null ? org.sbml.jsbml.ext.layout.SpeciesReferenceRole.UNDEFINED : s.getRole()) {
            case SUBSTRATE, SIDESUBSTRATE -> r.getReactantForSpecies(sid);
            case PRODUCT, SIDEPRODUCT -> r.getProductForSpecies(sid);
            default -> r.getModifierForSpecies(sid);
        };
    }

    @SuppressWarnings("unchecked")
    @Override
    public IStatus execute(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
        List<SBase> plan = plan();
        if (plan.isEmpty()) {
            throw new ExecutionException("nothing to delete");
        }
        List<Removal> rs = new ArrayList<>();
        for (SBase e : plan) {
            if (e.getParent() instanceof ListOf<?> l) {
                rs.add(new Removal((ListOf<SBase>) l, l.indexOf(e), e));
            }
        }
        removals = rs;
        apply();
        return Status.OK_STATUS;
    }

    private void apply() {
        // children first would detach them from parents that go anyway; remove from the back of each list
        List<Removal> order = new ArrayList<>(removals);
        order.sort(Comparator.comparingInt(Removal::index).reversed());
        for (Removal r : order) {
            r.list().remove(r.element());
        }
    }

    @Override
    public IStatus redo(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
        apply();
        return Status.OK_STATUS;
    }

    @Override
    public IStatus undo(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
        List<Removal> order = new ArrayList<>(removals);
        order.sort(Comparator.comparingInt(Removal::index));
        for (Removal r : order) {
            r.list().add(r.index(), r.element());
        }
        return Status.OK_STATUS;
    }

    /** @return the number of elements and glyphs the last execution removed */
    public int removedCount() {
        return removals == null ? 0 : removals.size();
    }
}
