package org.mtorworkbench.experiments;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.simulation.CompiledModel;
import org.mtorworkbench.simulation.Output;
import org.mtorworkbench.simulation.Simulation;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SolverOptions;
import org.mtorworkbench.simulation.SteadyState;
import org.mtorworkbench.simulation.TimeCourse;
import org.sbml.jsbml.AssignmentRule;
import org.sbml.jsbml.Rule;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.Species;

/**
 * A model compiled once and run many times: every run starts from the pristine model plus
 * its own changes, so nothing leaks between runs. Knockouts hold a species at zero; they
 * need a recompiled variant of the model, made once per set of knockouts and cached.
 * Thread-safe.
 */
public final class PreparedModel {

    /** How long pre-equilibration runs, in model time units (minutes for the built-in network). */
    public static final double EQUILIBRATION_TIME = 6000;

    private final SBMLDocument pristine;
    private final CompiledModel compiled;
    private final List<String> stateSpecies;
    private final Map<Set<String>, CompiledModel> knockoutVariants = new java.util.concurrent.ConcurrentHashMap<>();

    private PreparedModel(SBMLDocument pristine, CompiledModel compiled) {
        this.pristine = pristine;
        this.compiled = compiled;
        Set<String> ruled = new HashSet<>();
        for (Rule r : pristine.getModel().getListOfRules()) {
            if (r instanceof AssignmentRule a) {
                ruled.add(a.getVariable());
            }
        }
        List<String> state = new ArrayList<>();
        for (Species s : pristine.getModel().getListOfSpecies()) {
            if (!s.getConstant() && !ruled.contains(s.getId())) {
                state.add(s.getId());
            }
        }
        this.stateSpecies = List.copyOf(state);
    }

    /**
     * Compiles a document; the document is copied first, so later changes to it do not
     * reach this model.
     */
    public static PreparedModel of(SBMLDocument doc) throws SimulationException {
        SBMLDocument copy = doc.clone();
        return new PreparedModel(copy, CompiledModel.compile(copy));
    }

    /** @return a copy of the pristine document this model was compiled from */
    public SBMLDocument document() {
        return pristine.clone();
    }

    /** @return the compiled pristine model */
    public CompiledModel compiled() {
        return compiled;
    }

    /** @return the global parameters that are constant, finite and non-zero, with their values, in model order */
    public Map<String, Double> constantParameters() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (org.sbml.jsbml.Parameter p : pristine.getModel().getListOfParameters()) {
            if (p.getConstant() && p.isSetValue() && Double.isFinite(p.getValue()) && p.getValue() != 0) {
                out.put(p.getId(), p.getValue());
            }
        }
        return out;
    }

    /**
     * Overexpression: the species starts at {@code factor} times its initial value (for a
     * protein whose forms are conserved, the total rises by the same amount).
     *
     * @throws IllegalArgumentException for an unknown species or a factor below 0
     */
    public ModelChanges overexpression(String species, double factor) {
        double initial = initialValue(species);
        if (!(factor >= 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("an overexpression factor must be finite and >= 0, not " + factor);
        }
        return ModelChanges.initialValue(species, initial * factor);
    }

    /**
     * @return the species' initial value as the model states it (concentration, else amount, else 0)
     * @throws IllegalArgumentException for an unknown species
     */
    public double initialValue(String species) {
        Species s = pristine.getModel().getSpecies(species);
        if (s == null) {
            throw new IllegalArgumentException("model '" + pristine.getModel().getId() + "' has no species '" + species
                    + "'");
        }
        return s.isSetInitialConcentration() ? s.getInitialConcentration()
                : s.isSetInitialAmount() ? s.getInitialAmount() : 0;
    }

    /** @return the species that are integrated (not constant, not set by rules) */
    public List<String> stateSpecies() {
        return stateSpecies;
    }

    /**
     * A run of the pristine model with these changes.
     *
     * @throws IllegalArgumentException naming an id the model lacks or a rule defines
     */
    public Simulation simulation(ModelChanges changes) throws SimulationException {
        Simulation sim = variant(changes.knockouts()).newSimulation();
        for (Map.Entry<String, Double> e : changes.parameters().entrySet()) {
            sim = sim.withValue(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Double> e : changes.initialValues().entrySet()) {
            sim = sim.withValue(e.getKey(), e.getValue());
        }
        return sim;
    }

    private CompiledModel variant(Set<String> knockouts) throws SimulationException {
        if (knockouts.isEmpty()) {
            return compiled;
        }
        CompiledModel cached = knockoutVariants.get(knockouts);
        if (cached != null) {
            return cached;
        }
        SBMLDocument doc = pristine.clone();
        for (String id : knockouts) {
            Species s = doc.getModel().getSpecies(id);
            if (s == null) {
                throw new IllegalArgumentException("cannot knock out '" + id + "': model '"
                        + doc.getModel().getId() + "' has no such species");
            }
            s.setInitialConcentration(0);
            if (s.isSetInitialAmount()) {
                s.setInitialAmount(0);
            }
            s.setBoundaryCondition(true);
            s.setConstant(true);
            for (int i = doc.getModel().getInitialAssignmentCount() - 1; i >= 0; i--) {
                if (id.equals(doc.getModel().getInitialAssignment(i).getVariable())) {
                    doc.getModel().removeInitialAssignment(i);
                }
            }
        }
        CompiledModel v = CompiledModel.compile(doc);
        knockoutVariants.put(Set.copyOf(knockouts), v);
        return v;
    }

    /**
     * Runs the model with {@code changes} until it settles ({@link #EQUILIBRATION_TIME}) and
     * returns the state: the species values to start treated runs from.
     */
    public Map<String, Double> equilibrate(ModelChanges changes, SolverOptions options, BooleanSupplier cancelled)
            throws SimulationException {
        List<Output> outs = stateSpecies.stream().map(Output::of).toList();
        TimeCourse tc = simulation(changes).run(new double[] { EQUILIBRATION_TIME }, outs, options, cancelled);
        Map<String, Double> state = new LinkedHashMap<>();
        for (int c = 0; c < outs.size(); c++) {
            state.put(outs.get(c).id(), tc.value(0, c));
        }
        return state;
    }

    /**
     * Pre-equilibrates with {@code before}, then applies {@code treatment} at time 0 and
     * reports {@code ids} at the given times.
     */
    public TimeCourse treat(ModelChanges before, ModelChanges treatment, double[] times, List<String> ids,
            SolverOptions options, BooleanSupplier cancelled) throws SimulationException {
        return treatFrom(equilibrate(before, options, cancelled), before, treatment, times, ids, options, cancelled);
    }

    /**
     * Like {@link #treat} from a state found earlier by {@link #equilibrate} with the same
     * {@code before} changes, so many treatments share one pre-equilibration.
     */
    public TimeCourse treatFrom(Map<String, Double> state, ModelChanges before, ModelChanges treatment,
            double[] times, List<String> ids, SolverOptions options, BooleanSupplier cancelled)
            throws SimulationException {
        return simulation(startingAt(state, before, treatment)).run(times, ids.stream().map(Output::of).toList(),
                options, cancelled);
    }

    /** The steady state reached after a treatment given to equilibrated cells. */
    public SteadyState steadyStateFrom(Map<String, Double> state, ModelChanges before, ModelChanges treatment,
            List<String> ids, SolverOptions options, BooleanSupplier cancelled) throws SimulationException {
        return simulation(startingAt(state, before, treatment)).steadyState(ids.stream().map(Output::of).toList(),
                options, cancelled);
    }

    private static ModelChanges startingAt(Map<String, Double> state, ModelChanges before, ModelChanges treatment) {
        return before.and(new ModelChanges(Map.of(), state, Set.of())).and(treatment);
    }
}
