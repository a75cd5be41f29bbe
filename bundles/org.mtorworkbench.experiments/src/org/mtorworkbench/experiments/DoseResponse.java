package org.mtorworkbench.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.simulation.SimulationException;

/**
 * A dose-response experiment: one drug at a series of doses (plus the untreated control),
 * a readout at a time or at steady state, and a four-parameter Hill fit.
 */
public final class DoseResponse {

    /**
     * @param drug the drug id
     * @param doses the doses, nM, ascending, starting with 0 (the control)
     * @param responses the readout at each dose
     * @param fit the Hill fit over the positive doses
     * @param table the tidy table
     */
    public record Result(String drug, String readout, ReadoutTime time, double[] doses, double[] responses, HillFit fit,
            Table table) {
    }

    private DoseResponse() {
    }

    /**
     * @return {@code n} doses from {@code low} to {@code high}, evenly spaced on a log scale
     */
    public static double[] logDoses(double low, double high, int n) {
        if (!(low > 0 && high > low && n >= 2)) {
            throw new IllegalArgumentException("need 0 < low < high and n >= 2");
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Math.pow(10, Math.log10(low) + (Math.log10(high) - Math.log10(low)) * i / (n - 1));
        }
        return d;
    }

    /** Runs the doses (the control, dose 0, is added when absent) in parallel. */
    public static Result run(Cells cells, String context, String drug, double[] doses, String readout,
            ReadoutTime time, BatchRunner runner, Progress progress, Cancellation cancellation)
            throws SimulationException {
        return run(cells, context, drug, doses, List.of(readout), time, runner, progress, cancellation).get(0);
    }

    /**
     * Runs the doses once and reads out several readouts: one result (with its own fit) per
     * readout, in the order given.
     */
    public static List<Result> run(Cells cells, String context, String drug, double[] doses, List<String> readouts,
            ReadoutTime time, BatchRunner runner, Progress progress, Cancellation cancellation)
            throws SimulationException {
        if (cells.drugs().find(drug).isEmpty()) {
            throw new IllegalArgumentException("unknown drug '" + drug + "'");
        }
        if (readouts.isEmpty()) {
            throw new IllegalArgumentException("a dose-response needs at least one readout");
        }
        double[] all = withControl(doses);
        RunBatch.Builder batch = new RunBatch.Builder(cells, readouts, time);
        for (double d : all) {
            batch.treat(ModelChanges.NONE, d == 0 ? Map.of() : Map.of(drug, d));
        }
        List<double[]> values = runner.run(batch.build(), progress, cancellation);
        List<Result> out = new ArrayList<>();
        for (int r = 0; r < readouts.size(); r++) {
            double[] y = new double[all.length];
            for (int i = 0; i < all.length; i++) {
                y[i] = values.get(i)[r];
            }
            HillFit fit = HillFit.fit(all, y);
            Table t = new Table(List.of("run", "context", "drug", "dose_nM", "readout", "time", "value", "fitted"));
            for (int i = 0; i < all.length; i++) {
                t.add(i + 1, context, drug, all[i], readouts.get(r), time.label(), y[i], fit.predict(all[i]));
            }
            out.add(new Result(drug, readouts.get(r), time, all, y, fit, t));
        }
        return out;
    }

    /**
     * @return the doses sorted, with the untreated control at 0 nM first
     * @throws IllegalArgumentException for no doses, or a dose that is negative or not finite
     */
    public static double[] withControl(double[] doses) {
        double[] sorted = doses.clone();
        java.util.Arrays.sort(sorted);
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no doses given: give at least one dose in nM");
        }
        for (double d : sorted) {
            if (!(d >= 0) || !Double.isFinite(d)) {
                throw new IllegalArgumentException("doses must be finite and >= 0 nM, not " + d);
            }
        }
        if (sorted[0] == 0) {
            return sorted;
        }
        double[] all = new double[sorted.length + 1];
        System.arraycopy(sorted, 0, all, 1, sorted.length);
        return all;
    }
}
