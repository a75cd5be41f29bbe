package org.mtorworkbench.simulation;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Many independent trajectories of one {@link Simulation} with a stochastic solver, summarised
 * per output time: mean, sample standard deviation and percentiles. Run {@code i} draws from
 * its own seed, the {@code i}-th number of a SplitMix64 stream started at the ensemble's seed
 * ({@link SolverOptions#SEED}), so the result depends on the seed and the number of runs only,
 * never on the number of threads. Immutable.
 */
public final class Ensemble {

    /** The percentiles reported, in percent. */
    public static final List<Double> PERCENTILES = List.of(2.5, 25.0, 50.0, 75.0, 97.5);

    private final double[] times;
    private final List<Output> outputs;
    private final int runs;
    /** values[run][row][column] */
    private final double[][][] values;

    private Ensemble(double[] times, List<Output> outputs, double[][][] values) {
        this.times = times;
        this.outputs = outputs;
        this.runs = values.length;
        this.values = values;
    }

    /** @return the seed of run {@code i} of an ensemble seeded with {@code seed} */
    public static long runSeed(long seed, int i) {
        SplittableRandom r = new SplittableRandom(seed);
        long s = 0;
        for (int k = 0; k <= i; k++) {
            s = r.nextLong();
        }
        return s;
    }

    /**
     * Runs {@code runs} trajectories on up to {@code threads} threads.
     *
     * @throws IllegalArgumentException when the solver is not stochastic (its runs would all be equal) or runs < 1
     */
    public static Ensemble run(Simulation simulation, double[] times, List<Output> outputs, SolverOptions options,
            int runs, int threads, BooleanSupplier cancelled) throws SimulationException {
        Solver solver = options.get(SolverOptions.SOLVER);
        if (!solver.isStochastic()) {
            throw new IllegalArgumentException("an ensemble needs a stochastic solver (ssa, next-reaction), not "
                    + solver + ", whose runs would all be the same");
        }
        if (runs < 1 || threads < 1) {
            throw new IllegalArgumentException("an ensemble needs at least one run and one thread");
        }
        long seed = options.get(SolverOptions.SEED);
        SplittableRandom r = new SplittableRandom(seed);
        long[] seeds = new long[runs];
        for (int i = 0; i < runs; i++) {
            seeds[i] = r.nextLong();
        }
        double[][][] v = new double[runs][][];
        if (threads == 1 || runs == 1) {
            for (int i = 0; i < runs; i++) {
                v[i] = one(simulation, times, outputs, options.withSeed(seeds[i]), cancelled);
            }
            return new Ensemble(times.clone(), List.copyOf(outputs), v);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, runs), t -> {
            Thread th = new Thread(t, "mtorwb-ensemble");
            th.setDaemon(true);
            return th;
        });
        try {
            @SuppressWarnings("unchecked")
            Future<double[][]>[] f = new Future[runs];
            for (int i = 0; i < runs; i++) {
                SolverOptions o = options.withSeed(seeds[i]);
                f[i] = pool.submit(() -> one(simulation, times, outputs, o, cancelled));
            }
            for (int i = 0; i < runs; i++) {
                v[i] = f[i].get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulationException(SimulationException.Kind.CANCELLED, "the ensemble was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SimulationException s) {
                throw s;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Ensemble(times.clone(), List.copyOf(outputs), v);
    }

    private static double[][] one(Simulation s, double[] times, List<Output> outputs, SolverOptions o,
            BooleanSupplier cancelled) throws SimulationException {
        TimeCourse tc = s.run(times, outputs, o, cancelled);
        double[][] out = new double[tc.size()][outputs.size()];
        for (int i = 0; i < out.length; i++) {
            for (int c = 0; c < outputs.size(); c++) {
                out[i][c] = tc.value(i, c);
            }
        }
        return out;
    }

    public int runs() {
        return runs;
    }

    public List<Output> outputs() {
        return outputs;
    }

    public int size() {
        return times.length;
    }

    public double time(int row) {
        return times[row];
    }

    /** @return the value of output {@code column} at {@code row} in run {@code run} */
    public double value(int run, int row, int column) {
        return values[run][row][column];
    }

    /** @return the mean over the runs */
    public double mean(int row, int column) {
        double s = 0;
        for (double[][] r : values) {
            s += r[row][column];
        }
        return s / runs;
    }

    /** @return the sample standard deviation over the runs (NaN for one run) */
    public double standardDeviation(int row, int column) {
        if (runs < 2) {
            return Double.NaN;
        }
        double m = mean(row, column);
        double s = 0;
        for (double[][] r : values) {
            double d = r[row][column] - m;
            s += d * d;
        }
        return Math.sqrt(s / (runs - 1));
    }

    /**
     * @param percent in [0, 100]
     * @return the percentile over the runs, interpolated linearly between order statistics (the
     *         sample quantile of Hyndman and Fan's definition 7, as R and NumPy compute by default)
     */
    public double percentile(int row, int column, double percent) {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("percentile " + percent + " is not in [0, 100]");
        }
        double[] x = new double[runs];
        for (int i = 0; i < runs; i++) {
            x[i] = values[i][row][column];
        }
        Arrays.sort(x);
        double h = (runs - 1) * percent / 100;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, runs - 1);
        return x[lo] + (h - lo) * (x[hi] - x[lo]);
    }
}
