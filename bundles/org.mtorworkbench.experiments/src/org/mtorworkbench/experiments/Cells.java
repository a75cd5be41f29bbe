package org.mtorworkbench.experiments;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.mtorworkbench.network.DrugCatalogue;
import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SolverOptions;
import org.mtorworkbench.simulation.SteadyState;
import org.mtorworkbench.simulation.TimeCourse;

/**
 * Cells to treat: a prepared model in a given state (cell context, knockouts, parameter
 * and initial-value changes), pre-equilibrated once, then treated with drugs and parameter
 * changes at time 0. Every treatment starts from the same equilibrated cells, so treatments
 * never leak into one another. Thread-safe.
 */
public final class Cells {

    private final PreparedModel model;
    private final ModelChanges state;
    private final DrugCatalogue drugs;
    private final SolverOptions options;
    private final Map<String, Double> background;
    private final ModelChanges treatmentChanges;
    private volatile Map<String, Double> equilibrated;

    public Cells(PreparedModel model, ModelChanges state, DrugCatalogue drugs, SolverOptions options) {
        this(model, state, drugs, options, Map.of(), ModelChanges.NONE);
    }

    private Cells(PreparedModel model, ModelChanges state, DrugCatalogue drugs, SolverOptions options,
            Map<String, Double> background, ModelChanges treatmentChanges) {
        this.model = model;
        this.state = state;
        this.drugs = drugs;
        this.options = options;
        this.background = Map.copyOf(background);
        this.treatmentChanges = treatmentChanges;
    }

    /**
     * @return these cells, sharing their pre-equilibration, with drugs given alongside every
     *         treatment (doses of the same drug add up)
     */
    public Cells withBackground(Map<String, Double> doses) {
        Map<String, Double> b = new java.util.LinkedHashMap<>(background);
        doses.forEach((k, v) -> b.merge(k, v, Double::sum));
        Cells c = new Cells(model, state, drugs, options, b, treatmentChanges);
        c.equilibrated = equilibrated;
        return c;
    }

    /**
     * @return these cells, sharing their pre-equilibration, with model changes applied alongside
     *         every treatment (treatment-stage perturbations other than drugs)
     */
    public Cells withTreatmentChanges(ModelChanges changes) {
        Cells c = new Cells(model, state, drugs, options, background, treatmentChanges.and(changes));
        c.equilibrated = equilibrated;
        return c;
    }

    public PreparedModel model() {
        return model;
    }

    /** @return the model changes applied alongside every treatment besides the drugs */
    public ModelChanges treatmentChanges() {
        return treatmentChanges;
    }

    /** @return the changes that define these cells */
    public ModelChanges state() {
        return state;
    }

    public DrugCatalogue drugs() {
        return drugs;
    }

    /** @return these cells with further changes of their state (pre-equilibrated separately) */
    public Cells with(ModelChanges more) {
        return new Cells(model, state.and(more), drugs, options, background, treatmentChanges);
    }

    /**
     * The readouts after a treatment.
     *
     * @param doses drugs by id, nM
     * @param parameters parameter changes applied with the drugs
     */
    public double[] treat(Map<String, Double> doses, Map<String, Double> parameters, List<String> readouts,
            ReadoutTime time, BooleanSupplier cancellation) throws SimulationException {
        return treatWith(treatment(doses).and(new ModelChanges(parameters, Map.of(), java.util.Set.of())), readouts,
                time, cancellation);
    }

    /**
     * @return the model changes {@link #treat} applies for these doses: the drugs with the
     *         background's (doses of one drug add up), then these cells' treatment changes
     */
    public ModelChanges treatment(Map<String, Double> doses) {
        Map<String, Double> all = new java.util.LinkedHashMap<>(background);
        doses.forEach((k, v) -> all.merge(k, v, Double::sum));
        return drugs.changes(all).and(treatmentChanges);
    }

    /** @return whether {@link #untreated} reads out in one run (no background drugs, a readout at a time) */
    public boolean untreatedInOneRun(ReadoutTime time) {
        return background.isEmpty() && !time.isSteadyState();
    }

    /**
     * The readouts after exactly these changes at time 0 (drugs already turned into model
     * changes; neither the background nor the treatment changes of these cells are added).
     */
    public double[] treatWith(ModelChanges treatment, List<String> readouts, ReadoutTime time,
            BooleanSupplier cancellation) throws SimulationException {
        Map<String, Double> start = equilibrated(cancellation);
        if (time.isSteadyState()) {
            SteadyState ss = model.steadyStateFrom(start, state, treatment, readouts, options, cancellation);
            return ss.values();
        }
        TimeCourse tc = model.treatFrom(start, state, treatment, new double[] { time.minutes() }, readouts, options,
                cancellation);
        double[] out = new double[readouts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = tc.value(0, i);
        }
        return out;
    }

    /**
     * The readouts of these cells with nothing given at time 0 (no drug, background included,
     * no parameter change), for cells run once, as scan points and sensitivity samples are:
     * for a readout time, one run from the model's initial state through the
     * pre-equilibration and on to {@link PreparedModel#EQUILIBRATION_TIME} + the time, which is
     * what {@link #treat} computes in two runs (the second continuing the first with the same
     * parameters), without restarting the solver. The pre-equilibrated state is not kept.
     * With background drugs or a steady-state readout this is {@link #treat}.
     */
    public double[] untreated(List<String> readouts, ReadoutTime time, BooleanSupplier cancellation)
            throws SimulationException {
        if (!untreatedInOneRun(time)) {
            return treat(Map.of(), Map.of(), readouts, time, cancellation);
        }
        TimeCourse tc = model.simulation(state).run(new double[] { PreparedModel.EQUILIBRATION_TIME + time.minutes() },
                readouts.stream().map(org.mtorworkbench.simulation.Output::of).toList(), options, cancellation);
        double[] out = new double[readouts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = tc.value(0, i);
        }
        return out;
    }

    /** @return the solver options of these cells' runs */
    public SolverOptions options() {
        return options;
    }

    /** @return the equilibrated state (species values), computing it once */
    public Map<String, Double> equilibratedState(BooleanSupplier cancellation) throws SimulationException {
        return equilibrated(cancellation);
    }

    /** Pre-equilibrates once; concurrent callers wait for the first. */
    private Map<String, Double> equilibrated(BooleanSupplier cancellation) throws SimulationException {
        Map<String, Double> s = equilibrated;
        if (s == null) {
            synchronized (this) {
                s = equilibrated;
                if (s == null) {
                    s = model.equilibrate(state, options, cancellation);
                    equilibrated = s;
                }
            }
        }
        return s;
    }
}
