package org.mtorworkbench.ui.internal;

import java.util.List;

import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PerspectiveAdapter;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.mtorworkbench.ui.WorkbenchIds;

/**
 * Titles and sizes the window, with status line and progress indicator, and hides the IDE's
 * action sets the workbench does not use.
 */
final class WindowAdvisor extends WorkbenchWindowAdvisor {

    WindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        super(configurer);
    }

    @Override
    public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer configurer) {
        return new ActionBars(configurer);
    }

    @Override
    public void preWindowOpen() {
        IWorkbenchWindowConfigurer c = getWindowConfigurer();
        c.setInitialSize(new Point(1280, 860));
        c.setShowCoolBar(true);
        c.setShowStatusLine(true);
        c.setShowProgressIndicator(true);
        c.setShowPerspectiveBar(false);
        c.setTitle(WorkbenchIds.TITLE);
    }

    /**
     * Action sets the IDE's text-editor and resource plug-ins show in every window that a
     * modelling workbench does not need: File > Convert Line Delimiters To, the annotation and
     * edit-position navigation buttons, File > Open File... (models open with Open Model...).
     */
    static final List<String> IDE_LEFTOVERS = List.of("org.eclipse.ui.edit.text.actionSet.convertLineDelimitersTo",
            "org.eclipse.ui.edit.text.actionSet.annotationNavigation", "org.eclipse.ui.edit.text.actionSet.navigation",
            "org.eclipse.ui.actionSet.openFiles");

    @Override
    public void postWindowOpen() {
        IWorkbenchWindow window = getWindowConfigurer().getWindow();
        hideLeftovers(window.getActivePage());
        window.addPerspectiveListener(new PerspectiveAdapter() {
            @Override
            public void perspectiveActivated(IWorkbenchPage page, IPerspectiveDescriptor perspective) {
                hideLeftovers(page);
            }
        });
    }

    private static void hideLeftovers(IWorkbenchPage page) {
        if (page != null) {
            IDE_LEFTOVERS.forEach(page::hideActionSet);
        }
    }
}
