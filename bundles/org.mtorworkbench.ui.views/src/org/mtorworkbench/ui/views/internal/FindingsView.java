package org.mtorworkbench.ui.views.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.part.ViewPart;
import org.mtorworkbench.experiments.BatchRunner;
import org.mtorworkbench.experiments.Cancellation;
import org.mtorworkbench.experiments.FindingsRunner;
import org.mtorworkbench.experiments.FindingsRunner.CheckResult;
import org.mtorworkbench.experiments.FindingsRunner.FindingRobustness;
import org.mtorworkbench.experiments.FindingsRunner.Robustness;
import org.mtorworkbench.experiments.Progress;
import org.mtorworkbench.experiments.PreparedModel;
import org.mtorworkbench.network.CellContexts;
import org.mtorworkbench.network.DrugCatalogue;
import org.mtorworkbench.network.Finding;
import org.mtorworkbench.network.Findings;
import org.mtorworkbench.network.NetworkModel;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SolverOptions;
import org.mtorworkbench.ui.views.ViewIds;

/**
 * The review's findings checked on the built-in network: one row per check with its
 * finding, section, readout, expectation, simulated ratio and PASS/FAIL. The checks run in
 * a job when the view opens (and on Refresh). "Robustness" re-runs the findings on a
 * Latin-hypercube sample of the calibrated parameters and fills the last column with the
 * fraction of samples in which each check's finding holds.
 */
public final class FindingsView extends ViewPart {

    private static final String[] COLUMNS = { "finding", "section", "readout", "expected", "simulated ratio",
            "result", "holds in samples" };
    /** The samples of the view's robustness run ({@code mtorwb findings --robustness N} for more). */
    static final int ROBUSTNESS_SAMPLES = 20;

    private Table table;
    private final List<CheckResult> results = new ArrayList<>();
    private Job job;

    @Override
    public void createPartControl(Composite parent) {
        table = new Table(parent, SWT.FULL_SELECTION | SWT.BORDER | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        int[] widths = { 300, 120, 110, 220, 110, 70, 120 };
        for (int i = 0; i < COLUMNS.length; i++) {
            TableColumn c = new TableColumn(table, SWT.LEFT);
            c.setText(COLUMNS[i]);
            c.setWidth(widths[i]);
        }
        table.setToolTipText("Double-click a check to plot its readout in the conditions it compares");
        table.addListener(SWT.DefaultSelection, e -> {
            int i = table.getSelectionIndex();
            if (i >= 0 && i < results.size()) {
                openPlot(i);
            }
        });
        Action refresh = new Action("Refresh") {
            @Override
            public void run() {
                refresh();
            }
        };
        refresh.setToolTipText("Check the review's findings on the built-in network again");
        refresh.setImageDescriptor(ViewIcons.descriptor(ViewIcons.Picture.REFRESH));
        Action robustness = new Action("Robustness") {
            @Override
            public void run() {
                robustness(ROBUSTNESS_SAMPLES);
            }
        };
        robustness.setToolTipText("Check each finding on " + ROBUSTNESS_SAMPLES
                + " Latin-hypercube samples of the calibrated parameters");
        robustness.setImageDescriptor(ViewIcons.descriptor(ViewIcons.Picture.ROBUSTNESS));
        getViewSite().getActionBars().getToolBarManager().add(refresh);
        getViewSite().getActionBars().getToolBarManager().add(robustness);
        refresh();
    }

    /** Runs the checks again in a job (cancelling a run in progress). */
    public void refresh() {
        if (job != null) {
            job.cancel();
        }
        table.removeAll();
        results.clear();
        Display display = table.getDisplay();
        RunPreferences prefs = RunPreferences.workbench();
        Job j = new Job("Check the review's findings on " + NetworkModel.ID) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                List<Finding> findings = Findings.builtin();
                monitor.beginTask(getName(), findings.size());
                try {
                    FindingsRunner runner = new FindingsRunner(PreparedModel.of(NetworkModel.newDocument()),
                            DrugCatalogue.builtin(), CellContexts.builtin(), prefs.solverOptions());
                    for (Finding f : findings) {
                        if (monitor.isCanceled()) {
                            return Status.CANCEL_STATUS;
                        }
                        monitor.subTask(f.title());
                        List<CheckResult> r = runner.run(List.of(f), monitor::isCanceled);
                        display.asyncExec(() -> add(r));
                        monitor.worked(1);
                    }
                    return Status.OK_STATUS;
                } catch (SimulationException e) {
                    return monitor.isCanceled() ? Status.CANCEL_STATUS
                            : new Status(IStatus.ERROR, "org.mtorworkbench.ui.views",
                                    "checking the findings failed: " + e.getMessage(), e);
                } finally {
                    monitor.done();
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == ViewIds.JOB_FAMILY;
            }
        };
        j.setUser(false);
        job = j;
        j.schedule();
    }

    /**
     * Re-runs the findings on {@code samples} Latin-hypercube samples of the calibrated
     * parameters in a job and shows each finding's fraction in the last column.
     *
     * @return the job
     */
    public Job robustness(int samples) {
        Display display = table.getDisplay();
        SolverOptions options = RunPreferences.workbench().solverOptions();
        Job j = new Job("Findings on " + samples + " parameter samples of " + NetworkModel.ID) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                monitor.beginTask(getName(), samples);
                Cancellation cancel = new Cancellation();
                int[] shown = { 0 };
                Progress progress = new Progress() {
                    @Override
                    public synchronized void update(int done, int total, long etaMillis) {
                        if (monitor.isCanceled()) {
                            cancel.cancel();
                        }
                        monitor.worked(done - shown[0]);
                        shown[0] = done;
                    }
                };
                try {
                    FindingsRunner runner = new FindingsRunner(PreparedModel.of(NetworkModel.newDocument()),
                            DrugCatalogue.builtin(), CellContexts.builtin(), options);
                    Robustness r = runner.robustness(Findings.builtin(), NetworkModel.calibratedParameters(), samples,
                            1, new BatchRunner(0), progress, cancel);
                    display.asyncExec(() -> showRobustness(r));
                    return Status.OK_STATUS;
                } catch (SimulationException e) {
                    return cancel.isCancelled() ? Status.CANCEL_STATUS
                            : new Status(IStatus.ERROR, "org.mtorworkbench.ui.views",
                                    "the robustness run failed: " + e.getMessage(), e);
                } finally {
                    monitor.done();
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == ViewIds.JOB_FAMILY;
            }
        };
        j.setUser(true);
        j.schedule();
        return j;
    }

    private void showRobustness(Robustness r) {
        if (table.isDisposed()) {
            return;
        }
        for (int i = 0; i < results.size(); i++) {
            String id = results.get(i).finding().id();
            for (FindingRobustness f : r.findings()) {
                if (f.finding().id().equals(id)) {
                    TableItem item = table.getItem(i);
                    item.setText(6, String.format(Locale.ROOT, "%.0f%% of %d", 100 * f.fraction(), f.samples()));
                    item.setForeground(6, table.getDisplay().getSystemColor(f.fragile() ? SWT.COLOR_RED
                            : SWT.COLOR_DARK_GREEN));
                }
            }
        }
    }

    private void add(List<CheckResult> r) {
        if (table.isDisposed()) {
            return;
        }
        for (CheckResult c : r) {
            results.add(c);
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] { c.finding().title(), c.finding().section(), c.check().readout(),
                    c.check().expectation().words(), String.format(Locale.ROOT, "%.3g", c.ratio()),
                    c.passed() ? "PASS" : "FAIL", "" });
            item.setForeground(5, table.getDisplay().getSystemColor(c.passed() ? SWT.COLOR_DARK_GREEN
                    : SWT.COLOR_RED));
        }
    }

    /**
     * Plots a check in a job: its readout over time in each condition it compares, in the
     * time-course result view.
     *
     * @return the job
     */
    public Job openPlot(int index) {
        CheckResult c = results.get(index);
        IWorkbenchPage page = getSite().getPage();
        Display display = table.getDisplay();
        SolverOptions options = RunPreferences.workbench().solverOptions();
        Job plot = new Job("Plot " + c.finding().title()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    ResultRun r = FindingPlot.run(c.finding().title(), c.check(), options, monitor::isCanceled);
                    display.asyncExec(() -> LauncherView.show(page, r));
                    return Status.OK_STATUS;
                } catch (SimulationException e) {
                    return monitor.isCanceled() ? Status.CANCEL_STATUS
                            : new Status(IStatus.ERROR, "org.mtorworkbench.ui.views",
                                    "plotting '" + c.finding().title() + "' failed: " + e.getMessage(), e);
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == ViewIds.JOB_FAMILY;
            }
        };
        plot.schedule();
        return plot;
    }

    /** @return the table of checks */
    Table control() {
        return table;
    }

    /** @return the checks shown so far, in order */
    public List<CheckResult> getResults() {
        return List.copyOf(results);
    }

    /** @return the job that runs the checks */
    public Job getJob() {
        return job;
    }

    @Override
    public void dispose() {
        if (job != null) {
            job.cancel();
        }
        super.dispose();
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }
}
