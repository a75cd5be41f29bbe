package org.mtorworkbench.ui.internal;

import java.io.ByteArrayInputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.WorkspaceModifyOperation;
import org.eclipse.ui.ide.IDE;
import org.mtorworkbench.network.NetworkModel;
import org.mtorworkbench.network.extension.Contributions;
import org.mtorworkbench.network.extension.ModelTemplate;
import org.mtorworkbench.sbml.SbmlException;
import org.mtorworkbench.sbml.SbmlWriter;

/**
 * File > New > Model from Template: lists the model templates every bundle contributes
 * ({@code builtin:mtor} and those of extensions), writes the chosen template's SBML into a
 * file of a workspace project (creating the project when needed) and opens it in the editor.
 */
public final class NewModelWizard extends Wizard implements INewWizard {

    private IWorkbench workbench;
    private String initialProject;
    private NewModelPage page;
    private IFile created;

    public NewModelWizard() {
        setWindowTitle("New Model from Template");
        setNeedsProgressMonitor(true);
    }

    @Override
    public void init(IWorkbench workbench, IStructuredSelection selection) {
        this.workbench = workbench;
        Object first = selection == null ? null : selection.getFirstElement();
        IResource r = first instanceof IAdaptable a ? a.getAdapter(IResource.class) : null;
        if (r != null && r.getProject() != null) {
            initialProject = r.getProject().getName();
        } else {
            initialProject = Arrays.stream(ResourcesPlugin.getWorkspace().getRoot().getProjects())
                    .filter(IProject::isOpen).map(IProject::getName).findFirst().orElse("models");
        }
    }

    @Override
    public void addPages() {
        // the workbench's own network first, the others by name
        List<ModelTemplate> templates = Contributions.templates().stream()
                .sorted(Comparator.comparing((ModelTemplate t) -> !NetworkModel.ID.equals(t.id()))
                        .thenComparing(ModelTemplate::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        page = new NewModelPage(templates, initialProject == null ? "models" : initialProject);
        addPage(page);
    }

    /** @return the page, for tests that fill it as a user would */
    public NewModelPage page() {
        return page;
    }

    /** @return the file written by the last finish, or null */
    public IFile created() {
        return created;
    }

    @Override
    public boolean performFinish() {
        ModelTemplate template = page.template();
        IWorkspaceRoot root = ResourcesPlugin.getWorkspace().getRoot();
        IProject project = root.getProject(page.projectName());
        IFile file = project.getFile(page.fileName());
        WorkspaceModifyOperation op = new WorkspaceModifyOperation() {
            @Override
            protected void execute(IProgressMonitor monitor) throws CoreException, InvocationTargetException {
                SubMonitor sub = SubMonitor.convert(monitor, "Writing " + file.getFullPath(), 4);
                byte[] bytes;
                try {
                    bytes = new SbmlWriter().toBytes(template.newDocument(), "builtin:" + template.id());
                } catch (SbmlException e) {
                    throw new InvocationTargetException(e);
                }
                sub.worked(2);
                if (!project.exists()) {
                    project.create(sub.split(1));
                }
                if (!project.isOpen()) {
                    project.open(sub.split(1));
                }
                file.create(new ByteArrayInputStream(bytes), IResource.NONE, sub.split(1));
            }
        };
        try {
            getContainer().run(true, false, op);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            page.setErrorMessage("Could not write " + file.getFullPath() + ": " + cause.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        created = file;
        IWorkbenchPage wp = workbench == null || workbench.getActiveWorkbenchWindow() == null ? null
                : workbench.getActiveWorkbenchWindow().getActivePage();
        if (wp != null) {
            try {
                IDE.openEditor(wp, file, true);
            } catch (PartInitException e) {
                MessageDialog.openError(getShell(), "New Model", file.getFullPath() + " was written but cannot be opened: "
                        + e.getMessage());
            }
        }
        return true;
    }

    /** @return null when a project and file name are usable, otherwise what is wrong */
    static String check(String projectName, String fileName) {
        IWorkspaceRoot root = ResourcesPlugin.getWorkspace().getRoot();
        if (projectName.isBlank()) {
            return "Enter a project name (it is created if it does not exist)";
        }
        IStatus p = ResourcesPlugin.getWorkspace().validateName(projectName, IResource.PROJECT);
        if (!p.isOK()) {
            return p.getMessage();
        }
        if (fileName.isBlank()) {
            return "Enter a file name";
        }
        IStatus f = ResourcesPlugin.getWorkspace().validateName(fileName, IResource.FILE);
        if (!f.isOK()) {
            return f.getMessage();
        }
        if (!fileName.endsWith(".xml") && !fileName.endsWith(".sbml")) {
            return "An SBML file name ends with .xml or .sbml";
        }
        IProject project = root.getProject(projectName);
        if (project.exists() && !project.isOpen()) {
            return "Project '" + projectName + "' is closed; open it first";
        }
        if (project.getFile(fileName).exists()) {
            return "'" + fileName + "' already exists in project '" + projectName + "'; choose another name";
        }
        return null;
    }
}
