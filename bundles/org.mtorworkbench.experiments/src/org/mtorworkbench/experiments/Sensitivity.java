package org.mtorworkbench.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.simulation.SimulationException;

/**
 * Sensitivities of a readout to parameters. Local: scaled control coefficients
 * {@code (dR/R) / (dp/p)} by central differences of ±1%. Global: Morris elementary effects
 * over [p/2, 2p] on a log scale (four levels, reproducible by seed), reported as mu* (mean of
 * absolute effects) and sigma (their standard deviation). Sobol: first-order and total
 * variance-based indices over the same log-uniform ranges (see {@link SobolIndices}), with
 * bootstrap 95% intervals.
 */
public final class Sensitivity {

    /** The relative step of the local method. */
    public static final double STEP = 0.01;

    private Sensitivity() {
    }

    /** Local scaled coefficients of each readout to each parameter (at its current value). */
    public static Table local(Cells cells, Map<String, Double> parameters, Map<String, Double> doses,
            List<String> readouts, ReadoutTime time, BatchRunner runner, Progress progress, Cancellation cancellation)
            throws SimulationException {
        List<String> ids = List.copyOf(parameters.keySet());
        RunBatch.Builder batch = new RunBatch.Builder(cells, readouts, time).run(ModelChanges.NONE, doses);
        for (String id : ids) {
            double p = parameters.get(id);
            for (double f : new double[] { 1 + STEP, 1 - STEP }) {
                batch.run(ModelChanges.parameter(id, p * f), doses);
            }
        }
        List<double[]> v = runner.run(batch.build(), progress, cancellation);
        Table t = new Table(List.of("parameter", "value", "readout", "time", "readout_value", "coefficient"));
        for (int k = 0; k < ids.size(); k++) {
            double[] up = v.get(1 + 2 * k);
            double[] down = v.get(2 + 2 * k);
            for (int r = 0; r < readouts.size(); r++) {
                double base = v.get(0)[r];
                double coef = base == 0 ? Double.NaN : (up[r] - down[r]) / (2 * STEP * base);
                t.add(ids.get(k), parameters.get(ids.get(k)), readouts.get(r), time.label(), base, coef);
            }
        }
        return t;
    }

    /** Morris screening with {@code trajectories} one-at-a-time trajectories. */
    public static Table morris(Cells cells, Map<String, Double> parameters, Map<String, Double> doses,
            List<String> readouts, ReadoutTime time, int trajectories, long seed, BatchRunner runner,
            Progress progress, Cancellation cancellation) throws SimulationException {
        List<String> ids = List.copyOf(parameters.keySet());
        int k = ids.size();
        int levels = 4;
        double delta = levels / (2.0 * (levels - 1));
        Random rnd = new Random(seed);
        List<double[]> designs = new ArrayList<>();
        List<int[]> moved = new ArrayList<>();
        for (int t = 0; t < trajectories; t++) {
            double[] x = new double[k];
            for (int i = 0; i < k; i++) {
                x[i] = rnd.nextInt(levels / 2) / (double) (levels - 1);
            }
            designs.add(x.clone());
            moved.add(null);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                order.add(i);
            }
            java.util.Collections.shuffle(order, rnd);
            for (int i : order) {
                x[i] += delta;
                designs.add(x.clone());
                moved.add(new int[] { i });
            }
        }
        List<double[]> v = runner.run(tasks(cells, parameters, designs, doses, readouts, time, cancellation), progress,
                cancellation);
        double[][][] ee = new double[readouts.size()][k][trajectories];
        int[] count = new int[k];
        int row = 0;
        for (int t = 0; t < trajectories; t++) {
            row++;
            for (int s = 0; s < k; s++, row++) {
                int i = moved.get(row)[0];
                for (int r = 0; r < readouts.size(); r++) {
                    ee[r][i][count[i]] = (v.get(row)[r] - v.get(row - 1)[r]) / delta;
                }
                count[i]++;
            }
        }
        Table out = new Table(List.of("parameter", "value", "readout", "time", "mu_star", "sigma", "trajectories"));
        for (int i = 0; i < k; i++) {
            for (int r = 0; r < readouts.size(); r++) {
                double sumAbs = 0;
                double sum = 0;
                for (int t = 0; t < trajectories; t++) {
                    sumAbs += Math.abs(ee[r][i][t]);
                    sum += ee[r][i][t];
                }
                double mean = sum / trajectories;
                double var = 0;
                for (int t = 0; t < trajectories; t++) {
                    var += (ee[r][i][t] - mean) * (ee[r][i][t] - mean);
                }
                double sigma = trajectories > 1 ? Math.sqrt(var / (trajectories - 1)) : 0;
                out.add(ids.get(i), parameters.get(ids.get(i)), readouts.get(r), time.label(), sumAbs / trajectories,
                        sigma, trajectories);
            }
        }
        return out;
    }

    /**
     * One run per point of the unit cube, each parameter at {@code p * 4^(u - 1/2)}: log scale over [p/2, 2p].
     */
    private static RunBatch tasks(Cells cells, Map<String, Double> parameters, List<double[]> points,
            Map<String, Double> doses, List<String> readouts, ReadoutTime time, Cancellation cancellation) {
        List<String> ids = List.copyOf(parameters.keySet());
        RunBatch.Builder batch = new RunBatch.Builder(cells, readouts, time);
        for (double[] u : points) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                values.put(ids.get(i), parameters.get(ids.get(i)) * Math.pow(4, u[i] - 0.5));
            }
            batch.run(new ModelChanges(values, Map.of(), java.util.Set.of()), doses);
        }
        return batch.build();
    }

    /**
     * Sobol indices of each readout to the parameters, each varied log-uniformly over
     * [p/2, 2p]: {@code samples (k + 2)} runs for k parameters.
     *
     * @param samples base sample size n (rows of A and B)
     * @param bootstrap resamples for the 95% intervals
     */
    public static Table sobol(Cells cells, Map<String, Double> parameters, Map<String, Double> doses,
            List<String> readouts, ReadoutTime time, int samples, int bootstrap, long seed, BatchRunner runner,
            Progress progress, Cancellation cancellation) throws SimulationException {
        List<String> ids = List.copyOf(parameters.keySet());
        int k = ids.size();
        double[][][] ab = SobolIndices.sample(samples, k);
        List<double[]> points = new ArrayList<>(List.of(ab[0]));
        points.addAll(List.of(ab[1]));
        for (int i = 0; i < k; i++) {
            points.addAll(List.of(SobolIndices.mix(ab[0], ab[1], i)));
        }
        List<double[]> v = runner.run(tasks(cells, parameters, points, doses, readouts, time, cancellation), progress,
                cancellation);
        Table out = new Table(List.of("parameter", "value", "readout", "time", "first_order", "first_order_low",
                "first_order_high", "total", "total_low", "total_high", "samples"));
        List<SobolIndices.Result> results = new ArrayList<>();
        for (int r = 0; r < readouts.size(); r++) {
            double[] fa = new double[samples];
            double[] fb = new double[samples];
            double[][] fab = new double[k][samples];
            for (int j = 0; j < samples; j++) {
                fa[j] = v.get(j)[r];
                fb[j] = v.get(samples + j)[r];
                for (int i = 0; i < k; i++) {
                    fab[i][j] = v.get((2 + i) * samples + j)[r];
                }
            }
            results.add(SobolIndices.estimate(fa, fb, fab, bootstrap, seed));
        }
        for (int i = 0; i < k; i++) {
            for (int r = 0; r < readouts.size(); r++) {
                SobolIndices.Result s = results.get(r);
                out.add(ids.get(i), parameters.get(ids.get(i)), readouts.get(r), time.label(), s.first()[i],
                        s.firstLow()[i], s.firstHigh()[i], s.total()[i], s.totalLow()[i], s.totalHigh()[i], samples);
            }
        }
        return out;
    }
}
