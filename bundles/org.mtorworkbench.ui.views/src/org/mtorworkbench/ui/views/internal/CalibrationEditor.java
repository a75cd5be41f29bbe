package org.mtorworkbench.ui.views.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.EditorPart;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.swt.ChartComposite;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.swt.SWTGraphics2D;
import org.mtorworkbench.calibration.MultiStart;
import org.mtorworkbench.calibration.ObjectiveValue;
import org.mtorworkbench.calibration.Optimizer;
import org.mtorworkbench.calibration.Optimizers;
import org.mtorworkbench.calibration.PetabCondition;
import org.mtorworkbench.calibration.PetabException;
import org.mtorworkbench.calibration.PetabObjective;
import org.mtorworkbench.calibration.PetabObservable;
import org.mtorworkbench.calibration.PetabParameter;
import org.mtorworkbench.calibration.PetabProblem;
import org.mtorworkbench.calibration.Profile;

/**
 * The Calibration editor of a PEtab problem (its YAML file): the problem's conditions,
 * observables and parameters; Evaluate (the objective at the nominal parameters), Fit (a
 * multi-start fit as a cancellable job reporting starts done and the best llh so far) and
 * Profile (profile likelihood from the best fit, or from the nominal parameters before a fit);
 * the plots: data with error bars and the simulated observables, the waterfall of the starts,
 * the estimates with their 95% intervals and the profiles with the 95% threshold, each
 * exportable as PNG and SVG. The problem is read in a job when the editor opens (an unreadable
 * problem shows its error, file and line, and leaves the actions disabled); the model is
 * compiled by the first action.
 */
public final class CalibrationEditor extends EditorPart {

    /** The editor's id (plugin.xml). */
    public static final String ID = "org.mtorworkbench.ui.views.calibration";

    private Path yaml;
    private PetabProblem problem;
    private PetabObjective objective;
    private String readError;
    private volatile boolean loaded;

    private Label status;
    private Button evaluate;
    private Button fit;
    private Button profile;
    private Button cancel;
    private Spinner starts;
    private Combo optimizer;
    private CTabFolder tabs;
    private ChartComposite fitChart;
    private ChartComposite waterfallChart;
    private ChartComposite estimatesChart;
    private ChartComposite profilesChart;
    private Table parameters;
    private Job job;

    private ObjectiveValue value;
    private MultiStart.Result fitResult;
    private Profile.Result profileResult;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        setSite(site);
        setInput(input);
        if (input instanceof IFileEditorInput f && f.getFile().getLocation() != null) {
            IFile file = f.getFile();
            yaml = file.getLocation().toFile().toPath();
        } else if (input instanceof IURIEditorInput u) {
            yaml = Path.of(u.getURI());
        } else {
            throw new PartInitException("the Calibration editor opens PEtab YAML files, not " + input.getName());
        }
        setPartName(yaml.getFileName().toString());
    }

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        bar.setLayout(new GridLayout(9, false));
        evaluate = button(bar, "Evaluate", "The log-likelihood and the simulations at the nominal parameters", this::evaluate);
        new Label(bar, SWT.NONE).setText("Starts:");
        starts = new Spinner(bar, SWT.BORDER);
        starts.setValues(20, 1, 100_000, 0, 1, 10);
        starts.setToolTipText("Local optimisations from a Latin hypercube of the bounds (the nominal point first), seed 1");
        optimizer = new Combo(bar, SWT.READ_ONLY);
        for (Optimizer o : Optimizers.all()) {
            optimizer.add(o.id());
        }
        optimizer.select(Math.max(0, optimizer.indexOf(Optimizers.DEFAULT)));
        optimizer.setToolTipText("The local optimiser of every start");
        fit = button(bar, "Fit", "Multi-start fit of the estimated parameters within their bounds", this::fit);
        profile = button(bar, "Profile", "Profile likelihood of every estimated parameter from the best fit", this::profile);
        cancel = button(bar, "Cancel", "Stop the running evaluation, fit or profile", this::cancel);
        cancel.setEnabled(false);
        new Label(bar, SWT.NONE).setText(" ");
        status = new Label(bar, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 9, 1));

        tabs = new CTabFolder(parent, SWT.BORDER | SWT.BOTTOM);
        tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite problemTab = new Composite(tabs, SWT.NONE);
        problemTab.setLayout(new GridLayout(1, false));
        tab("Problem", problemTab);
        fitChart = chartTab("Data and fit");
        waterfallChart = chartTab("Waterfall");
        estimatesChart = chartTab("Estimates");
        profilesChart = chartTab("Profiles");
        tabs.setSelection(0);

        // The problem (its tables and its SBML model) is read off the UI thread; the actions wait for it.
        for (Button b : List.of(evaluate, fit, profile)) {
            b.setEnabled(false);
        }
        status.setText("Reading " + yaml + "...");
        Job read = new Job("Reading " + getPartName()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                PetabProblem p = null;
                String error = null;
                try {
                    p = PetabProblem.read(yaml);
                } catch (PetabException | RuntimeException e) {
                    error = e.getMessage();
                }
                PetabProblem read = p;
                String why = error;
                ui(() -> {
                    readError = why;
                    problem = read;
                    if (read == null) {
                        status.setText(why);
                    } else {
                        status.setText(summary());
                        fillProblem(problemTab);
                        problemTab.layout(true, true);
                        setRunning(false);
                    }
                    loaded = true;
                });
                return Status.OK_STATUS;
            }
        };
        read.setSystem(true);
        read.schedule();
    }

    /** @return whether the problem has been read (successfully or not) */
    public boolean isLoaded() {
        return loaded;
    }

    private String summary() {
        return String.format(Locale.ROOT, "PEtab v%d: %d condition(s), %d experiment(s), %d observable(s), %d measurement(s),"
                + " %d of %d parameter(s) estimated; model %s", problem.formatVersion(), problem.conditions().size(),
                problem.experiments().size(), problem.observables().size(), problem.measurements().size(),
                problem.estimatedParameters().size(), problem.parameters().size(), problem.modelFile().getFileName());
    }

    private void fillProblem(Composite tab) {
        parameters = table(tab, "id", "scale", "lower", "upper", "nominal", "estimated", "fitted", "95% interval", "verdict");
        for (PetabParameter p : problem.parameters().values()) {
            row(parameters, p.id(), p.scale().id(), Numbers.format(p.lowerBound()), Numbers.format(p.upperBound()),
                    Numbers.format(p.nominalValue()), p.estimated() ? "yes" : "no", "", "", "");
        }
        Table observables = table(tab, "observable", "formula", "noise", "transformation", "distribution");
        for (PetabObservable o : problem.observables().values()) {
            row(observables, o.id(), o.formula(), o.noiseFormula(), o.noise().transformation().id(),
                    o.noise().distribution().name().toLowerCase(Locale.ROOT));
        }
        Table conditions = table(tab, "condition", "changes");
        for (PetabCondition c : problem.conditions().values()) {
            StringBuilder b = new StringBuilder();
            for (PetabCondition.Change ch : c.changes()) {
                b.append(b.length() == 0 ? "" : ", ").append(ch.target()).append(" = ").append(ch.value());
            }
            row(conditions, c.id(), b.toString());
        }
    }

    private static Table table(Composite parent, String... columns) {
        Table t = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        t.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (String c : columns) {
            TableColumn col = new TableColumn(t, SWT.LEFT);
            col.setText(c);
            col.setWidth(c.equals("formula") || c.equals("changes") ? 320 : 95);
        }
        return t;
    }

    private static void row(Table t, String... cells) {
        new TableItem(t, SWT.NONE).setText(cells);
    }

    private void tab(String name, Composite control) {
        CTabItem item = new CTabItem(tabs, SWT.NONE);
        item.setText(name);
        item.setControl(control);
    }

    private ChartComposite chartTab(String name) {
        Composite c = new Composite(tabs, SWT.NONE);
        c.setLayout(new GridLayout(3, false));
        ChartComposite chart = new ChartComposite(c, SWT.NONE, null, true);
        chart.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        button(c, "Export PNG...", "Save this plot as PNG", () -> export(chart, "*.png"));
        button(c, "Export SVG...", "Save this plot as SVG", () -> export(chart, "*.svg"));
        tab(name, c);
        return chart;
    }

    private static Button button(Composite parent, String text, String tip, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setToolTipText(tip);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    /** The objective, compiled on first use (in a job). */
    private synchronized PetabObjective objective() throws PetabException {
        if (objective == null) {
            objective = PetabObjective.create(problem, PetabObjective.defaultOptions());
        }
        return objective;
    }

    /** Evaluates at the nominal parameters. */
    public void evaluate() {
        run("Evaluating " + getPartName(), monitor -> {
            ObjectiveValue v = objective().evaluate(objective().nominalParameters(), false, monitor::isCanceled);
            ui(() -> showValue(v, "At the nominal parameters"));
            return "llh = " + Numbers.format(v.llh()) + ", chi2 = " + Numbers.format(v.chi2()) + " at the nominal parameters";
        });
    }

    /** Runs the multi-start fit with the starts and optimiser chosen. */
    public void fit() {
        int n = starts.getSelection();
        String id = optimizer.getText();
        run("Fitting " + getPartName(), monitor -> {
            PetabObjective o = objective();
            Optimizer opt = Optimizers.byId(id).orElseThrow();
            monitor.beginTask("Fitting", n);
            double[] best = { Double.NEGATIVE_INFINITY };
            MultiStart.Result r = MultiStart.run(o, opt, MultiStart.Settings.of(n).withSeed(1), (start, done, total) -> {
                if (Double.isFinite(start.llh())) {
                    best[0] = Math.max(best[0], start.llh());
                }
                monitor.worked(1);
                String line = done + " of " + total + " starts done, best llh so far " + Numbers.format(best[0]);
                monitor.subTask(line);
                ui(() -> status.setText(line));
            }, monitor::isCanceled);
            MultiStart.Start b = r.best();
            ObjectiveValue v = b == null ? null : o.evaluate(b.end(), false, monitor::isCanceled);
            ui(() -> {
                fitResult = r;
                waterfallChart.setChart(CalibrationCharts.waterfall(r));
                if (v != null) {
                    showValue(v, "At the best fit");
                    showFitted(b.end());
                }
                tabs.setSelection(2);
            });
            return b == null ? "no start could be evaluated" : "best llh = " + Numbers.format(b.llh()) + " from "
                    + r.starts().size() + " starts (" + Math.round(100 * r.fractionWithin(CalibrationCharts.REACHED))
                    + "% within " + Numbers.format(CalibrationCharts.REACHED) + " of it)";
        });
    }

    /** Profiles every estimated parameter from the best fit (the nominal parameters before a fit). */
    public void profile() {
        String id = optimizer.getText();
        double[] from = fitResult != null && fitResult.best() != null ? fitResult.best().end() : null;
        run("Profiling " + getPartName(), monitor -> {
            PetabObjective o = objective();
            Optimizer opt = Optimizers.byId(id).orElseThrow();
            double[] start = from != null ? from : o.nominalParameters();
            Profile.Result r = Profile.run(o, start, List.of(), opt, Profile.Settings.defaults(), 0,
                    (pid, point) -> ui(() -> status.setText("profiling " + pid + ": at " + Numbers.format(point.value())
                            + ", llh " + Numbers.format(point.llh()))), monitor::isCanceled);
            ui(() -> {
                profileResult = r;
                estimatesChart.setChart(CalibrationCharts.estimates(r));
                profilesChart.setChart(CalibrationCharts.profiles(r));
                showFitted(r.best());
                showIntervals(r);
                tabs.setSelection(4);
            });
            long identifiable = r.profiles().stream().filter(p -> p.verdict() == Profile.Verdict.IDENTIFIABLE).count();
            return "profiles of " + r.profiles().size() + " parameter(s): " + identifiable + " identifiable; best llh = "
                    + Numbers.format(r.bestLlh());
        });
    }

    /** Cancels the running job. */
    public void cancel() {
        Job j = job;
        if (j != null) {
            j.cancel();
        }
    }

    private void showValue(ObjectiveValue v, String title) {
        value = v;
        fitChart.setChart(CalibrationCharts.fit(v, title));
        tabs.setSelection(1);
    }

    private void showFitted(double[] onScale) {
        List<String> ids = objective.parameterIds();
        for (TableItem item : parameters.getItems()) {
            int k = ids.indexOf(item.getText(0));
            if (k >= 0) {
                PetabParameter p = problem.parameters().get(item.getText(0));
                item.setText(6, Numbers.format(p.scale().fromScale(onScale[k])));
            }
        }
    }

    private void showIntervals(Profile.Result r) {
        for (Profile.ParameterProfile p : r.profiles()) {
            for (TableItem item : parameters.getItems()) {
                if (item.getText(0).equals(p.id())) {
                    PetabParameter par = problem.parameters().get(p.id());
                    item.setText(7, "[" + end(par, p.lower()) + ", " + end(par, p.upper()) + "]");
                    item.setText(8, p.verdict().text());
                }
            }
        }
    }

    private static String end(PetabParameter p, double onScale) {
        return Double.isFinite(onScale) ? Numbers.format(p.scale().fromScale(onScale)) : onScale < 0 ? "-inf" : "inf";
    }

    /** A step of a job: its result line, or an exception. */
    @FunctionalInterface
    private interface Work {
        String run(IProgressMonitor monitor) throws Exception;
    }

    private void run(String name, Work work) {
        if (job != null || problem == null) {
            return; // one at a time (the buttons are disabled meanwhile); nothing to run on an unread problem
        }
        setRunning(true);
        status.setText(name + "...");
        Job j = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    String line = work.run(monitor);
                    ui(() -> finished(monitor.isCanceled() ? line + " (cancelled)" : line));
                    return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
                } catch (Exception | LinkageError e) {
                    String why = e.getMessage() == null ? e.toString() : e.getMessage();
                    ui(() -> finished(name + " failed: " + why));
                    return Status.error(why, e);
                }
            }
        };
        j.setUser(true);
        job = j;
        j.schedule();
    }

    private void finished(String line) {
        job = null;
        setRunning(false);
        status.setText(line);
        status.getParent().layout();
    }

    private void setRunning(boolean running) {
        evaluate.setEnabled(!running);
        fit.setEnabled(!running);
        profile.setEnabled(!running);
        cancel.setEnabled(running);
    }

    private void ui(Runnable r) {
        if (status.isDisposed()) {
            return;
        }
        status.getDisplay().asyncExec(() -> {
            if (!status.isDisposed()) {
                r.run();
            }
        });
    }

    private void export(ChartComposite chart, String pattern) {
        if (chart.getChart() == null) {
            status.setText("Nothing to export yet: run Evaluate, Fit or Profile first");
            return;
        }
        FileDialog d = new FileDialog(getSite().getShell(), SWT.SAVE);
        d.setFilterExtensions(new String[] { pattern });
        d.setOverwrite(true);
        String f = d.open();
        if (f != null) {
            try {
                exportChart(chart.getChart(), Path.of(f), 900, 600);
            } catch (IOException e) {
                status.setText("Could not write " + f + ": " + e.getMessage());
            }
        }
    }

    /** Writes a chart as PNG (drawn by SWT) or SVG, by the file's extension, atomically. */
    void exportChart(JFreeChart chart, Path file, int width, int height) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".calibration", ".tmp");
        try {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
                SVGGraphics2D g2 = new SVGGraphics2D(width, height);
                chart.draw(g2, new java.awt.Rectangle(width, height));
                Files.writeString(tmp, g2.getSVGDocument(), java.nio.charset.StandardCharsets.UTF_8);
            } else {
                Image image = new Image(status.getDisplay(), width, height);
                GC gc = new GC(image);
                SWTGraphics2D g2 = new SWTGraphics2D(gc);
                try {
                    chart.draw(g2, new java.awt.Rectangle(width, height));
                    ImageLoader loader = new ImageLoader();
                    loader.data = new ImageData[] { image.getImageData() };
                    loader.save(tmp.toString(), SWT.IMAGE_PNG);
                } finally {
                    g2.dispose();
                    gc.dispose();
                    image.dispose();
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** @return the latest evaluation (nominal or best fit), or null */
    public ObjectiveValue value() {
        return value;
    }

    /** @return the latest fit, or null */
    public MultiStart.Result fitResult() {
        return fitResult;
    }

    /** @return the latest profiles, or null */
    public Profile.Result profileResult() {
        return profileResult;
    }

    /** @return the running job, or null */
    public Job job() {
        return job;
    }

    /** @return the status line */
    public String statusText() {
        return status.getText();
    }

    /** @return the plot of a tab: 0 data and fit, 1 waterfall, 2 estimates, 3 profiles */
    public JFreeChart chart(int k) {
        return List.of(fitChart, waterfallChart, estimatesChart, profilesChart).get(k).getChart();
    }

    /** @return the parameter table's rows, cells by column */
    public List<List<String>> parameterRows() {
        return java.util.Arrays.stream(parameters.getItems()).map(i -> java.util.stream.IntStream.range(0, 9)
                .mapToObj(i::getText).toList()).toList();
    }

    /** Sets the number of starts and the optimiser as a user would. */
    public void choose(int count, String optimizerId) {
        starts.setSelection(count);
        optimizer.select(optimizer.indexOf(optimizerId));
    }

    @Override
    public void setFocus() {
        tabs.setFocus();
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        // the editor does not change the problem's files
    }

    @Override
    public void doSaveAs() {
        // nothing to save
    }

    @Override
    public boolean isDirty() {
        return false;
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    @Override
    public void dispose() {
        cancel();
        super.dispose();
    }
}
