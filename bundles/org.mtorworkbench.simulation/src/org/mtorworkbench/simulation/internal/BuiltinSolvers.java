package org.mtorworkbench.simulation.internal;

import java.util.List;

import org.mtorworkbench.simulation.extension.Integrator;
import org.mtorworkbench.simulation.extension.IntegratorSettings;
import org.mtorworkbench.simulation.extension.OdeSystem;
import org.mtorworkbench.simulation.extension.SolverProvider;

/** The engine's own integration methods, contributed as services like anyone else's. */
public final class BuiltinSolvers {

    /** Variable-order BDF; also what the automatic method switches to. */
    public static final SolverProvider BDF = new BdfSolver();
    /** Dormand-Prince 5(4). */
    public static final SolverProvider DORMAND_PRINCE = new DormandPrinceSolver();
    /** Dormand-Prince with a switch to BDF on stiffness. */
    public static final SolverProvider AUTO = new AutoSolver();
    /** The three and the stochastic methods, for use outside OSGi. */
    public static final List<SolverProvider> ALL = List.of(AUTO, BDF, DORMAND_PRINCE, StochasticSolvers.DIRECT,
            StochasticSolvers.NEXT_REACTION);

    private BuiltinSolvers() {
    }

    private static Rhs rhs(OdeSystem system, String id) {
        if (system instanceof RhsSystem r) {
            return r.rhs();
        }
        throw new IllegalArgumentException("the built-in solver " + id + " integrates the engine's compiled models"
                + " only, not " + system.getClass().getName());
    }

    /** Service component: variable-order BDF. */
    public static final class BdfSolver implements SolverProvider {
        @Override
        public String id() {
            return "BDF";
        }

        @Override
        public String kisaoId() {
            return "KISAO:0000288";
        }

        @Override
        public String description() {
            return "variable-order (1-5) BDF with Newton iteration and Jacobian/LU reuse; for stiff models";
        }

        @Override
        public Integrator create(OdeSystem system, IntegratorSettings s) {
            return new Bdf(rhs(system, id()), s.relativeTolerance(), s.absoluteTolerance(), s.initialStep(),
                    s.maxStep(), s.maxSteps());
        }
    }

    /** Service component: Dormand-Prince 5(4). */
    public static final class DormandPrinceSolver implements SolverProvider {
        @Override
        public String id() {
            return "DORMAND_PRINCE";
        }

        @Override
        public String kisaoId() {
            return "KISAO:0000087";
        }

        @Override
        public String description() {
            return "explicit Runge-Kutta 5(4) of Dormand and Prince; for non-stiff models";
        }

        @Override
        public Integrator create(OdeSystem system, IntegratorSettings s) {
            return new DormandPrince(rhs(system, id()), s.relativeTolerance(), s.absoluteTolerance(), s.initialStep(),
                    s.maxStep(), s.maxSteps(), false);
        }
    }

    /** Service component: Dormand-Prince that hands over to BDF when a stiffness test fires. */
    public static final class AutoSolver implements SolverProvider {
        @Override
        public String id() {
            return "AUTO";
        }

        @Override
        public String kisaoId() {
            return "KISAO:0000088";
        }

        @Override
        public String description() {
            return "Dormand-Prince with a switch to BDF on stiffness, in the manner of LSODA (default)";
        }

        @Override
        public Integrator create(OdeSystem system, IntegratorSettings s) {
            return new DormandPrince(rhs(system, id()), s.relativeTolerance(), s.absoluteTolerance(), s.initialStep(),
                    s.maxStep(), s.maxSteps(), true);
        }
    }
}
