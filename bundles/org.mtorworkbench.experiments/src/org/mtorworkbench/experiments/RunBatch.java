package org.mtorworkbench.experiments;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.mtorworkbench.network.DrugCatalogue;
import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.sbml.SbmlException;
import org.mtorworkbench.sbml.SbmlReader;
import org.mtorworkbench.sbml.SbmlWriter;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.Solver;
import org.mtorworkbench.simulation.SolverOptions;

/**
 * A batch of runs as plain data, so that any {@link BatchEngine} can run it: the thread pool
 * in this JVM, or executors of a cluster that receive the model as SBML text. Each
 * {@link Point} names the changes of its cells (pre-equilibrated with them) and the treatments
 * given to those cells at time 0, drugs already turned into model changes; a point's result
 * row holds the readouts after each treatment in turn. With no treatment a point is read out
 * in one run through the pre-equilibration (as {@link Cells#untreated} does). Points that share
 * their cells' changes share one pre-equilibration within an evaluator.
 * <p>
 * Immutable. Serializable: the model travels as SBML text, written once on first use.
 */
public final class RunBatch implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Changes of a model as compact plain data. */
    public record Changes(String[] parameterIds, double[] parameterValues, String[] speciesIds,
            double[] speciesValues, String[] knockouts) implements Serializable {

        public Changes {
            parameterIds = parameterIds.clone();
            parameterValues = parameterValues.clone();
            speciesIds = speciesIds.clone();
            speciesValues = speciesValues.clone();
            knockouts = knockouts.clone();
            if (parameterIds.length != parameterValues.length || speciesIds.length != speciesValues.length) {
                throw new IllegalArgumentException("ids and values differ in number");
            }
        }

        /** @return the changes as plain data */
        public static Changes of(ModelChanges c) {
            return new Changes(c.parameters().keySet().toArray(String[]::new),
                    c.parameters().values().stream().mapToDouble(Double::doubleValue).toArray(),
                    c.initialValues().keySet().toArray(String[]::new),
                    c.initialValues().values().stream().mapToDouble(Double::doubleValue).toArray(),
                    c.knockouts().toArray(String[]::new));
        }

        /** @return the changes as the model applies them */
        public ModelChanges toModelChanges() {
            Map<String, Double> p = new LinkedHashMap<>();
            for (int i = 0; i < parameterIds.length; i++) {
                p.put(parameterIds[i], parameterValues[i]);
            }
            Map<String, Double> s = new LinkedHashMap<>();
            for (int i = 0; i < speciesIds.length; i++) {
                s.put(speciesIds[i], speciesValues[i]);
            }
            return new ModelChanges(p, s, new LinkedHashSet<>(List.of(knockouts)));
        }
    }

    /**
     * One point of the batch.
     *
     * @param cells the changes of this point's cells, on top of the batch's
     * @param treatments the treatments given to the pre-equilibrated cells, each read out
     */
    public record Point(Changes cells, List<Changes> treatments) implements Serializable {

        public Point {
            Objects.requireNonNull(cells);
            treatments = List.copyOf(treatments);
        }

        /** @return a point from model changes */
        public static Point of(ModelChanges cells, List<ModelChanges> treatments) {
            return new Point(Changes.of(cells), treatments.stream().map(Changes::of).toList());
        }
    }

    /**
     * Collects the runs of a design made on some cells, each as {@link Cells#treat} or
     * {@link Cells#untreated} of those cells with more changes would run it.
     */
    public static final class Builder {
        private final Cells cells;
        private final List<String> readouts;
        private final ReadoutTime time;
        private final List<Point> points = new java.util.ArrayList<>();

        /** @param cells the cells every run starts from (their background drugs and treatment changes included) */
        public Builder(Cells cells, List<String> readouts, ReadoutTime time) {
            this.cells = cells;
            this.readouts = List.copyOf(readouts);
            this.time = time;
        }

        /** Adds the run {@code cells.with(more).treat(doses, {})}. */
        public Builder treat(ModelChanges more, Map<String, Double> doses) {
            points.add(Point.of(more, List.of(cells.treatment(doses))));
            return this;
        }

        /** Adds the run {@code cells.with(more).untreated()}. */
        public Builder untreated(ModelChanges more) {
            points.add(Point.of(more, cells.untreatedInOneRun(time) ? List.of() : List.of(cells.treatment(Map.of()))));
            return this;
        }

        /** Adds {@link #untreated} without doses, {@link #treat} with them. */
        public Builder run(ModelChanges more, Map<String, Double> doses) {
            return doses.isEmpty() ? untreated(more) : treat(more, doses);
        }

        public RunBatch build() {
            return new RunBatch(cells.model(), cells.state(), readouts, time, cells.options(), points);
        }
    }

    private final transient PreparedModel model;
    private volatile byte[] sbml;
    private final Changes cells;
    private final List<String> readouts;
    private final double time;
    private final String solver;
    private final Map<String, Serializable> solverValues;
    private final List<Point> points;

    /**
     * @param model the model, compiled here; other JVMs compile its SBML text
     * @param cells the changes every point's cells share (context, knockouts, values)
     * @param readouts the ids read out after each treatment
     * @param time when they are read out
     * @param options the solver and its tolerances (a solver contributed by a bundle runs only where it is installed)
     * @param points the points, in run order
     */
    public RunBatch(PreparedModel model, ModelChanges cells, List<String> readouts, ReadoutTime time,
            SolverOptions options, List<Point> points) {
        this.model = Objects.requireNonNull(model);
        this.cells = Changes.of(cells);
        this.readouts = List.copyOf(readouts);
        this.time = time.minutes();
        this.solver = options.get(SolverOptions.SOLVER).name();
        Map<String, Serializable> values = new LinkedHashMap<>();
        for (SolverOptions.Option<?> o : SolverOptions.ALL) {
            if (o != SolverOptions.SOLVER) {
                values.put(o.name(), (Serializable) options.get(o));
            }
        }
        this.solverValues = values;
        this.points = List.copyOf(points);
    }

    /** @return the points, in run order */
    public List<Point> points() {
        return points;
    }

    /** @return the ids read out after each treatment */
    public List<String> readouts() {
        return readouts;
    }

    /** @return when readouts are taken */
    public ReadoutTime time() {
        return new ReadoutTime(time);
    }

    /** @return the length of a point's result row: readouts times treatments (at least one) */
    public int rowLength(Point p) {
        return readouts.size() * Math.max(1, p.treatments().size());
    }

    /** @return the model as SBML text (UTF-8), written on first use */
    public byte[] sbml() throws SimulationException {
        byte[] s = sbml;
        if (s == null) {
            if (model == null) {
                throw new IllegalStateException("a deserialized batch has its SBML text");
            }
            try {
                s = new SbmlWriter().toBytes(model.document(), model.compiled().modelId());
            } catch (SbmlException e) {
                throw new SimulationException(SimulationException.Kind.INVALID_MODEL,
                        "cannot write the model as SBML for the batch: " + e.getMessage());
            }
            sbml = s;
        }
        return s.clone();
    }

    /** @return a copy of this batch with only the points from {@code from} (inclusive) to {@code to} (exclusive) */
    public RunBatch slice(int from, int to) {
        return new RunBatch(this, points.subList(from, to));
    }

    private RunBatch(RunBatch b, List<Point> points) {
        this.model = b.model;
        this.sbml = b.sbml;
        this.cells = b.cells;
        this.readouts = b.readouts;
        this.time = b.time;
        this.solver = b.solver;
        this.solverValues = b.solverValues;
        this.points = List.copyOf(points);
    }

    /** @return an evaluator on the model this batch was made with (in the JVM that made it) */
    public Evaluator evaluator() {
        if (model == null) {
            throw new IllegalStateException("a deserialized batch needs the model compiled: use compile()");
        }
        return new Evaluator(model);
    }

    /** Compiles this batch's SBML text, as another JVM does; the result runs the batch's points. */
    public Evaluator compile() throws SimulationException {
        byte[] text = sbml();
        try {
            return new Evaluator(PreparedModel.of(new SbmlReader().read(text, "batch model")));
        } catch (SbmlException e) {
            throw new SimulationException(SimulationException.Kind.INVALID_MODEL, "the batch's model does not read: "
                    + e.getMessage());
        }
    }

    /**
     * Runs points of a batch on one compiled model. Thread-safe; cells that several points share
     * are pre-equilibrated once (up to {@link #SHARED_CELLS} distinct ones are kept).
     */
    public final class Evaluator {

        /** How many distinct cell states an evaluator keeps pre-equilibrated. */
        public static final int SHARED_CELLS = 256;

        private final PreparedModel prepared;
        private final SolverOptions options;
        private final ModelChanges base;
        private final Map<ModelChanges, Cells> shared = new ConcurrentHashMap<>();

        private Evaluator(PreparedModel prepared) {
            this.prepared = prepared;
            this.options = solverOptions();
            this.base = cells.toModelChanges();
        }

        /** @return the readouts after each of the point's treatments, in order */
        public double[] run(Point p, BooleanSupplier cancellation) throws SimulationException {
            ModelChanges state = base.and(p.cells().toModelChanges());
            ReadoutTime t = time();
            if (p.treatments().isEmpty()) {
                return new Cells(prepared, state, NO_DRUGS, options).untreated(readouts, t, cancellation);
            }
            Cells c = cells(state, p.treatments().size() > 1);
            double[] row = new double[rowLength(p)];
            int k = 0;
            for (Changes treatment : p.treatments()) {
                double[] v = c.treatWith(treatment.toModelChanges(), readouts, t, cancellation);
                System.arraycopy(v, 0, row, k, v.length);
                k += v.length;
            }
            return row;
        }

        private Cells cells(ModelChanges state, boolean severalTreatments) {
            Cells c = shared.get(state);
            if (c != null) {
                return c;
            }
            c = new Cells(prepared, state, NO_DRUGS, options);
            // a point with one treatment keeps its cells only while few are kept (dose-response style batches)
            if (shared.size() < SHARED_CELLS && !severalTreatments) {
                Cells before = shared.putIfAbsent(state, c);
                return before == null ? c : before;
            }
            return c;
        }
    }

    private static final DrugCatalogue NO_DRUGS = DrugCatalogue.of(List.of());

    private SolverOptions solverOptions() {
        Solver s = Solver.byName(solver);
        if (s == null) {
            throw new IllegalStateException("solver '" + solver + "' is not installed in this JVM");
        }
        SolverOptions o = SolverOptions.defaults().withSolver(s);
        for (SolverOptions.Option<?> opt : SolverOptions.ALL) {
            Serializable v = solverValues.get(opt.name());
            if (v != null) {
                o = set(o, opt, v);
            }
        }
        return o;
    }

    private static <T> SolverOptions set(SolverOptions o, SolverOptions.Option<T> opt, Object v) {
        T value = opt.type().cast(v);
        return value.equals(opt.defaultValue()) ? o : o.with(opt, value);
    }
}
