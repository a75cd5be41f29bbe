package org.mtorworkbench.ui.views;

/**
 * Implemented by the view of a {@value ResultViews#EXTENSION_POINT} contribution: the view
 * that receives the results of the kinds it declares.
 *
 * @since 0.1
 */
public interface ResultDisplay {

    /** Shows a result; called in the UI thread after the view has been opened. */
    void show(ExperimentResult result);
}
