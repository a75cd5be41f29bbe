package org.mtorworkbench.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.mtorworkbench.calibration.PetabException.Kind;
import org.mtorworkbench.calibration.internal.Parallel;

/**
 * Multi-start local optimisation of a PEtab problem: start 0 at the nominal parameters (moved into
 * the bounds; optional), the others a Latin hypercube of the box on the parameter scale drawn from
 * the seed, each optimised by one {@link Optimizer} on a pool of threads. Every start is computed
 * from its own start vector alone, so the results (all but the times) are the same for any number
 * of threads; they are listed in start order. Cancellable: starts not begun are reported
 * {@link OptimizerResult.Exit#CANCELLED} with their start vector.
 */
public final class MultiStart {

    /**
     * How to start.
     *
     * @param starts the number of starts (at least 1)
     * @param seed the seed of the Latin hypercube
     * @param threads the worker threads (0: one per processor)
     * @param nominalFirst whether start 0 is the nominal point
     * @param optimizer when each local optimisation stops
     */
    public record Settings(int starts, long seed, int threads, boolean nominalFirst, OptimizerSettings optimizer) {

        public Settings {
            if (starts < 1) {
                throw new IllegalArgumentException("--starts must be at least 1");
            }
            if (threads < 0) {
                throw new IllegalArgumentException("--threads must be at least 0 (0: one per processor)");
            }
        }

        /** @return {@code starts} starts from seed 0 on all processors, the nominal point first, default stopping */
        public static Settings of(int starts) {
            return new Settings(starts, 0, 0, true, OptimizerSettings.defaults());
        }

        public Settings withSeed(long s) {
            return new Settings(starts, s, threads, nominalFirst, optimizer);
        }

        public Settings withThreads(int t) {
            return new Settings(starts, seed, t, nominalFirst, optimizer);
        }

        public Settings withNominalFirst(boolean b) {
            return new Settings(starts, seed, threads, b, optimizer);
        }

        public Settings withOptimizer(OptimizerSettings o) {
            return new Settings(starts, seed, threads, nominalFirst, o);
        }
    }

    /**
     * One start's outcome; vectors on the parameter scale in {@link Result#parameterIds()} order.
     *
     * @param llh the log-likelihood at {@code end} (NaN when it could not be evaluated)
     * @param seconds wall-clock time of the local optimisation
     */
    public record Start(int index, double[] start, double[] end, double llh, int iterations, int evaluations,
            int gradients, double seconds, OptimizerResult.Exit exit) {

        public Start {
            start = start.clone();
            end = end.clone();
        }

        @Override
        public double[] start() {
            return start.clone();
        }

        @Override
        public double[] end() {
            return end.clone();
        }
    }

    /**
     * All starts, in start order.
     *
     * @param optimizer the optimiser's id
     */
    public record Result(List<String> parameterIds, String optimizer, List<Start> starts) {

        public Result {
            parameterIds = List.copyOf(parameterIds);
            starts = List.copyOf(starts);
        }

        /** @return the start with the highest llh (the first of equals), or null when none has a finite llh */
        public Start best() {
            Start best = null;
            for (Start s : starts) {
                if (Double.isFinite(s.llh()) && (best == null || s.llh() > best.llh())) {
                    best = s;
                }
            }
            return best;
        }

        /** @return the fraction of starts whose llh is within {@code delta} of the best one (the waterfall's step) */
        public double fractionWithin(double delta) {
            Start best = best();
            if (best == null) {
                return 0;
            }
            long n = starts.stream().filter(s -> s.llh() >= best.llh() - delta).count();
            return (double) n / starts.size();
        }
    }

    /** Reports finished starts (called from worker threads, one call at a time). */
    @FunctionalInterface
    public interface Progress {
        /** @param done starts finished so far, this one included */
        void finished(Start start, int done, int total);
    }

    private MultiStart() {
    }

    /**
     * The start vectors: the nominal point (moved into the box) first when asked, then a Latin
     * hypercube of the rest: coordinate {@code j} of the {@code k}-th point lies uniformly in stratum
     * {@code perm_j(k)} of {@code count} equal strata of {@code [lower_j, upper_j]}, the permutations
     * and positions drawn from {@link SplittableRandom} of the seed.
     *
     * @throws IllegalArgumentException when a bound is not finite
     */
    public static double[][] startPoints(double[] lower, double[] upper, double[] nominal, int count, long seed,
            boolean nominalFirst) {
        int n = lower.length;
        for (int j = 0; j < n; j++) {
            if (!Double.isFinite(lower[j]) || !Double.isFinite(upper[j])) {
                throw new IllegalArgumentException("coordinate " + j + " has no finite bounds");
            }
        }
        double[][] out = new double[count][];
        int first = 0;
        if (nominalFirst) {
            out[0] = new double[n];
            for (int j = 0; j < n; j++) {
                out[0][j] = Math.min(upper[j], Math.max(lower[j], nominal[j]));
            }
            first = 1;
        }
        int m = count - first;
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < m; k++) {
            out[first + k] = new double[n];
        }
        for (int j = 0; j < n; j++) {
            int[] perm = new int[m];
            for (int k = 0; k < m; k++) {
                perm[k] = k;
            }
            for (int k = m - 1; k > 0; k--) {
                int r = random.nextInt(k + 1);
                int t = perm[k];
                perm[k] = perm[r];
                perm[r] = t;
            }
            for (int k = 0; k < m; k++) {
                double u = (perm[k] + random.nextDouble()) / m;
                out[first + k][j] = lower[j] + u * (upper[j] - lower[j]);
            }
        }
        return out;
    }

    /**
     * Runs the starts.
     *
     * @throws PetabException when a bound of an estimated parameter is not finite, or the problem is at
     *         fault (the first by start order); numerical failures are starts with exit FAILED
     */
    public static Result run(PetabObjective objective, Optimizer optimizer, Settings settings, Progress progress,
            BooleanSupplier cancelled) throws PetabException {
        List<String> ids = objective.parameterIds();
        double[] lower = objective.scaledBounds(true);
        double[] upper = objective.scaledBounds(false);
        for (int j = 0; j < ids.size(); j++) {
            if (!Double.isFinite(lower[j]) || !Double.isFinite(upper[j])) {
                PetabParameter p = objective.problem().parameters().get(ids.get(j));
                throw new PetabException(Kind.INVALID, objective.problem().yamlFile(), 0, "the estimated parameter '"
                        + ids.get(j) + "' has no finite bounds on its " + p.scale().id() + " scale (lowerBound "
                        + p.lowerBound() + ", upperBound " + p.upperBound() + "); give both in the parameter table to"
                        + " draw starts");
            }
        }
        double[][] points = startPoints(lower, upper, objective.nominalParameters(), settings.starts(), settings.seed(),
                settings.nominalFirst());
        FitFunction f = PetabFit.function(objective);
        AtomicBoolean failed = new AtomicBoolean();
        BooleanSupplier stop = () -> failed.get() || cancelled.getAsBoolean();
        int[] done = {0};
        List<Parallel.Task<Start>> tasks = new ArrayList<>();
        for (int k = 0; k < points.length; k++) {
            int index = k;
            tasks.add(() -> {
                Start s;
                try {
                    s = one(f, optimizer, index, points[index], settings.optimizer(), stop);
                } catch (PetabException | RuntimeException e) {
                    failed.set(true);
                    throw e;
                }
                if (progress != null) {
                    synchronized (done) {
                        done[0]++;
                        progress.finished(s, done[0], points.length);
                    }
                }
                return s;
            });
        }
        List<Start> starts = Parallel.run(tasks, settings.threads(), "mtorwb-fit", objective.problem().yamlFile());
        return new Result(ids, optimizer.id(), starts);
    }

    private static Start one(FitFunction f, Optimizer optimizer, int index, double[] x0, OptimizerSettings settings,
            BooleanSupplier cancelled) throws PetabException {
        if (cancelled.getAsBoolean()) {
            return new Start(index, x0, x0, Double.NaN, 0, 0, 0, 0, OptimizerResult.Exit.CANCELLED);
        }
        long t0 = System.nanoTime();
        OptimizerResult r = optimizer.minimize(f, x0, settings, cancelled);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double llh = Double.isFinite(r.value()) ? -r.value() : Double.NaN;
        return new Start(index, x0, r.x(), llh, r.iterations(), r.evaluations(), r.derivativeEvaluations(), seconds,
                r.exit());
    }
}
