package org.mtorworkbench.ui.views.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.util.IPropertyChangeListener;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.mtorworkbench.experiments.SavedDesign;
import org.mtorworkbench.experiments.Scan;
import org.mtorworkbench.experiments.sedml.SedmlException;
import org.mtorworkbench.experiments.sedml.SedmlExperiment;
import org.mtorworkbench.network.BuiltinModels;
import org.mtorworkbench.network.CellContext;
import org.mtorworkbench.network.Drug;
import org.mtorworkbench.network.NetworkModel;
import org.mtorworkbench.network.extension.Contributions;
import org.mtorworkbench.ui.internal.ModelEditor;
import org.mtorworkbench.ui.views.ResultViews;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.Species;

/**
 * The experiment launcher: a model (the active model editor's, or the built-in network),
 * a design, a drug and its doses, a cell context, knockouts, readouts and a readout time
 * (in the unit of the preferences), and what the design needs besides (scan axes, a second
 * drug, a sensitivity method). Run starts an {@link ExperimentJob}; its result opens in the
 * view contributed for its kind.
 */
public final class LauncherView extends ViewPart {

    /** The model entry that takes the active model editor's document. */
    static final String ACTIVE_EDITOR = "Active model editor";
    private static final String BUILTIN = BuiltinModels.PREFIX + NetworkModel.ID;
    private static final String NO_DRUG = "(none)";
    /** The sensitivity methods offered. */
    static final String LOCAL = "Local coefficients";
    static final String MORRIS = "Morris screening";

    private Combo model;
    private Combo design;
    private Combo drug;
    private Text doses;
    private Combo drugB;
    private Text dosesB;
    private Combo context;
    private org.eclipse.swt.widgets.List readouts;
    private Text time;
    private Button steadyState;
    private Text axis;
    private Text axisB;
    private Combo method;
    private Text trajectories;
    private Text parameters;
    private org.eclipse.swt.widgets.List knockouts;
    private Label timeLabel;
    private TimeUnit unit;
    private IPreferenceStore preferences;
    private IPropertyChangeListener unitListener;
    private Button run;
    private Button cancel;
    private Label status;
    private Button saveDesign;
    private Button openDesign;
    private ExperimentJob job;
    /** Shows an error (title, one-line message); a dialog unless a test puts something else. */
    BiConsumer<String, String> errors = (title, message) -> MessageDialog.openError(getSite().getShell(), title,
            message);

    @Override
    public void createPartControl(Composite parent) {
        ScrolledComposite scroller = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        Composite c = new Composite(scroller, SWT.NONE);
        c.setLayout(new GridLayout(2, false));
        scroller.setContent(c);

        model = combo(c, "&Model:", List.of(BUILTIN, ACTIVE_EDITOR));
        model.setToolTipText("The model to run: the built-in mTOR network or the model of the active editor");
        model.addListener(SWT.Selection, e -> fillSpecies());
        design = combo(c, "&Design:", Arrays.stream(Design.values()).map(Design::label).toList());
        design.addListener(SWT.Selection, e -> designChanged());

        List<String> drugs = new ArrayList<>(List.of(NO_DRUG));
        Contributions.drugs().drugs().stream().map(Drug::id).forEach(drugs::add);
        drug = combo(c, "D&rug:", drugs);
        doses = text(c, "D&oses (nM):", "0.0001:100:13", "A list (0.1, 1, 10) or LOW:HIGH:N, N doses evenly spaced "
                + "in log; the first dose for a time course, steady state, scan or sensitivity");
        drugB = combo(c, "Drug &B:", drugs);
        dosesB = text(c, "Doses B (nM):", "100:30000:4", "Doses of the second drug of a combination");
        drugB.select(Math.max(0, drugs.indexOf("ly294002")));
        context = combo(c, "Cell &context:", Contributions.contexts().contexts().stream().map(CellContext::id).toList());
        RunPreferences prefs = RunPreferences.workbench();
        unit = prefs.timeUnit();
        timeLabel = new Label(c, SWT.NONE);
        time = new Text(c, SWT.BORDER);
        time.setText(Numbers.format(unit.fromMinutes(60)));
        time.setToolTipText("The end of a time course, or when a dose-response, combination, scan or sensitivity is "
                + "read out (unit: Window > Preferences > Experiment Runs)");
        time.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        timeLabel.setText("&Time (" + unit.symbol() + "):");
        steadyState = new Button(c, SWT.CHECK);
        steadyState.setText("Read out at &steady state");
        steadyState.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false, 2, 1));
        steadyState.addListener(SWT.Selection, e -> time.setEnabled(!steadyState.getSelection()));
        axis = text(c, "Sc&an axis:", "GF=0.01:10:9:log", "The scanned parameter as ID=FROM:TO:N[:log]");
        axisB = text(c, "Scan axis &2:", "aminoacids=0.1:10:5:log",
                "The second parameter of a 2-D scan (vertical axis of the heatmap), ID=FROM:TO:N[:log]");
        method = combo(c, "&Method:", List.of(LOCAL, MORRIS));
        method.setToolTipText("Local: scaled coefficients (dR/R)/(dp/p) by +-1% steps; Morris: elementary effects "
                + "over [p/2, 2p]");
        method.addListener(SWT.Selection, e -> designChanged());
        parameters = text(c, "&Parameters:", "", "Parameters of a sensitivity analysis, comma-separated; empty for "
                + "every constant, non-zero global parameter");
        trajectories = text(c, "Tra&jectories:", "10", "Morris trajectories (at least 2)");

        Label k = new Label(c, SWT.NONE);
        k.setText("&Knockouts:");
        k.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
        knockouts = new org.eclipse.swt.widgets.List(c, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL);
        knockouts.setToolTipText("Species held at zero in every run (Ctrl+click to choose several)");
        GridData kd = new GridData(SWT.FILL, SWT.FILL, true, false);
        kd.heightHint = 70;
        knockouts.setLayoutData(kd);

        Label l = new Label(c, SWT.NONE);
        l.setText("Read&outs:");
        l.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
        readouts = new org.eclipse.swt.widgets.List(c, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL);
        GridData rd = new GridData(SWT.FILL, SWT.FILL, true, true);
        rd.heightHint = 120;
        readouts.setLayoutData(rd);
        fillSpecies();

        Composite buttons = new Composite(c, SWT.NONE);
        buttons.setLayout(new GridLayout(5, false));
        buttons.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        run = new Button(buttons, SWT.PUSH);
        run.setText("&Run");
        run.addListener(SWT.Selection, e -> run());
        cancel = new Button(buttons, SWT.PUSH);
        cancel.setText("Cance&l");
        cancel.setEnabled(false);
        cancel.addListener(SWT.Selection, e -> {
            if (job != null) {
                job.cancel();
            }
        });
        saveDesign = new Button(buttons, SWT.PUSH);
        saveDesign.setText("Sa&ve Design...");
        saveDesign.setToolTipText("Save these settings and the model as a SED-ML design in a COMBINE archive (.omex)");
        saveDesign.addListener(SWT.Selection, e -> saveDesignAsked());
        openDesign = new Button(buttons, SWT.PUSH);
        openDesign.setText("Op&en Design...");
        openDesign.setToolTipText("Open a saved design (.omex or .sedml) into these fields; other SED-ML experiments "
                + "are run and their reports shown");
        openDesign.addListener(SWT.Selection, e -> openDesignAsked());
        status = new Label(buttons, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        design.select(Design.DOSE_RESPONSE.ordinal());
        drug.select(Math.max(0, drugs.indexOf("rapamycin")));
        designChanged();
        scroller.setMinSize(c.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        preferences = prefs.store();
        unitListener = e -> {
            if (RunPreferences.TIME_UNIT.equals(e.getProperty())) {
                c.getDisplay().asyncExec(this::unitChanged);
            }
        };
        preferences.addPropertyChangeListener(unitListener);
    }

    /** The time unit changed in the preferences: relabel the time field and convert its value. */
    private void unitChanged() {
        if (time.isDisposed()) {
            return;
        }
        TimeUnit now = RunPreferences.workbench().timeUnit();
        try {
            double minutes = unit.toMinutes(Double.parseDouble(time.getText().trim()));
            time.setText(Numbers.format(now.fromMinutes(minutes)));
        } catch (NumberFormatException e) {
            // the user's text is left for them to correct
        }
        unit = now;
        timeLabel.setText("&Time (" + unit.symbol() + "):");
        timeLabel.getParent().layout();
    }

    @Override
    public void dispose() {
        if (preferences != null) {
            preferences.removePropertyChangeListener(unitListener);
        }
        super.dispose();
    }

    private static Combo combo(Composite c, String label, List<String> items) {
        new Label(c, SWT.NONE).setText(label);
        Combo combo = new Combo(c, SWT.READ_ONLY | SWT.DROP_DOWN);
        combo.setItems(items.toArray(String[]::new));
        combo.select(0);
        combo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return combo;
    }

    private static Text text(Composite c, String label, String value, String tip) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, SWT.BORDER);
        t.setText(value);
        t.setToolTipText(tip);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return t;
    }

    private Design selectedDesign() {
        return Design.values()[Math.max(0, design.getSelectionIndex())];
    }

    private void designChanged() {
        Design d = selectedDesign();
        axis.setEnabled(d == Design.SCAN || d == Design.SCAN_2D);
        axisB.setEnabled(d == Design.SCAN_2D);
        drugB.setEnabled(d == Design.COMBINATION);
        dosesB.setEnabled(d == Design.COMBINATION);
        method.setEnabled(d == Design.SENSITIVITY);
        parameters.setEnabled(d == Design.SENSITIVITY);
        trajectories.setEnabled(d == Design.SENSITIVITY && MORRIS.equals(method.getText()));
        steadyState.setEnabled(d != Design.TIME_COURSE && d != Design.STEADY_STATE);
        time.setEnabled(d != Design.STEADY_STATE && (d == Design.TIME_COURSE || !steadyState.getSelection()));
    }

    /** Fills the readouts and knockouts with the chosen model's species. */
    private void fillSpecies() {
        List<String> ids = new ArrayList<>();
        SBMLDocument doc = ACTIVE_EDITOR.equals(model.getText()) ? editorDocument() : null;
        if (doc == null) {
            ids.addAll(NetworkModel.READOUTS);
        } else {
            doc.getModel().getListOfSpecies().stream().map(Species::getId).forEach(ids::add);
        }
        readouts.setItems(ids.toArray(String[]::new));
        int s = ids.indexOf("pS6K1");
        readouts.select(Math.max(0, s));
        readouts.showSelection();
        if (doc != null) {
            knockouts.setItems(doc.getModel().getListOfSpecies().stream().map(Species::getId).toArray(String[]::new));
        } else if (builtinSpecies != null) {
            knockouts.setItems(builtinSpecies.toArray(String[]::new));
        } else {
            // building the network takes a moment: list its species when a job has read them
            knockouts.setItems(new String[0]);
            Display display = knockouts.getDisplay();
            Job.create("Reading the species of " + BUILTIN, monitor -> {
                List<String> species = NetworkModel.newDocument().getModel().getListOfSpecies().stream()
                        .map(Species::getId).toList();
                builtinSpecies = species;
                display.asyncExec(() -> {
                    if (!knockouts.isDisposed() && !ACTIVE_EDITOR.equals(model.getText())) {
                        knockouts.setItems(species.toArray(String[]::new));
                    }
                });
            }).schedule();
        }
    }

    /** The built-in network's species, once read. */
    private static volatile List<String> builtinSpecies;

    private SBMLDocument editorDocument() {
        IEditorPart editor = getSite().getPage().getActiveEditor();
        return editor instanceof ModelEditor m ? m.getDocument() : null;
    }

    /** Reads the fields, starts the job; a bad field is reported under the buttons instead. */
    private void run() {
        ExperimentSpec spec;
        try {
            spec = spec();
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            status.getParent().layout();
            return;
        }
        RunPreferences prefs = RunPreferences.workbench();
        IWorkbenchPage page = getSite().getPage();
        Display display = getSite().getShell().getDisplay();
        ExperimentJob j = new ExperimentJob(spec, prefs.solverOptions(), prefs.workerThreads(),
                result -> display.asyncExec(() -> show(page, result)));
        j.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                IStatus st = event.getResult();
                display.asyncExec(() -> finished(j, st));
            }
        });
        job = j;
        run.setEnabled(false);
        cancel.setEnabled(true);
        status.setText("Running " + spec.describe() + "...");
        status.getParent().layout();
        j.schedule();
    }

    private void finished(ExperimentJob j, IStatus st) {
        if (run.isDisposed()) {
            return;
        }
        if (job != j) {
            return; // an earlier run; the status line belongs to the newer one
        }
        job = null;
        run.setEnabled(true);
        cancel.setEnabled(false);
        status.setText(st.isOK() ? "Done." : st.getSeverity() == IStatus.CANCEL ? "Cancelled." : st.getMessage());
        status.getParent().layout();
    }

    /** Opens a result in the view contributed for its kind (in the UI thread). */
    static void show(IWorkbenchPage page, ResultRun result) {
        try {
            ResultViews.open(page, result);
        } catch (PartInitException e) {
            MessageDialog.openError(page.getWorkbenchWindow().getShell(), "Cannot show the result", e.getMessage());
        }
    }

    /** @return the experiment the fields describe */
    ExperimentSpec spec() {
        Design d = selectedDesign();
        boolean builtin = !ACTIVE_EDITOR.equals(model.getText());
        SBMLDocument doc = builtin ? null : editorDocument();
        if (!builtin && doc == null) {
            throw new IllegalArgumentException("no model editor with a loaded model is active");
        }
        String name = builtin ? BUILTIN : doc.getModel().getId();
        Supplier<SBMLDocument> source = builtin ? NetworkModel::newDocument : () -> doc;
        double[] dd;
        try {
            dd = ExperimentSpec.parseDoses(doses.getText());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("doses: not a number in '" + doses.getText() + "'");
        }
        double minutes;
        if (d == Design.STEADY_STATE || d != Design.TIME_COURSE && steadyState.getSelection()) {
            minutes = Double.NaN;
        } else {
            try {
                minutes = unit.toMinutes(Double.parseDouble(time.getText().trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("time: '" + time.getText() + "' is not a number of " + unit.word());
            }
            if (!(minutes > 0 && Double.isFinite(minutes))) {
                throw new IllegalArgumentException("time must be positive");
            }
        }
        String drugId = NO_DRUG.equals(drug.getText()) ? "" : drug.getText();
        String drugBId = d != Design.COMBINATION || NO_DRUG.equals(drugB.getText()) ? "" : drugB.getText();
        double[] ddB;
        try {
            ddB = d == Design.COMBINATION ? ExperimentSpec.parseDoses(dosesB.getText()) : new double[0];
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("doses B: not a number in '" + dosesB.getText() + "'");
        }
        List<Scan.Axis> axes = new ArrayList<>();
        if (d == Design.SCAN || d == Design.SCAN_2D) {
            axes.add(Scan.Axis.parse(axis.getText().trim()));
        }
        if (d == Design.SCAN_2D) {
            axes.add(Scan.Axis.parse(axisB.getText().trim()));
        }
        ExperimentSpec.SensitivitySpec sensitivity = ExperimentSpec.SensitivitySpec.LOCAL;
        if (d == Design.SENSITIVITY) {
            boolean morris = MORRIS.equals(method.getText());
            int n;
            try {
                n = morris ? Integer.parseInt(trajectories.getText().trim()) : 10;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("trajectories: '" + trajectories.getText() + "' is not a whole number");
            }
            List<String> ids = Arrays.stream(parameters.getText().split("[,;\\s]+")).filter(p -> !p.isEmpty()).toList();
            sensitivity = new ExperimentSpec.SensitivitySpec(morris, ids, n, 1);
        }
        return new ExperimentSpec(name, source, d, drugId, dd, context.getText(), List.of(knockouts.getSelection()),
                List.of(readouts.getSelection()), minutes, axes, drugBId, ddB, sensitivity, unit);
    }

    /** The widgets, for tests that drive the launcher as a user would. */
    public record Widgets(Combo model, Combo design, Combo drug, Text doses, Combo drugB, Text dosesB, Combo context,
            org.eclipse.swt.widgets.List readouts, Text time, Label timeLabel, Button steadyState, Text axis,
            Text axisB, Combo method, Text parameters, Text trajectories, org.eclipse.swt.widgets.List knockouts,
            Button run, Button cancel, Label status, Button saveDesign, Button openDesign) {
    }

    /** @return the widgets */
    public Widgets widgets() {
        return new Widgets(model, design, drug, doses, drugB, dosesB, context, readouts, time, timeLabel, steadyState,
                axis, axisB, method, parameters, trajectories, knockouts, run, cancel, status, saveDesign, openDesign);
    }

    private void setStatus(String text) {
        if (!status.isDisposed()) {
            status.setText(text);
            status.getParent().layout();
        }
    }

    /** The folder file dialogs start in: the workspace's. */
    private static String workspaceDir() {
        return ResourcesPlugin.getWorkspace().getRoot().getLocation().toOSString();
    }

    /** Save Design...: checks the fields can be saved, asks where (in the workspace by default), saves. */
    private void saveDesignAsked() {
        try {
            DesignFiles.saved(spec());
        } catch (IllegalArgumentException e) {
            errors.accept("Cannot save the design", e.getMessage());
            return;
        }
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
        dialog.setText("Save Design");
        dialog.setFilterExtensions(new String[] {"*.omex"});
        dialog.setFilterNames(new String[] {"COMBINE archive with a SED-ML design (*.omex)"});
        dialog.setFilterPath(workspaceDir());
        dialog.setFileName(selectedDesign().secondaryId() + ".omex");
        dialog.setOverwrite(true);
        String file = dialog.open();
        if (file != null) {
            saveDesign(Path.of(file.toLowerCase(Locale.ROOT).endsWith(".omex") ? file : file + ".omex"));
        }
    }

    /**
     * Saves the fields' experiment and its model as a COMBINE archive, in a job (the design
     * records the equilibrated cells, which takes a run). A design SED-ML cannot express is
     * reported instead.
     *
     * @return the job, or null when nothing is saved
     */
    public Job saveDesign(Path file) {
        ExperimentSpec spec;
        try {
            spec = spec();
            DesignFiles.saved(spec);
        } catch (IllegalArgumentException e) {
            errors.accept("Cannot save the design", e.getMessage());
            return null;
        }
        RunPreferences prefs = RunPreferences.workbench();
        Display display = getSite().getShell().getDisplay();
        setStatus("Saving the design in " + file.getFileName() + "...");
        Job j = Job.create("Save the design " + file.getFileName(), monitor -> {
            String error;
            try {
                DesignFiles.save(spec, file, prefs.solverOptions(), monitor::isCanceled);
                refresh(file);
                display.asyncExec(() -> setStatus("Saved the design in " + file + "."));
                return Status.OK_STATUS;
            } catch (SedmlException e) {
                error = e.getMessage();
            } catch (org.mtorworkbench.simulation.SimulationException e) {
                if (monitor.isCanceled()) {
                    return Status.CANCEL_STATUS;
                }
                error = file + ": the cells of " + spec.modelName() + " could not be equilibrated (" + e.getMessage()
                        + ")";
            } catch (org.mtorworkbench.sbml.SbmlException | IllegalArgumentException e) {
                error = file + ": " + e.getMessage();
            } catch (java.io.IOException e) {
                error = file + ": cannot be written (" + e.getMessage() + "); choose a writable folder";
            }
            String message = error;
            display.asyncExec(() -> {
                setStatus(message);
                errors.accept("Cannot save the design", message);
            });
            return Status.OK_STATUS;
        });
        j.setSystem(false);
        j.schedule();
        return j;
    }

    /** Makes a file written into the workspace's folders show in the Project Explorer. */
    private static void refresh(Path file) {
        for (IFile f : ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(file.toUri())) {
            IContainer parent = f.getParent();
            try {
                parent.refreshLocal(IResource.DEPTH_ONE, null);
            } catch (CoreException e) {
                // the file is written; the explorer shows it at its next refresh
            }
        }
    }

    /** Open Design...: asks for a file (in the workspace by default) and opens it. */
    private void openDesignAsked() {
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.OPEN);
        dialog.setText("Open Design");
        dialog.setFilterExtensions(new String[] {"*.omex;*.sedml", "*.*"});
        dialog.setFilterNames(new String[] {"SED-ML designs (*.omex, *.sedml)", "All files"});
        dialog.setFilterPath(workspaceDir());
        String file = dialog.open();
        if (file != null) {
            openDesign(Path.of(file));
        }
    }

    /**
     * Opens a {@code .omex} or SED-ML file: a design of the launcher fills its fields; any
     * other experiment is run in a job and its reports open as results. A file that cannot
     * be read is reported in one line.
     *
     * @return the job running the file, or null when the fields show it or it cannot be read
     */
    public Job openDesign(Path file) {
        SedmlExperiment x;
        try {
            x = SedmlExperiment.open(file);
            Optional<SavedDesign> saved = x.design();
            if (saved.isPresent()) {
                org.sbml.jsbml.Model m = x.firstModel().getModel();
                DesignFiles.Fields f = DesignFiles.fields(saved.get(), m == null ? null : m.getId());
                if (f != null && showDesign(f)) {
                    setStatus("Opened the design " + file.getFileName() + ": Run to run it.");
                    return null;
                }
            }
        } catch (SedmlException e) {
            errors.accept("Cannot open the design", e.getMessage());
            return null;
        }
        IWorkbenchPage page = getSite().getPage();
        Display display = getSite().getShell().getDisplay();
        String name = file.getFileName().toString();
        SedmlJob j = new SedmlJob(x, name, RunPreferences.workbench().solverOptions(),
                runs -> display.asyncExec(() -> runs.forEach(r -> show(page, r))));
        j.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                IStatus st = event.getResult();
                display.asyncExec(() -> setStatus(st.isOK() ? "Ran " + name + "." : st.getSeverity() == IStatus.CANCEL
                        ? "Cancelled." : st.getMessage()));
            }
        });
        setStatus("Running " + name + "...");
        j.schedule();
        return j;
    }

    /** Fills the fields with a saved design; false when a readout, drug or knockout is not offered. */
    private boolean showDesign(DesignFiles.Fields f) {
        List<String> offered = NetworkModel.READOUTS;
        List<String> drugs = Arrays.asList(drug.getItems());
        if (!offered.containsAll(f.readouts()) || !f.drug().isEmpty() && !drugs.contains(f.drug())
                || !f.drugB().isEmpty() && !drugs.contains(f.drugB())) {
            return false;
        }
        if (builtinSpecies == null) {
            builtinSpecies = NetworkModel.newDocument().getModel().getListOfSpecies().stream().map(Species::getId)
                    .toList();
        }
        if (!builtinSpecies.containsAll(f.knockouts())) {
            return false;
        }
        model.select(0);
        fillSpecies();
        design.select(f.design().ordinal());
        drug.select(f.drug().isEmpty() ? 0 : drugs.indexOf(f.drug()));
        if (!f.doses().isEmpty()) {
            doses.setText(f.doses());
        }
        if (!f.drugB().isEmpty()) {
            drugB.select(drugs.indexOf(f.drugB()));
            dosesB.setText(f.dosesB());
        }
        context.select(Arrays.asList(context.getItems()).indexOf(f.context()));
        knockouts.deselectAll();
        for (String k : f.knockouts()) {
            knockouts.select(knockouts.indexOf(k));
        }
        readouts.deselectAll();
        for (String r : f.readouts()) {
            readouts.select(readouts.indexOf(r));
        }
        readouts.showSelection();
        boolean atSteadyState = Double.isNaN(f.minutes());
        if (f.design() != Design.STEADY_STATE) {
            steadyState.setSelection(atSteadyState);
        }
        if (!atSteadyState) {
            time.setText(DesignFiles.text(new double[] {unit.fromMinutes(f.minutes())}));
        }
        designChanged();
        return true;
    }

    /** @return the running job, or null */
    public ExperimentJob currentJob() {
        return job;
    }

    @Override
    public void setFocus() {
        run.setFocus();
    }
}
