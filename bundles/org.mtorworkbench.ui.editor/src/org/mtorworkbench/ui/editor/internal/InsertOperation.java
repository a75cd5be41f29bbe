package org.mtorworkbench.ui.editor.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.AbstractOperation;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.sbml.jsbml.ListOf;
import org.sbml.jsbml.SBase;

/**
 * Adds new model elements and their glyphs in one step: each element is appended to its list
 * (the model's species, a reaction's modifiers, the layout's glyphs, ...); undo takes them out
 * again in the reverse order, redo appends the same objects again. The elements are built,
 * with unique ids, before the operation runs.
 */
public final class InsertOperation extends AbstractOperation {

    /** One element and the list it goes into. */
    record Insertion(ListOf<? extends SBase> list, SBase element) {
    }

    private final List<Insertion> insertions;
    private final List<String> glyphIds;

    InsertOperation(String label, List<Insertion> insertions, List<String> glyphIds) {
        super(label);
        this.insertions = List.copyOf(insertions);
        this.glyphIds = List.copyOf(glyphIds);
    }

    /** @return the ids of the glyphs added (for selecting them afterwards) */
    public List<String> glyphIds() {
        return glyphIds;
    }

    /** @return the elements added, in order */
    public List<SBase> elements() {
        List<SBase> out = new ArrayList<>();
        insertions.forEach(i -> out.add(i.element()));
        return out;
    }

    @Override
    public boolean canExecute() {
        return !insertions.isEmpty();
    }

    @SuppressWarnings("unchecked")
    @Override
    public IStatus execute(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
        int done = 0;
        try {
            for (Insertion i : insertions) {
                ((ListOf<SBase>) i.list()).add(i.element());
                done++;
            }
        } catch (RuntimeException e) {
            for (int k = done - 1; k >= 0; k--) {
                insertions.get(k).list().remove(insertions.get(k).element());
            }
            throw new ExecutionException(getLabel() + ": " + e.getMessage(), e);
        }
        return Status.OK_STATUS;
    }

    @Override
    public IStatus redo(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
        return execute(monitor, info);
    }

    @Override
    public IStatus undo(IProgressMonitor monitor, IAdaptable info) {
        for (int k = insertions.size() - 1; k >= 0; k--) {
            insertions.get(k).list().remove(insertions.get(k).element());
        }
        return Status.OK_STATUS;
    }
}
