package org.mtorworkbench.ui.editor.internal;

import java.util.Enumeration;

import javax.swing.tree.TreeNode;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.AbstractOperation;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.Assignment;
import org.sbml.jsbml.Compartment;
import org.sbml.jsbml.KineticLaw;
import org.sbml.jsbml.MathContainer;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.NamedSBase;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.SBase;
import org.sbml.jsbml.SimpleSpeciesReference;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.ext.layout.CompartmentGlyph;
import org.sbml.jsbml.ext.layout.Layout;
import org.sbml.jsbml.ext.layout.ReactionGlyph;
import org.sbml.jsbml.ext.layout.SpeciesGlyph;
import org.sbml.jsbml.ext.layout.SpeciesReferenceGlyph;
import org.sbml.jsbml.ext.layout.TextGlyph;

/**
 * Gives a compartment, species, reaction, parameter or species reference a new id and updates
 * every reference to it: species references, species' compartments, math (kinetic laws that
 * define a local parameter of that name keep theirs), rule, assignment and event variables, and
 * the glyphs of every layout. Undo renames back.
 */
public final class RenameIdOperation extends AbstractOperation {

    private final Model model;
    private final String from;
    private final String to;

    RenameIdOperation(Model model, String from, String to) {
        super("Rename " + from + " to " + to);
        this.model = model;
        this.from = from;
        this.to = to;
    }

    /** @return why the model cannot take the new id, or null when it can */
    static String problem(Model model, Layout layout, String from, String to) {
        if (!Ids.isSId(to)) {
            return "'" + to + "' is not an SBML id: use letters, digits and underscores, not starting with a digit";
        }
        if (!to.equals(from) && Ids.taken(model, layout, to)) {
            return "the id '" + to + "' is already used in the model; choose another";
        }
        return null;
    }

    @Override
    public boolean canExecute() {
        return !from.equals(to) && model.findNamedSBase(from) != null && Ids.isSId(to) && model.findNamedSBase(to) == null
                && model.findUniqueNamedSBase(to) == null;
    }

    @Override
    public IStatus execute(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
        if (!canExecute()) {
            throw new ExecutionException("cannot rename " + from + " to " + to);
        }
        rename(from, to);
        return Status.OK_STATUS;
    }

    @Override
    public IStatus redo(IProgressMonitor monitor, IAdaptable info) {
        rename(from, to);
        return Status.OK_STATUS;
    }

    @Override
    public IStatus undo(IProgressMonitor monitor, IAdaptable info) {
        rename(to, from);
        return Status.OK_STATUS;
    }

    private void rename(String a, String b) {
        NamedSBase element = model.findNamedSBase(a);
        if (element == null) {
            return;
        }
        element.setId(b);
        walk(model, a, b);
    }

    private static void walk(TreeNode node, String a, String b) {
        if (node instanceof ASTNode) {
            return;
        }
        if (node instanceof SBase s) {
            update(s, a, b);
        }
        Enumeration<? extends TreeNode> children = node.children();
        while (children != null && children.hasMoreElements()) {
            walk(children.nextElement(), a, b);
        }
    }

    private static void update(SBase s, String a, String b) {
        if (s instanceof MathContainer mc && mc.isSetMath() && !(s instanceof KineticLaw kl && kl.getLocalParameter(a) != null)) {
            renameIn(mc.getMath(), a, b);
        }
        if (s instanceof SimpleSpeciesReference r && a.equals(r.getSpecies())) {
            r.setSpecies(b);
        }
        if (s instanceof Species sp && a.equals(sp.getCompartment())) {
            sp.setCompartment(b);
        }
        if (s instanceof Reaction r && r.isSetCompartment() && a.equals(r.getCompartment())) {
            r.setCompartment(b);
        }
        if (s instanceof Compartment c && c.isSetOutside() && a.equals(c.getOutside())) {
            c.setOutside(b);
        }
        if (s instanceof Assignment as && as.isSetVariable() && a.equals(as.getVariable())) {
            as.setVariable(b);
        }
        if (s instanceof SpeciesGlyph g && a.equals(g.getSpecies())) {
            g.setSpecies(b);
        }
        if (s instanceof CompartmentGlyph g && a.equals(g.getCompartment())) {
            g.setCompartment(b);
        }
        if (s instanceof ReactionGlyph g && a.equals(g.getReaction())) {
            g.setReaction(b);
        }
        if (s instanceof TextGlyph t && a.equals(t.getOriginOfText())) {
            t.setOriginOfText(b);
        }
        if (s instanceof SpeciesReferenceGlyph g && a.equals(g.getSpeciesReference())) {
            g.setSpeciesReference(b);
        }
    }

    private static void renameIn(ASTNode n, String a, String b) {
        if (n.isName() && a.equals(n.getName())) {
            n.setName(b);
        }
        if (n.getType() == ASTNode.Type.FUNCTION && a.equals(n.getName())) {
            n.setName(b);
        }
        for (int i = 0; i < n.getChildCount(); i++) {
            renameIn(n.getChild(i), a, b);
        }
    }
}
