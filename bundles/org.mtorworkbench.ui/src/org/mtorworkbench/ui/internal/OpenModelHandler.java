package org.mtorworkbench.ui.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.filesystem.IFileStore;
import org.eclipse.core.runtime.Path;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.ide.IDE;
import org.mtorworkbench.ui.WorkbenchIds;

/** File &gt; Open Model...: opens an SBML file from anywhere on disk in the model editor. */
public final class OpenModelHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
        FileDialog dialog = new FileDialog(window.getShell(), SWT.OPEN);
        dialog.setText("Open Model");
        dialog.setFilterExtensions(new String[] { "*.xml;*.sbml", "*.*" });
        dialog.setFilterNames(new String[] { "SBML models (*.xml, *.sbml)", "All files" });
        String path = dialog.open();
        if (path == null) {
            return null;
        }
        IFileStore store = EFS.getLocalFileSystem().getStore(new Path(path));
        try {
            IDE.openEditor(window.getActivePage(), store.toURI(), WorkbenchIds.MODEL_EDITOR, true);
        } catch (PartInitException e) {
            throw new ExecutionException("Cannot open " + path + ": " + e.getMessage(), e);
        }
        return null;
    }
}
