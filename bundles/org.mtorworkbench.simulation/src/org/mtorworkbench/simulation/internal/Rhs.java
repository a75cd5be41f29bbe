package org.mtorworkbench.simulation.internal;

import java.util.Arrays;

/**
 * The right-hand side of one run's ODE system, with a Jacobian by finite differences over
 * column groups that share no row (Curtis, Powell and Reid, J. Inst. Maths Applics 13, 1974),
 * so a sparse network needs few evaluations. Owns its work arrays: not thread-safe.
 */
public final class Rhs {

    final ModelCode code;
    final double[] v;
    final int n;
    long evaluations;
    long jacobians;
    private final ModelLayout layout;
    private final int[] algebraicVars;
    private final int[] rateTargets;
    private final int[] rateSymbols;
    private final double[] rates;
    private final double[] grad;
    private final AlgebraicNewton algebra;
    private final int[][] groups;
    private final int[][] rowsOfColumn;
    private final double[] f1;
    private final double[] yp;

    /** @return the id of state variable {@code k}, for messages */
    String stateId(int k) {
        return layout.ids[layout.stateSymbol[k]];
    }

    Rhs(ModelLayout layout, double[] v) {
        this(layout, layout.code, v);
    }

    /** @param code the generated code of this run (its own instance when the model has delays) */
    Rhs(ModelLayout layout, ModelCode code, double[] v) {
        this.code = code;
        this.layout = layout;
        this.algebraicVars = layout.algebraicVars;
        this.rateTargets = layout.rateTargets;
        this.rateSymbols = layout.rateSymbols;
        this.rates = new double[layout.stateCount()];
        this.grad = layout.gradientSlots >= 0 ? new double[layout.gradientSlots] : null;
        this.algebra = new AlgebraicNewton(algebraicVars, layout.fastExtents);
        this.algebraicResidual = out -> {
            code.update(evalT, evalY, v);
            code.algebraic(v, out);
        };
        for (int s : algebraicVars) {
            if (!Double.isFinite(v[s])) {
                v[s] = 0;
            }
        }
        this.v = v;
        this.n = layout.stateCount();
        this.f1 = new double[n];
        this.yp = new double[n];
        int[][] pattern = layout.jacobianPattern;
        int[] count = new int[n];
        for (int[] row : pattern) {
            for (int j : row) {
                count[j]++;
            }
        }
        rowsOfColumn = new int[n][];
        for (int j = 0; j < n; j++) {
            rowsOfColumn[j] = new int[count[j]];
        }
        int[] fill = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j : pattern[i]) {
                rowsOfColumn[j][fill[j]++] = i;
            }
        }
        // Greedy colouring: a column joins the first group none of whose rows it touches.
        java.util.List<int[]> gs = new java.util.ArrayList<>();
        java.util.List<java.util.BitSet> used = new java.util.ArrayList<>();
        java.util.List<java.util.List<Integer>> members = new java.util.ArrayList<>();
        for (int j = 0; j < n; j++) {
            int g = 0;
            for (; g < used.size(); g++) {
                boolean clash = false;
                for (int r : rowsOfColumn[j]) {
                    if (used.get(g).get(r)) {
                        clash = true;
                        break;
                    }
                }
                if (!clash) {
                    break;
                }
            }
            if (g == used.size()) {
                used.add(new java.util.BitSet(n));
                members.add(new java.util.ArrayList<>());
            }
            for (int r : rowsOfColumn[j]) {
                used.get(g).set(r);
            }
            members.get(g).add(j);
        }
        for (java.util.List<Integer> group : members) {
            gs.add(group.stream().mapToInt(Integer::intValue).toArray());
        }
        groups = gs.toArray(new int[0][]);
    }

    /** @return the layout of the model this right-hand side belongs to */
    ModelLayout layout() {
        return layout;
    }

    /** dy = f(t, y). */
    public void eval(double t, double[] y, double[] dy) {
        update(t, y);
        code.derivs(v, dy);
        evaluations++;
    }

    /**
     * Evaluates every symbol at (t, y) into {@code v}, solving the algebraic rules for their
     * variables by Newton's method (warm-started from their last values) when there are any.
     */
    public void update(double t, double[] y) {
        evaluate(t, y);
        if (rateTargets.length == 0) {
            return;
        }
        // rateOf: fill the rates from the derivatives and evaluate again, until they settle.
        for (int pass = 0; pass < 4; pass++) {
            code.derivs(v, rates);
            boolean changed = false;
            for (int q = 0; q < rateTargets.length; q++) {
                double r = rateOf(rateTargets[q]);
                if (r != v[rateSymbols[q]]) {
                    v[rateSymbols[q]] = r;
                    changed = true;
                }
            }
            if (!changed) {
                return;
            }
            evaluate(t, y);
        }
    }

    /** The rate of change of a symbol's value, from the derivatives in {@code rates}. */
    private double rateOf(int s) {
        int k = layout.symbolState[s];
        if (k < 0) {
            return 0;
        }
        if (!layout.stateIsAmount[k] || layout.onlySubstanceUnits[s]) {
            return rates[k];
        }
        int c = layout.speciesCompartment[s];
        int kc = layout.symbolState[c];
        double dv = kc >= 0 ? rates[kc] : 0;
        return (rates[k] - v[s] * dv) / v[c];
    }

    private void evaluate(double t, double[] y) {
        if (algebraicVars.length == 0) {
            code.update(t, y, v);
            return;
        }
        evalT = t;
        evalY = y;
        algebra.solve(v, algebraicResidual);
    }

    private double evalT;
    private double[] evalY;
    /** The algebraic rules' residuals at (evalT, evalY), made once so solving allocates nothing. */
    private final AlgebraicNewton.Residual algebraicResidual;

    /**
     * Fills the dense row-major Jacobian {@code jac} at (t, y), given f0 = f(t, y).
     *
     * @param scale per-component magnitude below which perturbations are not scaled down
     */
    public void jacobian(double t, double[] y, double[] f0, double[] scale, double[] jac) {
        jacobians++;
        Arrays.fill(jac, 0.0);
        if (grad != null) {
            update(t, y);
            code.jacobian(v, y, grad, jac);
            return;
        }
        differenceJacobian(t, y, f0, scale, jac);
    }

    /** @return true if the Jacobian comes from the generated symbolic derivatives */
    public boolean hasAnalyticJacobian() {
        return grad != null;
    }

    /** The Jacobian by grouped finite differences, whether or not an analytic one exists. */
    void differenceJacobian(double t, double[] y, double[] f0, double[] scale, double[] jac) {
        Arrays.fill(jac, 0.0);
        System.arraycopy(y, 0, yp, 0, n);
        double sq = Math.sqrt(Math.ulp(1.0));
        for (int[] g : groups) {
            for (int j : g) {
                double d = sq * Math.max(Math.abs(y[j]), scale[j]);
                if (d == 0) {
                    d = sq;
                }
                yp[j] = y[j] + d;
            }
            eval(t, yp, f1);
            for (int j : g) {
                double d = yp[j] - y[j];
                for (int r : rowsOfColumn[j]) {
                    jac[r * n + j] = (f1[r] - f0[r]) / d;
                }
                yp[j] = y[j];
            }
        }
    }

    public int jacobianGroups() {
        return groups.length;
    }
}
