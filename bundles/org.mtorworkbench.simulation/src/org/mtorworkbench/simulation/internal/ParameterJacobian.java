package org.mtorworkbench.simulation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mtorworkbench.simulation.internal.Expr.Arr;

/**
 * The right-hand side's derivatives with respect to the model's constants (parameters,
 * compartment sizes, constant species), as generated code: by the chain rule in forward mode
 * through the update statements (assignment rules, reaction rates, the state's loads), as the
 * analytic Jacobian is built with respect to the state. Made once per compiled model, when
 * sensitivities first need it; null when some function has no derivative rule (the sensitivities
 * then take central differences of the right-hand side). Thread-safe: the code is stateless.
 */
final class ParameterJacobian {

    private final ModelCode code;
    /** For each symbol, its column, or -1 when no equation reads it. */
    private final int[] column;
    private final int columns;
    private final int slots;
    private final int n;

    private ParameterJacobian(ModelCode code, int[] column, int columns, int slots, int n) {
        this.code = code;
        this.column = column;
        this.columns = columns;
        this.slots = slots;
        this.n = n;
    }

    /** @return the column of {@code symbol} in {@link #evaluate}'s matrix, or -1 when the derivatives are zero */
    int column(int symbol) {
        return column[symbol];
    }

    int columns() {
        return columns;
    }

    /** @return work arrays for {@link #evaluate}: gradients and the n x columns matrix */
    double[][] newWork() {
        return new double[][] { new double[Math.max(slots, 1)], new double[n * columns] };
    }

    /** df_i / dv_c into work[1][i * columns + column(c)], from values {@code v} updated at (t, y). */
    void evaluate(double[] v, double[] y, double[][] work) {
        java.util.Arrays.fill(work[1], 0);
        code.jacobian(v, y, work[0], work[1]);
    }

    /** @return the layout's parameter Jacobian, generated on first use; null when not differentiable */
    static ParameterJacobian of(ModelLayout layout, java.util.function.IntPredicate constant) {
        synchronized (layout) {
            if (!layout.parameterJacobianTried) {
                layout.parameterJacobian = build(layout, constant);
                layout.parameterJacobianTried = true;
            }
            return layout.parameterJacobian;
        }
    }

    private static ParameterJacobian build(ModelLayout layout, java.util.function.IntPredicate constant) {
        ModelLayout.Equations eq = layout.equations;
        int ns = layout.symbolCount();
        int n = layout.stateCount();
        try {
            // g(u, c) for computed symbols u and constants c, as slots.
            Map<Long, Integer> slot = new HashMap<>();
            List<CodeGenerator.Store> out = new ArrayList<>();
            List<Integer> computed = new ArrayList<>();
            Map<Integer, List<Integer>> dependsOn = new HashMap<>();
            int[] column = new int[ns];
            java.util.Arrays.fill(column, -1);
            int[] columns = { 0 };
            for (CodeGenerator.Store st : eq.update()) {
                if (st.arr() != Arr.V || st.index() == 0) {
                    continue;
                }
                Map<Integer, Expr> partial = partials(st.expr(), computed, ns, constant);
                Map<Integer, Expr> grads = chain(partial, dependsOn, slot, constant);
                List<Integer> cs = new ArrayList<>();
                for (Map.Entry<Integer, Expr> e : grads.entrySet()) {
                    int sl = slot.size();
                    slot.put(((long) st.index() << 32) | e.getKey(), sl);
                    out.add(new CodeGenerator.Store(Arr.G, sl, e.getValue()));
                    cs.add(e.getKey());
                }
                dependsOn.put(st.index(), cs);
                computed.add(st.index());
            }
            List<CodeGenerator.Store> jac = new ArrayList<>();
            List<CodeGenerator.Store> pending = new ArrayList<>();
            for (CodeGenerator.Store st : eq.derivs()) {
                Map<Integer, Expr> grads = chain(partials(st.expr(), computed, ns, constant), dependsOn, slot, constant);
                for (Map.Entry<Integer, Expr> e : grads.entrySet()) {
                    if (column[e.getKey()] < 0) {
                        column[e.getKey()] = columns[0]++;
                    }
                    // Row-major with the final column count: the index is fixed once all columns are known.
                    pending.add(new CodeGenerator.Store(Arr.JAC, st.index() * ns + e.getKey(), e.getValue()));
                }
            }
            for (CodeGenerator.Store st : pending) {
                int i = st.index() / ns;
                int c = st.index() % ns;
                jac.add(new CodeGenerator.Store(Arr.JAC, i * columns[0] + column[c], st.expr()));
            }
            out.addAll(jac);
            ModelCode code = CodeGenerator.generate(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), out,
                    Map.of(), Map.of(), Map.of());
            return new ParameterJacobian(code, column, columns[0], slot.size(), n);
        } catch (Expr.NotDifferentiable e) {
            return null;
        }
    }

    /** The non-zero partial derivatives of {@code e} with respect to the computed symbols and the constants. */
    private static Map<Integer, Expr> partials(Expr e, List<Integer> computed, int ns,
            java.util.function.IntPredicate constant) throws Expr.NotDifferentiable {
        Map<Integer, Expr> out = new LinkedHashMap<>();
        for (int w : computed) {
            Expr d = e.d(Arr.V, w);
            if (d != null) {
                out.put(w, d);
            }
        }
        for (int c = 1; c < ns; c++) {
            if (constant.test(c)) {
                Expr d = e.d(Arr.V, c);
                if (d != null) {
                    out.put(c, d);
                }
            }
        }
        return out;
    }

    /** d/dv_c for each constant c: the direct partial plus the computed symbols' partials times their gradients. */
    private static Map<Integer, Expr> chain(Map<Integer, Expr> partial, Map<Integer, List<Integer>> dependsOn,
            Map<Long, Integer> slot, java.util.function.IntPredicate constant) {
        Map<Integer, Expr> out = new LinkedHashMap<>();
        for (Map.Entry<Integer, Expr> e : partial.entrySet()) {
            int w = e.getKey();
            if (constant.test(w)) {
                out.merge(w, e.getValue(), Expr::add);
            } else {
                for (int c : dependsOn.getOrDefault(w, List.of())) {
                    out.merge(c, Expr.mul(e.getValue(), Expr.load(Arr.G, slot.get(((long) w << 32) | c))), Expr::add);
                }
            }
        }
        out.values().removeIf(java.util.Objects::isNull);
        return out;
    }
}
