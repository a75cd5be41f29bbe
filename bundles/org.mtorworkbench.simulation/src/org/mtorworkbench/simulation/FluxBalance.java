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
     * The optimum.
     *
     * @param objective the id of the objective optimised
     * @param maximize whether it was maximised (else minimised)
     * @param objectiveValue its value at the optimum
     * @param fluxes every reaction's flux at the optimum, by reaction id, in document order
     */
    public record Solution(String objective, boolean maximize, double objectiveValue, Map<String, Double> fluxes) {

        public Solution {
            fluxes = Collections.unmodifiableMap(new LinkedHashMap<>(fluxes));
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
     * Solves the document's flux-balance problem.
     *
     * @throws SimulationException INVALID_MODEL when the model has no (active) objective, names
     *         unknown reactions, or its objective is unbounded (with the advice to bound the
     *         fluxes); NO_STEADY_STATE when no flux distribution satisfies steady state and the
     *         bounds (the problem is infeasible); UNSUPPORTED when initial values need
     *         constructs the simulator refuses
     */
    public static Solution solve(SBMLDocument doc) throws SimulationException {
        if (doc == null || !doc.isSetModel()) {
            throw new SimulationException(Kind.INVALID_MODEL, "the document has no model");
        }
        Model model = doc.getModel();
        FBCModelPlugin fbc = model.isSetPlugin(FBCConstants.shortLabel) ? (FBCModelPlugin) model.getPlugin(FBCConstants.shortLabel)
                : null;
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
        for (Species s : model.getListOfSpecies()) {
            if (!s.getBoundaryCondition() && !s.getConstant()) {
                rows.put(s.getId(), new double[n]);
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

        List<LinearConstraint> constraints = new ArrayList<>();
        for (double[] row : rows.values()) {
            constraints.add(new LinearConstraint(row, Relationship.EQ, 0));
        }
        for (int j = 0; j < n; j++) {
            if (lower[j] > upper[j]) {
                throw new SimulationException(Kind.NO_STEADY_STATE, "reaction '" + reactions.get(j).getId()
                        + "' has a lower flux bound (" + lower[j] + ") above its upper flux bound (" + upper[j]
                        + "): the flux balance problem has no solution");
            }
            if (Double.isFinite(lower[j])) {
                constraints.add(new LinearConstraint(unit(n, j), Relationship.GEQ, lower[j]));
            }
            if (Double.isFinite(upper[j])) {
                constraints.add(new LinearConstraint(unit(n, j), Relationship.LEQ, upper[j]));
            }
        }
        boolean maximize = objective.getType() != Objective.Type.MINIMIZE;
        PointValuePair opt;
        try {
            opt = new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(100_000), new LinearObjectiveFunction(c, 0),
                    new LinearConstraintSet(constraints), maximize ? GoalType.MAXIMIZE : GoalType.MINIMIZE,
                    new NonNegativeConstraint(false));
        } catch (NoFeasibleSolutionException e) {
            throw new SimulationException(Kind.NO_STEADY_STATE, "no flux distribution of model '" + model.getId()
                    + "' is at steady state within the flux bounds: the flux balance problem is infeasible; check the bounds");
        } catch (UnboundedSolutionException e) {
            throw new SimulationException(Kind.INVALID_MODEL, "objective '" + objective.getId() + "' of model '" + model.getId()
                    + "' is unbounded: the fluxes can grow without limit; bound the reactions it depends on");
        } catch (TooManyIterationsException e) {
            throw new SimulationException(Kind.CONVERGENCE_FAILURE, "the simplex method found no optimum for objective '"
                    + objective.getId() + "' within " + e.getMax() + " iterations");
        }
        double[] v = opt.getPoint();
        Map<String, Double> fluxes = new LinkedHashMap<>();
        for (Reaction r : reactions) {
            double x = v[column.get(r.getId())];
            fluxes.put(r.getId(), x == 0 ? 0.0 : x); // no negative zero
        }
        return new Solution(objective.getId(), maximize, opt.getValue(), fluxes);
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
