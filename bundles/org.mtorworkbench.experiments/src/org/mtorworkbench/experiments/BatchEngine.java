package org.mtorworkbench.experiments;

import java.util.List;

import org.mtorworkbench.simulation.SimulationException;

/**
 * Where the runs of a {@link RunBatch} execute: the thread pool of this JVM ({@link BatchRunner},
 * the default) or a distributed engine (Apache Spark, outside OSGi: see {@code docs/scale-out.md}).
 * Every engine returns, for each point in run order, the row {@link RunBatch.Evaluator#run}
 * computes, so results do not depend on the engine or on how it splits the work.
 */
public interface BatchEngine {

    /** Makes engines by id; found with {@link java.util.ServiceLoader} outside OSGi. */
    interface Factory {

        /** @return the id given as {@code --engine ID} */
        String id();

        /**
         * @param master where to run (an engine-specific URL, e.g. {@code local[2]}), or null for the default
         * @param threads the thread count asked for (0: all cores), for engines that run in this JVM
         * @throws IllegalArgumentException for a master URL the engine does not accept
         */
        BatchEngine create(String master, int threads);
    }

    /** @return the engine's id, e.g. {@code threads} */
    String id();

    /**
     * Runs every point of the batch.
     *
     * @return one row per point, in run order
     * @throws SimulationException the first failure (by point order), or CANCELLED
     */
    List<double[]> run(RunBatch batch, Progress progress, Cancellation cancellation) throws SimulationException;

    /** @return a description of where the runs executed, for messages (e.g. "2 thread(s)") */
    String describe();
}
