package org.mtorworkbench.ui.views;

/** Ids of the views, the preference page and the job family that other bundles and tests refer to. */
public final class ViewIds {

    /** The experiment launcher. */
    public static final String LAUNCHER = "org.mtorworkbench.ui.views.launcher";
    /** A result view (plot and table); one instance per design, the design as secondary id. */
    public static final String RESULT = "org.mtorworkbench.ui.views.result";
    /** The review's findings checked on the built-in model. */
    public static final String FINDINGS = "org.mtorworkbench.ui.views.findings";
    /**
     * The welcome page: what the built-in network is, example experiments, the guides.
     *
     * @since 0.2
     */
    public static final String WELCOME = "org.mtorworkbench.ui.views.welcome";
    /** The preference page of experiment runs. */
    public static final String PREFERENCES = "org.mtorworkbench.ui.views.preferences";
    /** Every job started by the views belongs to this family. */
    public static final Object JOB_FAMILY = ViewIds.class;

    private ViewIds() {
    }
}
