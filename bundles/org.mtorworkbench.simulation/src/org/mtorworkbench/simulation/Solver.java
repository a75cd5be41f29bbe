package org.mtorworkbench.simulation;

import java.util.List;
import java.util.Objects;

import org.mtorworkbench.sbml.extension.TrackedServices;
import org.mtorworkbench.simulation.extension.SolverProvider;
import org.mtorworkbench.simulation.internal.BuiltinSolvers;
import org.mtorworkbench.simulation.internal.StochasticSolvers;

/**
 * An integration method with its KiSAO term (Kinetic Simulation Algorithm Ontology): one of
 * the {@link SolverProvider} services active bundles contribute, the product's own three
 * among them. Two solvers are equal when their ids are.
 */
public final class Solver {

    /** Variable-order (1-5), variable-step BDF with Newton iteration and Jacobian/LU reuse; for stiff models. */
    public static final Solver BDF = new Solver(BuiltinSolvers.BDF);
    /** Explicit Runge-Kutta 5(4) of Dormand and Prince; for non-stiff models. */
    public static final Solver DORMAND_PRINCE = new Solver(BuiltinSolvers.DORMAND_PRINCE);
    /**
     * Starts with Dormand-Prince and switches to BDF for the rest of the run when a stiffness
     * test fires, in the manner of LSODA (KiSAO's term for automatic stiff/non-stiff switching).
     */
    public static final Solver AUTO = new Solver(BuiltinSolvers.AUTO);

    private final SolverProvider provider;

    private Solver(SolverProvider provider) {
        this.provider = Objects.requireNonNull(provider);
    }

    /** @return the solver of a contributed provider */
    public static Solver of(SolverProvider provider) {
        return new Solver(provider);
    }

    /** @return the id users type, e.g. {@code BDF} */
    public String name() {
        return provider.id();
    }

    /** @return the KiSAO id, e.g. {@code KISAO:0000288} */
    public String kisaoId() {
        return provider.kisaoId();
    }

    public String description() {
        return provider.description();
    }

    /**
     * Gillespie's direct method, exact stochastic simulation (KISAO:0000029): one trajectory
     * per run, species amounts as molecule counts, seeded by {@link SolverOptions#SEED}.
     */
    public static final Solver SSA = new Solver(StochasticSolvers.DIRECT);
    /** Gibson and Bruck's next reaction method (KISAO:0000027), sampling the same process as {@link #SSA}. */
    public static final Solver NEXT_REACTION = new Solver(StochasticSolvers.NEXT_REACTION);

    /** @return true for exact stochastic methods, whose runs are random trajectories (seeded) */
    public boolean isStochastic() {
        return StochasticSolvers.isStochastic(provider);
    }

    /** @return the service that creates this solver's integrators */
    public SolverProvider provider() {
        return provider;
    }

    /** The solver providers of the active bundles, tracked with this bundle's context. */
    private static final TrackedServices<SolverProvider> PROVIDERS = new TrackedServices<>(Solver.class,
            SolverProvider.class, SolverProvider::id, BuiltinSolvers.ALL);

    /** @return the solvers of every active bundle (the product's own first); outside OSGi the built-in ones */
    public static List<Solver> values() {
        return PROVIDERS.get().stream().map(Solver::new).toList();
    }

    /**
     * @return the solver with this id (case-insensitive; '-' and '_' alike) or KiSAO id
     *         ({@code KISAO:0000288} or {@code KISAO_0000288}), or null
     */
    public static Solver byName(String name) {
        String n = name.replace('-', '_');
        for (Solver s : values()) {
            if (s.name().equalsIgnoreCase(n) || s.kisaoId().equalsIgnoreCase(name)
                    || s.kisaoId().replace(':', '_').equalsIgnoreCase(name)) {
                return s;
            }
        }
        return null;
    }

    /**
     * @return the solver with exactly this id
     * @throws IllegalArgumentException when no active bundle contributes it
     */
    public static Solver valueOf(String id) {
        for (Solver s : values()) {
            if (s.name().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no solver '" + id + "'");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Solver s && s.name().equals(name());
    }

    @Override
    public int hashCode() {
        return name().hashCode();
    }

    @Override
    public String toString() {
        return name();
    }
}
