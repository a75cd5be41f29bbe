package org.mtorworkbench.ui.views.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mtorworkbench.experiments.Combination;
import org.mtorworkbench.experiments.DoseResponse;
import org.mtorworkbench.experiments.Population;
import org.mtorworkbench.experiments.Scan;
import org.mtorworkbench.experiments.Table;
import org.mtorworkbench.experiments.extension.DesignResult;
import org.mtorworkbench.simulation.TimeCourse;

/**
 * How a design's result is drawn, from what it is rather than which design gave it: a time
 * course as curves, a dose-response as its points and Hill fit, a combination as response and
 * Bliss heatmaps, a grid scan as curves (one axis) or a heatmap per readout (two), a
 * sensitivity as bars sorted by size, a steady state as bars untreated and treated, and any
 * other table (a context panel, a knockout screen, another bundle's design) as bars of its
 * numeric columns; a population as a histogram of its fold changes beside bars of its biomarker
 * candidates' rank correlations.
 */
final class Presentations {

    private Presentations() {
    }

    /**
     * @param label what was run, for legends and titles
     * @param millis how long it took
     */
    static ResultRun of(DesignResult result, String label, long millis) {
        Table t = result.table();
        if (result.detail() instanceof TimeCourse tc) {
            return timeCourse(tc, label, t, millis);
        }
        if (result.detail() instanceof DoseResponse.Result r) {
            return doseResponse(r, label, t, millis);
        }
        if (result.detail() instanceof Combination.Result r) {
            return combination(r, label, t, millis);
        }
        if (result.detail() instanceof Population.Result r) {
            return population(r, label, t, millis);
        }
        if (result.detail() instanceof Scan.Grid g && g.axes().size() <= 2) {
            return g.axes().size() == 1 ? scan(g.axes().get(0), label, t, millis) : scan2d(g, label, t, millis);
        }
        if (result.detail() instanceof List<?> parameters && t.columns().get(0).equals("parameter")) {
            return sensitivity(parameters.stream().map(String::valueOf).toList(), label, t, millis);
        }
        if (!t.columns().isEmpty() && t.columns().get(0).equals("readout")
                && (t.columns().contains("steady_state") || t.columns().contains("untreated"))) {
            return steadyState(label, t, millis);
        }
        return table(label, t, millis);
    }

    private static ResultRun timeCourse(TimeCourse tc, String label, Table t, long millis) {
        List<Curve> curves = new ArrayList<>();
        for (String id : t.columns().subList(1, t.columns().size())) {
            curves.add(new Curve(label + " " + id, tc.times(), tc.column(id), false));
        }
        return new ResultRun(ResultKind.TIME_COURSE, label, curves, Double.NaN, List.of(), null, t, millis);
    }

    private static ResultRun doseResponse(DoseResponse.Result r, String label, Table t, long millis) {
        double ic50 = r.fit().ic50();
        List<Double> dx = new ArrayList<>();
        List<Double> dy = new ArrayList<>();
        for (int i = 0; i < r.doses().length; i++) {
            if (r.doses()[i] > 0) {
                dx.add(r.doses()[i]);
                dy.add(r.responses()[i]);
            }
        }
        double[] x = dx.stream().mapToDouble(Double::doubleValue).toArray();
        List<Curve> curves = new ArrayList<>();
        curves.add(new Curve(label + " " + r.readout(), x, dy.stream().mapToDouble(Double::doubleValue).toArray(),
                true));
        if (x.length >= 2) {
            double[] fx = DoseResponse.logDoses(x[0], x[x.length - 1], 120);
            double[] fy = new double[fx.length];
            for (int i = 0; i < fx.length; i++) {
                fy[i] = r.fit().predict(fx[i]);
            }
            curves.add(new Curve(String.format(Locale.ROOT, "Hill fit (IC50 %.3g nM, n %.2f)", ic50, r.fit().hill()),
                    fx, fy, false));
        }
        return new ResultRun(ResultKind.DOSE_RESPONSE, label, curves, ic50, List.of(), null, t, millis);
    }

    /** How many biomarker candidates the population's bar chart shows, the leading ones. */
    static final int BIOMARKERS = 15;

    /**
     * The fold changes as a histogram (responders stacked on non-responders, the threshold
     * marked) and the leading biomarker candidates as bars: each varied quantity's Spearman
     * rank correlation with being a responder and with the fold change, signed, in the order
     * of {@link Population#biomarkers} (the best separating first).
     */
    private static ResultRun population(Population.Result r, String label, Table t, long millis) {
        List<Population.Biomarker> all = Population.biomarkers(r);
        List<Population.Biomarker> shown = all.subList(0, Math.min(BIOMARKERS, all.size()));
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("rho with response", shown.stream().mapToDouble(Population.Biomarker::withResponse).toArray());
        series.put("rho with fold change", shown.stream().mapToDouble(Population.Biomarker::withFold).toArray());
        String category = shown.size() < all.size() ? "varied quantity (the best " + shown.size() + " of "
                + all.size() + ")" : "varied quantity";
        Bars bars = new Bars(category, "Spearman rank correlation", shown.stream().map(Population.Biomarker::id)
                .toList(), series);
        return new ResultRun(ResultKind.POPULATION, label, List.of(), Double.NaN, List.of(), bars, t, millis,
                Histogram.of(r, label));
    }

    private static ResultRun combination(Combination.Result r, String label, Table t, long millis) {
        double bliss = r.score()[Combination.Model.BLISS.ordinal()];
        String a = r.drugA();
        String b = r.drugB();
        Heat response = new Heat("Combination: " + label + " - response", a + " (nM)", b + " (nM)", r.dosesA(),
                r.dosesB(), r.response(), "response", false);
        Heat excess = new Heat(String.format(Locale.ROOT, "Combination: %s - Bliss excess %+.3f: %s", label, bliss,
                r.classification(Combination.Model.BLISS)), a + " (nM)", b + " (nM)", r.dosesA(), r.dosesB(),
                r.excess()[Combination.Model.BLISS.ordinal()], "Bliss excess (synergy > 0)", true);
        return new ResultRun(ResultKind.COMBINATION, label, List.of(), Double.NaN, List.of(response, excess), null, t,
                millis);
    }

    /** The value of each row of a scan's table, in row order. */
    private static double[] values(Table table) {
        int valueColumn = table.columns().indexOf("value");
        return table.rows().stream().mapToDouble(row -> ((Number) row.get(valueColumn)).doubleValue()).toArray();
    }

    private static List<String> readouts(Table t) {
        int c = t.columns().indexOf("readout");
        List<String> l = new ArrayList<>();
        for (List<Object> row : t.rows()) {
            String r = String.valueOf(row.get(c));
            if (!l.contains(r)) {
                l.add(r);
            }
        }
        return l;
    }

    private static ResultRun scan(Scan.Axis axis, String label, Table t, long millis) {
        double[] v = values(t);
        double[] x = axis.values();
        List<String> readouts = readouts(t);
        List<Curve> curves = new ArrayList<>();
        for (int r = 0; r < readouts.size(); r++) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = v[i * readouts.size() + r];
            }
            curves.add(new Curve(label + " " + readouts.get(r), x, y, false));
        }
        return new ResultRun(ResultKind.SCAN, label, curves, Double.NaN, List.of(), null, t, millis);
    }

    /** A grid of two parameters (the first varying slowest); a heatmap per readout. */
    private static ResultRun scan2d(Scan.Grid g, String label, Table t, long millis) {
        double[] v = values(t);
        List<String> readouts = readouts(t);
        double[] xs = g.axes().get(0).values();
        double[] ys = g.axes().get(1).values();
        List<Heat> heats = new ArrayList<>();
        for (int r = 0; r < readouts.size(); r++) {
            double[][] m = new double[xs.length][ys.length];
            for (int a = 0; a < xs.length; a++) {
                for (int b = 0; b < ys.length; b++) {
                    m[a][b] = v[(a * ys.length + b) * readouts.size() + r];
                }
            }
            heats.add(new Heat("Parameter scan (2-D): " + label + " - " + readouts.get(r), g.axes().get(0).id(),
                    g.axes().get(1).id(), xs, ys, m, readouts.get(r), false));
        }
        return new ResultRun(ResultKind.SCAN_2D, label, List.of(), Double.NaN, heats, null, t, millis);
    }

    /**
     * Local coefficients, Morris mu* or Sobol total indices of each readout to each parameter;
     * bars sorted by the largest absolute value over the readouts.
     */
    private static ResultRun sensitivity(List<String> ids, String label, Table t, long millis) {
        String column = t.columns().contains("mu_star") ? "mu_star" : t.columns().contains("total") ? "total"
                : "coefficient";
        int valueColumn = t.columns().indexOf(column);
        Map<String, double[]> byReadout = new LinkedHashMap<>();
        for (String r : readouts(t)) {
            byReadout.put(r, new double[ids.size()]);
        }
        for (List<Object> row : t.rows()) {
            byReadout.get((String) row.get(2))[ids.indexOf((String) row.get(0))] = ((Number) row.get(valueColumn))
                    .doubleValue();
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -largest(byReadout, i)));
        Map<String, double[]> series = new LinkedHashMap<>();
        byReadout.forEach((r, values) -> series.put(r, order.stream().mapToDouble(i -> values[i]).toArray()));
        String axis = switch (column) {
            case "mu_star" -> "Morris mu* (mean |elementary effect|)";
            case "total" -> "Sobol total index";
            default -> "scaled coefficient (dR/R)/(dp/p)";
        };
        Bars bars = new Bars("parameter", axis, order.stream().map(ids::get).toList(), series);
        return new ResultRun(ResultKind.SENSITIVITY, label, List.of(), Double.NaN, List.of(), bars, t, millis);
    }

    private static double largest(Map<String, double[]> byReadout, int i) {
        double m = 0;
        for (double[] v : byReadout.values()) {
            if (Double.isFinite(v[i])) {
                m = Math.max(m, Math.abs(v[i]));
            }
        }
        return m;
    }

    /** Bars per readout: untreated and, with drugs, treated (the column {@code drug}'s doses in words). */
    private static ResultRun steadyState(String label, Table t, long millis) {
        boolean treated = t.columns().contains("treated");
        List<String> readouts = new ArrayList<>();
        List<Double> untreated = new ArrayList<>();
        List<Double> after = new ArrayList<>();
        String condition = "treated";
        for (List<Object> row : t.rows()) {
            readouts.add(String.valueOf(row.get(0)));
            untreated.add(((Number) row.get(t.columns().indexOf(treated ? "untreated" : "steady_state")))
                    .doubleValue());
            if (treated) {
                after.add(((Number) row.get(t.columns().indexOf("treated"))).doubleValue());
                Object dose = row.get(t.columns().indexOf("dose_nM"));
                condition = row.get(t.columns().indexOf("drug")) + (dose instanceof Number n ? " "
                        + Numbers.format(n.doubleValue()) + " nM" : "");
            }
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("untreated", untreated.stream().mapToDouble(Double::doubleValue).toArray());
        if (treated) {
            series.put(condition, after.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return new ResultRun(ResultKind.STEADY_STATE, label, List.of(), Double.NaN, List.of(),
                new Bars("readout", "steady state", readouts, series), t, millis);
    }

    /** Any other table: a bar per row (its text columns joined), a series per numeric column. */
    private static ResultRun table(String label, Table t, long millis) {
        List<Integer> numeric = new ArrayList<>();
        List<Integer> text = new ArrayList<>();
        List<List<Object>> rows = t.rows();
        for (int c = 0; c < t.columns().size(); c++) {
            int col = c;
            (!rows.isEmpty() && rows.stream().allMatch(r -> r.get(col) instanceof Number) ? numeric : text).add(c);
        }
        List<String> categories = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<Object> row = rows.get(i);
            String name = String.join(" ", text.stream().map(c -> String.valueOf(row.get(c))).toList());
            categories.add(name.isEmpty() || categories.contains(name) ? (i + 1) + " " + name : name);
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        for (int c : numeric) {
            series.put(t.columns().get(c), rows.stream().mapToDouble(r -> ((Number) r.get(c)).doubleValue()).toArray());
        }
        return new ResultRun(ResultKind.TABLE, label, List.of(), Double.NaN, List.of(),
                new Bars(text.isEmpty() ? "row" : String.join(", ", text.stream().map(t.columns()::get).toList()),
                        "value", categories, series), t, millis);
    }
}
