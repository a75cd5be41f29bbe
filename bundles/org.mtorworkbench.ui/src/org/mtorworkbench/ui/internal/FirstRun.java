package org.mtorworkbench.ui.internal;

import java.io.ByteArrayInputStream;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.mtorworkbench.network.NetworkModel;
import org.mtorworkbench.sbml.SbmlException;
import org.mtorworkbench.sbml.SbmlWriter;
import org.osgi.service.prefs.BackingStoreException;
import org.sbml.jsbml.SBMLDocument;

/**
 * The first start on a workspace: the built-in network ({@code builtin:mtor}) is written into
 * the workspace ({@value #PROJECT}/{@value #FILE}) and opened in the pathway editor, beside the
 * welcome page. It happens once per workspace (a workspace preference remembers it); later
 * starts restore what was open when the workbench closed.
 */
final class FirstRun {

    /** The project the network is written into. */
    static final String PROJECT = "mTOR network";
    /** The network's file in that project. */
    static final String FILE = "mtor-network.xml";
    /** The workspace preference that says the first start is over. */
    static final String DONE = "firstRun.done";
    /** The pathway editor (bundle {@code org.mtorworkbench.ui.editor}). */
    static final String PATHWAY_EDITOR = "org.mtorworkbench.ui.editor.pathwayEditor";
    /** The welcome page (bundle {@code org.mtorworkbench.ui.views}). */
    static final String WELCOME = "org.mtorworkbench.ui.views.welcome";

    private static final String PLUGIN = "org.mtorworkbench.ui";

    private FirstRun() {
    }

    /** Opens the network and the welcome page if this workspace has not been started before. */
    static void openIfFirst(IWorkbenchWindow window) {
        IEclipsePreferences prefs = InstanceScope.INSTANCE.getNode(PLUGIN);
        if (prefs.getBoolean(DONE, false) || window == null || window.getActivePage() == null) {
            return;
        }
        prefs.putBoolean(DONE, true);
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            log(IStatus.WARNING, "the first start could not be recorded; the network opens again next time", e);
        }
        IWorkbenchPage page = window.getActivePage();
        try {
            IFile file = network();
            boolean pathway = PlatformUI.getWorkbench().getEditorRegistry().findEditor(PATHWAY_EDITOR) != null;
            if (pathway) {
                IDE.openEditor(page, file, PATHWAY_EDITOR, true);
            } else {
                IDE.openEditor(page, file, true);
            }
        } catch (CoreException | SbmlException | RuntimeException e) {
            // the workbench starts without the network rather than not at all
            log(IStatus.ERROR, "the built-in network could not be opened: " + e.getMessage(), e);
        }
        if (PlatformUI.getWorkbench().getViewRegistry().find(WELCOME) != null) {
            try {
                page.showView(WELCOME, null, IWorkbenchPage.VIEW_VISIBLE);
            } catch (PartInitException e) {
                log(IStatus.ERROR, "the welcome page could not be shown: " + e.getMessage(), e);
            }
        }
    }

    /** @return the network's file in the workspace, written from {@code builtin:mtor} unless it is there */
    static IFile network() throws CoreException, SbmlException {
        IWorkspaceRoot root = ResourcesPlugin.getWorkspace().getRoot();
        IProject project = root.getProject(PROJECT);
        if (!project.exists()) {
            project.create(null);
        }
        if (!project.isOpen()) {
            project.open(null);
        }
        IFile file = project.getFile(FILE);
        if (!file.exists()) {
            SBMLDocument network;
            try {
                network = NetworkModel.newDocument();
            } catch (RuntimeException e) {
                // JSBML fills its registry of package parsers lazily, without a lock: a first read
                // on another thread at the same moment can break this one; the registry is filled now
                log(IStatus.WARNING, "building the network failed once (" + e + "); trying again", e);
                network = NetworkModel.newDocument();
            }
            byte[] bytes = new SbmlWriter().toBytes(network, "builtin:" + NetworkModel.ID);
            file.create(new ByteArrayInputStream(bytes), IResource.NONE, null);
        }
        return file;
    }

    private static void log(int severity, String message, Throwable e) {
        ILog.of(FirstRun.class).log(new Status(severity, PLUGIN, message, e));
    }
}
