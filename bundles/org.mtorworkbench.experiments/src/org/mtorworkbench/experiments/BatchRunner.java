package org.mtorworkbench.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.mtorworkbench.simulation.SimulationException;

/**
 * Runs independent tasks on a pool sized to the machine (or as configured), reporting
 * progress and stopping on cancellation. Results come back in task order, so they do not
 * depend on the thread count. Batches of plain data ({@link RunBatch}) run on this pool, the
 * {@code threads} engine, or on the {@link BatchEngine} the runner was made with.
 */
public final class BatchRunner implements BatchEngine {

    /** The id of the thread-pool engine. */
    public static final String THREADS = "threads";

    /** One unit of work. */
    @FunctionalInterface
    public interface Task<T> {
        T run() throws SimulationException;
    }

    private final int threads;
    private final BatchEngine engine;

    /** @param threads worker threads; 0 means one per available processor */
    public BatchRunner(int threads) {
        this(threads, null);
    }

    /**
     * @param threads worker threads; 0 means one per available processor
     * @param engine where batches of plain data run, or null for this runner's pool
     */
    public BatchRunner(int threads, BatchEngine engine) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0, not " + threads);
        }
        this.threads = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        this.engine = engine;
    }

    @Override
    public String id() {
        return engine == null ? THREADS : engine.id();
    }

    @Override
    public String describe() {
        return engine == null ? threads + " thread(s)" : engine.describe();
    }

    /**
     * Runs a batch on this runner's engine: the pool (each point evaluated on the model the
     * batch was made with) or the engine given at construction.
     */
    @Override
    public List<double[]> run(RunBatch batch, Progress progress, Cancellation cancellation)
            throws SimulationException {
        if (engine != null) {
            return engine.run(batch, progress, cancellation);
        }
        RunBatch.Evaluator e = batch.evaluator();
        List<Task<double[]>> tasks = new ArrayList<>(batch.points().size());
        for (RunBatch.Point p : batch.points()) {
            tasks.add(() -> e.run(p, cancellation));
        }
        return runLocally(tasks, progress, cancellation);
    }

    /** @return the number of worker threads */
    public int threads() {
        return threads;
    }

    /**
     * Runs the tasks.
     *
     * @throws SimulationException the first failure (by task order), or CANCELLED
     */
    public <T> List<T> run(List<Task<T>> tasks, Progress progress, Cancellation cancellation)
            throws SimulationException {
        if (engine != null) {
            throw new SimulationException(SimulationException.Kind.UNSUPPORTED, "these runs are closures, which the "
                    + engine.id() + " engine cannot ship (designs ship their runs as a RunBatch); use --engine threads");
        }
        return runLocally(tasks, progress, cancellation);
    }

    private <T> List<T> runLocally(List<Task<T>> tasks, Progress progress, Cancellation cancellation)
            throws SimulationException {
        int total = tasks.size();
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        progress.update(0, total, -1);
        if (threads == 1 || total <= 1) {
            List<T> out = new ArrayList<>(total);
            for (Task<T> t : tasks) {
                checkCancelled(cancellation);
                out.add(t.run());
                report(progress, done.incrementAndGet(), total, start);
            }
            return out;
        }
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread th = new Thread(r, "mtorwb-run-" + n.incrementAndGet());
            th.setDaemon(true);
            return th;
        };
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, total), tf);
        try {
            List<Future<T>> futures = new ArrayList<>(total);
            for (Task<T> t : tasks) {
                futures.add(pool.submit(() -> {
                    checkCancelled(cancellation);
                    T r = t.run();
                    report(progress, done.incrementAndGet(), total, start);
                    return r;
                }));
            }
            List<T> out = new ArrayList<>(total);
            for (Future<T> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    cancellation.cancel();
                    if (e.getCause() instanceof SimulationException s) {
                        throw s;
                    }
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancellation.cancel();
                    throw cancelled();
                } catch (CancellationException e) {
                    throw cancelled();
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void report(Progress progress, int done, int total, long start) {
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        long eta = done == 0 ? -1 : elapsed * (total - done) / done;
        progress.update(done, total, eta);
    }

    private static void checkCancelled(Cancellation c) throws SimulationException {
        if (c.isCancelled()) {
            throw cancelled();
        }
    }

    private static SimulationException cancelled() {
        return new SimulationException(SimulationException.Kind.CANCELLED, "the runs were cancelled");
    }
}
