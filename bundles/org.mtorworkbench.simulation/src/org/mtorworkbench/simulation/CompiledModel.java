package org.mtorworkbench.simulation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.mtorworkbench.simulation.internal.Engine;
import org.mtorworkbench.simulation.internal.ModelAccess;
import org.mtorworkbench.simulation.internal.ModelBuilder;
import org.mtorworkbench.simulation.internal.ModelLayout;
import org.mtorworkbench.simulation.internal.SymbolKind;
import org.mtorworkbench.sbml.CompFlattening;
import org.mtorworkbench.sbml.CompFlatteningException;
import org.sbml.jsbml.SBMLDocument;

/**
 * An SBML model compiled to JVM bytecode: rate laws, rules, initial assignments and events
 * as generated code, plus what the solvers need. Immutable and thread-safe: compile once,
 * then start any number of {@link Simulation}s, concurrently, each with its own overrides.
 * The JSBML document is read, never changed.
 */
public final class CompiledModel {

    static {
        ModelAccess.install(new ModelAccess() {
            @Override
            public ModelLayout layout(CompiledModel model) {
                return model.layout;
            }

            @Override
            public Engine engine(Simulation simulation, SolverOptions options) throws SimulationException {
                return simulation.engine(options);
            }
        });
    }

    private final ModelLayout layout;
    private final long compileNanos;

    private CompiledModel(ModelLayout layout, long compileNanos) {
        this.layout = layout;
        this.compileNanos = compileNanos;
    }

    /**
     * Compiles a document's model.
     *
     * @throws SimulationException UNSUPPORTED for constructs not simulated (naming element and construct),
     *         INVALID_MODEL for undefined ids, cycles of rules and the like
     */
    public static CompiledModel compile(SBMLDocument doc) throws SimulationException {
        long t0 = System.nanoTime();
        if (doc != null && doc.isSetModel() && FluxBalance.uses(doc)) {
            throw new SimulationException(SimulationException.Kind.UNSUPPORTED, "model '" + doc.getModel().getId()
                    + "' uses the SBML package 'fbc' (flux balance): its flux bounds and objectives define a linear programme,"
                    + " which FluxBalance solves; a time course of it is not simulated");
        }
        // A hierarchical model is compiled from its flattened copy; the document stays as it is.
        SBMLDocument model = doc;
        if (CompFlattening.usesComp(doc)) {
            try {
                model = CompFlattening.flatten(doc);
            } catch (CompFlatteningException e) {
                throw new SimulationException(e.kind() == CompFlatteningException.Kind.UNSUPPORTED
                        ? SimulationException.Kind.UNSUPPORTED : SimulationException.Kind.INVALID_MODEL, e.getMessage(), e);
            }
        }
        ModelLayout layout = ModelBuilder.build(model);
        return new CompiledModel(layout, System.nanoTime() - t0);
    }

    /** Compiles a flux-balance model for its initial values (bounds, stoichiometries); the fbc package itself is read by {@link FluxBalance}. */
    static CompiledModel compileFluxBalance(SBMLDocument doc) throws SimulationException {
        long t0 = System.nanoTime();
        ModelLayout layout = ModelBuilder.build(doc, java.util.Set.of("fbc"));
        return new CompiledModel(layout, System.nanoTime() - t0);
    }

    ModelLayout layout() {
        return layout;
    }

    public String modelId() {
        return layout.modelId();
    }

    /** @return the time taken to analyse and compile the model, in nanoseconds */
    public long compileNanos() {
        return compileNanos;
    }

    /** @return the ids of all species, in document order */
    public List<String> speciesIds() {
        return idsOfKind(SymbolKind.SPECIES);
    }

    /** @return the ids of the global parameters */
    public List<String> parameterIds() {
        return idsOfKind(SymbolKind.PARAMETER);
    }

    /** @return the ids of the compartments */
    public List<String> compartmentIds() {
        return idsOfKind(SymbolKind.COMPARTMENT);
    }

    /** @return the ids of the reactions */
    public List<String> reactionIds() {
        return idsOfKind(SymbolKind.REACTION);
    }

    private List<String> idsOfKind(SymbolKind kind) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < layout.symbolCount(); i++) {
            if (layout.kind(i) == kind) {
                out.add(layout.id(i));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** @return true if the id names something a run can report */
    public boolean hasId(String id) {
        int i = layout.indexOf(id);
        return i > 0 && layout.kind(i) != SymbolKind.INTERNAL;
    }

    /** @return the number of ODE state variables */
    public int stateCount() {
        return layout.stateCount();
    }

    /** @return the number of events */
    public int eventCount() {
        return layout.eventCount();
    }

    /** @return a simulation of this model with its own values, starting at time 0 */
    public Simulation newSimulation() {
        return new Simulation(this);
    }

    /** @return a listing of the generated code (initial values, rules, rates, derivatives), for diagnostics */
    public String generatedSource() {
        return layout.source();
    }
}
