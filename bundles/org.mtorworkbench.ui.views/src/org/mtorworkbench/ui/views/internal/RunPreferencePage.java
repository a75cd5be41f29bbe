package org.mtorworkbench.ui.views.internal;

import java.util.Arrays;

import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.mtorworkbench.simulation.Solver;

/**
 * Window > Preferences > Experiment Runs: the solver, its tolerances, the thread count of
 * batches, and the unit of times in the launcher and the plots.
 */
public final class RunPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public RunPreferencePage() {
        super(GRID);
        setDescription("Solver settings of experiments run from the launcher and the findings view.");
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(RunPreferences.workbench().store());
    }

    @Override
    protected void createFieldEditors() {
        String[][] solvers = Solver.values().stream().map(s -> new String[] { s.name() + " (" + s.kisaoId() + ")", s.name() })
                .toArray(String[][]::new);
        addField(new ComboFieldEditor(RunPreferences.SOLVER, "&Solver:", solvers, getFieldEditorParent()));
        addField(new ToleranceField(RunPreferences.RTOL, "&Relative tolerance:"));
        addField(new ToleranceField(RunPreferences.ATOL, "&Absolute tolerance:"));
        IntegerFieldEditor threads = new IntegerFieldEditor(RunPreferences.THREADS,
                "&Threads (0 = one per processor but one):", getFieldEditorParent());
        threads.setValidRange(0, 256);
        addField(threads);
        String[][] units = Arrays.stream(TimeUnit.values()).map(u -> new String[] { u.word(), u.name() })
                .toArray(String[][]::new);
        addField(new ComboFieldEditor(RunPreferences.TIME_UNIT, "Time &unit (launcher and plots):", units,
                getFieldEditorParent()));
    }

    /** A tolerance: a number in (0, 1). */
    private final class ToleranceField extends StringFieldEditor {

        ToleranceField(String name, String label) {
            super(name, label, getFieldEditorParent());
            setErrorMessage(label.replace("&", "").replace(":", "") + " must be a number between 0 and 1");
        }

        @Override
        protected boolean doCheckState() {
            try {
                double v = Double.parseDouble(getStringValue().trim());
                return v > 0 && v < 1;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
