package org.mtorworkbench.ui.views.internal;

import org.eclipse.core.runtime.jobs.Job;
import org.mtorworkbench.experiments.Cancellation;
import org.mtorworkbench.ui.views.ViewIds;

/**
 * A job that runs experiments: of the views' job family, shown in the status bar and the
 * Progress view (no modal dialog), and cancelled through the runs' {@link Cancellation}.
 */
abstract class BackgroundRun extends Job {

    /** Polled by every solver step of the job's runs. */
    protected final Cancellation cancellation = new Cancellation();

    BackgroundRun(String name) {
        super(name);
        // a system-visible job, not a user job: no modal progress dialog, progress in the status bar and Progress view
        setUser(false);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == ViewIds.JOB_FAMILY;
    }

    @Override
    protected void canceling() {
        cancellation.cancel();
    }
}
