package org.mtorworkbench.calibration.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.mtorworkbench.calibration.PetabException;

/** Independent tasks of a fit or a profile on a pool of daemon threads, results in task order. */
public final class Parallel {

    /** One task. */
    @FunctionalInterface
    public interface Task<T> {
        T run() throws PetabException;
    }

    private Parallel() {
    }

    /**
     * @param threads the most threads (0: one per processor)
     * @param file the problem, for the message when interrupted
     * @return the tasks' results in task order
     * @throws PetabException the first failure in task order
     */
    public static <T> List<T> run(List<Task<T>> tasks, int threads, String name, Path file) throws PetabException {
        int n = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(n, tasks.size())), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Task<T> task : tasks) {
                futures.add(pool.submit(task::run));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof PetabException pe) {
                        throw pe;
                    }
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PetabException(PetabException.Kind.NUMERICAL, file, 0, "interrupted", e);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
