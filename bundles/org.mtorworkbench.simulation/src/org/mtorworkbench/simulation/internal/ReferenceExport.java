package org.mtorworkbench.simulation.internal;

import java.util.ArrayList;
import java.util.List;

import org.mtorworkbench.simulation.seam.Term;

/**
 * Copies a layout's equations into the seam's read-only {@link Term}s, on demand: nothing is
 * kept, and the layout is not changed.
 */
public final class ReferenceExport {

    private ReferenceExport() {
    }

    /** @return the statements the generated {@code update} method runs */
    public static List<Term.Assignment> update(ModelLayout l) {
        return assignments(l.equations.update());
    }

    /** @return the statements the generated {@code derivs} method runs */
    public static List<Term.Assignment> derivatives(ModelLayout l) {
        return assignments(l.equations.derivs());
    }

    /** @return the analytic Jacobian's statements, or an empty list when it is computed by finite differences */
    public static List<Term.Assignment> jacobian(ModelLayout l) {
        return l.gradientSlots < 0 ? List.of() : assignments(l.equations.jacobian());
    }

    /** @return for each state, the states its derivative depends on (a copy) */
    public static int[][] jacobianPattern(ModelLayout l) {
        int[][] p = new int[l.jacobianPattern.length][];
        for (int i = 0; i < p.length; i++) {
            p[i] = l.jacobianPattern[i].clone();
        }
        return p;
    }

    /** @return the work slots of the analytic Jacobian, or -1 when it is computed by finite differences */
    public static int gradientSlots(ModelLayout l) {
        return l.gradientSlots;
    }

    /** @return the number of variables determined by algebraic rules (fast reactions' extents included) */
    public static int algebraicVariables(ModelLayout l) {
        return l.algebraicVars.length;
    }

    /** @return the number of variables whose rate of change {@code rateOf} reads */
    public static int rateOfTargets(ModelLayout l) {
        return l.rateSymbols.length;
    }

    private static List<Term.Assignment> assignments(List<CodeGenerator.Store> stores) {
        List<Term.Assignment> out = new ArrayList<>(stores.size());
        for (CodeGenerator.Store st : stores) {
            Term.Array a = array(st.arr());
            if (a == null) {
                throw new IllegalStateException("a statement stores into " + st.arr());
            }
            out.add(new Term.Assignment(a, st.index(), term(st.expr())));
        }
        return out;
    }

    private static Term.Array array(Expr.Arr a) {
        return switch (a) {
        case V -> Term.Array.VALUES;
        case Y -> Term.Array.STATE;
        case DY -> Term.Array.DERIVATIVES;
        case G -> Term.Array.GRADIENTS;
        case JAC -> Term.Array.JACOBIAN;
        default -> null;
        };
    }

    private static List<Term> terms(List<Expr> es) {
        List<Term> out = new ArrayList<>(es.size());
        for (Expr e : es) {
            out.add(term(e));
        }
        return out;
    }

    static Term term(Expr e) {
        if (e instanceof Expr.Const c) {
            return new Term.Constant(c.x);
        } else if (e instanceof Expr.Load l) {
            Term.Array a = array(l.arr);
            return a == null ? new Term.Opaque("a read of " + l.arr) : new Term.Load(a, l.index);
        } else if (e instanceof Expr.Time) {
            return new Term.Time();
        } else if (e instanceof Expr.Neg n) {
            return new Term.Negate(term(n.a));
        } else if (e instanceof Expr.Bin b) {
            return new Term.Arithmetic(b.op, term(b.a), term(b.b));
        } else if (e instanceof Expr.Cmp c) {
            return new Term.Compare(c.op, term(c.a), term(c.b));
        } else if (e instanceof Expr.Logic g) {
            return new Term.Logic(g.and, terms(g.args));
        } else if (e instanceof Expr.Xor x) {
            return new Term.Xor(terms(x.args));
        } else if (e instanceof Expr.Cond c) {
            if (c.test == null) {
                return new Term.Opaque("a test of an overridden initial value");
            }
            return new Term.Conditional(term(c.test), term(c.a), term(c.b));
        } else if (e instanceof Expr.Call c) {
            Term.Library lib = Expr.MATH.equals(c.owner) ? Term.Library.JAVA_MATH
                    : Expr.FNS.equals(c.owner) ? Term.Library.MATHML : null;
            if (lib == null) {
                return new Term.Opaque("the function " + c.owner + "." + c.name + " with " + c.args.length
                        + " arguments");
            }
            return new Term.Call(lib, c.name, terms(List.of(c.args)));
        }
        return new Term.Opaque("the expression node " + e.getClass().getSimpleName() + " (" + e + ")");
    }
}
