package org.mtorworkbench.ui.views.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.mtorworkbench.experiments.sedml.SedmlException;
import org.mtorworkbench.experiments.sedml.SedmlExperiment;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SolverOptions;
import org.mtorworkbench.ui.views.ExperimentResult;

/**
 * Runs a SED-ML file the launcher cannot show as its fields: every report as SED-ML defines
 * it, each handed on as a result (its table, its numeric columns plotted against the first).
 */
final class SedmlJob extends BackgroundRun {

    private static final String PLUGIN = "org.mtorworkbench.ui.views";

    private final SedmlExperiment experiment;
    private final String name;
    private final SolverOptions options;
    private final Consumer<List<ResultRun>> onResults;

    SedmlJob(SedmlExperiment experiment, String name, SolverOptions options, Consumer<List<ResultRun>> onResults) {
        super("Run the SED-ML experiment " + name);
        this.experiment = experiment;
        this.name = name;
        this.options = options;
        this.onResults = onResults;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
        long start = System.nanoTime();
        try {
            List<ResultRun> runs = new ArrayList<>();
            for (SedmlExperiment.Report r : experiment.run(options, cancellation)) {
                ResultKind d = DesignFiles.reportKind(r.table().columns());
                ResultRun run = ResultRun.of(d, new ExperimentResult.Tabular(d.secondaryId(), name + " " + r.id(),
                        r.table()));
                runs.add(new ResultRun(run.design(), run.label(), run.curves(), run.ic50(), run.heats(), run.bars(),
                        run.table(), (System.nanoTime() - start) / 1_000_000));
            }
            if (runs.isEmpty()) {
                return new Status(IStatus.ERROR, PLUGIN, name + ": the file has no report to show; add a <report> "
                        + "of the data generators to see");
            }
            onResults.accept(runs);
            return Status.OK_STATUS;
        } catch (SimulationException e) {
            if (e.kind() == SimulationException.Kind.CANCELLED || monitor.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            return new Status(IStatus.ERROR, PLUGIN, name + " failed: " + e.getMessage());
        } catch (SedmlException | IllegalArgumentException e) {
            if (cancellation.isCancelled()) {
                return Status.CANCEL_STATUS;
            }
            return new Status(IStatus.ERROR, PLUGIN, e.getMessage());
        } finally {
            monitor.done();
        }
    }
}
