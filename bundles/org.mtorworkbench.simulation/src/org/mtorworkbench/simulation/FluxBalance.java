package org.mtorworkbench.simulation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.mtorworkbench.simulation.SimulationException.Kind;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.SpeciesReference;
import org.sbml.jsbml.ext.fbc.FBCConstants;
import org.sbml.jsbml.ext.fbc.FBCModelPlugin;
import org.sbml.jsbml.ext.fbc.FBCReactionPlugin;
import org.sbml.jsbml.ext.fbc.FluxBound;
import org.sbml.jsbml.ext.fbc.FluxObjective;
import org.sbml.jsbml.ext.fbc.Objective;

/**
 * Flux balance analysis of a model using the SBML {@code fbc} package (version 1 or 2): the
 * linear programme that maximises or minimises the active objective, a weighted sum of
 * reaction fluxes, subject to steady state {@code S v = 0} for every species that is neither
 * a boundary condition nor constant, and to each reaction's flux bounds (version 2: the
 * values of the parameters named by {@code lowerFluxBound} and {@code upperFluxBound};
 * version 1: the tightest of the model's {@code fluxBound}s; unbounded when none is given).
 * Bound parameters and stoichiometries take their initial values, so initial assignments
 * and assignment rules to them count. Solved with the simplex method of commons-math3.
 * Stateless; the document is read, never changed.
 */
public final class FluxBalance {

    /**
     * The optimum, with the dual solution of the linear programme.
     *
     * @param objective the id of the objective optimised
     * @param maximize whether it was maximised (else minimised)
     * @param objectiveValue its value at the optimum
     * @param fluxes every reaction's flux at the optimum, by reaction id, in document order
     * @param reducedCosts every reaction's reduced cost, by reaction id: the change of the
     *        objective per unit of flux forced through the reaction beyond the optimum
     *        ({@code c_j - S_j' y}; zero for reactions strictly within their bounds)
     * @param shadowPrices every balanced species' shadow price, by species id: the change of the
     *        optimal objective per unit of the species' steady-state balance {@code S_i v = b_i}
     *        (its net production) raised above zero
     */
    public record Solution(String objective, boolean maximize, double objectiveValue, Map<String, Double> fluxes,
            Map<String, Double> reducedCosts, Map<String, Double> shadowPrices) {

        public Solution {
            fluxes = Collections.unmodifiableMap(new LinkedHashMap<>(fluxes));
            reducedCosts = Collections.unmodifiableMap(new LinkedHashMap<>(reducedCosts));
            shadowPrices = Collections.unmodifiableMap(new LinkedHashMap<>(shadowPrices));
        }

        /** @return the flux of a reaction or the value of the objective, by id; NaN for other ids */
        public double value(String id) {
            if (id.equals(objective)) {
                return objectiveValue;
            }
            Double v = fluxes.get(id);
            return v == null ? Double.NaN : v;
        }

        /** @return whether the id names a reaction or the objective */
        public boolean has(String id) {
            return id.equals(objective) || fluxes.containsKey(id);
        }
    }

    /**
     * The result of flux variability analysis: each reaction's smallest and largest flux over
     * all flux distributions at steady state, within the bounds, whose objective is within the
     * fraction of its optimum.
     *
     * @param objective the id of the objective
     * @param objectiveValue its optimum
     * @param fractionOfOptimum the fraction of the optimum the objective had to reach
     * @param minFluxes every reaction's smallest flux, by reaction id, in document order
     * @param maxFluxes every reaction's largest flux (at least its smallest), by reaction id
     */
    public record Variability(String objective, double objectiveValue, double fractionOfOptimum,
            Map<String, Double> minFluxes, Map<String, Double> maxFluxes) {

        public Variability {
            minFluxes = Collections.unmodifiableMap(new LinkedHashMap<>(minFluxes));
            maxFluxes = Collections.unmodifiableMap(new LinkedHashMap<>(maxFluxes));
        }
    }

    private FluxBalance() {
    }

    /** @return whether the document uses the fbc package, that is, describes a flux-balance problem */
    public static boolean uses(SBMLDocument doc) {
        if (doc.isPackageEnabled(FBCConstants.shortLabel)) {
            return true;
        }
        return doc.getDeclaredNamespaces().values().stream().anyMatch(u -> u.contains("/fbc/version"));
    }

    /**
     * Solves the document's flux-balance problem: the optimal fluxes and objective, and from the
     * dual linear programme the reactions' reduced costs and the species' shadow prices. When
     * the optimum is degenerate the dual solution is not unique and one optimal dual solution
     * is given (strong duality holds for it: its objective equals the primal optimum).
     *
     * @throws SimulationException INVALID_MODEL when the model has no (active) objective, names
     *         unknown reactions, or its objective is unbounded (with the advice to bound the
     *         fluxes); NO_STEADY_STATE when no flux distribution satisfies steady state and the
     *         bounds (the problem is infeasible); UNSUPPORTED when initial values need
     *         constructs the simulator refuses
     */
    public static Solution solve(SBMLDocument doc) throws SimulationException {
        Lp lp = Lp.of(doc);
        PointValuePair opt = lp.optimize(lp.c, lp.maximize, List.of());
        double[] v = opt.getPoint();
        Map<String, Double> fluxes = new LinkedHashMap<>();
        for (int j = 0; j < lp.n(); j++) {
            fluxes.put(lp.reactions.get(j), clean(v[j]));
        }
        double[][] dual = lp.dual();
        Map<String, Double> reduced = new LinkedHashMap<>();
        for (int j = 0; j < lp.n(); j++) {
            reduced.put(lp.reactions.get(j), clean(dual[1][j]));
        }
        Map<String, Double> prices = new LinkedHashMap<>();
        for (int i = 0; i < lp.species.size(); i++) {
            prices.put(lp.species.get(i), clean(dual[0][i]));
        }
        return new Solution(lp.objectiveId, lp.maximize, opt.getValue(), fluxes, reduced, prices);
    }

    /**
     * Flux variability analysis: for every reaction, its smallest and largest flux subject to
     * steady state, the bounds, and the objective reaching {@code fractionOfOptimum} of its
     * optimum (for a maximised objective {@code c'v >= z - (1 - f)|z|}, for a minimised one
     * {@code c'v <= z + (1 - f)|z|}, with {@code z} the optimum, relaxed by 1e-9 of
     * {@code max(1, |z|)} so that the optimum itself stays feasible in floating point).
     * Two linear programmes per reaction.
     *
     * @param fractionOfOptimum in [0, 1]; 1 asks for the fluxes of the optimal distributions
     * @throws SimulationException as {@link #solve}; INVALID_MODEL for a fraction outside [0, 1]
     *         or when a reaction's flux is unbounded over the optimal distributions
     */
    public static Variability variability(SBMLDocument doc, double fractionOfOptimum) throws SimulationException {
        if (!(fractionOfOptimum >= 0 && fractionOfOptimum <= 1)) {
            throw new SimulationException(Kind.INVALID_MODEL, "the fraction of the optimum for flux variability analysis is "
                    + fractionOfOptimum + "; give a number from 0 to 1");
        }
        Lp lp = Lp.of(doc);
        double z = lp.optimize(lp.c, lp.maximize, List.of()).getValue();
        double slack = (1 - fractionOfOptimum) * Math.abs(z) + 1e-9 * Math.max(1, Math.abs(z));
        LinearConstraint near = lp.maximize ? new LinearConstraint(lp.c, Relationship.GEQ, z - slack)
                : new LinearConstraint(lp.c, Relationship.LEQ, z + slack);
        Map<String, Double> min = new LinkedHashMap<>();
        Map<String, Double> max = new LinkedHashMap<>();
        for (int j = 0; j < lp.n(); j++) {
            String id = lp.reactions.get(j);
            double[] e = unit(lp.n(), j);
            min.put(id, clean(lp.optimizeFlux(e, false, near, id)));
            max.put(id, clean(lp.optimizeFlux(e, true, near, id)));
        }
        return new Variability(lp.objectiveId, z, fractionOfOptimum, min, max);
    }

    private static double clean(double x) {
        return x == 0 ? 0.0 : x; // no negative zero
    }

    /**
     * A flux-balance linear programme: optimise {@code c'v} subject to {@code S v = 0} for the
     * balanced species and {@code lower <= v <= upper} (infinite bounds are absent).
     */
    private static final class Lp {
        final String modelId;
        final String objectiveId;
        final boolean maximize;
        final List<String> reactions;
        final List<String> species;
        final double[][] s;
        final double[] lower;
        final double[] upper;
        final double[] c;

        private Lp(String modelId, String objectiveId, boolean maximize, List<String> reactions, List<String> species,
                double[][] s, double[] lower, double[] upper, double[] c) {
            this.modelId = modelId;
            this.objectiveId = objectiveId;
            this.maximize = maximize;
            this.reactions = reactions;
            this.species = species;
            this.s = s;
            this.lower = lower;
            this.upper = upper;
            this.c = c;
        }

        int n() {
            return reactions.size();
        }

        static Lp of(SBMLDocument doc) throws SimulationException {
            if (doc == null || !doc.isSetModel()) {
                throw new SimulationException(Kind.INVALID_MODEL, "the document has no model");
            }
            Model model = doc.getModel();
            FBCModelPlugin fbc = model.isSetPlugin(FBCConstants.shortLabel)
                    ? (FBCModelPlugin) model.getPlugin(FBCConstants.shortLabel) : null;
            if (fbc == null || fbc.getObjectiveCount() == 0) {
                throw new SimulationException(Kind.INVALID_MODEL, "model '" + model.getId()
                        + "' defines no fbc objective, so there is nothing to optimise; add an objective");
            }
            Objective objective = activeObjective(model, fbc);
            List<Reaction> reactions = new ArrayList<>(model.getListOfReactions());
            Map<String, Integer> column = new LinkedHashMap<>();
            for (Reaction r : reactions) {
                column.put(r.getId(), column.size());
            }
            int n = reactions.size();
            Values values = new Values(doc);

            double[] lower = new double[n];
            double[] upper = new double[n];
            java.util.Arrays.fill(lower, Double.NEGATIVE_INFINITY);
            java.util.Arrays.fill(upper, Double.POSITIVE_INFINITY);
            for (Reaction r : reactions) {
                int j = column.get(r.getId());
                if (r.isSetPlugin(FBCConstants.shortLabel)) {
                    FBCReactionPlugin rp = (FBCReactionPlugin) r.getPlugin(FBCConstants.shortLabel);
                    if (rp.isSetLowerFluxBound()) {
                        lower[j] = values.of(rp.getLowerFluxBound(), "the lower flux bound of reaction '" + r.getId() + "'");
                    }
                    if (rp.isSetUpperFluxBound()) {
                        upper[j] = values.of(rp.getUpperFluxBound(), "the upper flux bound of reaction '" + r.getId() + "'");
                    }
                }
            }
            for (FluxBound b : !fbc.isSetListOfFluxBounds() ? List.<FluxBound>of() : fbc.getListOfFluxBounds()) {
                Integer j = column.get(b.getReaction());
                if (j == null) {
                    throw new SimulationException(Kind.INVALID_MODEL, "flux bound '" + b.getId() + "' names reaction '"
                            + b.getReaction() + "', which the model does not define");
                }
                double v = b.getValue();
                switch (b.getOperation()) {
                case GREATER_EQUAL, GREATER -> lower[j] = Math.max(lower[j], v);
                case LESS_EQUAL, LESS -> upper[j] = Math.min(upper[j], v);
                case EQUAL -> {
                    lower[j] = Math.max(lower[j], v);
                    upper[j] = Math.min(upper[j], v);
                }
                default -> throw new SimulationException(Kind.INVALID_MODEL, "flux bound '" + b.getId() + "' has no operation");
                }
            }
            for (int j = 0; j < n; j++) {
                if (lower[j] > upper[j]) {
                    throw new SimulationException(Kind.NO_STEADY_STATE, "reaction '" + reactions.get(j).getId()
                            + "' has a lower flux bound (" + lower[j] + ") above its upper flux bound (" + upper[j]
                            + "): the flux balance problem has no solution");
                }
            }

            double[] c = new double[n];
            for (FluxObjective fo : objective.getListOfFluxObjectives()) {
                Integer j = column.get(fo.getReaction());
                if (j == null) {
                    throw new SimulationException(Kind.INVALID_MODEL, "objective '" + objective.getId() + "' names reaction '"
                            + fo.getReaction() + "', which the model does not define");
                }
                c[j] += fo.getCoefficient();
            }

            // Steady state for every species that is balanced (not a boundary condition, not constant).
            Map<String, double[]> rows = new LinkedHashMap<>();
            for (Species sp : model.getListOfSpecies()) {
                if (!sp.getBoundaryCondition() && !sp.getConstant()) {
                    rows.put(sp.getId(), new double[n]);
                }
            }
            for (Reaction r : reactions) {
                int j = column.get(r.getId());
                for (SpeciesReference sr : r.getListOfReactants()) {
                    addStoichiometry(rows, sr, j, -1, values, r);
                }
                for (SpeciesReference sr : r.getListOfProducts()) {
                    addStoichiometry(rows, sr, j, 1, values, r);
                }
            }
            return new Lp(model.getId(), objective.getId(), objective.getType() != Objective.Type.MINIMIZE,
                    List.copyOf(column.keySet()), List.copyOf(rows.keySet()), rows.values().toArray(double[][]::new),
                    lower, upper, c);
        }

        /** Optimises {@code f'v} over the feasible set with the extra constraints. */
        PointValuePair optimize(double[] f, boolean max, List<LinearConstraint> extra) throws SimulationException {
            List<LinearConstraint> constraints = new ArrayList<>();
            for (double[] row : s) {
                constraints.add(new LinearConstraint(row, Relationship.EQ, 0));
            }
            for (int j = 0; j < n(); j++) {
                if (Double.isFinite(lower[j])) {
                    constraints.add(new LinearConstraint(unit(n(), j), Relationship.GEQ, lower[j]));
                }
                if (Double.isFinite(upper[j])) {
                    constraints.add(new LinearConstraint(unit(n(), j), Relationship.LEQ, upper[j]));
                }
            }
            constraints.addAll(extra);
            try {
                return simplex(f, constraints, max);
            } catch (NoFeasibleSolutionException e) {
                throw new SimulationException(Kind.NO_STEADY_STATE, "no flux distribution of model '" + modelId
                        + "' is at steady state within the flux bounds: the flux balance problem is infeasible; check the bounds");
            } catch (UnboundedSolutionException e) {
                throw new SimulationException(Kind.INVALID_MODEL, "objective '" + objectiveId + "' of model '" + modelId
                        + "' is unbounded: the fluxes can grow without limit; bound the reactions it depends on");
            }
        }

        /** The smallest or largest flux of one reaction (the objective near its optimum). */
        double optimizeFlux(double[] e, boolean max, LinearConstraint near, String id) throws SimulationException {
            try {
                return optimize(e, max, List.of(near)).getValue();
            } catch (SimulationException x) {
                if (x.kind() == Kind.INVALID_MODEL) {
                    throw new SimulationException(Kind.INVALID_MODEL, "the flux of reaction '" + id + "' of model '" + modelId
                            + "' is unbounded " + (max ? "above" : "below") + " near the optimum of objective '" + objectiveId
                            + "'; bound it to analyse its variability");
                }
                throw x;
            }
        }

        /**
         * One optimal solution of the dual programme of the maximisation of {@code c'v} (of
         * {@code -c'v} for a minimised objective, whose duals are then negated): minimise
         * {@code sum_j upper_j a_j - sum_j lower_j b_j} over free {@code y} and {@code a, b >= 0}
         * (only for finite bounds) subject to {@code S'y + a - b = c}. Shadow prices are
         * {@code y}, reduced costs {@code c - S'y = a - b}.
         *
         * @return {shadow prices by species row, reduced costs by reaction column}
         */
        double[][] dual() throws SimulationException {
            int m = species.size();
            int n = n();
            double sign = maximize ? 1 : -1;
            List<Integer> ub = new ArrayList<>();
            List<Integer> lb = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                if (Double.isFinite(upper[j])) {
                    ub.add(j);
                }
                if (Double.isFinite(lower[j])) {
                    lb.add(j);
                }
            }
            int vars = m + ub.size() + lb.size();
            double[] objective = new double[vars];
            for (int k = 0; k < ub.size(); k++) {
                objective[m + k] = upper[ub.get(k)];
            }
            for (int k = 0; k < lb.size(); k++) {
                objective[m + ub.size() + k] = -lower[lb.get(k)];
            }
            List<LinearConstraint> constraints = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                double[] row = new double[vars];
                for (int i = 0; i < m; i++) {
                    row[i] = s[i][j];
                }
                int a = ub.indexOf(j);
                if (a >= 0) {
                    row[m + a] = 1;
                }
                int b = lb.indexOf(j);
                if (b >= 0) {
                    row[m + ub.size() + b] = -1;
                }
                constraints.add(new LinearConstraint(row, Relationship.EQ, sign * c[j]));
            }
            for (int k = m; k < vars; k++) {
                constraints.add(new LinearConstraint(unit(vars, k), Relationship.GEQ, 0));
            }
            double[] y;
            try {
                y = simplex(objective, constraints, false).getPoint();
            } catch (NoFeasibleSolutionException | UnboundedSolutionException e) {
                // the primal has a finite optimum, so by duality the dual has one too: only rounding gets here
                throw new SimulationException(Kind.CONVERGENCE_FAILURE, "the dual of the flux balance problem of model '"
                        + modelId + "' could not be solved (" + e.getMessage() + "); its reduced costs and shadow prices"
                        + " are unavailable");
            }
            double[] prices = new double[m];
            for (int i = 0; i < m; i++) {
                prices[i] = sign * y[i];
            }
            double[] reduced = new double[n];
            for (int j = 0; j < n; j++) {
                double r = c[j];
                for (int i = 0; i < m; i++) {
                    r -= s[i][j] * prices[i];
                }
                reduced[j] = r;
            }
            return new double[][] { prices, reduced };
        }

        private PointValuePair simplex(double[] f, List<LinearConstraint> constraints, boolean max) throws SimulationException {
            try {
                return new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(100_000), new LinearObjectiveFunction(f, 0),
                        new LinearConstraintSet(constraints), max ? GoalType.MAXIMIZE : GoalType.MINIMIZE,
                        new NonNegativeConstraint(false));
            } catch (TooManyIterationsException e) {
                throw new SimulationException(Kind.CONVERGENCE_FAILURE, "the simplex method found no optimum for model '"
                        + modelId + "' within " + e.getMax() + " iterations");
            }
        }
    }

    private static Objective activeObjective(Model model, FBCModelPlugin fbc) throws SimulationException {
        String active = fbc.isSetActiveObjective() ? fbc.getActiveObjective() : null;
        if (active == null || active.isEmpty()) {
            if (fbc.getObjectiveCount() == 1) {
                return fbc.getObjective(0);
            }
            throw new SimulationException(Kind.INVALID_MODEL, "model '" + model.getId() + "' has " + fbc.getObjectiveCount()
                    + " fbc objectives and names no active one; set activeObjective");
        }
        for (Objective o : fbc.getListOfObjectives()) {
            if (active.equals(o.getId())) {
                return o;
            }
        }
        throw new SimulationException(Kind.INVALID_MODEL, "the active objective '" + active + "' of model '" + model.getId()
                + "' is not among its objectives");
    }

    private static void addStoichiometry(Map<String, double[]> rows, SpeciesReference sr, int j, int sign, Values values,
            Reaction r) throws SimulationException {
        double[] row = rows.get(sr.getSpecies());
        if (row == null) {
            return;
        }
        double st;
        String where = "the stoichiometry of species '" + sr.getSpecies() + "' in reaction '" + r.getId() + "'";
        if (sr.isSetId()) {
            st = values.of(sr.getId(), where);
        } else if (sr.isSetStoichiometry()) {
            st = sr.getStoichiometry();
        } else {
            throw new SimulationException(Kind.INVALID_MODEL, where + " is not set");
        }
        row[j] += sign * st;
    }

    private static double[] unit(int n, int j) {
        double[] a = new double[n];
        a[j] = 1;
        return a;
    }

    /** Initial values of parameters and species references, with initial assignments and rules applied. */
    private static final class Values {
        private final SBMLDocument doc;
        private Map<String, Double> initial;

        Values(SBMLDocument doc) {
            this.doc = doc;
        }

        double of(String id, String where) throws SimulationException {
            if (initial == null) {
                initial = initialValues();
            }
            Double v = initial.get(id);
            if (v == null) {
                throw new SimulationException(Kind.INVALID_MODEL, where + " is '" + id + "', which the model does not define");
            }
            if (Double.isNaN(v)) {
                throw new SimulationException(Kind.INVALID_MODEL, where + " ('" + id + "') has no value");
            }
            return v;
        }

        /** Compiles the model once and reads every parameter and species reference at time 0. */
        private Map<String, Double> initialValues() throws SimulationException {
            CompiledModel compiled = CompiledModel.compileFluxBalance(doc);
            List<Output> outs = new ArrayList<>();
            for (String p : compiled.parameterIds()) {
                outs.add(Output.of(p));
            }
            for (Reaction r : doc.getModel().getListOfReactions()) {
                for (List<SpeciesReference> list : List.of(r.getListOfReactants(), r.getListOfProducts())) {
                    for (SpeciesReference sr : list) {
                        if (sr.isSetId() && compiled.hasId(sr.getId())) {
                            outs.add(Output.of(sr.getId()));
                        }
                    }
                }
            }
            Map<String, Double> out = new LinkedHashMap<>();
            if (outs.isEmpty()) {
                return out;
            }
            TimeCourse tc = compiled.newSimulation().run(new double[] { 0.0 }, outs, SolverOptions.defaults(), () -> false);
            for (int c = 0; c < outs.size(); c++) {
                out.put(outs.get(c).id(), tc.value(0, c));
            }
            return out;
        }
    }
}
