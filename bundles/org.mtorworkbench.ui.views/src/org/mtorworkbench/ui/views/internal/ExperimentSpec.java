package org.mtorworkbench.ui.views.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.mtorworkbench.experiments.Table;
import org.mtorworkbench.network.CellContexts;
import org.mtorworkbench.network.DrugCatalogue;
import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SolverOptions;
import org.mtorworkbench.simulation.TimeCourse;
import org.sbml.jsbml.SBMLDocument;

/**
 * What the launcher asks for: a model, a design and its perturbations. Checked when made,
 * so a bad field is reported in the launcher before any job starts.
 *
 * @param modelName the model's name for titles
 * @param document gives the model (called in the job; the model is compiled there, never changed)
 * @param design the design
 * @param drug the drug id, or empty for none (time course and scan)
 * @param doses the doses in nM: the dose of a time course or scan, the series of a dose-response
 * @param context the cell context id
 * @param readouts the readout ids
 * @param minutes the time course's end, or the readout time; NaN for the steady state
 * @param axis the scanned parameter (scan only)
 * @param drugB the second drug of a combination, empty otherwise
 * @param dosesB its doses, nM
 */
public record ExperimentSpec(String modelName, Supplier<SBMLDocument> document, Design design, String drug, double[] doses,
        String context, List<String> readouts, double minutes, Scan.Axis axis, String drugB, double[] dosesB) {

    /** Points of a time course. */
    static final int TIME_POINTS = 200;

    public ExperimentSpec {
        doses = doses.clone();
        dosesB = dosesB.clone();
        readouts = List.copyOf(readouts);
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
        if (design == Design.SCAN && axis == null) {
            throw new IllegalArgumentException("a scan needs a parameter axis ID=FROM:TO:N[:log]");
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

    /** @return the readout time of a dose-response or scan */
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
            if (design != Design.DOSE_RESPONSE && doses.length > 0) {
                sb.append(' ').append(Numbers.format(doses[0])).append(" nM");
            }
        } else {
            sb.append("untreated");
        }
        if (design == Design.SCAN) {
            sb.append(", ").append(axis.id());
        }
        sb.append(", ").append(context).append(", ").append(readoutTime().label())
                .append(readoutTime().isSteadyState() ? "" : " min");
        return sb.toString();
    }

    private Map<String, Double> treatment() {
        return drug.isEmpty() || doses.length == 0 ? Map.of() : Map.of(drug, doses[0]);
    }

    /** Runs the experiment (in a job: it takes seconds to minutes). */
    public ResultRun run(SolverOptions options, int threads, Progress progress, Cancellation cancellation)
            throws SimulationException {
        long start = System.nanoTime();
        PreparedModel model = PreparedModel.of(document.get());
        DrugCatalogue drugs = DrugCatalogue.builtin();
        ModelChanges state = CellContexts.builtin().find(context)
                .orElseThrow(() -> new IllegalArgumentException("unknown cell context '" + context + "'")).changes();
        Cells cells = new Cells(model, state, drugs, options);
        BatchRunner runner = new BatchRunner(threads);
        String label = conditions();
        List<Curve> curves = new ArrayList<>();
        double ic50 = Double.NaN;
        Grid grid = null;
        Table table;
        switch (design) {
        case TIME_COURSE -> {
            double[] times = new double[TIME_POINTS + 1];
            for (int i = 0; i <= TIME_POINTS; i++) {
                times[i] = minutes * i / TIME_POINTS;
            }
            progress.update(0, 1, -1);
            Map<String, Double> equilibrated = cells.equilibratedState(cancellation);
            TimeCourse tc = model.treatFrom(equilibrated, state, drugs.changes(treatment()), times, readouts,
                    options, cancellation);
            progress.update(1, 1, 0);
            List<String> cols = new ArrayList<>(List.of("time"));
            cols.addAll(readouts);
            table = new Table(cols);
            for (int r = 0; r < tc.size(); r++) {
                Object[] row = new Object[cols.size()];
                row[0] = tc.time(r);
                for (int c = 0; c < readouts.size(); c++) {
                    row[c + 1] = tc.value(r, c);
                }
                table.add(row);
            }
            for (String id : readouts) {
                curves.add(new Curve(label + " " + id, tc.times(), tc.column(id), false));
            }
        }
        case DOSE_RESPONSE -> {
            DoseResponse.Result r = DoseResponse.run(cells, context, drug, doses, readouts.get(0), readoutTime(),
                    runner, progress, cancellation);
            table = r.table();
            ic50 = r.fit().ic50();
            List<Double> dx = new ArrayList<>();
            List<Double> dy = new ArrayList<>();
            for (int i = 0; i < r.doses().length; i++) {
                if (r.doses()[i] > 0) {
                    dx.add(r.doses()[i]);
                    dy.add(r.responses()[i]);
                }
            }
            double[] x = dx.stream().mapToDouble(Double::doubleValue).toArray();
            curves.add(new Curve(label + " " + r.readout(), x, dy.stream().mapToDouble(Double::doubleValue).toArray(),
                    true));
            double[] fx = DoseResponse.logDoses(x[0], x[x.length - 1], 120);
            double[] fy = new double[fx.length];
            for (int i = 0; i < fx.length; i++) {
                fy[i] = r.fit().predict(fx[i]);
            }
            curves.add(new Curve(String.format(Locale.ROOT, "Hill fit (IC50 %.3g nM, n %.2f)", ic50, r.fit().hill()),
                    fx, fy, false));
        }
        case COMBINATION -> {
            Combination.Result r = Combination.run(cells, context, drug, doses, drugB, dosesB, readouts.get(0),
                    readoutTime(), runner, progress, cancellation);
            table = r.table();
            double bliss = r.score()[Combination.Model.BLISS.ordinal()];
            grid = new Grid(drug, drugB, r.dosesA(), r.dosesB(), r.response(),
                    r.excess()[Combination.Model.BLISS.ordinal()], String.format(Locale.ROOT,
                            "Bliss excess %+.3f: %s", bliss, r.classification(Combination.Model.BLISS)));
        }
        case SCAN -> {
            List<Map<String, Double>> points = Scan.grid(List.of(axis));
            table = Scan.run(cells, context, points, treatment(), readouts, readoutTime(), runner, progress,
                    cancellation);
            double[] x = axis.values();
            Map<String, double[]> ys = new LinkedHashMap<>();
            for (String id : readouts) {
                ys.put(id, new double[x.length]);
            }
            int valueColumn = table.columns().indexOf("value");
            int readoutColumn = table.columns().indexOf("readout");
            List<List<Object>> rows = table.rows();
            for (int i = 0; i < rows.size(); i++) {
                List<Object> row = rows.get(i);
                ys.get((String) row.get(readoutColumn))[i / readouts.size()] = ((Number) row.get(valueColumn))
                        .doubleValue();
            }
            ys.forEach((id, y) -> curves.add(new Curve(label + " " + id, x, y, false)));
        }
        default -> throw new IllegalStateException(design.toString());
        }
        return new ResultRun(design, label, curves, ic50, grid, table, (System.nanoTime() - start) / 1_000_000);
    }
}
