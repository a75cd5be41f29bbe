package org.mtorworkbench.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.simulation.SimulationException;

/**
 * A drug-combination matrix: two drugs on dose grids (each with its zero dose), a readout,
 * and per cell the excess of the observed effect over the effect expected without
 * interaction under Bliss independence, Loewe additivity and the highest single agent (HSA).
 * Effects are fractional inhibitions of the readout relative to the untreated control:
 * {@code E = 1 - R / R(0,0)}.
 */
public final class Combination {

    /** Reference models of no interaction. */
    public enum Model {
        /** E_AB = E_A + E_B - E_A E_B. */
        BLISS,
        /** a / D_A(E) + b / D_B(E) = 1 with D_X the single-agent dose for effect E (from Hill fits). */
        LOEWE,
        /** E_AB = max(E_A, E_B). */
        HSA
    }

    /** Mean excess above this is synergy, below its negative antagonism: 0.05 (five points of effect). */
    public static final double THRESHOLD = 0.05;

    /**
     * @param dosesA doses of drug A with 0 first
     * @param dosesB doses of drug B with 0 first
     * @param response readout values [a][b]
     * @param effect fractional inhibition [a][b]
     * @param excess excess over each model [model ordinal][a][b] (NaN where a single agent is alone)
     * @param score mean excess over the cells with both drugs, per model
     * @param table the tidy table
     */
    public record Result(String drugA, String drugB, String readout, ReadoutTime time, double[] dosesA,
            double[] dosesB, double[][] response, double[][] effect, double[][][] excess, double[] score,
            Table table) {

        /** @return synergy, additive or antagonism under a model, by the stated threshold */
        public String classification(Model m) {
            double s = score[m.ordinal()];
            return s > THRESHOLD ? "synergy" : s < -THRESHOLD ? "antagonism" : "additive";
        }
    }

    private Combination() {
    }

    public static Result run(Cells cells, String context, String drugA, double[] dosesA, String drugB,
            double[] dosesB, String readout, ReadoutTime time, BatchRunner runner, Progress progress,
            Cancellation cancellation) throws SimulationException {
        if (drugA.equals(drugB)) {
            throw new IllegalArgumentException("a combination needs two different drugs");
        }
        double[] a = DoseResponse.withControl(dosesA);
        double[] b = DoseResponse.withControl(dosesB);
        RunBatch.Builder batch = new RunBatch.Builder(cells, List.of(readout), time);
        for (double da : a) {
            for (double db : b) {
                Map<String, Double> doses = new java.util.LinkedHashMap<>();
                if (da > 0) {
                    doses.put(drugA, da);
                }
                if (db > 0) {
                    doses.put(drugB, db);
                }
                batch.treat(ModelChanges.NONE, doses);
            }
        }
        List<Double> v = runner.run(batch.build(), progress, cancellation).stream().map(row -> row[0]).toList();
        double[][] r = new double[a.length][b.length];
        double[][] e = new double[a.length][b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                r[i][j] = v.get(i * b.length + j);
            }
        }
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                e[i][j] = 1 - r[i][j] / r[0][0];
            }
        }
        double[] singleA = new double[a.length];
        double[] singleB = new double[b.length];
        for (int i = 0; i < a.length; i++) {
            singleA[i] = r[i][0];
        }
        for (int j = 0; j < b.length; j++) {
            singleB[j] = r[0][j];
        }
        DoubleUnaryOperator effectA = effectCurve(a, singleA, r[0][0]);
        DoubleUnaryOperator effectB = effectCurve(b, singleB, r[0][0]);
        double[][][] x = new double[3][a.length][b.length];
        double[] score = new double[3];
        int cellsWithBoth = 0;
        Table t = new Table(List.of("run", "context", "drug_a", "dose_a_nM", "drug_b", "dose_b_nM", "readout", "time",
                "value", "effect", "bliss_excess", "loewe_excess", "hsa_excess"));
        int run = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                boolean both = i > 0 && j > 0;
                for (Model m : Model.values()) {
                    x[m.ordinal()][i][j] = both ? e[i][j] - expected(m, e[i][0], e[0][j], a[i], b[j], effectA, effectB)
                            : Double.NaN;
                }
                if (both) {
                    cellsWithBoth++;
                    for (int k = 0; k < 3; k++) {
                        score[k] += x[k][i][j];
                    }
                }
                t.add(++run, context, drugA, a[i], drugB, b[j], readout, time.label(), r[i][j], e[i][j], x[0][i][j],
                        x[1][i][j], x[2][i][j]);
            }
        }
        for (int k = 0; k < 3; k++) {
            score[k] = cellsWithBoth == 0 ? Double.NaN : score[k] / cellsWithBoth;
        }
        return new Result(drugA, drugB, readout, time, a, b, r, e, x, score, t);
    }

    private static double expected(Model m, double ea, double eb, double da, double db, DoubleUnaryOperator effA,
            DoubleUnaryOperator effB) {
        return switch (m) {
            case BLISS -> ea + eb - ea * eb;
            case HSA -> Math.max(ea, eb);
            case LOEWE -> loewe(da, db, effA, effB);
        };
    }

    /** The single-agent effect as a function of dose, from a Hill fit of the responses (or the data when it fails). */
    private static DoubleUnaryOperator effectCurve(double[] doses, double[] responses, double control) {
        if (doses.length - 1 >= 4) {
            HillFit f = HillFit.fit(doses, responses);
            if (f.converged()) {
                return d -> 1 - f.predict(d) / control;
            }
        }
        return d -> {
            // piecewise linear in log dose through the measured points
            double prev = 0;
            double prevLog = Double.NEGATIVE_INFINITY;
            for (int i = 1; i < doses.length; i++) {
                double e = 1 - responses[i] / control;
                double lg = Math.log10(doses[i]);
                if (d <= doses[i]) {
                    return Double.isInfinite(prevLog) ? e * d / doses[i]
                            : prev + (e - prev) * (Math.log10(d) - prevLog) / (lg - prevLog);
                }
                prev = e;
                prevLog = lg;
            }
            return prev;
        };
    }

    /** Solves a / D_A(E) + b / D_B(E) = 1 for E by bisection; D_X(E) = +inf where X alone cannot reach E. */
    private static double loewe(double a, double b, DoubleUnaryOperator effA, DoubleUnaryOperator effB) {
        double hi = Math.max(effA.applyAsDouble(1e12), effB.applyAsDouble(1e12));
        double lo = 0;
        if (!(hi > 0)) {
            return 0;
        }
        for (int it = 0; it < 80; it++) {
            double mid = (lo + hi) / 2;
            double f = a / dose(effA, mid) + b / dose(effB, mid) - 1;
            if (f > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** The dose giving effect e, by bisection on log10 dose over [1e-6, 1e12] nM; +inf if unreachable. */
    private static double dose(DoubleUnaryOperator eff, double e) {
        double lo = -6;
        double hi = 12;
        if (eff.applyAsDouble(Math.pow(10, hi)) < e) {
            return Double.POSITIVE_INFINITY;
        }
        if (eff.applyAsDouble(Math.pow(10, lo)) >= e) {
            return Math.pow(10, lo);
        }
        for (int it = 0; it < 80; it++) {
            double mid = (lo + hi) / 2;
            if (eff.applyAsDouble(Math.pow(10, mid)) < e) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.pow(10, (lo + hi) / 2);
    }
}
