package org.mtorworkbench.simulation.internal;

import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.mtorworkbench.simulation.internal.Expr.Arr;
import org.sbml.jsbml.Reaction;

/**
 * Fast reactions (SBML Level 2 and Level 3 Version 1 {@code fast="true"}) in rapid equilibrium.
 * <p>
 * Each fast reaction j gets an extent xi_j, an algebraic unknown. A species s that fast
 * reactions change keeps its state u_s, which only the slow reactions move, and its amount is
 * {@code x_s = u_s + cf_s * sum_j n_sj * xi_j} (n the signed stoichiometry, cf the conversion
 * factor). The extents are solved, with the algebraic rules, by Newton's method at every
 * evaluation so that every fast reaction's rate is zero: the fast subsystem at its quasi-steady
 * state. The conserved combinations of the fast subsystem (those with L n = 0) are the same for
 * u and x, so they follow the slow dynamics alone, and the equilibrium is the one reached from
 * the current state by the fast reactions: at the start (the initial values equilibrate at
 * once) and after an event assigns a species.
 */
final class FastReactions {

    /** For each species a fast reaction changes, its term sum_j n_sj * xi_j and what that reads. */
    private final Map<Integer, Expr> terms = new LinkedHashMap<>();
    private final Map<Integer, Set<Integer>> deps = new LinkedHashMap<>();

    static boolean isFast(Reaction r) {
        return r.isSetFast() && r.isFast();
    }

    /** The internal symbol of a fast reaction's extent. */
    static String extentId(Reaction r) {
        return "extent(" + r.getId() + ")";
    }

    /** @return the algebraic rules' variables followed by the fast reactions' extents */
    static int[] appendExtents(int[] ruleVars, Collection<Integer> extents) {
        int[] out = java.util.Arrays.copyOf(ruleVars, ruleVars.length + extents.size());
        int i = ruleVars.length;
        for (int e : extents) {
            out[i++] = e;
        }
        return out;
    }

    /**
     * Records that the fast reaction with extent symbol {@code extent} consumes ({@code reactant})
     * or produces species {@code species} with stoichiometry {@code st} (reading {@code stDeps}).
     */
    void add(int species, boolean reactant, Expr st, int extent, Set<Integer> stDeps) {
        Expr term = Expr.bin('*', st, Expr.load(Arr.V, extent));
        Expr acc = terms.get(species);
        terms.put(species, acc == null ? (reactant ? new Expr.Neg(term) : term)
                : Expr.bin(reactant ? '-' : '+', acc, term));
        Set<Integer> d = deps.computeIfAbsent(species, k -> new LinkedHashSet<>());
        d.addAll(stDeps);
        d.add(extent);
    }

    boolean changes(int species) {
        return terms.containsKey(species);
    }

    /**
     * @param state the species' state index (its slowly integrated amount)
     * @param cf the conversion factor symbol, or null
     * @param out receives the symbols the amount reads
     * @return the species' amount
     */
    Expr amount(int species, int state, Integer cf, Set<Integer> out) {
        Expr t = terms.get(species);
        out.addAll(deps.get(species));
        if (cf != null) {
            t = Expr.bin('*', Expr.load(Arr.V, cf), t);
            out.add(cf);
        }
        return Expr.bin('+', Expr.load(Arr.Y, state), t);
    }

    /**
     * Widens the Jacobian's sparsity pattern: the extents tie every state of the fast subsystem
     * to every other, so a derivative reading one reads them all.
     */
    void couple(int[][] pattern, int[] symState) {
        if (terms.isEmpty()) {
            return;
        }
        BitSet fastStates = new BitSet();
        for (int s : terms.keySet()) {
            if (symState[s] >= 0) {
                fastStates.set(symState[s]);
            }
        }
        for (int i = 0; i < pattern.length; i++) {
            BitSet row = new BitSet();
            for (int j : pattern[i]) {
                row.set(j);
            }
            if (row.intersects(fastStates)) {
                row.or(fastStates);
                pattern[i] = row.stream().toArray();
            }
        }
    }
}
