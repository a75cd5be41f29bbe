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
 * depend on the thread count.
 */
public final class BatchRunner {

    /** One unit of work. */
    @FunctionalInterface
    public interface Task<T> {
        T run() throws SimulationException;
    }

    private final int threads;

    /** @param threads worker threads; 0 means one per available processor */
    public BatchRunner(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0, not " + threads);
        }
        this.threads = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
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
