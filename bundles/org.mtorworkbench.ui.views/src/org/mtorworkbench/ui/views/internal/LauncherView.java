package org.mtorworkbench.ui.views.internal;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Adapters;
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
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.mtorworkbench.experiments.SavedDesign;
import org.mtorworkbench.experiments.extension.DesignOption;
import org.mtorworkbench.experiments.extension.DesignOptions;
import org.mtorworkbench.experiments.extension.DesignRequest;
import org.mtorworkbench.experiments.extension.ExperimentDesign;
import org.mtorworkbench.experiments.extension.ExperimentDesigns;
import org.mtorworkbench.experiments.extension.OptionType;
import org.mtorworkbench.experiments.sedml.SedmlException;
import org.mtorworkbench.experiments.sedml.SedmlExperiment;
import org.mtorworkbench.network.BuiltinModels;
import org.mtorworkbench.network.CellContext;
import org.mtorworkbench.network.Drug;
import org.mtorworkbench.network.NetworkModel;
import org.mtorworkbench.network.extension.Contributions;
import org.mtorworkbench.ui.views.ResultViews;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.Species;

/**
 * The experiment launcher: a model (the active editor's, found through
 * {@code Adapters.adapt(editor, SBMLDocument.class)}, or the built-in network), one of the
 * {@link ExperimentDesign}s of the active bundles, and a form of exactly that design's
 * options, rendered from its descriptors (times in the unit of the preferences), with the
 * perturbations every design takes: a treatment drug (for designs that vary none), the cell
 * context and knockouts. Run (or Ctrl+Enter) starts an {@link ExperimentJob}; its result opens
 * in the view contributed for its kind. Run, Cancel, Save Design... and Open Design... stay
 * below the scrolled form, visible at any size of the view.
 */
public final class LauncherView extends ViewPart {

    /** The model entry that takes the active model editor's document. */
    static final String ACTIVE_EDITOR = "Active model editor";
    private static final String BUILTIN = BuiltinModels.PREFIX + NetworkModel.ID;
    /** The drug entry for no treatment. */
    static final String NO_DRUG = "(none)";
    /** The form field of the treatment drug (the perturbation {@code --drug ID=nM}). */
    static final String DRUG = "drug";
    /** The form field of the treatment drug's dose. */
    static final String DOSE = "dose";
    /** The form field of the cell context. */
    static final String CONTEXT = "context";
    /** The form field of the knockouts. */
    static final String KNOCKOUT = "knockout";
    /** What the drug fields of a design offer first. */
    private static final Map<String, String> FIRST_DRUG = Map.of("varied-drug", "rapamycin", "varied-drug-b",
            "ly294002", DRUG, "rapamycin");

    private Combo model;
    private Combo design;
    private List<ExperimentDesign> designs = List.of();
    private ScrolledComposite scroller;
    private Composite content;
    private Composite form;
    private final Map<String, Control> fields = new LinkedHashMap<>();
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
    /** Saved designs to run after the current job, in order ({@link #runDesigns}). */
    private final Deque<SavedDesign> queued = new ArrayDeque<>();
    private Listener ctrlEnter;
    /** Shows an error (title, one-line message); a dialog unless a test puts something else. */
    BiConsumer<String, String> errors = (title, message) -> MessageDialog.openError(getSite().getShell(), title,
            message);

    @Override
    public void createPartControl(Composite parent) {
        GridLayout outer = new GridLayout(1, false);
        outer.marginWidth = 0;
        outer.marginHeight = 0;
        parent.setLayout(outer);
        scroller = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        scroller.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        content = new Composite(scroller, SWT.NONE);
        content.setLayout(new GridLayout(2, false));
        scroller.setContent(content);

        RunPreferences prefs = RunPreferences.workbench();
        unit = prefs.timeUnit();
        model = combo(content, "&Model:", List.of(BUILTIN, ACTIVE_EDITOR));
        model.setToolTipText("The model to run: the built-in mTOR network or the model of the active editor");
        model.addListener(SWT.Selection, e -> fillSpecies());
        designs = ExperimentDesigns.all();
        design = combo(content, "&Design:", designs.stream().map(ExperimentDesign::label).toList());
        design.setToolTipText("The experiment designs of the installed bundles");
        design.addListener(SWT.Selection, e -> designChanged());
        form = new Composite(content, SWT.NONE);
        GridLayout fl = new GridLayout(2, false);
        fl.marginWidth = 0;
        fl.marginHeight = 0;
        form.setLayout(fl);
        form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));

        Composite buttons = new Composite(parent, SWT.NONE);
        buttons.setLayout(new GridLayout(4, false));
        buttons.setLayoutData(new GridData(SWT.FILL, SWT.END, true, false));
        run = new Button(buttons, SWT.PUSH);
        run.setText("&Run");
        run.setToolTipText("Run the design (Ctrl+Enter)");
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
        status = new Label(parent, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.END, true, false));

        // Ctrl+Enter runs from any field of the view
        ctrlEnter = e -> {
            if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == SWT.CR || e.keyCode == SWT.KEYPAD_CR)
                    && e.widget instanceof Control w && !w.isDisposed() && within(w, parent) && run.isEnabled()) {
                e.doit = false;
                run();
            }
        };
        parent.getDisplay().addFilter(SWT.KeyDown, ctrlEnter);

        int dr = designs.stream().map(ExperimentDesign::id).toList().indexOf("dose-response");
        design.select(Math.max(0, dr));
        designChanged();
        preferences = prefs.store();
        unitListener = e -> {
            if (RunPreferences.TIME_UNIT.equals(e.getProperty())) {
                parent.getDisplay().asyncExec(this::unitChanged);
            }
        };
        preferences.addPropertyChangeListener(unitListener);
    }

    private static boolean within(Control c, Composite ancestor) {
        for (Control p = c; p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** The time unit changed in the preferences: relabel the time field and convert its value. */
    private void unitChanged() {
        if (form.isDisposed()) {
            return;
        }
        TimeUnit now = RunPreferences.workbench().timeUnit();
        if (fields.get(DesignOptions.T_END.id()) instanceof Text time) {
            try {
                double minutes = unit.toMinutes(Double.parseDouble(time.getText().trim()));
                time.setText(Numbers.format(now.fromMinutes(minutes)));
            } catch (NumberFormatException e) {
                // the user's text is left for them to correct
            }
        }
        unit = now;
        if (timeLabel != null && !timeLabel.isDisposed()) {
            timeLabel.setText(timeText());
            timeLabel.getParent().layout();
        }
    }

    private String timeText() {
        return "&Time (" + unit.symbol() + "):";
    }

    @Override
    public void dispose() {
        if (preferences != null) {
            preferences.removePropertyChangeListener(unitListener);
        }
        if (ctrlEnter != null && run != null && !run.isDisposed()) {
            run.getDisplay().removeFilter(SWT.KeyDown, ctrlEnter);
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

    private static org.eclipse.swt.widgets.List list(Composite c, String label, boolean multi, int height,
            boolean grab, String tip) {
        Label l = new Label(c, SWT.NONE);
        l.setText(label);
        l.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
        org.eclipse.swt.widgets.List list = new org.eclipse.swt.widgets.List(c, (multi ? SWT.MULTI : SWT.SINGLE)
                | SWT.BORDER | SWT.V_SCROLL);
        list.setToolTipText(tip);
        GridData d = new GridData(SWT.FILL, SWT.FILL, true, grab);
        d.heightHint = height;
        list.setLayoutData(d);
        return list;
    }

    /** @return the design chosen */
    ExperimentDesign selectedDesign() {
        return designs.get(Math.max(0, design.getSelectionIndex()));
    }

    private List<String> drugIds(boolean none) {
        List<String> drugs = new ArrayList<>();
        if (none) {
            drugs.add(NO_DRUG);
        }
        Contributions.drugs().drugs().stream().map(Drug::id).forEach(drugs::add);
        return drugs;
    }

    private static boolean variesDrugs(ExperimentDesign d) {
        return d.options().stream().anyMatch(o -> o.flag().equals("--drug"));
    }

    /** Builds the form of the chosen design: its options, then the perturbations every design takes. */
    private void designChanged() {
        ExperimentDesign d = selectedDesign();
        for (Control c : form.getChildren()) {
            c.dispose();
        }
        fields.clear();
        timeLabel = null;
        String accel = "";
        if (!variesDrugs(d)) {
            List<String> drugs = drugIds(true);
            Combo drug = combo(form, "D&rug:", drugs);
            drug.setToolTipText("The drug given at time 0 to the pre-equilibrated cells, or none");
            drug.select(Math.max(0, drugs.indexOf(FIRST_DRUG.get(DRUG))));
            fields.put(DRUG, drug);
            fields.put(DOSE, text(form, "D&ose (nM):", "10", "The drug's concentration in nM"));
        }
        for (DesignOption<?> o : d.options()) {
            fields.put(o.id(), field(o));
        }
        Combo context = combo(form, "Cell &context:", Contributions.contexts().contexts().stream()
                .map(CellContext::id).toList());
        context.setToolTipText("The cells' context: mutations and values they are brought to steady state with");
        fields.put(CONTEXT, context);
        fields.put(KNOCKOUT, list(form, "&Knockouts:", true, 70, false,
                "Species held at zero in every run (Ctrl+click to choose several)"));
        if (fields.get(DesignOptions.STEADY_STATE.id()) instanceof Button steady
                && fields.get(DesignOptions.T_END.id()) instanceof Text time) {
            steady.addListener(SWT.Selection, e -> time.setEnabled(!steady.getSelection()));
        }
        fillSpecies();
        form.layout(true, true);
        content.layout(true, true);
        scroller.setMinSize(content.computeSize(SWT.DEFAULT, SWT.DEFAULT));
    }

    /** A field for an option, by its type: a list of species for readouts, a combo for drugs and choices. */
    private Control field(DesignOption<?> o) {
        String label = o.label() + (o.label().endsWith(":") ? "" : ":");
        String tip = o.help();
        if (o.id().equals(DesignOptions.READOUT.id())) {
            return list(form, "Read&outs:", o.repeatable(), 120, true, tip);
        }
        if (o.id().equals(DesignOptions.T_END.id())) {
            timeLabel = new Label(form, SWT.NONE);
            timeLabel.setText(timeText());
            Text t = new Text(form, SWT.BORDER);
            t.setText(Numbers.format(unit.fromMinutes(60))); // an hour: long enough to see a drug act
            t.setToolTipText(tip + " (unit: Window > Preferences > Experiment Runs)");
            t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            return t;
        }
        switch (o.type().kind()) {
            case FLAG: {
                Button b = new Button(form, SWT.CHECK);
                b.setText(o.label());
                b.setToolTipText(tip);
                b.setSelection(Boolean.TRUE.equals(o.defaultValue()));
                b.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false, 2, 1));
                return b;
            }
            case CHOICE: {
                List<String> words = o.type().choices();
                Combo c = combo(form, label, words);
                c.setToolTipText(tip);
                c.select(Math.max(0, words.indexOf(String.valueOf(o.defaultValue()))));
                return c;
            }
            case DRUG: {
                List<String> drugs = drugIds(false);
                Combo c = combo(form, label, drugs);
                c.setToolTipText(tip);
                c.select(Math.max(0, drugs.indexOf(FIRST_DRUG.getOrDefault(o.id(), "rapamycin"))));
                return c;
            }
            default: {
                String value = o.defaultValue() == null ? "" : formatDefault(o);
                return text(form, label, value, tip + (o.repeatable() ? " (several: separate them with ';')" : ""));
            }
        }
    }

    private static <T> String formatDefault(DesignOption<T> o) {
        return o.format(o.defaultValue());
    }

    /** Fills the readouts and knockouts with the chosen model's species. */
    private void fillSpecies() {
        if (!(fields.get(KNOCKOUT) instanceof org.eclipse.swt.widgets.List knockouts)) {
            return;
        }
        SBMLDocument doc = ACTIVE_EDITOR.equals(model.getText()) ? editorDocument() : null;
        if (fields.get(DesignOptions.READOUT.id()) instanceof org.eclipse.swt.widgets.List readouts) {
            List<String> ids = new ArrayList<>();
            if (doc == null) {
                ids.addAll(NetworkModel.READOUTS);
            } else {
                doc.getModel().getListOfSpecies().stream().map(Species::getId).forEach(ids::add);
            }
            readouts.setItems(ids.toArray(String[]::new));
            int s = ids.indexOf("pS6K1");
            readouts.select(Math.max(0, s));
            readouts.showSelection();
        }
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

    /** @return the model of the active editor (any editor that adapts to an SBML document), or null */
    private SBMLDocument editorDocument() {
        IEditorPart editor = getSite().getPage().getActiveEditor();
        return editor == null ? null : Adapters.adapt(editor, SBMLDocument.class);
    }

    /** What the fields ask for: the design, its saved form, the model and a description. */
    record Request(ExperimentDesign design, SavedDesign saved, String modelName, Supplier<SBMLDocument> document,
            String label) {
        String describe() {
            return design.label() + ": " + label;
        }
    }

    /** Reads the fields, starts the job; a bad field is reported under the buttons instead. */
    private void run() {
        Request r;
        try {
            r = request();
        } catch (IllegalArgumentException e) {
            setStatus(e.getMessage());
            return;
        }
        RunPreferences prefs = RunPreferences.workbench();
        IWorkbenchPage page = getSite().getPage();
        Display display = getSite().getShell().getDisplay();
        ExperimentJob j = new ExperimentJob(r, prefs.solverOptions(), prefs.workerThreads(),
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
        setStatus("Running " + r.describe() + "...");
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
        setStatus(st.isOK() ? "Done." : st.getSeverity() == IStatus.CANCEL ? "Cancelled." : st.getMessage());
        if (st.isOK() && !queued.isEmpty()) {
            runNext();
        } else {
            queued.clear();
        }
    }

    /**
     * Runs saved designs on the built-in network one after another, each shown in the form
     * before it runs (the welcome page's examples); a failed or cancelled run drops the rest.
     *
     * @return whether the first one started; false (with the reason in the status line) while
     *         another run is going on or when the form cannot show a design
     */
    public boolean runDesigns(List<SavedDesign> saved) {
        if (job != null) {
            setStatus("A run is going on; wait for it to finish or cancel it, then try again.");
            return false;
        }
        queued.clear();
        queued.addAll(saved);
        return runNext();
    }

    private boolean runNext() {
        SavedDesign next = queued.poll();
        if (next == null) {
            return false;
        }
        if (!showDesign(next)) {
            queued.clear();
            setStatus("The " + next.design() + " design cannot be shown in this form (is its bundle installed?).");
            return false;
        }
        run();
        return job != null;
    }

    /** Opens a result in the view contributed for its kind (in the UI thread). */
    static void show(IWorkbenchPage page, ResultRun result) {
        try {
            ResultViews.open(page, result);
        } catch (PartInitException e) {
            MessageDialog.openError(page.getWorkbenchWindow().getShell(), "Cannot show the result", e.getMessage());
        }
    }

    /** @return the experiment the fields describe, checked against the design's descriptors */
    Request request() {
        ExperimentDesign d = selectedDesign();
        boolean builtin = !ACTIVE_EDITOR.equals(model.getText());
        SBMLDocument doc = builtin ? null : editorDocument();
        if (!builtin && doc == null) {
            throw new IllegalArgumentException("no model editor with a loaded model is active");
        }
        String name = builtin ? BUILTIN : doc.getModel().getId();
        Supplier<SBMLDocument> source = builtin ? NetworkModel::newDocument : () -> doc;
        SavedDesign saved = saved();
        DesignRequest.check(d, saved);
        return new Request(d, saved, name, source, conditions(d, saved));
    }

    /** @return the design the fields describe: its id, option values and perturbations as text */
    SavedDesign saved() {
        ExperimentDesign d = selectedDesign();
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (DesignOption<?> o : d.options()) {
            options.put(o.id(), values(o, fields.get(o.id())));
        }
        Map<String, List<String>> perturbations = new LinkedHashMap<>();
        if (fields.get(DRUG) instanceof Combo drug && !NO_DRUG.equals(drug.getText())) {
            Text dose = (Text) fields.get(DOSE);
            String text = dose.getText().trim();
            double nM;
            try {
                nM = OptionType.NUMBER.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("dose: '" + text + "' is not a number; give " + drug.getText()
                        + "'s concentration in nM, or choose no drug");
            }
            if (nM < 0) {
                throw new IllegalArgumentException("dose: the concentration must be >= 0 nM");
            }
            perturbations.put("drug", List.of(drug.getText() + "=" + OptionType.exact(nM)));
        }
        perturbations.put("context", List.of(((Combo) fields.get(CONTEXT)).getText()));
        perturbations.put("knockout", List.of(((org.eclipse.swt.widgets.List) fields.get(KNOCKOUT)).getSelection()));
        return new SavedDesign(d.id(), options, perturbations);
    }

    /** The texts of one option's field. */
    private List<String> values(DesignOption<?> o, Control c) {
        if (o.id().equals(DesignOptions.T_END.id()) && c instanceof Text t) {
            if (!t.isEnabled()) {
                return List.of();
            }
            double minutes;
            try {
                minutes = unit.toMinutes(Double.parseDouble(t.getText().trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("time: '" + t.getText() + "' is not a number of " + unit.word());
            }
            if (!(minutes > 0 && Double.isFinite(minutes))) {
                throw new IllegalArgumentException("time must be positive");
            }
            return List.of(OptionType.exact(minutes));
        }
        if (c instanceof org.eclipse.swt.widgets.List l) {
            return List.of(l.getSelection());
        }
        if (c instanceof Button b) {
            return b.getSelection() ? List.of("true") : List.of();
        }
        if (c instanceof Combo combo) {
            return List.of(combo.getText());
        }
        String text = ((Text) c).getText().trim();
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> texts = o.repeatable() ? Arrays.stream(text.split("[;\\n]+")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList() : List.of(text);
        return texts.stream().map(v -> normalized(o, v)).toList();
    }

    /** @return the text of the value a text means, as the option writes it (doses as a list, numbers exactly) */
    private static <T> String normalized(DesignOption<T> o, String text) {
        try {
            return o.format(o.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(o.label() + ": " + e.getMessage().replaceFirst("^" + o.flag() + ": ",
                    ""), e);
        }
    }

    /** The drug, axes, method, context, knockouts and time of a design, for legends and titles. */
    String conditions(ExperimentDesign d, SavedDesign s) {
        StringBuilder sb = new StringBuilder();
        List<String> varied = new ArrayList<>();
        for (DesignOption<?> o : d.options()) {
            if (o.flag().equals("--drug")) {
                varied.addAll(s.values(o.id()));
            }
        }
        if (!varied.isEmpty()) {
            sb.append(String.join(" x ", varied));
        } else if (!s.perturbation("drug").isEmpty()) {
            sb.append(String.join(" + ", s.perturbation("drug").stream().map(a -> a.replace("=", " ") + " nM")
                    .toList()));
        } else {
            sb.append("untreated");
        }
        List<String> axes = s.values("param").stream().map(a -> a.contains("=") ? a.substring(0, a.indexOf('='))
                .strip() : a).toList();
        if (!axes.isEmpty()) {
            sb.append(", ").append(String.join(" x ", axes));
        }
        if (s.value("method") != null) {
            sb.append(", ").append(s.value("method"));
        }
        sb.append(", ").append(s.perturbation("context").isEmpty() ? "model" : s.perturbation("context").get(0));
        if (!s.perturbation("knockout").isEmpty()) {
            sb.append(", KO ").append(String.join("+", s.perturbation("knockout")));
        }
        if ("true".equals(s.value(DesignOptions.STEADY_STATE.id()))) {
            sb.append(", steady state");
        } else if (s.value(DesignOptions.T_END.id()) != null) {
            sb.append(", ").append(Numbers.format(unit.fromMinutes(Double.parseDouble(s.value(DesignOptions.T_END
                    .id()))))).append(' ').append(unit.symbol());
        }
        return sb.toString();
    }

    /** The launcher's controls, for tests that drive it as a user would; the form's fields are looked up live. */
    public final class Widgets {
        public Combo model() {
            return model;
        }

        public Combo design() {
            return design;
        }

        /** @return the field of an option id, or of {@link #DRUG}, {@link #DOSE}, {@link #CONTEXT}, {@link #KNOCKOUT} */
        public Control field(String id) {
            Control c = fields.get(id);
            if (c == null) {
                throw new IllegalArgumentException("the form of " + selectedDesign().id() + " has no field '" + id
                        + "'; it has " + fields.keySet());
            }
            return c;
        }

        public Text text(String id) {
            return (Text) field(id);
        }

        public Combo combo(String id) {
            return (Combo) field(id);
        }

        public org.eclipse.swt.widgets.List list(String id) {
            return (org.eclipse.swt.widgets.List) field(id);
        }

        public Button check(String id) {
            return (Button) field(id);
        }

        /** @return whether the form has a field */
        public boolean has(String id) {
            return fields.containsKey(id);
        }

        /** @return the ids of the form's fields, in order */
        public List<String> fieldIds() {
            return List.copyOf(fields.keySet());
        }

        public Label timeLabel() {
            return timeLabel;
        }

        public Button run() {
            return run;
        }

        public Button cancel() {
            return cancel;
        }

        public Label status() {
            return status;
        }

        public Button saveDesign() {
            return saveDesign;
        }

        public Button openDesign() {
            return openDesign;
        }
    }

    /** @return the widgets */
    public Widgets widgets() {
        return new Widgets();
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

    /** @return the fields' experiment, when it can be saved as SED-ML; else the reason is reported and null returned */
    private Request savable() {
        Request r;
        try {
            r = request();
        } catch (IllegalArgumentException e) {
            errors.accept("Cannot save the design", e.getMessage());
            return null;
        }
        Optional<String> why = r.design().whyNoSpecification();
        if (why.isPresent()) {
            errors.accept("Cannot save the design", why.get());
            return null;
        }
        return r;
    }

    /** Save Design...: checks the fields can be saved, asks where (in the workspace by default), saves. */
    private void saveDesignAsked() {
        if (savable() == null) {
            return;
        }
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
        dialog.setText("Save Design");
        dialog.setFilterExtensions(new String[] {"*.omex"});
        dialog.setFilterNames(new String[] {"COMBINE archive with a SED-ML design (*.omex)"});
        dialog.setFilterPath(workspaceDir());
        dialog.setFileName(selectedDesign().id() + ".omex");
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
        Request spec = savable();
        if (spec == null) {
            return null;
        }
        RunPreferences prefs = RunPreferences.workbench();
        Display display = getSite().getShell().getDisplay();
        setStatus("Saving the design in " + file.getFileName() + "...");
        Job j = Job.create("Save the design " + file.getFileName(), monitor -> {
            String error;
            try {
                DesignFiles.save(spec.design(), spec.saved(), spec.document().get(), spec.modelName(), file,
                        prefs.solverOptions(), monitor::isCanceled);
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
                if (DesignFiles.showable(saved.get(), m == null ? null : m.getId()) && showDesign(saved.get())) {
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

    /**
     * Fills the form with a saved design on the built-in network; false (nothing changed) when
     * its design is not offered or a value is not one the form offers (a readout, drug,
     * context or knockout).
     */
    private boolean showDesign(SavedDesign s) {
        int index = designs.stream().map(ExperimentDesign::id).toList().indexOf(s.design());
        if (index < 0) {
            return false;
        }
        if (builtinSpecies == null) {
            builtinSpecies = NetworkModel.newDocument().getModel().getListOfSpecies().stream().map(Species::getId)
                    .toList();
        }
        ExperimentDesign d = designs.get(index);
        List<String> drugs = drugIds(true);
        List<String> contexts = Contributions.contexts().contexts().stream().map(CellContext::id).toList();
        List<String> treatment = s.perturbation("drug");
        if (!NetworkModel.READOUTS.containsAll(s.values(DesignOptions.READOUT.id()))
                || !builtinSpecies.containsAll(s.perturbation("knockout"))
                || !contexts.containsAll(s.perturbation("context"))
                || treatment.size() > 1 || (!treatment.isEmpty() && variesDrugs(d))
                || treatment.stream().anyMatch(a -> !drugs.contains(a.substring(0, a.indexOf('='))))) {
            return false;
        }
        for (DesignOption<?> o : d.options()) {
            if (o.type().kind() == OptionType.Kind.DRUG && !s.values(o.id()).stream().allMatch(drugs::contains)) {
                return false;
            }
        }
        model.select(0);
        design.select(index);
        designChanged();
        for (DesignOption<?> o : d.options()) {
            show(o, fields.get(o.id()), s.values(o.id()));
        }
        if (!treatment.isEmpty()) {
            String a = treatment.get(0);
            ((Combo) fields.get(DRUG)).select(drugs.indexOf(a.substring(0, a.indexOf('='))));
            ((Text) fields.get(DOSE)).setText(DesignFiles.text(new double[] {
                    Double.parseDouble(a.substring(a.indexOf('=') + 1)) }));
        } else if (fields.get(DRUG) instanceof Combo drug) {
            drug.select(0);
        }
        Combo context = (Combo) fields.get(CONTEXT);
        context.select(s.perturbation("context").isEmpty() ? 0 : contexts.indexOf(s.perturbation("context").get(0)));
        org.eclipse.swt.widgets.List knockouts = (org.eclipse.swt.widgets.List) fields.get(KNOCKOUT);
        knockouts.deselectAll();
        for (String k : s.perturbation("knockout")) {
            knockouts.select(knockouts.indexOf(k));
        }
        if (fields.get(DesignOptions.T_END.id()) instanceof Text time) {
            time.setEnabled(!"true".equals(s.value(DesignOptions.STEADY_STATE.id())));
        }
        return true;
    }

    /** Shows saved values in an option's field. */
    private void show(DesignOption<?> o, Control c, List<String> values) {
        if (c instanceof org.eclipse.swt.widgets.List l) {
            l.deselectAll();
            values.forEach(v -> l.select(l.indexOf(v)));
            l.showSelection();
        } else if (c instanceof Button b) {
            b.setSelection(values.contains("true"));
        } else if (c instanceof Combo combo) {
            if (!values.isEmpty()) {
                combo.select(Arrays.asList(combo.getItems()).indexOf(values.get(0)));
            }
        } else if (c instanceof Text t) {
            if (o.id().equals(DesignOptions.T_END.id())) {
                if (!values.isEmpty()) {
                    t.setText(DesignFiles.text(new double[] { unit.fromMinutes(Double.parseDouble(values.get(0))) }));
                }
            } else if (o.type().kind() == OptionType.Kind.DOSES && values.size() == 1) {
                t.setText(DesignFiles.text(OptionType.DOSES.parse(values.get(0)).stream()
                        .mapToDouble(Double::doubleValue).toArray()));
            } else {
                t.setText(String.join("; ", values));
            }
        }
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
