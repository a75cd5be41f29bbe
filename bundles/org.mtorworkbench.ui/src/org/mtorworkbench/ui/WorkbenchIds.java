package org.mtorworkbench.ui;

/**
 * Ids of the workbench's parts that other bundles refer to (views contribute to the
 * results area, tests look parts up).
 */
public final class WorkbenchIds {

    /** The RCP application. */
    public static final String APPLICATION = "org.mtorworkbench.ui.application";
    /** The modelling perspective that opens first. */
    public static final String PERSPECTIVE = "org.mtorworkbench.ui.perspective";
    /** The model editor registered for SBML files. */
    public static final String MODEL_EDITOR = "org.mtorworkbench.ui.modelEditor";
    /** File > New > Model from Template. */
    public static final String NEW_MODEL_WIZARD = "org.mtorworkbench.ui.newModel";
    /** The folder at the bottom of the perspective where results views open. */
    public static final String RESULTS_FOLDER = "org.mtorworkbench.ui.results";
    /** The navigator on the left (the platform's Project Explorer). */
    public static final String NAVIGATOR = "org.eclipse.ui.navigator.ProjectExplorer";
    /** The window title. */
    public static final String TITLE = "mTOR Workbench";

    private WorkbenchIds() {
    }
}
