package org.mtorworkbench.simulation.internal;

/**
 * What the compiler learned about a model: its symbols, state vector, events and Jacobian
 * sparsity, and the generated code. Immutable after construction by {@link ModelBuilder};
 * arrays are never handed out.
 */
public final class ModelLayout {

    public static final int TIME = 0;
    public static final int COMPARTMENT = 1;
    public static final int SPECIES = 2;
    public static final int PARAMETER = 3;
    public static final int REACTION = 4;
    public static final int SPECIES_REFERENCE = 5;
    public static final int LOCAL_PARAMETER = 6;
    public static final int INTERNAL = 7;

    final String modelId;
    final String[] ids;
    final int[] kinds;
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
    /** The statements behind update, derivs and jacobian, set once by the builder; for {@link CEmitter}. */
    private CEmitter.Statements statements;

    ModelLayout(String modelId, String[] ids, int[] kinds, double[] p0, boolean[] ruleAssigned,
            boolean[] hasInitialAssignment, int[] speciesCompartment, boolean[] onlySubstanceUnits, int[] stateSymbol,
            boolean[] stateIsAmount, String[] eventIds, int[][] eventTargets, boolean[] eventInitialValue,
            boolean[] eventPersistent, boolean[] eventValuesAtTrigger, boolean[] eventHasDelay,
            boolean[] eventHasPriority, int[][] jacobianPattern, int[] algebraicVars, int gradientSlots, int rootCount, int[] rateTargets, int[] rateSymbols, String source,
            ModelCode code) {
        this(modelId, ids, kinds, p0, ruleAssigned, hasInitialAssignment, speciesCompartment, onlySubstanceUnits,
                stateSymbol, stateIsAmount, eventIds, eventTargets, eventInitialValue, eventPersistent,
                eventValuesAtTrigger, eventHasDelay, eventHasPriority, jacobianPattern, algebraicVars, gradientSlots,
                rootCount, rateTargets, rateSymbols, source, code, Delays.Summary.NONE, 0);
    }

    ModelLayout(String modelId, String[] ids, int[] kinds, double[] p0, boolean[] ruleAssigned,
            boolean[] hasInitialAssignment, int[] speciesCompartment, boolean[] onlySubstanceUnits, int[] stateSymbol,
            boolean[] stateIsAmount, String[] eventIds, int[][] eventTargets, boolean[] eventInitialValue,
            boolean[] eventPersistent, boolean[] eventValuesAtTrigger, boolean[] eventHasDelay,
            boolean[] eventHasPriority, int[][] jacobianPattern, int[] algebraicVars, int gradientSlots, int rootCount,
            int[] rateTargets, int[] rateSymbols, String source, ModelCode code, Delays.Summary delays,
            int fastExtents) {
        this.delays = delays;
        this.fastExtents = fastExtents;
        this.modelId = modelId;
        this.ids = ids;
        this.kinds = kinds;
        this.p0 = p0;
        this.ruleAssigned = ruleAssigned;
        this.hasInitialAssignment = hasInitialAssignment;
        this.speciesCompartment = speciesCompartment;
        this.onlySubstanceUnits = onlySubstanceUnits;
        this.stateSymbol = stateSymbol;
        this.stateIsAmount = stateIsAmount;
        this.symbolState = new int[ids.length];
        java.util.Arrays.fill(symbolState, -1);
        for (int i = 0; i < stateSymbol.length; i++) {
            symbolState[stateSymbol[i]] = i;
        }
        this.eventIds = eventIds;
        this.eventTargets = eventTargets;
        this.eventInitialValue = eventInitialValue;
        this.eventPersistent = eventPersistent;
        this.eventValuesAtTrigger = eventValuesAtTrigger;
        this.eventHasDelay = eventHasDelay;
        this.eventHasPriority = eventHasPriority;
        this.jacobianPattern = jacobianPattern;
        this.algebraicVars = algebraicVars;
        this.gradientSlots = gradientSlots;
        this.rootCount = rootCount;
        this.rateTargets = rateTargets;
        this.rateSymbols = rateSymbols;
        this.source = source;
        this.code = code;
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

    public int kind(int symbol) {
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

    /** The times at which the model's math switches on time alone; set once by the builder. */
    TimeSwitches timeSwitches = TimeSwitches.NONE;

    void setTimeSwitches(TimeSwitches t) {
        timeSwitches = t;
    }

    void setStatements(CEmitter.Statements s) {
        if (statements != null) {
            throw new IllegalStateException("statements are set once");
        }
        statements = s;
    }

    /** @return the statements of the right-hand side and Jacobian, or null if the builder kept none */
    CEmitter.Statements statements() {
        return statements;
    }

    /** @return a listing of the generated code, for diagnostics */
    public String source() {
        return source;
    }
}
