package org.mtorworkbench.simulation.internal;

import java.util.List;

/**
 * What the compiler learned about a model: its symbols, state vector, events and Jacobian
 * sparsity, and the generated code. Immutable after construction by {@link ModelBuilder};
 * arrays are never handed out.
 */
public final class ModelLayout {

    // The symbol kinds under their former names, for code written against them.
    public static final SymbolKind TIME = SymbolKind.TIME;
    public static final SymbolKind COMPARTMENT = SymbolKind.COMPARTMENT;
    public static final SymbolKind SPECIES = SymbolKind.SPECIES;
    public static final SymbolKind PARAMETER = SymbolKind.PARAMETER;
    public static final SymbolKind REACTION = SymbolKind.REACTION;
    public static final SymbolKind SPECIES_REFERENCE = SymbolKind.SPECIES_REFERENCE;
    public static final SymbolKind LOCAL_PARAMETER = SymbolKind.LOCAL_PARAMETER;
    public static final SymbolKind INTERNAL = SymbolKind.INTERNAL;

    final String modelId;
    final String[] ids;
    final SymbolKind[] kinds;
    final double[] p0;
    /** Symbols whose value is fixed by an assignment rule (not overridable, not event targets). */
    final boolean[] ruleAssigned;
    final boolean[] hasInitialAssignment;
    /** For species, the compartment symbol; else -1. */
    final int[] speciesCompartment;
    final boolean[] onlySubstanceUnits;
    final int[] stateSymbol;
    /** True where the state is a species amount (the symbol is a concentration unless hOSU). */
    final boolean[] stateIsAmount;
    final int[] symbolState;
    final String[] eventIds;
    final int[][] eventTargets;
    final boolean[] eventInitialValue;
    final boolean[] eventPersistent;
    final boolean[] eventValuesAtTrigger;
    final boolean[] eventHasDelay;
    final boolean[] eventHasPriority;
    /** For each state i, the states its derivative depends on. */
    final int[][] jacobianPattern;
    /** Symbols determined by algebraic rules, in rule order. */
    final int[] algebraicVars;
    /** Work slots of the analytic Jacobian, or -1 when it is computed by finite differences. */
    final int gradientSlots;
    /** Root functions: the operand differences of the comparisons in event triggers. */
    final int rootCount;
    /** Symbols whose rate of change rateOf reads, and the internal symbols holding those rates. */
    final int[] rateTargets;
    final int[] rateSymbols;
    final String source;
    final ModelCode code;
    /** The model's delay csymbols, if any. */
    final Delays.Summary delays;
    /** How many of the last {@link #algebraicVars} are fast reactions' extents rather than rule variables. */
    final int fastExtents;
    /** The statements behind the generated update, derivs and jacobian methods. */
    final Equations equations;
    /** The right-hand side's derivatives with respect to constants, generated when sensitivities first need them (guarded by this). */
    ParameterJacobian parameterJacobian;
    boolean parameterJacobianTried;
    /** The times at which the model's math switches on time alone. */
    final TimeSwitches timeSwitches;

    /**
     * The statements the generated {@code update}, {@code derivs} and {@code jacobian} run, in
     * order: assignment rules and rates into {@code v}, derivatives into {@code dy}, the
     * analytic Jacobian's gradients and entries (empty when it is computed by finite
     * differences). Kept so the same system can be written in another language.
     */
    record Equations(List<CodeGenerator.Store> update, List<CodeGenerator.Store> derivs,
            List<CodeGenerator.Store> jacobian) {
        Equations {
            update = List.copyOf(update);
            derivs = List.copyOf(derivs);
            jacobian = List.copyOf(jacobian);
        }
    }

    /**
     * Collects a layout phase by phase (each setter is one phase's result) and makes the
     * immutable layout; every phase must have been given exactly once.
     */
    static final class Builder {
        private final java.util.Set<String> given = new java.util.HashSet<>();
        private String modelId;
        private String[] ids;
        private SymbolKind[] kinds;
        private double[] p0;
        private int[] speciesCompartment;
        private boolean[] onlySubstanceUnits;
        private boolean[] ruleAssigned;
        private int[] algebraicVars;
        private int fastExtents;
        private int[] rateTargets;
        private int[] rateSymbols;
        private int[] stateSymbol;
        private boolean[] stateIsAmount;
        private int[][] jacobianPattern;
        private int gradientSlots;
        private boolean[] hasInitialAssignment;
        private String[] eventIds;
        private int[][] eventTargets;
        private boolean[] eventInitialValue;
        private boolean[] eventPersistent;
        private boolean[] eventValuesAtTrigger;
        private boolean[] eventHasDelay;
        private boolean[] eventHasPriority;
        private int rootCount;
        private String source;
        private ModelCode code;
        private Delays.Summary delays;
        private Equations equations;
        private TimeSwitches timeSwitches = TimeSwitches.NONE;

        private void once(String phase) {
            if (!given.add(phase)) {
                throw new IllegalStateException("the layout's " + phase + " are given twice");
            }
        }

        /** The symbols: ids, kinds, default values; for species their compartment and units. */
        Builder symbols(String modelId, String[] ids, SymbolKind[] kinds, double[] p0, int[] speciesCompartment,
                boolean[] onlySubstanceUnits) {
            once("symbols");
            this.modelId = modelId;
            this.ids = ids;
            this.kinds = kinds;
            this.p0 = p0;
            this.speciesCompartment = speciesCompartment;
            this.onlySubstanceUnits = onlySubstanceUnits;
            return this;
        }

        /**
         * The rules: symbols assignment rules fix, the variables algebraic rules determine (the
         * last {@code fastExtents} of them fast reactions' extents), rateOf's targets and the
         * internal symbols holding their rates.
         */
        Builder rules(boolean[] ruleAssigned, int[] algebraicVars, int fastExtents, int[] rateTargets,
                int[] rateSymbols) {
            once("rules");
            this.ruleAssigned = ruleAssigned;
            this.algebraicVars = algebraicVars;
            this.fastExtents = fastExtents;
            this.rateTargets = rateTargets;
            this.rateSymbols = rateSymbols;
            return this;
        }

        /** The state vector: each state's symbol, and whether it is a species amount. */
        Builder states(int[] stateSymbol, boolean[] stateIsAmount) {
            once("states");
            this.stateSymbol = stateSymbol;
            this.stateIsAmount = stateIsAmount;
            return this;
        }

        /** The Jacobian: its sparsity pattern, and the analytic Jacobian's work slots (-1: finite differences). */
        Builder jacobian(int[][] jacobianPattern, int gradientSlots) {
            once("jacobian");
            this.jacobianPattern = jacobianPattern;
            this.gradientSlots = gradientSlots;
            return this;
        }

        /** The initial values: which symbols have an initial assignment. */
        Builder initialValues(boolean[] hasInitialAssignment) {
            once("initial values");
            this.hasInitialAssignment = hasInitialAssignment;
            return this;
        }

        /** The events, and the number of root functions watched for their triggers. */
        Builder events(String[] eventIds, int[][] eventTargets, boolean[] eventInitialValue, boolean[] eventPersistent,
                boolean[] eventValuesAtTrigger, boolean[] eventHasDelay, boolean[] eventHasPriority, int rootCount) {
            once("events");
            this.eventIds = eventIds;
            this.eventTargets = eventTargets;
            this.eventInitialValue = eventInitialValue;
            this.eventPersistent = eventPersistent;
            this.eventValuesAtTrigger = eventValuesAtTrigger;
            this.eventHasDelay = eventHasDelay;
            this.eventHasPriority = eventHasPriority;
            this.rootCount = rootCount;
            return this;
        }

        /** The generated code, its listing, the delays it reads and the equations behind it. */
        Builder code(ModelCode code, String source, Delays.Summary delays, Equations equations) {
            once("code");
            this.code = code;
            this.source = source;
            this.delays = delays;
            this.equations = equations;
            return this;
        }

        /** The times at which the math switches on time alone (none unless given). */
        Builder timeSwitches(TimeSwitches timeSwitches) {
            once("time switches");
            this.timeSwitches = timeSwitches;
            return this;
        }

        ModelLayout build() {
            for (String phase : List.of("symbols", "rules", "states", "jacobian", "initial values", "events", "code")) {
                if (!given.contains(phase)) {
                    throw new IllegalStateException("the layout's " + phase + " are missing");
                }
            }
            return new ModelLayout(this);
        }
    }

    private ModelLayout(Builder b) {
        this.modelId = b.modelId;
        this.ids = b.ids;
        this.kinds = b.kinds;
        this.p0 = b.p0;
        this.speciesCompartment = b.speciesCompartment;
        this.onlySubstanceUnits = b.onlySubstanceUnits;
        this.ruleAssigned = b.ruleAssigned;
        this.algebraicVars = b.algebraicVars;
        this.fastExtents = b.fastExtents;
        this.rateTargets = b.rateTargets;
        this.rateSymbols = b.rateSymbols;
        this.stateSymbol = b.stateSymbol;
        this.stateIsAmount = b.stateIsAmount;
        this.symbolState = new int[ids.length];
        java.util.Arrays.fill(symbolState, -1);
        for (int i = 0; i < stateSymbol.length; i++) {
            symbolState[stateSymbol[i]] = i;
        }
        this.jacobianPattern = b.jacobianPattern;
        this.gradientSlots = b.gradientSlots;
        this.hasInitialAssignment = b.hasInitialAssignment;
        this.eventIds = b.eventIds;
        this.eventTargets = b.eventTargets;
        this.eventInitialValue = b.eventInitialValue;
        this.eventPersistent = b.eventPersistent;
        this.eventValuesAtTrigger = b.eventValuesAtTrigger;
        this.eventHasDelay = b.eventHasDelay;
        this.eventHasPriority = b.eventHasPriority;
        this.rootCount = b.rootCount;
        this.code = b.code;
        this.source = b.source;
        this.delays = b.delays;
        this.equations = b.equations;
        this.timeSwitches = b.timeSwitches;
    }

    public String modelId() {
        return modelId;
    }

    public int symbolCount() {
        return ids.length;
    }

    public int stateCount() {
        return stateSymbol.length;
    }

    public int eventCount() {
        return eventIds.length;
    }

    public String id(int symbol) {
        return ids[symbol];
    }

    public SymbolKind kind(int symbol) {
        return kinds[symbol];
    }

    public int symbolOfState(int state) {
        return stateSymbol[state];
    }

    /** @return true if state {@code k} is a species amount (else the symbol's value itself) */
    public boolean isAmountState(int k) {
        return stateIsAmount[k];
    }

    public boolean isRuleAssigned(int symbol) {
        return ruleAssigned[symbol];
    }

    public double defaultValue(int symbol) {
        return p0[symbol];
    }

    /** @return the compartment symbol of a species, or -1 */
    public int compartmentOf(int symbol) {
        return speciesCompartment[symbol];
    }

    public boolean hasOnlySubstanceUnits(int symbol) {
        return onlySubstanceUnits[symbol];
    }

    /** @return the symbol index of an id, or -1 */
    public int indexOf(String id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i].equals(id)) {
                return i;
            }
        }
        return -1;
    }

    public ModelCode code() {
        return code;
    }

    /** @return a listing of the generated code, for diagnostics */
    public String source() {
        return source;
    }
}
