package org.mtorworkbench.ui.views.internal;

import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.mtorworkbench.experiments.Progress;
import org.mtorworkbench.experiments.BatchRunner;
import org.mtorworkbench.experiments.PreparedModel;
import org.mtorworkbench.experiments.extension.DesignRequest;
import org.mtorworkbench.experiments.extension.DesignResult;
import org.mtorworkbench.network.extension.Contributions;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SolverOptions;

/**
 * Runs an experiment in the background: progress goes to the job's monitor (status bar,
 * Progress view), cancelling the job cancels the runs, and the result is handed to a
 * consumer (which opens it in the UI thread).
 */
public final class ExperimentJob extends BackgroundRun {

    private static final String PLUGIN = "org.mtorworkbench.ui.views";

    private final LauncherView.Request spec;
    private final SolverOptions options;
    private final int threads;
    private final Consumer<ResultRun> onResult;

    ExperimentJob(LauncherView.Request spec, SolverOptions options, int threads, Consumer<ResultRun> onResult) {
        super("Run " + spec.describe() + " on " + spec.modelName());
        this.spec = spec;
        this.options = options;
        this.threads = threads;
        this.onResult = onResult;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask(getName(), 1000);
        try {
            long start = System.nanoTime();
            PreparedModel model = PreparedModel.of(spec.document().get());
            DesignRequest request = DesignRequest.prepare(spec.design(), spec.saved(), model, Contributions.drugs(),
                    options, new BatchRunner(threads), new MonitorProgress(monitor), cancellation);
            DesignResult result = spec.design().run(request);
            onResult.accept(Presentations.of(result, spec.label(), (System.nanoTime() - start) / 1_000_000));
            return Status.OK_STATUS;
        } catch (SimulationException e) {
            if (e.kind() == SimulationException.Kind.CANCELLED || monitor.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            return new Status(IStatus.ERROR, PLUGIN, spec.describe() + " failed: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            if (cancellation.isCancelled()) {
                return Status.CANCEL_STATUS;
            }
            // a bad choice in the launcher (an id the model lacks): the message says what to fix
            return new Status(IStatus.ERROR, PLUGIN, spec.describe() + " failed: " + e.getMessage());
        } catch (RuntimeException e) {
            if (cancellation.isCancelled()) {
                return Status.CANCEL_STATUS;
            }
            return new Status(IStatus.ERROR, PLUGIN, spec.describe() + " failed: " + e.getMessage(), e);
        } finally {
            monitor.done();
        }
    }

    /** Reports batch progress (from worker threads) as work units of the job's monitor. */
    static final class MonitorProgress implements Progress {

        private final IProgressMonitor monitor;
        private int reported;
        private long lastText;

        MonitorProgress(IProgressMonitor monitor) {
            this.monitor = monitor;
        }

        @Override
        public synchronized void update(int done, int total, long etaMillis) {
            if (total <= 0) {
                return;
            }
            int units = (int) (1000L * done / total);
            if (units > reported) {
                monitor.worked(units - reported);
                reported = units;
            }
            long now = System.nanoTime();
            // the text is redrawn by the UI thread: a few times a second is enough
            if (done == total || lastText == 0 || now - lastText > 250_000_000L) {
                lastText = now;
                String eta = etaMillis < 0 ? "" : ", about " + Math.max(1, etaMillis / 1000) + " s left";
                monitor.subTask(done + " of " + total + " runs" + eta);
            }
        }
    }
}
