package org.mtorworkbench.experiments;

/** Receives the progress of a batch of runs; called from worker threads. */
public interface Progress {

    /** Ignores progress. */
    Progress NONE = new Progress() {
    };

    /**
     * @param done runs finished
     * @param total runs in the batch
     * @param etaMillis estimated time to completion, or -1 while unknown
     */
    default void update(int done, int total, long etaMillis) {
        // no-op by default
    }
}
