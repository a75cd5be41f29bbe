package org.mtorworkbench.simulation.seam;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.mtorworkbench.simulation.CompiledModel;
import org.mtorworkbench.simulation.Simulation;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SolverOptions;
import org.mtorworkbench.simulation.internal.Amounts;
import org.mtorworkbench.simulation.internal.Engine;
import org.mtorworkbench.simulation.internal.ModelAccess;
import org.mtorworkbench.simulation.internal.ModelLayout;
import org.mtorworkbench.simulation.internal.ReferenceExport;

/**
 * What a reference solver needs of a compiled model, and nothing more: its equations, the
 * initial values of a run and the engine's trajectory of the state vector. Everything is
 * computed on demand and copied; the model stays immutable.
 */
public final class ReferenceSeam {

    private ReferenceSeam() {
    }

    /**
     * A compiled model's ODE system as the engine integrates it: {@code update} fills the
     * symbol values from the time and state (assignment rules, concentrations, reaction rates,
     * in dependency order), {@code derivatives} the state derivatives from the values, and
     * {@code jacobian} (when {@link #hasJacobian()}) the analytic Jacobian's gradients and
     * entries. Constructs a plain ODE system does not have are counted, so a consumer can
     * refuse them.
     *
     * @param modelId the model's id
     * @param states the number of state variables
     * @param symbols the number of symbol values
     * @param gradientSlots work slots of the analytic Jacobian, or -1 when there is none
     * @param events the number of events
     * @param algebraicVariables variables determined by algebraic rules or fast reactions
     * @param rateOfTargets variables whose rate of change {@code rateOf} reads
     */
    public record Equations(String modelId, int states, int symbols, List<Term.Assignment> update,
            List<Term.Assignment> derivatives, List<Term.Assignment> jacobian, int gradientSlots, int events,
            int algebraicVariables, int rateOfTargets, List<int[]> jacobianPattern) {

        public Equations {
            update = List.copyOf(update);
            derivatives = List.copyOf(derivatives);
            jacobian = List.copyOf(jacobian);
            List<int[]> p = new ArrayList<>();
            for (int[] row : jacobianPattern) {
                p.add(row.clone());
            }
            jacobianPattern = Collections.unmodifiableList(p);
        }

        /** @return true if the model has an analytic Jacobian */
        public boolean hasJacobian() {
            return gradientSlots >= 0;
        }

        /** @return for each state, the states its derivative depends on (copies) */
        @Override
        public List<int[]> jacobianPattern() {
            List<int[]> p = new ArrayList<>();
            for (int[] row : jacobianPattern) {
                p.add(row.clone());
            }
            return p;
        }
    }

    /**
     * The values a run starts from, after initial assignments and rules, and the absolute
     * tolerance the engine integrates with (the option's, scaled for models of tiny amounts).
     */
    public record Start(double[] symbols, double[] state, double absoluteTolerance) {
        public Start {
            symbols = symbols.clone();
            state = state.clone();
        }

        @Override
        public double[] symbols() {
            return symbols.clone();
        }

        @Override
        public double[] state() {
            return state.clone();
        }

        /** @return the start time (symbol 0) */
        public double time() {
            return symbols[0];
        }
    }

    /** @return the model's equations, built now from its compiled form */
    public static Equations equations(CompiledModel model) {
        ModelLayout l = layout(model);
        return new Equations(l.modelId(), l.stateCount(), l.symbolCount(), ReferenceExport.update(l),
                ReferenceExport.derivatives(l), ReferenceExport.jacobian(l), ReferenceExport.gradientSlots(l),
                l.eventCount(), ReferenceExport.algebraicVariables(l), ReferenceExport.rateOfTargets(l),
                List.of(ReferenceExport.jacobianPattern(l)));
    }

    /** @return the ids of the state variables, in state order */
    public static List<String> stateIds(CompiledModel model) {
        ModelLayout l = layout(model);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < l.stateCount(); k++) {
            out.add(l.id(l.symbolOfState(k)));
        }
        return Collections.unmodifiableList(out);
    }

    /** @return for each state, true if it is a species amount (else a rate-rule variable or a fast subsystem's state) */
    public static boolean[] speciesAmounts(CompiledModel model) {
        ModelLayout l = layout(model);
        boolean[] out = new boolean[l.stateCount()];
        for (int k = 0; k < out.length; k++) {
            out[k] = l.isAmountState(k);
        }
        return out;
    }

    /**
     * @return the symbol values and state vector a run of the simulation starts from
     * @throws SimulationException if the initial values cannot be computed
     */
    public static Start start(Simulation sim, SolverOptions options) throws SimulationException {
        Engine e = ModelAccess.get().engine(sim, options);
        return new Start(e.values(), e.state(), e.absoluteTolerance());
    }

    /**
     * Integrates the simulation with the engine and returns the state vector (species as
     * amounts) at each output time.
     *
     * @param times output times, the first the simulation's start time
     */
    public static double[][] stateTrajectory(Simulation sim, double[] times, SolverOptions options)
            throws SimulationException {
        ModelLayout l = layout(sim.model());
        Engine engine = ModelAccess.get().engine(sim, options);
        int ns = l.stateCount();
        double[][] out = new double[times.length][ns];
        engine.run(times, (row, t, v) -> {
            for (int k = 0; k < ns; k++) {
                out[row][k] = Amounts.state(l, k, v);
            }
        }, () -> false);
        return out;
    }

    private static ModelLayout layout(CompiledModel model) {
        return ModelAccess.get().layout(model);
    }
}
