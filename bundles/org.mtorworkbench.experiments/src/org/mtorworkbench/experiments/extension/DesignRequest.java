package org.mtorworkbench.experiments.extension;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.mtorworkbench.experiments.BatchRunner;
import org.mtorworkbench.experiments.Cancellation;
import org.mtorworkbench.experiments.Cells;
import org.mtorworkbench.experiments.PreparedModel;
import org.mtorworkbench.experiments.Progress;
import org.mtorworkbench.experiments.ReadoutTime;
import org.mtorworkbench.experiments.SavedDesign;
import org.mtorworkbench.network.DrugCatalogue;
import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.sbml.NumberText;
import org.mtorworkbench.simulation.SolverOptions;

/**
 * What an {@link ExperimentDesign} is asked to run: a {@link SavedDesign} (the design's id, its
 * option values and perturbations as text) made ready for a model by {@link #prepare}.
 * Immutable.
 *
 * @param model the pristine model
 * @param design the design's id, option values and perturbations, as given
 * @param cells the changes that shape the cells before treatment (context, knockouts, values)
 * @param drugs the drug catalogue of the active bundles
 * @param doses the treatment: drugs and their concentrations in nM
 * @param treatment further changes given with the drugs (treatment-stage perturbations other than drugs)
 * @param perturbations every perturbation given, in words
 * @param readouts the ids to read out (the {@code readout} option's values)
 * @param time when to read out after treatment
 * @param solverOptions the solver and tolerances
 * @param runner runs simulations in parallel with progress and cancellation
 * @param progress receives progress
 * @param cancellation polled by the runs
 * @since 0.2
 */
public record DesignRequest(PreparedModel model, SavedDesign design, ModelChanges cells, DrugCatalogue drugs,
        Map<String, Double> doses, ModelChanges treatment, List<Perturbation> perturbations, List<String> readouts,
        ReadoutTime time, SolverOptions solverOptions, BatchRunner runner, Progress progress,
        Cancellation cancellation) {

    public DesignRequest {
        Objects.requireNonNull(design);
        doses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(doses));
        perturbations = List.copyOf(perturbations);
        readouts = List.copyOf(readouts);
    }

    /**
     * Checks a saved design against its design and a model and parses it: every option is one
     * of the design's and reads as its type within its range, required options are given,
     * the perturbations are of active types and apply to the model, the readouts are ids of
     * the model.
     *
     * @throws IllegalArgumentException with a one-line message naming the option or id at fault
     */
    public static DesignRequest prepare(ExperimentDesign design, SavedDesign saved, PreparedModel model,
            DrugCatalogue drugs, SolverOptions solverOptions, BatchRunner runner, Progress progress,
            Cancellation cancellation) {
        Map<String, DesignOption<?>> byId = check(design, saved);
        ModelChanges cells = ModelChanges.NONE;
        ModelChanges extras = ModelChanges.NONE;
        List<Perturbation> applied = new ArrayList<>();
        Map<String, Double> doses = new LinkedHashMap<>();
        Set<String> known = new java.util.HashSet<>();
        for (PerturbationType t : PerturbationTypes.all()) {
            known.add(t.id());
            List<String> args = saved.perturbation(t.id());
            if (args.isEmpty()) {
                continue;
            }
            if (args.size() > 1 && !t.repeatable()) {
                throw new IllegalArgumentException("option --" + t.id() + " is given twice");
            }
            Perturbation p = t.parse(args, model);
            applied.add(p);
            if (p.stage() == PerturbationType.Stage.CELLS) {
                cells = cells.and(p.changes());
            } else if (t.id().equals(DRUG)) {
                for (String a : args) {
                    int eq = a.indexOf('=');
                    doses.merge(a.substring(0, eq).strip(), NumberText.parse(a.substring(eq + 1)),
                            Double::sum);
                }
            } else {
                extras = extras.and(p.changes());
            }
        }
        for (String type : saved.perturbations().keySet()) {
            if (!known.contains(type)) {
                throw new IllegalArgumentException("unknown perturbation '--" + type + "': the bundle that "
                        + "contributes it is not active");
            }
        }
        List<String> readouts = new ArrayList<>();
        if (byId.containsKey(DesignOptions.READOUT.id())) {
            for (String r : saved.values(DesignOptions.READOUT.id())) {
                String id = r.strip();
                if (!model.compiled().hasId(id)) {
                    throw new IllegalArgumentException("--readout: model has no id '" + id + "'");
                }
                readouts.add(id);
            }
        }
        ReadoutTime time;
        boolean steady = byId.containsKey(DesignOptions.STEADY_STATE.id())
                && Boolean.TRUE.equals(DesignOptions.STEADY_STATE.parse(
                        Objects.requireNonNullElse(saved.value(DesignOptions.STEADY_STATE.id()), "false")));
        DesignOption<?> tEnd = byId.get(DesignOptions.T_END.id());
        if (steady && saved.value(DesignOptions.T_END.id()) != null) {
            throw new IllegalArgumentException("give --t-end or --steady-state, not both");
        }
        if (steady || tEnd == null) {
            time = ReadoutTime.steadyState();
        } else {
            String t = saved.value(tEnd.id());
            time = ReadoutTime.at(t == null ? ((Number) tEnd.defaultValue()).doubleValue()
                    : DesignOptions.T_END.parse(t));
        }
        return new DesignRequest(model, saved, cells, drugs, doses, extras, applied, readouts, time, solverOptions,
                runner, progress, cancellation);
    }

    /**
     * Checks a saved design against its design's descriptors, without a model: every option is
     * one of the design's and reads as its type within its range, and required options are
     * given (what a form can report before anything runs).
     *
     * @return the design's options by id
     * @throws IllegalArgumentException with a one-line message naming the option at fault
     */
    public static Map<String, DesignOption<?>> check(ExperimentDesign design, SavedDesign saved) {
        if (!design.id().equals(saved.design())) {
            throw new IllegalArgumentException("the saved design is a '" + saved.design() + "', not a '" + design.id()
                    + "'");
        }
        Map<String, DesignOption<?>> byId = new LinkedHashMap<>();
        design.options().forEach(o -> byId.put(o.id(), o));
        for (String id : saved.options().keySet()) {
            if (!byId.containsKey(id)) {
                throw new IllegalArgumentException("the design '" + design.id() + "' has no option '" + id + "'");
            }
        }
        for (DesignOption<?> o : byId.values()) {
            List<String> given = saved.values(o.id());
            if (given.isEmpty() && o.required()) {
                throw new IllegalArgumentException("missing " + o.flag() + " " + o.syntax());
            }
            if (given.size() > 1 && !o.repeatable()) {
                throw new IllegalArgumentException("option " + o.flag() + " is given twice");
            }
            given.forEach(o::parse);
        }
        return byId;
    }

    /** The id of the drug perturbation type, whose doses are {@link #doses()}. */
    private static final String DRUG = "drug";

    /** @return the value of an option of the design: the given one, else its default (null when it has none) */
    public <T> T value(DesignOption<T> option) {
        String text = design.value(option.id());
        return text == null ? option.defaultValue() : option.parse(text);
    }

    /** @return every value given for an option, in order (empty when none was given) */
    public <T> List<T> values(DesignOption<T> option) {
        List<T> l = new ArrayList<>();
        for (String text : design.values(option.id())) {
            l.add(option.parse(text));
        }
        return l;
    }

    /** @return the text of a design option, or null when it was not given */
    public String option(String name) {
        return design.value(name);
    }

    /** @return the cell context given, or {@code model} for the model as it is; as result tables write it */
    public String contextLabel() {
        List<String> c = design.perturbation("context");
        return c.isEmpty() ? "model" : c.get(0);
    }

    /**
     * @return cells in the given state, pre-equilibrated on first use; give the treatment with
     *         {@code cells.withTreatmentChanges(treatment()).treat(doses(), ...)} and read an
     *         untreated control from the cells themselves
     */
    public Cells cells(ModelChanges state) {
        return new Cells(model, state, drugs, solverOptions);
    }

    /** @return the request's cells with the treatment-stage changes other than drugs given with every treatment */
    public Cells treatableCells() {
        return cells(cells).withTreatmentChanges(treatment);
    }
}
