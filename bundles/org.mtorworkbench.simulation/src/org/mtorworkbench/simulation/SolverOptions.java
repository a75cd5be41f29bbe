package org.mtorworkbench.simulation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Typed, immutable solver options with documented defaults; {@code withX} methods return
 * copies. Example: {@code SolverOptions.defaults().with(SolverOptions.RELATIVE_TOLERANCE, 1e-8)}.
 */
public final class SolverOptions {

    /** A typed option key with its default. */
    public static final class Option<T> {
        private final String name;
        private final Class<T> type;
        private final T defaultValue;
        private final String description;

        private Option(String name, Class<T> type, T defaultValue, String description) {
            this.name = name;
            this.type = type;
            this.defaultValue = defaultValue;
            this.description = description;
        }

        public String name() {
            return name;
        }

        public Class<T> type() {
            return type;
        }

        public T defaultValue() {
            return defaultValue;
        }

        public String description() {
            return description;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The integration method; default {@link Solver#AUTO}. */
    public static final Option<Solver> SOLVER = new Option<>("solver", Solver.class, Solver.AUTO,
            "integration method");
    /** Relative tolerance; default 1e-6. */
    public static final Option<Double> RELATIVE_TOLERANCE = new Option<>("rtol", Double.class, 1e-6,
            "relative error tolerance per step");
    /**
     * Absolute tolerance, in the units of the state (amounts); default 1e-12. With
     * {@link #SCALE_ABSOLUTE_TOLERANCE} (the default) it is multiplied by the largest magnitude of
     * the initial state when that is below 1.
     */
    public static final Option<Double> ABSOLUTE_TOLERANCE = new Option<>("atol", Double.class, 1e-12,
            "absolute error tolerance per step");
    /**
     * Whether the absolute tolerance scales with the model's magnitude; default true: a model
     * whose largest initial state magnitude m is below 1 (amounts in moles in a femtolitre,
     * say, about 1e-21) is integrated with the absolute tolerance {@code atol * m}, so its
     * states are controlled as tightly, relative to its own scale, as those of a model of
     * amounts near 1. Models whose initial states are all zero, or reach 1 or more, are not
     * affected.
     */
    public static final Option<Boolean> SCALE_ABSOLUTE_TOLERANCE = new Option<>("scale-atol", Boolean.class, true,
            "multiply the absolute tolerance by the largest initial state magnitude when that is below 1");
    /** Maximum number of steps per run; default 500000. */
    public static final Option<Long> MAX_STEPS = new Option<>("max-steps", Long.class, 500_000L,
            "maximum number of steps in one run");
    /** Initial step size; 0 (the default) lets the solver choose. */
    public static final Option<Double> INITIAL_STEP = new Option<>("initial-step", Double.class, 0.0,
            "initial step size, 0 for automatic");
    /** Largest step size; default unbounded. */
    public static final Option<Double> MAX_STEP = new Option<>("max-step", Double.class, Double.POSITIVE_INFINITY,
            "largest step size");

    /** Seed of the random numbers of stochastic solvers (any long, 0 included); default 1. */
    public static final Option<Long> SEED = new Option<>("seed", Long.class, 1L,
            "seed of a stochastic solver's random numbers");

    /** Every option, for help texts. */
    public static final List<Option<?>> ALL = List.of(SOLVER, RELATIVE_TOLERANCE, ABSOLUTE_TOLERANCE,
            SCALE_ABSOLUTE_TOLERANCE, MAX_STEPS, INITIAL_STEP, MAX_STEP, SEED);

    private static final SolverOptions DEFAULTS = new SolverOptions(Map.of());

    private final Map<Option<?>, Object> values;

    private SolverOptions(Map<Option<?>, Object> values) {
        this.values = values;
    }

    public static SolverOptions defaults() {
        return DEFAULTS;
    }

    public <T> T get(Option<T> option) {
        Object v = values.get(option);
        return v == null ? option.defaultValue : option.type.cast(v);
    }

    /** @return a copy with {@code option} set; checks the value */
    public <T> SolverOptions with(Option<T> option, T value) {
        Objects.requireNonNull(value, option.name);
        if (value instanceof Double d && (d.isNaN() || d < 0 || (d == 0 && option != INITIAL_STEP))) {
            throw new IllegalArgumentException(option.name + " must be positive, not " + d);
        }
        if (value instanceof Long l && l <= 0 && option != SEED) {
            throw new IllegalArgumentException(option.name + " must be positive, not " + l);
        }
        Map<Option<?>, Object> m = new HashMap<>(values);
        m.put(option, value);
        return new SolverOptions(Map.copyOf(m));
    }

    public SolverOptions withSolver(Solver s) {
        return with(SOLVER, s);
    }

    public SolverOptions withRelativeTolerance(double rtol) {
        return with(RELATIVE_TOLERANCE, rtol);
    }

    public SolverOptions withAbsoluteTolerance(double atol) {
        return with(ABSOLUTE_TOLERANCE, atol);
    }

    public SolverOptions withScaledAbsoluteTolerance(boolean scale) {
        return with(SCALE_ABSOLUTE_TOLERANCE, scale);
    }

    public SolverOptions withMaxSteps(long n) {
        return with(MAX_STEPS, n);
    }

    public SolverOptions withInitialStep(double h) {
        return with(INITIAL_STEP, h);
    }

    public SolverOptions withMaxStep(double h) {
        return with(MAX_STEP, h);
    }

    public SolverOptions withSeed(long seed) {
        return with(SEED, seed);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SolverOptions[");
        for (Option<?> o : ALL) {
            sb.append(o.name).append('=').append(get(o)).append(o == ALL.get(ALL.size() - 1) ? "" : ", ");
        }
        return sb.append(']').toString();
    }
}
