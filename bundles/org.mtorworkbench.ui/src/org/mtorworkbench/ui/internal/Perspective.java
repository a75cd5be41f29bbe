package org.mtorworkbench.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.mtorworkbench.ui.WorkbenchIds;

/**
 * The modelling perspective: the model navigator on the left, the editor area in the
 * middle, the results area below it (results views, problems, properties, progress).
 */
public final class Perspective implements IPerspectiveFactory {

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editors = layout.getEditorArea();
        layout.setEditorAreaVisible(true);

        IFolderLayout left = layout.createFolder("org.mtorworkbench.ui.navigatorFolder", IPageLayout.LEFT, 0.22f,
                editors);
        left.addView(WorkbenchIds.NAVIGATOR);

        IFolderLayout results = layout.createFolder(WorkbenchIds.RESULTS_FOLDER, IPageLayout.BOTTOM, 0.66f, editors);
        results.addPlaceholder("org.mtorworkbench.ui.views.*");
        results.addView(IPageLayout.ID_PROBLEM_VIEW);
        results.addView(IPageLayout.ID_PROP_SHEET);
        results.addView(IPageLayout.ID_PROGRESS_VIEW);

        layout.addShowViewShortcut(WorkbenchIds.NAVIGATOR);
        layout.addShowViewShortcut(IPageLayout.ID_PROBLEM_VIEW);
        layout.addShowViewShortcut(IPageLayout.ID_PROP_SHEET);
        layout.addShowViewShortcut(IPageLayout.ID_PROGRESS_VIEW);
        layout.addShowViewShortcut(IPageLayout.ID_OUTLINE);

        layout.addNewWizardShortcut(WorkbenchIds.NEW_MODEL_WIZARD);
        layout.addNewWizardShortcut("org.eclipse.ui.wizards.new.project");
        layout.addNewWizardShortcut("org.eclipse.ui.wizards.new.folder");
    }
}
