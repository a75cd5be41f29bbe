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
 * absolute effects) and sigma (their standard deviation).
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
        List<BatchRunner.Task<double[]>> tasks = new ArrayList<>();
        tasks.add(() -> cells.treat(doses, Map.of(), readouts, time, cancellation));
        for (String id : ids) {
            double p = parameters.get(id);
            for (double f : new double[] { 1 + STEP, 1 - STEP }) {
                Cells c = cells.with(ModelChanges.parameter(id, p * f));
                tasks.add(() -> c.treat(doses, Map.of(), readouts, time, cancellation));
            }
        }
        List<double[]> v = runner.run(tasks, progress, cancellation);
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
        List<BatchRunner.Task<double[]>> tasks = new ArrayList<>();
        for (double[] x : designs) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (int i = 0; i < k; i++) {
                values.put(ids.get(i), parameters.get(ids.get(i)) * Math.pow(4, x[i] - 0.5));
            }
            Cells c = cells.with(new ModelChanges(values, Map.of(), java.util.Set.of()));
            tasks.add(() -> c.treat(doses, Map.of(), readouts, time, cancellation));
        }
        List<double[]> v = runner.run(tasks, progress, cancellation);
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
}
