package org.mtorworkbench.ui.views.internal;

import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.IEditorLauncher;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.mtorworkbench.ui.views.ViewIds;

/**
 * Opens a {@code .omex} or {@code .sedml} file of the workspace (a double-click in the
 * Project Explorer) in the Experiment Launcher, as its Open Design... does.
 */
public final class DesignFileLauncher implements IEditorLauncher {

    @Override
    public void open(IPath file) {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (window == null || window.getActivePage() == null) {
            return;
        }
        try {
            LauncherView launcher = (LauncherView) window.getActivePage().showView(ViewIds.LAUNCHER);
            launcher.openDesign(file.toFile().toPath());
        } catch (PartInitException e) {
            MessageDialog.openError(window.getShell(), "Cannot open the design", file + ": the Experiment Launcher "
                    + "cannot be shown (" + e.getMessage() + ")");
        }
    }
}
