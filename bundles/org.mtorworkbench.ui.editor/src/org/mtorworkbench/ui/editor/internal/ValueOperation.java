package org.mtorworkbench.ui.editor.internal;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.commands.operations.AbstractOperation;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

/**
 * Changes one property of a model element: reads the old value when executed, sets the new
 * one; undo sets the old value back. Values must be immutable or copies owned by the operation.
 *
 * @param <T> the property's type
 */
public final class ValueOperation<T> extends AbstractOperation {

    private final Supplier<T> getter;
    private final Consumer<T> setter;
    private final T value;
    private T old;

    ValueOperation(String label, Supplier<T> getter, Consumer<T> setter, T value) {
        super(label);
        this.getter = getter;
        this.setter = setter;
        this.value = value;
    }

    @Override
    public boolean canExecute() {
        return !Objects.equals(getter.get(), value);
    }

    @Override
    public IStatus execute(IProgressMonitor monitor, IAdaptable info) {
        old = getter.get();
        setter.accept(value);
        return Status.OK_STATUS;
    }

    @Override
    public IStatus redo(IProgressMonitor monitor, IAdaptable info) {
        setter.accept(value);
        return Status.OK_STATUS;
    }

    @Override
    public IStatus undo(IProgressMonitor monitor, IAdaptable info) {
        setter.accept(old);
        return Status.OK_STATUS;
    }
}
