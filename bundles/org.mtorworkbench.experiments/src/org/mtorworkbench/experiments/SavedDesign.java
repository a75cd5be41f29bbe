package org.mtorworkbench.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mtorworkbench.network.CellContexts;
import org.mtorworkbench.network.DrugCatalogue;
import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SolverOptions;
import org.mtorworkbench.simulation.SteadyState;
import org.mtorworkbench.simulation.TimeCourse;

/**
 * One experiment as data, so it can be saved (SED-ML) and run again: the cells (context,
 * knockouts, overexpression, value changes), the drugs given to every run, what the design
 * varies, the readouts and when they are taken.
 *
 * @param kind the design
 * @param context a cell context id, or null for the model as it is
 * @param knockouts species held at zero
 * @param overexpress species started at K times their initial value, by id
 * @param set parameter, compartment or species initial values of the cells, by id
 * @param drugs drugs given with every treatment, nM by id
 * @param varied the drugs a dose-response (one) or combination (two) varies
 * @param doses the doses of each varied drug, nM (a control at 0 is always run)
 * @param points the points of a scan: values by parameter or species id
 * @param readouts what is read out
 * @param time when (for a time course: the end time)
 * @param intervals the number of output intervals of a time course
 */
public record SavedDesign(Kind kind, String context, List<String> knockouts, Map<String, Double> overexpress,
        Map<String, Double> set, Map<String, Double> drugs, List<String> varied, List<double[]> doses,
        List<Map<String, Double>> points, List<String> readouts, ReadoutTime time, int intervals) {

    /** The designs. */
    public enum Kind {
        TIME_COURSE("time-course"), STEADY_STATE("steady-state"), DOSE_RESPONSE("dose-response"),
        COMBINATION("combination"), SCAN("scan");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** @return the name used in files and on the command line, e.g. {@code dose-response} */
        public String label() {
            return label;
        }

        /** @return the kind with that label, or null */
        public static Kind byLabel(String label) {
            for (Kind k : values()) {
                if (k.label.equals(label)) {
                    return k;
                }
            }
            return null;
        }
    }

    public SavedDesign {
        knockouts = List.copyOf(knockouts);
        overexpress = Map.copyOf(new LinkedHashMap<>(overexpress));
        set = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(set));
        drugs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(drugs));
        varied = List.copyOf(varied);
        doses = doses.stream().map(double[]::clone).toList();
        points = points.stream().map(p -> java.util.Collections.unmodifiableMap(new LinkedHashMap<>(p))).toList();
        readouts = List.copyOf(readouts);
        if (readouts.isEmpty()) {
            throw new IllegalArgumentException("a design needs at least one readout");
        }
        int wanted = kind == Kind.DOSE_RESPONSE ? 1 : kind == Kind.COMBINATION ? 2 : 0;
        if (varied.size() != wanted || doses.size() != wanted) {
            throw new IllegalArgumentException("a " + kind.label() + " design varies " + wanted + " drug(s), not "
                    + varied.size());
        }
        for (double[] d : doses) {
            DoseResponse.withControl(d);
        }
        if (kind == Kind.SCAN && points.isEmpty()) {
            throw new IllegalArgumentException("a scan needs at least one point");
        }
        if (kind == Kind.TIME_COURSE && (time.isSteadyState() || intervals < 1)) {
            throw new IllegalArgumentException("a time course needs an end time and at least 1 interval");
        }
        for (double v : drugs.values()) {
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("drug doses must be finite and >= 0 nM, not " + v);
            }
        }
    }

    /** The changes that define the cells, before any drug: context, knockouts, overexpression, values. */
    public ModelChanges cellChanges(PreparedModel model, CellContexts contexts) {
        ModelChanges c = ModelChanges.NONE;
        if (context != null) {
            c = c.and(contexts.find(context).orElseThrow(() -> new IllegalArgumentException(
                    "unknown cell context '" + context + "'; known: " + String.join(", ", contexts.ids())))
                    .changes());
        }
        c = c.and(new ModelChanges(Map.of(), Map.of(), new LinkedHashSet<>(knockouts)));
        for (Map.Entry<String, Double> e : overexpress.entrySet()) {
            c = c.and(model.overexpression(e.getKey(), e.getValue()));
        }
        Map<String, Double> params = new LinkedHashMap<>();
        Map<String, Double> initials = new LinkedHashMap<>();
        List<String> species = model.compiled().speciesIds();
        for (Map.Entry<String, Double> e : set.entrySet()) {
            if (!model.compiled().hasId(e.getKey())) {
                throw new IllegalArgumentException("model '" + model.compiled().modelId() + "' has no id '"
                        + e.getKey() + "'");
            }
            (species.contains(e.getKey()) ? initials : params).put(e.getKey(), e.getValue());
        }
        return c.and(new ModelChanges(params, initials, Set.of()));
    }

    /** The context as result tables write it. */
    public String contextLabel() {
        return context == null ? "model" : context;
    }

    /**
     * Runs the design.
     *
     * @return the tidy result table, as the matching command writes it
     */
    public Table run(PreparedModel model, DrugCatalogue catalogue, CellContexts contexts, SolverOptions options,
            BatchRunner runner, Progress progress, Cancellation cancellation) throws SimulationException {
        for (String r : readouts) {
            if (!model.compiled().hasId(r)) {
                throw new IllegalArgumentException("model '" + model.compiled().modelId() + "' has no readout '" + r
                        + "'");
            }
        }
        for (String d : new LinkedHashSet<>(concat(varied, drugs.keySet()))) {
            if (catalogue.find(d).isEmpty()) {
                throw new IllegalArgumentException("unknown drug '" + d + "'");
            }
        }
        Cells cells = new Cells(model, cellChanges(model, contexts), catalogue, options);
        switch (kind) {
            case TIME_COURSE: {
                double[] times = new double[intervals + 1];
                for (int i = 0; i <= intervals; i++) {
                    times[i] = time.minutes() * i / intervals;
                }
                Map<String, Double> state = cells.equilibratedState(cancellation);
                TimeCourse tc = model.treatFrom(state, cells.state(), catalogue.changes(drugs), times, readouts,
                        options, cancellation);
                List<String> cols = new ArrayList<>(List.of("time"));
                cols.addAll(readouts);
                Table t = new Table(cols);
                for (int i = 0; i < tc.size(); i++) {
                    Object[] row = new Object[cols.size()];
                    row[0] = tc.time(i);
                    for (int c = 0; c < readouts.size(); c++) {
                        row[c + 1] = tc.value(i, c);
                    }
                    t.add(row);
                }
                return t;
            }
            case STEADY_STATE: {
                Map<String, Double> state = cells.equilibratedState(cancellation);
                SteadyState ss = model.steadyStateFrom(state, cells.state(), catalogue.changes(drugs), readouts,
                        options, cancellation);
                Table t = new Table(readouts);
                Object[] row = new Object[readouts.size()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = ss.value(c);
                }
                return t.add(row);
            }
            case DOSE_RESPONSE: {
                List<DoseResponse.Result> results = DoseResponse.run(cells.withBackground(drugs), contextLabel(),
                        varied.get(0), doses.get(0), readouts, time, runner, progress, cancellation);
                Table t = new Table(results.get(0).table().columns());
                for (DoseResponse.Result r : results) {
                    r.table().rows().forEach(row -> t.add(row.toArray()));
                }
                return t;
            }
            case COMBINATION:
                return Combination.run(cells.withBackground(drugs), contextLabel(), varied.get(0), doses.get(0),
                        varied.get(1), doses.get(1), readouts.get(0), time, runner, progress, cancellation).table();
            case SCAN:
                return Scan.run(cells, contextLabel(), points, drugs, readouts, time, runner, progress, cancellation);
            default:
                throw new IllegalStateException(kind.toString());
        }
    }

    private static List<String> concat(List<String> a, Set<String> b) {
        List<String> l = new ArrayList<>(a);
        l.addAll(b);
        return l;
    }
}
