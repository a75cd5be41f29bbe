package org.mtorworkbench.simulation.internal;

import org.mtorworkbench.simulation.extension.Integrator;
import org.mtorworkbench.simulation.extension.IntegratorSettings;
import org.mtorworkbench.simulation.extension.OdeSystem;
import org.mtorworkbench.simulation.extension.SolverProvider;

/**
 * The exact stochastic simulation algorithms ({@link StochasticStepper}), contributed as
 * services like the deterministic solvers. A service instance draws from the default seed; a
 * run with a seed of its own uses {@link #seeded}.
 */
public final class StochasticSolvers {

    /** The seed of runs that give none. */
    public static final long DEFAULT_SEED = 1L;

    /** Gillespie's direct method. */
    public static final SolverProvider DIRECT = new DirectMethodSolver();
    /** Gibson and Bruck's next reaction method. */
    public static final SolverProvider NEXT_REACTION = new NextReactionSolver();

    private StochasticSolvers() {
    }

    /** @return true if the provider is one of the exact stochastic methods */
    public static boolean isStochastic(SolverProvider p) {
        return p instanceof Base;
    }

    /**
     * @return {@code p} drawing from {@code seed} when it is a stochastic method (a new
     *         provider of the same id), else {@code p} itself
     */
    public static SolverProvider seeded(SolverProvider p, long seed) {
        if (p instanceof Base b) {
            return b.withSeed(seed);
        }
        return p;
    }

    /** One of the methods, with the seed of its runs. */
    static class Base implements SolverProvider {
        private final String id;
        private final String kisaoId;
        private final String description;
        private final StochasticStepper.Method method;
        private final long seed;

        Base(String id, String kisaoId, String description, StochasticStepper.Method method, long seed) {
            this.id = id;
            this.kisaoId = kisaoId;
            this.description = description;
            this.method = method;
            this.seed = seed;
        }

        @Override
        public final String id() {
            return id;
        }

        @Override
        public final String kisaoId() {
            return kisaoId;
        }

        @Override
        public final String description() {
            return description;
        }

        @Override
        public final Integrator create(OdeSystem system, IntegratorSettings s) {
            if (!(system instanceof RhsSystem r)) {
                throw new IllegalArgumentException("the stochastic solver " + id + " simulates the engine's "
                        + "compiled models only, not " + system.getClass().getName());
            }
            return new StochasticStepper(r.rhs(), method, seed, s.maxSteps());
        }

        /** @return this method drawing from another seed */
        final Base withSeed(long s) {
            return new Base(id, kisaoId, description, method, s);
        }
    }

    /** Service component: Gillespie's direct method. */
    public static final class DirectMethodSolver extends Base {
        public DirectMethodSolver() {
            super("SSA", "KISAO:0000029", "exact stochastic simulation, Gillespie's direct method; seeded (--seed), "
                    + "molecules as amounts", StochasticStepper.Method.DIRECT, DEFAULT_SEED);
        }
    }

    /** Service component: Gibson and Bruck's next reaction method. */
    public static final class NextReactionSolver extends Base {
        public NextReactionSolver() {
            super("NEXT_REACTION", "KISAO:0000027", "exact stochastic simulation, Gibson and Bruck's next reaction "
                    + "method; seeded (--seed)", StochasticStepper.Method.NEXT_REACTION, DEFAULT_SEED);
        }
    }
}
