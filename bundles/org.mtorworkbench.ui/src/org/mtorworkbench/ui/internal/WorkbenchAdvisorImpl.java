package org.mtorworkbench.ui.internal;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.eclipse.ui.ide.IDE;
import org.mtorworkbench.ui.WorkbenchIds;

/**
 * Opens the modelling perspective over the workspace, the built-in network and the welcome page
 * on a workspace's first start ({@link FirstRun}), restores the open editors and views on later
 * starts, and saves the workspace on exit.
 */
final class WorkbenchAdvisorImpl extends WorkbenchAdvisor {

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        super.initialize(configurer);
        // Adapters the Project Explorer and resource editors need in an RCP application.
        IDE.registerAdapters();
        configurer.setSaveAndRestore(true);
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new WindowAdvisor(configurer);
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return WorkbenchIds.PERSPECTIVE;
    }

    @Override
    public void postStartup() {
        super.postStartup();
        FirstRun.openIfFirst(getWorkbenchConfigurer().getWorkbench().getActiveWorkbenchWindow());
    }

    @Override
    public IAdaptable getDefaultPageInput() {
        return ResourcesPlugin.getWorkspace().getRoot();
    }

    @Override
    public void postShutdown() {
        try {
            ResourcesPlugin.getWorkspace().save(true, new NullProgressMonitor());
        } catch (CoreException e) {
            ILog.of(getClass()).log(e.getStatus());
        }
        super.postShutdown();
    }
}
