package org.mtorworkbench.ui.editor.internal;

import java.util.Collection;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.AbstractOperation;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.sbml.jsbml.ext.layout.GraphicalObject;

/**
 * An operation that changes only where glyphs are: it takes their geometry before and after
 * the change, and undo and redo put back exactly those coordinates.
 */
abstract class GeometryOperation extends AbstractOperation {

    private Geometry before;
    private Geometry after;

    GeometryOperation(String label) {
        super(label);
    }

    /** @return every glyph whose geometry {@link #change()} may alter */
    abstract Collection<? extends GraphicalObject> affected() throws ExecutionException;

    /** Changes the geometry of the glyphs. */
    abstract void change() throws ExecutionException;

    @Override
    public final IStatus execute(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
        Collection<? extends GraphicalObject> glyphs = affected();
        before = Geometry.of(glyphs);
        try {
            change();
        } catch (ExecutionException | RuntimeException e) {
            before.restore();
            throw e;
        }
        after = Geometry.of(glyphs);
        return Status.OK_STATUS;
    }

    @Override
    public final IStatus redo(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
        after.restore();
        return Status.OK_STATUS;
    }

    @Override
    public final IStatus undo(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
        before.restore();
        return Status.OK_STATUS;
    }
}
