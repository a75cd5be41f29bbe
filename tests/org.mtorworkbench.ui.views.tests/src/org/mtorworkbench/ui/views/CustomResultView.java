package org.mtorworkbench.ui.views;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;

/**
 * A result view as another bundle would contribute it (see fragment.xml): it shows results
 * of a kind of its own by their label and row count.
 */
public final class CustomResultView extends ViewPart implements ResultDisplay {

    /** The kind this view is contributed for. */
    public static final String KIND = "org.mtorworkbench.ui.views.tests.flux";

    private final List<ExperimentResult> shown = new ArrayList<>();
    private Label label;

    @Override
    public void createPartControl(Composite parent) {
        label = new Label(parent, SWT.NONE);
        label.setText("no result yet");
    }

    @Override
    public void show(ExperimentResult result) {
        shown.add(result);
        label.setText(result.label() + ": " + result.table().rows().size() + " rows");
    }

    /** @return the results shown, oldest first */
    public List<ExperimentResult> shown() {
        return List.copyOf(shown);
    }

    /** @return the text the view shows */
    public String text() {
        return label.getText();
    }

    @Override
    public void setFocus() {
        label.setFocus();
    }
}
