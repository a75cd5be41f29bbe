package org.mtorworkbench.ui.views.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.mtorworkbench.experiments.BatchRunner;
import org.mtorworkbench.experiments.Cancellation;
import org.mtorworkbench.experiments.Cells;
import org.mtorworkbench.experiments.Combination;
import org.mtorworkbench.experiments.DoseResponse;
import org.mtorworkbench.experiments.PreparedModel;
import org.mtorworkbench.experiments.Progress;
import org.mtorworkbench.experiments.ReadoutTime;
import org.mtorworkbench.experiments.Scan;
import org.mtorworkbench.experiments.Sensitivity;
import org.mtorworkbench.experiments.Table;
import org.mtorworkbench.network.DrugCatalogue;
import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.network.extension.Contributions;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SolverOptions;
import org.mtorworkbench.simulation.SteadyState;
import org.mtorworkbench.simulation.TimeCourse;
import org.sbml.jsbml.SBMLDocument;

/**
 * What the launcher asks for: a model, a design and its perturbations. Checked when made,
 * so a bad field is reported in the launcher before any job starts.
 *
 * @param modelName the model's name for titles
 * @param document gives the model (called in the job; the model is compiled there, never changed)
 * @param design the design
 * @param drug the drug id, or empty for none
 * @param doses the doses in nM: the dose of a time course, steady state, scan or sensitivity,
 *        the series of a dose-response, drug A's of a combination
 * @param context the cell context id
 * @param knockouts species held at zero in every run
 * @param readouts the readout ids
 * @param minutes the time course's end, or the readout time; NaN for the steady state
 * @param axes the scanned parameters: one for a 1-D scan, two for a 2-D scan, none otherwise
 * @param drugB the second drug of a combination, empty otherwise
 * @param dosesB its doses, nM
 * @param sensitivity the method and parameters of a sensitivity analysis
 * @param unit the unit of times in labels
 */
public record ExperimentSpec(String modelName, Supplier<SBMLDocument> document, Design design, String drug,
        double[] doses, String context, List<String> knockouts, List<String> readouts, double minutes,
        List<Scan.Axis> axes, String drugB, double[] dosesB, SensitivitySpec sensitivity, TimeUnit unit) {

    /** Points of a time course. */
    static final int TIME_POINTS = 200;

    /**
     * How sensitivities are computed.
     *
     * @param morris Morris screening rather than local coefficients
     * @param parameters the parameters varied; empty for every constant, non-zero global parameter
     * @param trajectories Morris trajectories (at least 2)
     * @param seed Morris' random seed
     */
    public record SensitivitySpec(boolean morris, List<String> parameters, int trajectories, long seed) {

        /** Local coefficients of every parameter. */
        public static final SensitivitySpec LOCAL = new SensitivitySpec(false, List.of(), 10, 1);

        public SensitivitySpec {
            parameters = List.copyOf(parameters);
            if (morris && trajectories < 2) {
                throw new IllegalArgumentException("Morris screening needs at least 2 trajectories");
            }
        }
    }

    public ExperimentSpec {
        doses = doses.clone();
        dosesB = dosesB.clone();
        readouts = List.copyOf(readouts);
        knockouts = List.copyOf(knockouts);
        axes = List.copyOf(axes);
        if (readouts.isEmpty()) {
            throw new IllegalArgumentException("choose at least one readout");
        }
        if (design == Design.DOSE_RESPONSE && (drug.isEmpty() || doses.length < 4)) {
            throw new IllegalArgumentException("a dose-response needs a drug and at least 4 doses");
        }
        if (design == Design.COMBINATION && (drug.isEmpty() || drugB.isEmpty() || drug.equals(drugB)
                || doses.length == 0 || dosesB.length == 0)) {
            throw new IllegalArgumentException("a combination needs two different drugs, each with doses");
        }
        if (design == Design.TIME_COURSE && Double.isNaN(minutes)) {
            throw new IllegalArgumentException("a time course needs an end time");
        }
        if (design == Design.SCAN && axes.size() != 1) {
            throw new IllegalArgumentException("a scan needs a parameter axis ID=FROM:TO:N[:log]");
        }
        if (design == Design.SCAN_2D && (axes.size() != 2 || axes.get(0).id().equals(axes.get(1).id()))) {
            throw new IllegalArgumentException("a 2-D scan needs two axes ID=FROM:TO:N[:log] of different parameters");
        }
        if (!drug.isEmpty() && doses.length == 0) {
            throw new IllegalArgumentException("give a dose of " + drug + " (nM), or choose no drug");
        }
    }

    /**
     * Parses doses: a comma-separated list ({@code 0.1, 1, 10}) or {@code LOW:HIGH:N}, N doses
     * evenly spaced on a log scale.
     */
    public static double[] parseDoses(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return new double[0];
        }
        String[] range = t.split(":");
        if (range.length == 3) {
            return DoseResponse.logDoses(Double.parseDouble(range[0].trim()), Double.parseDouble(range[1].trim()),
                    Integer.parseInt(range[2].trim()));
        }
        String[] parts = t.split("[,;\\s]+");
        double[] d = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            d[i] = Double.parseDouble(parts[i]);
            if (!(d[i] >= 0)) {
                throw new IllegalArgumentException("doses must be >= 0 nM, not " + parts[i]);
            }
        }
        return d;
    }

    /** @return the readout time of a dose-response, combination, scan or sensitivity */
    ReadoutTime readoutTime() {
        return Double.isNaN(minutes) ? ReadoutTime.steadyState() : ReadoutTime.at(minutes);
    }

    /** @return a short description for job names, titles and legends */
    public String describe() {
        return design.label() + ": " + conditions();
    }

    /** @return the drug, context and readout time, for legends */
    public String conditions() {
        StringBuilder sb = new StringBuilder();
        if (design == Design.COMBINATION) {
            sb.append(drug).append(" x ").append(drugB);
        } else if (!drug.isEmpty()) {
            sb.append(drug);
            if (design != Design.DOSE_RESPONSE) {
                sb.append(' ').append(Numbers.format(doses[0])).append(" nM");
            }
        } else {
            sb.append("untreated");
        }
        if (!axes.isEmpty()) {
            sb.append(", ").append(String.join(" x ", axes.stream().map(Scan.Axis::id).toList()));
        }
        if (design == Design.SENSITIVITY) {
            sb.append(", ").append(sensitivity.morris() ? "Morris" : "local");
        }
        sb.append(", ").append(context);
        if (!knockouts.isEmpty()) {
            sb.append(", KO ").append(String.join("+", knockouts));
        }
        if (design != Design.STEADY_STATE) {
            sb.append(", ").append(Double.isNaN(minutes) ? "steady state"
                    : Numbers.format(unit.fromMinutes(minutes)) + " " + unit.symbol());
        }
        return sb.toString();
    }

    private Map<String, Double> treatment() {
        return drug.isEmpty() ? Map.of() : Map.of(drug, doses[0]);
    }

    /** Runs the experiment (in a job: it takes seconds to minutes). */
    public ResultRun run(SolverOptions options, int threads, Progress progress, Cancellation cancellation)
            throws SimulationException {
        long start = System.nanoTime();
        PreparedModel model = PreparedModel.of(document.get());
        DrugCatalogue drugs = Contributions.drugs();
        ModelChanges state = Contributions.contexts().find(context)
                .orElseThrow(() -> new IllegalArgumentException("unknown cell context '" + context + "'")).changes()
                .and(new ModelChanges(Map.of(), Map.of(), Set.copyOf(knockouts)));
        Cells cells = new Cells(model, state, drugs, options);
        BatchRunner runner = new BatchRunner(threads);
        ResultRun partial = switch (design) {
            case TIME_COURSE -> timeCourse(cells, progress, cancellation);
            case STEADY_STATE -> steadyState(cells, progress, cancellation);
            case DOSE_RESPONSE -> doseResponse(cells, runner, progress, cancellation);
            case COMBINATION -> combination(cells, runner, progress, cancellation);
            case SCAN -> scan(cells, runner, progress, cancellation);
            case SCAN_2D -> scan2d(cells, runner, progress, cancellation);
            case SENSITIVITY -> sensitivity(cells, runner, progress, cancellation);
        };
        return new ResultRun(design, partial.label(), partial.curves(), partial.ic50(), partial.heats(),
                partial.bars(), partial.table(), (System.nanoTime() - start) / 1_000_000);
    }

    private ResultRun result(List<Curve> curves, double ic50, List<Heat> heats, Bars bars, Table table) {
        return new ResultRun(design, conditions(), curves, ic50, heats, bars, table, 0);
    }

    private ResultRun timeCourse(Cells cells, Progress progress, Cancellation cancellation)
            throws SimulationException {
        double[] times = new double[TIME_POINTS + 1];
        for (int i = 0; i <= TIME_POINTS; i++) {
            times[i] = minutes * i / TIME_POINTS;
        }
        progress.update(0, 1, -1);
        Map<String, Double> equilibrated = cells.equilibratedState(cancellation);
        TimeCourse tc = cells.model().treatFrom(equilibrated, cells.state(), cells.drugs().changes(treatment()), times,
                readouts, cells.options(), cancellation);
        progress.update(1, 1, 0);
        List<String> cols = new ArrayList<>(List.of("time"));
        cols.addAll(readouts);
        Table table = new Table(cols);
        for (int r = 0; r < tc.size(); r++) {
            Object[] row = new Object[cols.size()];
            row[0] = tc.time(r);
            for (int c = 0; c < readouts.size(); c++) {
                row[c + 1] = tc.value(r, c);
            }
            table.add(row);
        }
        List<Curve> curves = new ArrayList<>();
        for (String id : readouts) {
            curves.add(new Curve(conditions() + " " + id, tc.times(), tc.column(id), false));
        }
        return result(curves, Double.NaN, List.of(), null, table);
    }

    /**
     * The steady state of the equilibrated cells untreated and, with a drug, treated: one
     * row per readout, the treated-to-untreated ratio, and bars of both.
     */
    private ResultRun steadyState(Cells cells, Progress progress, Cancellation cancellation)
            throws SimulationException {
        boolean treated = !drug.isEmpty();
        int steps = treated ? 3 : 2;
        progress.update(0, steps, -1);
        Map<String, Double> equilibrated = cells.equilibratedState(cancellation);
        progress.update(1, steps, -1);
        SteadyState base = cells.model().steadyStateFrom(equilibrated, cells.state(), ModelChanges.NONE, readouts,
                cells.options(), cancellation);
        progress.update(2, steps, -1);
        SteadyState after = treated ? cells.model().steadyStateFrom(equilibrated, cells.state(),
                cells.drugs().changes(treatment()), readouts, cells.options(), cancellation) : null;
        progress.update(steps, steps, 0);
        String ko = knockouts.isEmpty() ? "none" : String.join("+", knockouts);
        Table table = treated
                ? new Table(List.of("readout", "context", "knockouts", "drug", "dose_nM", "untreated", "treated", "ratio",
                        "method"))
                : new Table(List.of("readout", "context", "knockouts", "steady_state", "method"));
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("untreated", base.values());
        if (treated) {
            series.put(drug + " " + Numbers.format(doses[0]) + " nM", after.values());
        }
        for (int r = 0; r < readouts.size(); r++) {
            double u = base.value(r);
            if (treated) {
                double t = after.value(r);
                table.add(readouts.get(r), context, ko, drug, doses[0], u, t, u == 0 ? Double.NaN : t / u,
                        base.method() + "/" + after.method());
            } else {
                table.add(readouts.get(r), context, ko, u, base.method());
            }
        }
        return result(List.of(), Double.NaN, List.of(), new Bars("readout", "steady state", readouts, series), table);
    }

    private ResultRun doseResponse(Cells cells, BatchRunner runner, Progress progress, Cancellation cancellation)
            throws SimulationException {
        DoseResponse.Result r = DoseResponse.run(cells, context, drug, doses, readouts.get(0), readoutTime(), runner,
                progress, cancellation);
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
        curves.add(new Curve(conditions() + " " + r.readout(), x, dy.stream().mapToDouble(Double::doubleValue).toArray(),
                true));
        double[] fx = DoseResponse.logDoses(x[0], x[x.length - 1], 120);
        double[] fy = new double[fx.length];
        for (int i = 0; i < fx.length; i++) {
            fy[i] = r.fit().predict(fx[i]);
        }
        curves.add(new Curve(String.format(Locale.ROOT, "Hill fit (IC50 %.3g nM, n %.2f)", ic50, r.fit().hill()), fx,
                fy, false));
        return result(curves, ic50, List.of(), null, r.table());
    }

    private ResultRun combination(Cells cells, BatchRunner runner, Progress progress, Cancellation cancellation)
            throws SimulationException {
        Combination.Result r = Combination.run(cells, context, drug, doses, drugB, dosesB, readouts.get(0),
                readoutTime(), runner, progress, cancellation);
        double bliss = r.score()[Combination.Model.BLISS.ordinal()];
        String label = conditions();
        Heat response = new Heat("Combination: " + label + " - response", drug + " (nM)", drugB + " (nM)", r.dosesA(),
                r.dosesB(), r.response(), "response", false);
        Heat excess = new Heat(String.format(Locale.ROOT, "Combination: %s - Bliss excess %+.3f: %s", label, bliss,
                r.classification(Combination.Model.BLISS)), drug + " (nM)", drugB + " (nM)", r.dosesA(), r.dosesB(),
                r.excess()[Combination.Model.BLISS.ordinal()], "Bliss excess (synergy > 0)", true);
        return result(List.of(), Double.NaN, List.of(response, excess), null, r.table());
    }

    /** The value of each row of a scan's table, in row order. */
    private static double[] values(Table table) {
        int valueColumn = table.columns().indexOf("value");
        return table.rows().stream().mapToDouble(row -> ((Number) row.get(valueColumn)).doubleValue()).toArray();
    }

    private ResultRun scan(Cells cells, BatchRunner runner, Progress progress, Cancellation cancellation)
            throws SimulationException {
        Scan.Axis axis = axes.get(0);
        Table table = Scan.run(cells, context, Scan.grid(axes), treatment(), readouts, readoutTime(), runner,
                progress, cancellation);
        double[] v = values(table);
        double[] x = axis.values();
        List<Curve> curves = new ArrayList<>();
        for (int r = 0; r < readouts.size(); r++) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = v[i * readouts.size() + r];
            }
            curves.add(new Curve(conditions() + " " + readouts.get(r), x, y, false));
        }
        return result(curves, Double.NaN, List.of(), null, table);
    }

    /** A grid of two parameters (the first varying slowest); a heatmap per readout. */
    private ResultRun scan2d(Cells cells, BatchRunner runner, Progress progress, Cancellation cancellation)
            throws SimulationException {
        Table table = Scan.run(cells, context, Scan.grid(axes), treatment(), readouts, readoutTime(), runner,
                progress, cancellation);
        double[] v = values(table);
        double[] xs = axes.get(0).values();
        double[] ys = axes.get(1).values();
        List<Heat> heats = new ArrayList<>();
        for (int r = 0; r < readouts.size(); r++) {
            double[][] m = new double[xs.length][ys.length];
            for (int a = 0; a < xs.length; a++) {
                for (int b = 0; b < ys.length; b++) {
                    m[a][b] = v[(a * ys.length + b) * readouts.size() + r];
                }
            }
            heats.add(new Heat("Parameter scan (2-D): " + conditions() + " - " + readouts.get(r), axes.get(0).id(),
                    axes.get(1).id(), xs, ys, m, readouts.get(r), false));
        }
        return result(List.of(), Double.NaN, heats, null, table);
    }

    /**
     * Local coefficients or Morris mu* of each readout to each chosen parameter; bars sorted by
     * the largest absolute value over the readouts.
     */
    private ResultRun sensitivity(Cells cells, BatchRunner runner, Progress progress, Cancellation cancellation)
            throws SimulationException {
        Map<String, Double> all = cells.model().constantParameters();
        Map<String, Double> params = new LinkedHashMap<>();
        if (sensitivity.parameters().isEmpty()) {
            params.putAll(all);
        }
        for (String id : sensitivity.parameters()) {
            Double value = all.get(id);
            if (value == null) {
                throw new IllegalArgumentException("'" + id + "' is not a constant, non-zero global parameter of "
                        + modelName + "; name parameters the model defines, or leave the field empty for all");
            }
            params.put(id, value);
        }
        Table table = sensitivity.morris()
                ? Sensitivity.morris(cells, params, treatment(), readouts, readoutTime(), sensitivity.trajectories(),
                        sensitivity.seed(), runner, progress, cancellation)
                : Sensitivity.local(cells, params, treatment(), readouts, readoutTime(), runner, progress,
                        cancellation);
        String column = sensitivity.morris() ? "mu_star" : "coefficient";
        int valueColumn = table.columns().indexOf(column);
        Map<String, double[]> byReadout = new LinkedHashMap<>();
        List<String> ids = List.copyOf(params.keySet());
        for (String r : readouts) {
            byReadout.put(r, new double[ids.size()]);
        }
        for (List<Object> row : table.rows()) {
            byReadout.get((String) row.get(2))[ids.indexOf((String) row.get(0))] = ((Number) row.get(valueColumn))
                    .doubleValue();
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -largest(byReadout, i)));
        Map<String, double[]> series = new LinkedHashMap<>();
        byReadout.forEach((r, values) -> series.put(r,
                order.stream().mapToDouble(i -> values[i]).toArray()));
        Bars bars = new Bars("parameter", sensitivity.morris() ? "Morris mu* (mean |elementary effect|)"
                : "scaled coefficient (dR/R)/(dp/p)", order.stream().map(ids::get).toList(), series);
        return result(List.of(), Double.NaN, List.of(), bars, table);
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
}
