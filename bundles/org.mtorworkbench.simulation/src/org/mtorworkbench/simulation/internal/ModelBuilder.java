package org.mtorworkbench.simulation.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SimulationException.Kind;
import org.mtorworkbench.simulation.internal.Expr.Arr;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.AlgebraicRule;
import org.sbml.jsbml.AssignmentRule;
import org.sbml.jsbml.Compartment;
import org.sbml.jsbml.Event;
import org.sbml.jsbml.EventAssignment;
import org.sbml.jsbml.FunctionDefinition;
import org.sbml.jsbml.InitialAssignment;
import org.sbml.jsbml.KineticLaw;
import org.sbml.jsbml.LocalParameter;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.Parameter;
import org.sbml.jsbml.RateRule;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.Rule;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.SpeciesReference;

/**
 * Reads a JSBML document (without changing it) into a {@link ModelLayout} and the Java
 * source of its {@link ModelCode}: symbols, state vector, dependency-ordered rules, rate
 * laws, events. Constructs it cannot simulate exactly are refused as UNSUPPORTED.
 */
public final class ModelBuilder {

    /** Packages that change a model's meaning and are not simulated. */
    private static final String[] SEMANTIC_PACKAGES = { "comp", "fbc", "qual", "distrib", "arrays", "multi", "spatial",
            "dyn", "req" };

    /** One assignment in generated code: {@code v[target] = expr}. */
    private record Node(int target, Expr code, Set<Integer> deps, String label) {
    }

    private final Model model;
    private final int level;
    private final List<String> ids = new ArrayList<>();
    private final List<SymbolKind> kinds = new ArrayList<>();
    private final List<Double> p0 = new ArrayList<>();
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final Map<String, FunctionDefinition> functions = new HashMap<>();
    private MathEmitter emitter;

    private ModelBuilder(Model model, int level) {
        this.model = model;
        this.level = level;
    }

    /** Compiles the document's model. */
    public static ModelLayout build(SBMLDocument doc) throws SimulationException {
        return build(doc, Set.of());
    }

    /** Compiles the document's model, ignoring the given packages (whose meaning the caller handles). */
    public static ModelLayout build(SBMLDocument doc, Set<String> handledPackages) throws SimulationException {
        if (doc == null || !doc.isSetModel()) {
            throw new SimulationException(Kind.INVALID_MODEL, "the document has no model");
        }
        java.util.Collection<String> uris = doc.getDeclaredNamespaces().values();
        for (String p : SEMANTIC_PACKAGES) {
            if (handledPackages.contains(p)) {
                continue;
            }
            boolean declared = uris.stream().anyMatch(u -> u.contains("/level3/version1/" + p + "/")
                    || u.contains("/level3/version2/" + p + "/"));
            if (declared || doc.isPackageEnabled(p)) {
                throw new SimulationException(Kind.UNSUPPORTED, "the model uses the SBML package '" + p
                        + "', which the simulator does not support");
            }
        }
        return new ModelBuilder(doc.getModel(), doc.getLevel()).build();
    }

    /** @return the kind of a symbol */
    SymbolKind kind(int symbol) {
        return kinds.get(symbol);
    }

    private int add(String id, SymbolKind kind, double value) throws SimulationException {
        if (index.containsKey(id)) {
            throw new SimulationException(Kind.INVALID_MODEL, "the id '" + id + "' is defined twice");
        }
        int i = ids.size();
        ids.add(id);
        kinds.add(kind);
        p0.add(value);
        index.put(id, i);
        return i;
    }

    int sym(String id, String where) throws SimulationException {
        Integer i = index.get(id);
        if (i == null) {
            throw new SimulationException(Kind.INVALID_MODEL, where + " refers to '" + id + "', which the model does not define");
        }
        return i;
    }

    Expr emit(ASTNode n, Map<String, Expr> env, Set<Integer> deps, String where) throws SimulationException {
        return emitter.emit(n, env, deps, where);
    }

    private ModelLayout build() throws SimulationException {
        String modelId = model.isSetId() ? model.getId() : "model";
        add("\u0000time", SymbolKind.TIME, 0);
        for (FunctionDefinition fd : model.getListOfFunctionDefinitions()) {
            functions.put(fd.getId(), fd);
        }
        for (Compartment c : model.getListOfCompartments()) {
            boolean zeroDim = c.isSetSpatialDimensions() && c.getSpatialDimensions() == 0;
            double size = c.isSetSize() ? c.getSize() : (level < 3 || zeroDim ? 1.0 : Double.NaN);
            add(c.getId(), SymbolKind.COMPARTMENT, size);
        }
        List<Species> species = new ArrayList<>(model.getListOfSpecies());
        for (Species s : species) {
            double v = s.isSetInitialAmount() ? s.getInitialAmount()
                    : s.isSetInitialConcentration() ? s.getInitialConcentration() : Double.NaN;
            add(s.getId(), SymbolKind.SPECIES, v);
        }
        for (Parameter p : model.getListOfParameters()) {
            add(p.getId(), SymbolKind.PARAMETER, p.isSetValue() ? p.getValue() : Double.NaN);
        }
        for (Reaction r : model.getListOfReactions()) {
            add(r.getId(), SymbolKind.REACTION, Double.NaN);
        }
        // A fast reaction is at equilibrium: its extent is an algebraic unknown (see FastReactions).
        Map<String, Integer> extents = new LinkedHashMap<>();
        for (Reaction r : model.getListOfReactions()) {
            if (FastReactions.isFast(r)) {
                extents.put(r.getId(), add(FastReactions.extentId(r), SymbolKind.INTERNAL, 0.0));
            }
        }
        // Species references with ids are symbols; stoichiometryMath gets an internal symbol.
        Map<SpeciesReference, Integer> stoichSymbol = new HashMap<>();
        List<Node> stoichNodes = new ArrayList<>();
        List<SpeciesReference> deferredMath = new ArrayList<>();
        for (Reaction r : model.getListOfReactions()) {
            for (List<SpeciesReference> list : List.of(r.getListOfReactants(), r.getListOfProducts())) {
                for (SpeciesReference sr : list) {
                    if (sr.isSetStoichiometryMath()) {
                        int k = add(r.getId() + "." + sr.getSpecies() + ".stoichiometry#" + stoichSymbol.size(),
                                SymbolKind.INTERNAL, Double.NaN);
                        stoichSymbol.put(sr, k);
                        deferredMath.add(sr);
                    } else if (sr.isSetId()) {
                        double st = sr.isSetStoichiometry() ? sr.getStoichiometry() : (level < 3 ? 1.0 : Double.NaN);
                        stoichSymbol.put(sr, add(sr.getId(), SymbolKind.SPECIES_REFERENCE, st));
                    }
                }
            }
        }
        // Local parameters are symbols too (named reaction.parameter), so runs can override them.
        Map<Reaction, Map<String, Expr>> localEnv = new HashMap<>();
        for (Reaction r : model.getListOfReactions()) {
            Map<String, Expr> env = new HashMap<>();
            if (r.isSetKineticLaw()) {
                for (LocalParameter lp : r.getKineticLaw().getListOfLocalParameters()) {
                    int k = add(r.getId() + "." + lp.getId(), SymbolKind.LOCAL_PARAMETER,
                            lp.isSetValue() ? lp.getValue() : Double.NaN);
                    env.put(lp.getId(), Expr.load(Arr.V, k));
                }
            }
            localEnv.put(r, env);
        }
        // rateOf(x) reads an internal symbol the solver fills with the rate of change of x.
        Map<Integer, Integer> rateSymbols = new LinkedHashMap<>();
        for (String x : rateOfArguments()) {
            Integer s = index.get(x);
            if (s != null) {
                rateSymbols.put(s, add("rateOf(" + x + ")", SymbolKind.INTERNAL, 0.0));
            }
        }
        emitter = new MathEmitter(index, functions, rateSymbols);
        int n = ids.size();
        Map<String, Expr> noEnv = Map.of();

        for (SpeciesReference sr : deferredMath) {
            Set<Integer> d = new LinkedHashSet<>();
            String where = "the stoichiometryMath of species '" + sr.getSpecies() + "'";
            Expr code = emit(sr.getStoichiometryMath().getMath(), noEnv, d, where);
            stoichNodes.add(new Node(stoichSymbol.get(sr), code, d, where));
        }

        int[] speciesComp = new int[n];
        boolean[] hosu = new boolean[n];
        java.util.Arrays.fill(speciesComp, -1);
        Map<Integer, Species> speciesOf = new HashMap<>();
        for (Species s : species) {
            int i = index.get(s.getId());
            speciesComp[i] = sym(s.getCompartment(), "species '" + s.getId() + "'");
            Compartment comp = model.getCompartment(s.getCompartment());
            // Species in a dimensionless compartment have no concentration: they are amounts.
            hosu[i] = s.getHasOnlySubstanceUnits()
                    || (comp != null && comp.isSetSpatialDimensions() && comp.getSpatialDimensions() == 0);
            speciesOf.put(i, s);
        }

        // Rules.
        boolean[] ruleAssigned = new boolean[n];
        Map<Integer, Node> assignmentRules = new LinkedHashMap<>();
        Map<Integer, Expr> rateRules = new LinkedHashMap<>();
        Map<Integer, Set<Integer>> rateRuleDeps = new HashMap<>();
        List<Expr> algebraic = new ArrayList<>();
        List<Set<Integer>> algebraicDeps = new ArrayList<>();
        for (Rule rule : model.getListOfRules()) {
            if (!rule.isSetMath()) {
                continue;
            }
            if (rule instanceof AlgebraicRule) {
                Set<Integer> d = new LinkedHashSet<>();
                algebraic.add(emit(rule.getMath(), noEnv, d, "algebraic rule #" + (algebraic.size() + 1)));
                algebraicDeps.add(d);
                continue;
            }
            if (rule instanceof AssignmentRule ar) {
                int t = sym(ar.getVariable(), "an assignment rule");
                String where = "the assignment rule for '" + ar.getVariable() + "'";
                Set<Integer> d = new LinkedHashSet<>();
                Expr code = emit(ar.getMath(), noEnv, d, where);
                assignmentRules.put(t, new Node(t, code, d, ar.getVariable()));
                ruleAssigned[t] = true;
            } else if (rule instanceof RateRule rr) {
                int t = sym(rr.getVariable(), "a rate rule");
                String where = "the rate rule for '" + rr.getVariable() + "'";
                Set<Integer> d = new LinkedHashSet<>();
                rateRules.put(t, emit(rr.getMath(), noEnv, d, where));
                rateRuleDeps.put(t, d);
            }
        }

        int[] algebraicVars = FastReactions.appendExtents(
                matchAlgebraic(algebraicDeps, ruleAssigned, rateRules.keySet()), extents.values());
        boolean[] isAlgebraic = new boolean[n];
        for (int a : algebraicVars) {
            isAlgebraic[a] = true;
        }
        for (int x : rateSymbols.keySet()) {
            if (ruleAssigned[x] || isAlgebraic[x]) {
                throw new SimulationException(Kind.UNSUPPORTED, "the model takes rateOf('" + ids.get(x) + "'), which "
                        + (ruleAssigned[x] ? "an assignment rule" : "an algebraic rule")
                        + " defines; the simulator supports rateOf only for variables with a rate or none");
            }
        }

        // State vector: rate-rule targets (direct) and every species not fixed by a rule (amounts).
        List<Integer> stateSym = new ArrayList<>();
        List<Boolean> stateAmount = new ArrayList<>();
        for (int t : rateRules.keySet()) {
            stateSym.add(t);
            stateAmount.add(false);
        }
        for (Species s : species) {
            int i = index.get(s.getId());
            if (!ruleAssigned[i] && !rateRules.containsKey(i) && !isAlgebraic[i]) {
                stateSym.add(i);
                stateAmount.add(true);
            }
        }
        int ns = stateSym.size();
        int[] symState = new int[n];
        java.util.Arrays.fill(symState, -1);
        for (int k = 0; k < ns; k++) {
            symState[stateSym.get(k)] = k;
        }

        // Reaction rates.
        List<Node> fluxNodes = new ArrayList<>();
        Map<Integer, Expr> terms = new HashMap<>();
        Map<Integer, Set<Integer>> termDeps = new HashMap<>();
        FastReactions fast = new FastReactions();
        for (Reaction r : model.getListOfReactions()) {
            int ri = index.get(r.getId());
            Integer extent = extents.get(r.getId());
            String where = "the kinetic law of reaction '" + r.getId() + "'";
            Set<Integer> d = new LinkedHashSet<>();
            Expr code;
            KineticLaw kl = r.isSetKineticLaw() ? r.getKineticLaw() : null;
            if (kl == null || !kl.isSetMath()) {
                code = Expr.num(0);
            } else {
                code = emit(kl.getMath(), localEnv.get(r), d, where);
                for (LocalParameter lp : kl.getListOfLocalParameters()) {
                    d.add(index.get(r.getId() + "." + lp.getId()));
                }
            }
            fluxNodes.add(new Node(ri, code, d, r.getId()));
            for (int side = 0; side < 2; side++) {
                List<SpeciesReference> list = side == 0 ? r.getListOfReactants() : r.getListOfProducts();
                for (SpeciesReference sr : list) {
                    int s = sym(sr.getSpecies(), "reaction '" + r.getId() + "'");
                    Species sp = speciesOf.get(s);
                    if (sp == null) {
                        throw new SimulationException(Kind.INVALID_MODEL,
                                "reaction '" + r.getId() + "' names '" + sr.getSpecies() + "', which is not a species");
                    }
                    if (symState[s] < 0 || !stateAmount.get(symState[s]) || sp.getBoundaryCondition()
                            || sp.getConstant()) {
                        continue;
                    }
                    Expr st;
                    Set<Integer> td = extent != null ? new LinkedHashSet<>()
                            : termDeps.computeIfAbsent(s, k -> new LinkedHashSet<>());
                    td.add(ri);
                    Integer k = stoichSymbol.get(sr);
                    if (k != null) {
                        st = Expr.load(Arr.V, k);
                        td.add(k);
                    } else {
                        st = Expr.num(sr.isSetStoichiometry() ? sr.getStoichiometry() : (level < 3 ? 1.0 : Double.NaN));
                    }
                    if (extent != null) {
                        td.remove(ri);
                        fast.add(s, side == 0, st, extent, td);
                        continue;
                    }
                    Expr term = Expr.bin('*', st, Expr.load(Arr.V, ri));
                    Expr acc = terms.get(s);
                    terms.put(s, acc == null ? (side == 0 ? new Expr.Neg(term) : term)
                            : Expr.bin(side == 0 ? '-' : '+', acc, term));
                }
            }
        }

        // Conversion factors.
        Integer modelCf = model.isSetConversionFactor() ? Integer.valueOf(sym(model.getConversionFactor(), "the model's conversionFactor")) : null;
        for (String r : extents.keySet()) {
            // Equilibrium: the net rate of the fast reaction is zero.
            algebraic.add(Expr.load(Arr.V, index.get(r)));
        }

        // Update: load state, then rules, fluxes and stoichiometry math in dependency order.
        List<CodeGenerator.Store> load = new ArrayList<>();
        List<Node> computed = new ArrayList<>();
        for (int k = 0; k < ns; k++) {
            int s = stateSym.get(k);
            if (!stateAmount.get(k) || hosu[s]) {
                if (stateAmount.get(k)) {
                    computed.add(new Node(s, Expr.load(Arr.Y, k), Set.of(), ids.get(s)));
                } else {
                    load.add(new CodeGenerator.Store(Arr.V, s, Expr.load(Arr.Y, k)));
                }
            } else {
                int c = speciesComp[s];
                computed.add(new Node(s, Expr.bin('/', Expr.load(Arr.Y, k), Expr.load(Arr.V, c)), Set.of(c), ids.get(s)));
            }
            if (fast.changes(s)) {
                // The amount is the slowly integrated part plus what the fast reactions' extents moved.
                Species sp = speciesOf.get(s);
                Integer cf = sp.isSetConversionFactor()
                        ? Integer.valueOf(sym(sp.getConversionFactor(), "the conversionFactor of species '" + sp.getId() + "'"))
                        : modelCf;
                Set<Integer> fd = new LinkedHashSet<>();
                Expr amount = fast.amount(s, k, cf, fd);
                computed.remove(computed.size() - 1);
                if (!hosu[s]) {
                    fd.add(speciesComp[s]);
                    amount = Expr.bin('/', amount, Expr.load(Arr.V, speciesComp[s]));
                }
                computed.add(new Node(s, amount, fd, ids.get(s)));
            }
        }
        computed.addAll(assignmentRules.values());
        computed.addAll(fluxNodes);
        computed.addAll(stoichNodes);
        List<Node> updateOrder = sort(computed, "assignment rules");

        // Derivatives.
        List<CodeGenerator.Store> derivs = new ArrayList<>();
        List<Set<Integer>> derivDeps = new ArrayList<>();
        int[][] pattern = new int[ns][];
        Map<Integer, BitSet> symStates = new HashMap<>();
        Map<Integer, Node> producer = new HashMap<>();
        for (Node nd : updateOrder) {
            producer.put(nd.target, nd);
        }
        for (int k = 0; k < ns; k++) {
            int s = stateSym.get(k);
            Expr expr;
            Set<Integer> d;
            if (!stateAmount.get(k)) {
                expr = rateRules.get(s);
                d = rateRuleDeps.get(s);
            } else {
                Expr t = terms.get(s);
                if (t == null) {
                    expr = Expr.num(0);
                    d = Set.of();
                } else {
                    d = new LinkedHashSet<>(termDeps.get(s));
                    Species sp = speciesOf.get(s);
                    Integer cf = sp.isSetConversionFactor()
                            ? Integer.valueOf(sym(sp.getConversionFactor(), "the conversionFactor of species '" + sp.getId() + "'"))
                            : modelCf;
                    expr = t;
                    if (cf != null) {
                        expr = Expr.bin('*', Expr.load(Arr.V, cf), expr);
                        d.add(cf);
                    }
                }
            }
            derivs.add(new CodeGenerator.Store(Arr.DY, k, expr));
            derivDeps.add(d);
            BitSet b = new BitSet();
            for (int dep : d) {
                b.or(statesOf(dep, producer, symState, speciesComp, stateAmount, symStates, new java.util.HashSet<>()));
            }
            pattern[k] = b.stream().toArray();
        }
        fast.couple(pattern, symState);

        // Initial values.
        boolean[] hasIa = new boolean[n];
        List<Node> init = new ArrayList<>();
        Map<Integer, Node> ia = new HashMap<>();
        for (InitialAssignment a : model.getListOfInitialAssignments()) {
            if (!a.isSetMath()) {
                continue;
            }
            int t = sym(a.getVariable(), "an initial assignment");
            String where = "the initial assignment to '" + a.getVariable() + "'";
            Set<Integer> d = new LinkedHashSet<>();
            Expr code = emit(a.getMath(), noEnv, d, where);
            ia.put(t, new Node(t, new Expr.Cond(t, Expr.load(Arr.P0, t), code), d, a.getVariable()));
            hasIa[t] = true;
        }
        for (int s = 1; s < n; s++) {
            SymbolKind kind = kinds.get(s);
            if (kind == SymbolKind.REACTION || kind == SymbolKind.INTERNAL) {
                continue;
            }
            if (assignmentRules.containsKey(s)) {
                init.add(assignmentRules.get(s));
            } else if (ia.containsKey(s)) {
                init.add(ia.get(s));
            } else if (kind == SymbolKind.SPECIES) {
                Species sp = speciesOf.get(s);
                int c = speciesComp[s];
                if (!hosu[s] && sp.isSetInitialAmount()) {
                    init.add(new Node(s, new Expr.Cond(s, Expr.load(Arr.P0, s), Expr.bin('/', Expr.load(Arr.P0, s), Expr.load(Arr.V, c))), Set.of(c), ids.get(s)));
                } else if (hosu[s] && sp.isSetInitialConcentration()) {
                    init.add(new Node(s, new Expr.Cond(s, Expr.load(Arr.P0, s), Expr.bin('*', Expr.load(Arr.P0, s), Expr.load(Arr.V, c))), Set.of(c), ids.get(s)));
                } else {
                    init.add(new Node(s, Expr.load(Arr.P0, s), Set.of(), ids.get(s)));
                }
            } else {
                init.add(new Node(s, Expr.load(Arr.P0, s), Set.of(), ids.get(s)));
            }
        }
        init.addAll(fluxNodes);
        init.addAll(stoichNodes);
        List<Node> initOrder = sort(init, "initial assignments and assignment rules");

        // Events.
        EventsPhase events = EventsPhase.process(this, model, level, ruleAssigned);

        // Generated code.
        List<CodeGenerator.Store> initStmts = new ArrayList<>();
        StringBuilder listing = new StringBuilder("init:\n");
        for (Node nd : initOrder) {
            initStmts.add(new CodeGenerator.Store(Arr.V, nd.target, nd.code));
            listing.append("  v[").append(nd.target).append("] ").append(ids.get(nd.target)).append(" = ").append(nd.code).append('\n');
        }
        List<CodeGenerator.Store> upd = new ArrayList<>();
        upd.add(new CodeGenerator.Store(Arr.V, 0, new Expr.Time()));
        upd.addAll(load);
        listing.append("update:\n");
        for (Node nd : updateOrder) {
            upd.add(new CodeGenerator.Store(Arr.V, nd.target, nd.code));
            listing.append("  v[").append(nd.target).append("] ").append(ids.get(nd.target)).append(" = ").append(nd.code).append('\n');
        }
        listing.append("derivatives:\n");
        for (CodeGenerator.Store st : derivs) {
            listing.append("  dy[").append(st.index()).append("] ").append(ids.get(stateSym.get(st.index()))).append(" = ")
                    .append(st.expr()).append('\n');
        }
        List<CodeGenerator.Store> alg = new ArrayList<>();
        for (int a = 0; a < algebraic.size(); a++) {
            alg.add(new CodeGenerator.Store(Arr.OUT, a, algebraic.get(a)));
            listing.append("algebraic: 0 = ").append(algebraic.get(a)).append('\n');
        }
        List<CodeGenerator.Store> jac = new ArrayList<>();
        int gradSlots = algebraicVars.length > 0 || !rateSymbols.isEmpty() ? -1
                : analyticJacobian(updateOrder, derivs, derivDeps, pattern, symState, speciesComp, stateAmount, jac);
        listing.append("jacobian: ").append(gradSlots < 0 ? "finite differences" : "analytic, " + jac.size() + " statements")
                .append('\n');
        List<CodeGenerator.Store> roots = new ArrayList<>();
        for (Expr.Cmp c : events.comparisons) {
            roots.add(new CodeGenerator.Store(Arr.OUT, roots.size(), c.difference()));
        }
        Map<Integer, Expr> delayed = new LinkedHashMap<>();
        List<Expr> delayedExprs = emitter.delays().expressions();
        for (int k = 0; k < delayedExprs.size(); k++) {
            delayed.put(k, delayedExprs.get(k));
            listing.append("delayed #").append(k).append(": ").append(delayedExprs.get(k)).append('\n');
        }
        ModelCode code = CodeGenerator.generate(initStmts, upd, derivs, events.triggers, roots, alg, jac, events.delays,
                events.priorities, events.values, delayed);

        double[] p0a = new double[n];
        SymbolKind[] kindA = new SymbolKind[n];
        for (int i = 0; i < n; i++) {
            p0a[i] = p0.get(i);
            kindA[i] = kinds.get(i);
        }
        int[] stateSymA = stateSym.stream().mapToInt(Integer::intValue).toArray();
        boolean[] stateAmountA = new boolean[ns];
        for (int k = 0; k < ns; k++) {
            stateAmountA[k] = stateAmount.get(k);
        }
        boolean[] eventAssigned = TimeSwitches.assigned(n, events.targets);
        ModelLayout layout = new ModelLayout.Builder()
                .symbols(modelId, ids.toArray(String[]::new), kindA, p0a, speciesComp, hosu)
                .rules(ruleAssigned, algebraicVars, extents.size(),
                        rateSymbols.keySet().stream().mapToInt(Integer::intValue).toArray(),
                        rateSymbols.values().stream().mapToInt(Integer::intValue).toArray())
                .states(stateSymA, stateAmountA)
                .jacobian(pattern, gradSlots)
                .initialValues(hasIa)
                .events(events.ids, events.targets, events.initialValue, events.persistent, events.atTrigger,
                        events.hasDelay, events.hasPriority, roots.size())
                .code(code, listing.toString(), emitter.delays().summary(), new ModelLayout.Equations(upd, derivs, jac))
                .timeSwitches(TimeSwitches.find(s -> symState[s] < 0 && !ruleAssigned[s] && !isAlgebraic[s]
                        && !eventAssigned[s] && kindA[s] != SymbolKind.REACTION, upd, derivs, events.triggers))
                .build();
        return layout;
    }

    private BitSet statesOf(int sym, Map<Integer, Node> producer, int[] symState, int[] speciesComp,
            List<Boolean> stateAmount, Map<Integer, BitSet> memo, Set<Integer> visiting) {
        BitSet cached = memo.get(sym);
        if (cached != null) {
            return cached;
        }
        BitSet b = new BitSet();
        if (!visiting.add(sym)) {
            return b;
        }
        int k = symState[sym];
        if (k >= 0) {
            b.set(k);
            if (stateAmount.get(k) && speciesComp[sym] >= 0) {
                b.or(statesOf(speciesComp[sym], producer, symState, speciesComp, stateAmount, memo, visiting));
            }
        } else {
            Node nd = producer.get(sym);
            if (nd != null) {
                for (int d : nd.deps) {
                    b.or(statesOf(d, producer, symState, speciesComp, stateAmount, memo, visiting));
                }
            }
        }
        memo.put(sym, b);
        return b;
    }

    /** Orders nodes so each comes after the nodes computing what it reads; a cycle is an error naming it. */
    private List<Node> sort(List<Node> nodes, String what) throws SimulationException {
        Map<Integer, Node> byTarget = new HashMap<>();
        for (Node nd : nodes) {
            byTarget.put(nd.target, nd);
        }
        List<Node> out = new ArrayList<>(nodes.size());
        Map<Integer, Integer> state = new HashMap<>();
        for (Node nd : nodes) {
            visit(nd, byTarget, state, out, new ArrayList<>(), what);
        }
        return out;
    }

    private void visit(Node nd, Map<Integer, Node> byTarget, Map<Integer, Integer> state, List<Node> out,
            List<Integer> path, String what) throws SimulationException {
        Integer st = state.get(nd.target);
        if (st != null && st == 2) {
            return;
        }
        if (st != null && st == 1) {
            int from = path.indexOf(nd.target);
            StringBuilder cycle = new StringBuilder();
            for (int i = from; i < path.size(); i++) {
                cycle.append(ids.get(path.get(i))).append(" -> ");
            }
            cycle.append(ids.get(nd.target));
            throw new SimulationException(Kind.INVALID_MODEL, "the " + what + " form a cycle: " + cycle);
        }
        state.put(nd.target, 1);
        path.add(nd.target);
        for (int d : nd.deps) {
            Node dep = byTarget.get(d);
            if (dep != null && d != nd.target) {
                visit(dep, byTarget, state, out, path, what);
            } else if (dep != null) {
                throw new SimulationException(Kind.INVALID_MODEL, "the " + what + " form a cycle: " + ids.get(d)
                        + " -> " + ids.get(d));
            }
        }
        path.remove(path.size() - 1);
        state.put(nd.target, 2);
        out.add(nd);
    }

    /**
     * Chooses the variable each algebraic rule determines: a bipartite matching (by augmenting
     * paths) of rules to the non-constant symbols they mention that nothing else determines.
     */
    private int[] matchAlgebraic(List<Set<Integer>> deps, boolean[] ruleAssigned, Set<Integer> rateRuleTargets)
            throws SimulationException {
        if (deps.isEmpty()) {
            return new int[0];
        }
        Set<String> changedByReactions = new java.util.HashSet<>();
        for (Reaction r : model.getListOfReactions()) {
            for (List<SpeciesReference> list : List.of(r.getListOfReactants(), r.getListOfProducts())) {
                for (SpeciesReference sr : list) {
                    Species sp = model.getSpecies(sr.getSpecies());
                    if (sp != null && !sp.getBoundaryCondition()) {
                        changedByReactions.add(sp.getId());
                    }
                }
            }
        }
        int n = ids.size();
        boolean[] candidate = new boolean[n];
        for (int i = 1; i < n; i++) {
            String id = ids.get(i);
            if (ruleAssigned[i] || rateRuleTargets.contains(i)) {
                continue;
            }
            candidate[i] = switch (kinds.get(i)) {
            case PARAMETER -> !model.getParameter(id).isConstant();
            case COMPARTMENT -> !model.getCompartment(id).isConstant();
            case SPECIES -> !model.getSpecies(id).isConstant() && !changedByReactions.contains(id);
            case SPECIES_REFERENCE -> true;
            default -> false;
            };
        }
        // Where a rule could determine several variables, prefer one that has no initial value, then
        // one that no event assigns (a value set by events is otherwise determined already), then
        // one that is not a boundary species (a boundary condition is set from outside).
        Set<String> eventTargets = new java.util.HashSet<>();
        for (Event e : model.getListOfEvents()) {
            for (EventAssignment ea : e.getListOfEventAssignments()) {
                eventTargets.add(ea.getVariable());
            }
        }
        List<Set<Integer>> preferred = new ArrayList<>();
        for (Set<Integer> d : deps) {
            List<Integer> order = new ArrayList<>(d);
            order.sort(java.util.Comparator.comparingInt(
                    v -> (Double.isNaN(p0.get(v)) ? 0 : 4) + (eventTargets.contains(ids.get(v)) ? 2 : 0)
                            + (kinds.get(v) == SymbolKind.SPECIES && model.getSpecies(ids.get(v)).getBoundaryCondition() ? 1 : 0)));
            preferred.add(new LinkedHashSet<>(order));
        }
        Map<Integer, Integer> varToRule = new HashMap<>();
        for (int r = 0; r < deps.size(); r++) {
            if (!augment(r, preferred, candidate, varToRule, new java.util.HashSet<>())) {
                throw new SimulationException(Kind.UNSUPPORTED, "algebraic rule #" + (r + 1)
                        + " determines no variable that nothing else determines; the simulator cannot solve it");
            }
        }
        int[] vars = new int[deps.size()];
        varToRule.forEach((v, r) -> vars[r] = v);
        return vars;
    }

    private boolean augment(int rule, List<Set<Integer>> deps, boolean[] candidate, Map<Integer, Integer> varToRule,
            Set<Integer> seen) {
        for (int v : deps.get(rule)) {
            if (!candidate[v] || !seen.add(v)) {
                continue;
            }
            Integer owner = varToRule.get(v);
            if (owner == null || augment(owner, deps, candidate, varToRule, seen)) {
                varToRule.put(v, rule);
                return true;
            }
        }
        return false;
    }

    /**
     * Builds the Jacobian symbolically by the chain rule (forward mode): for every computed
     * symbol u and state j it depends on, g(u, j) = d(code_u)/dy_j + sum over the symbols w that
     * u reads of d(code_u)/dv_w * g(w, j); then J(i, j) likewise from the derivative of state i.
     *
     * @return the number of gradient slots, or -1 when some function has no derivative rule
     *         (the solver then uses finite differences)
     */
    private int analyticJacobian(List<Node> updateOrder, List<CodeGenerator.Store> derivs, List<Set<Integer>> derivDeps,
            int[][] pattern, int[] symState, int[] speciesComp, List<Boolean> stateAmount, List<CodeGenerator.Store> out) {
        Map<Integer, Node> producer = new HashMap<>();
        for (Node nd : updateOrder) {
            producer.put(nd.target, nd);
        }
        Map<Integer, BitSet> memo = new HashMap<>();
        Map<Long, Integer> slot = new HashMap<>();
        int ns = derivs.size();
        try {
            for (Node nd : updateOrder) {
                BitSet states = statesOf(nd.target, producer, symState, speciesComp, stateAmount, memo, new java.util.HashSet<>());
                Map<Integer, Expr> partial = new HashMap<>();
                for (int w : nd.deps) {
                    partial.put(w, nd.code.d(Arr.V, w));
                }
                for (int j = states.nextSetBit(0); j >= 0; j = states.nextSetBit(j + 1)) {
                    Expr e = nd.code.d(Arr.Y, j);
                    for (int w : nd.deps) {
                        e = Expr.add(e, Expr.mul(partial.get(w), grad(w, j, slot, symState, stateAmount)));
                    }
                    if (e != null) {
                        int sl = slot.size();
                        slot.put(((long) nd.target << 32) | j, sl);
                        out.add(new CodeGenerator.Store(Arr.G, sl, e));
                    }
                }
            }
            for (int i = 0; i < ns; i++) {
                Expr f = derivs.get(i).expr();
                Map<Integer, Expr> partial = new HashMap<>();
                for (int w : derivDeps.get(i)) {
                    partial.put(w, f.d(Arr.V, w));
                }
                for (int j : pattern[i]) {
                    Expr e = null;
                    for (int w : derivDeps.get(i)) {
                        e = Expr.add(e, Expr.mul(partial.get(w), grad(w, j, slot, symState, stateAmount)));
                    }
                    if (e != null) {
                        out.add(new CodeGenerator.Store(Arr.JAC, i * ns + j, e));
                    }
                }
            }
            return slot.size();
        } catch (Expr.NotDifferentiable e) {
            out.clear();
            return -1;
        }
    }

    private static Expr grad(int w, int j, Map<Long, Integer> slot, int[] symState, List<Boolean> stateAmount) {
        Integer sl = slot.get(((long) w << 32) | j);
        if (sl != null) {
            return Expr.load(Arr.G, sl);
        }
        int k = symState[w];
        if (k >= 0 && !stateAmount.get(k)) {
            return k == j ? Expr.num(1) : null;
        }
        return null;
    }

    /** @return the ids that rateOf csymbols anywhere in the model's math take the rate of */
    private Set<String> rateOfArguments() throws SimulationException {
        Set<String> out = new LinkedHashSet<>();
        List<ASTNode> roots = new ArrayList<>();
        for (Rule r : model.getListOfRules()) {
            roots.add(r.getMath());
        }
        for (InitialAssignment a : model.getListOfInitialAssignments()) {
            roots.add(a.getMath());
        }
        for (Reaction r : model.getListOfReactions()) {
            if (r.isSetKineticLaw()) {
                roots.add(r.getKineticLaw().getMath());
            }
        }
        for (Event e : model.getListOfEvents()) {
            if (e.isSetTrigger()) {
                roots.add(e.getTrigger().getMath());
            }
            if (e.isSetDelay()) {
                roots.add(e.getDelay().getMath());
            }
            if (e.isSetPriority()) {
                roots.add(e.getPriority().getMath());
            }
            for (EventAssignment a : e.getListOfEventAssignments()) {
                roots.add(a.getMath());
            }
        }
        for (FunctionDefinition f : model.getListOfFunctionDefinitions()) {
            if (containsRateOf(f.getMath())) {
                throw new SimulationException(Kind.UNSUPPORTED, "function definition '" + f.getId()
                        + "' uses the rateOf csymbol, which the simulator supports only outside functions");
            }
        }
        java.util.ArrayDeque<ASTNode> todo = new java.util.ArrayDeque<>();
        for (ASTNode r : roots) {
            if (r != null) {
                todo.push(r);
            }
        }
        while (!todo.isEmpty()) {
            ASTNode a = todo.pop();
            if ("FUNCTION_RATE_OF".equals(a.getType().name())) {
                if (a.getChildCount() != 1 || !"NAME".equals(a.getChild(0).getType().name())) {
                    throw new SimulationException(Kind.UNSUPPORTED,
                            "rateOf is supported only of a variable's id, not of an expression");
                }
                out.add(a.getChild(0).getName());
            }
            for (int i = 0; i < a.getChildCount(); i++) {
                todo.push(a.getChild(i));
            }
        }
        return out;
    }

    private static boolean containsRateOf(ASTNode a) {
        if (a == null) {
            return false;
        }
        if ("FUNCTION_RATE_OF".equals(a.getType().name())) {
            return true;
        }
        for (int i = 0; i < a.getChildCount(); i++) {
            if (containsRateOf(a.getChild(i))) {
                return true;
            }
        }
        return false;
    }
}
