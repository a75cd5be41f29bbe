package org.mtorworkbench.simulation.reference.internal;

import java.util.List;
import java.util.Map;

import org.mtorworkbench.simulation.seam.ReferenceSeam.Equations;
import org.mtorworkbench.simulation.seam.Term;

/**
 * Writes a compiled model's right-hand side as C, from its equations as the engine's seam
 * gives them: the same statements the generated {@code update} and {@code derivs} run (state loads, assignment rules and reaction rates in
 * dependency order, then the derivatives), and the analytic Jacobian where the model has
 * one. Used to time a C ODE solver on exactly the system the engine integrates. Expression
 * nodes it does not know make it refuse (with the reason), never emit something different.
 */
public final class CEmitter {

    /** Statements per C function, so the C compiler never sees one enormous function. */
    private static final int CHUNK = 400;

    /** The model cannot be written as C; the message says why. */
    public static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String reason) {
            super(reason, null, false, false);
        }
    }

    /** C equivalents of the MathML helpers, with Java's semantics for NaN and signed zeros. */
    private static final String HELPERS = """
            static double mtw_min(double a, double b) {
                if (a != a) return a;
                if (b != b) return b;
                if (a == 0.0 && b == 0.0) return signbit(a) ? a : b;
                return a <= b ? a : b;
            }
            static double mtw_max(double a, double b) {
                if (a != a) return a;
                if (b != b) return b;
                if (a == 0.0 && b == 0.0) return signbit(a) ? b : a;
                return a >= b ? a : b;
            }
            static double mtw_pow(double a, double b) { return b == 2.0 ? a * a : pow(a, b); }
            static double mtw_factorial(double n) {
                if (n < 0) return NAN;
                if (n == rint(n) && n <= 170) {
                    double r = 1;
                    for (int i = 2; i <= (int) n; i++) r *= i;
                    return r;
                }
                return tgamma(n + 1);
            }
            static double mtw_root(double degree, double x) {
                if (degree == 2) return sqrt(x);
                if (degree == 3) return cbrt(x);
                if (x < 0 && degree == rint(degree) && ((long long) degree) % 2 != 0) return -pow(-x, 1 / degree);
                return pow(x, 1 / degree);
            }
            static double mtw_log(double base, double x) { return log(x) / log(base); }
            static double mtw_sec(double x) { return 1 / cos(x); }
            static double mtw_csc(double x) { return 1 / sin(x); }
            static double mtw_cot(double x) { return 1 / tan(x); }
            static double mtw_sech(double x) { return 1 / cosh(x); }
            static double mtw_csch(double x) { return 1 / sinh(x); }
            static double mtw_coth(double x) { return 1 / tanh(x); }
            static double mtw_asinh(double x) { return log(x + sqrt(x * x + 1)); }
            static double mtw_acosh(double x) { return log(x + sqrt(x * x - 1)); }
            static double mtw_atanh(double x) { return 0.5 * log((1 + x) / (1 - x)); }
            static double mtw_asec(double x) { return acos(1 / x); }
            static double mtw_acsc(double x) { return asin(1 / x); }
            static double mtw_acot(double x) { return atan(1 / x); }
            static double mtw_asech(double x) { return mtw_acosh(1 / x); }
            static double mtw_acsch(double x) { return mtw_asinh(1 / x); }
            static double mtw_acoth(double x) { return mtw_atanh(1 / x); }
            static double mtw_quotient(double a, double b) { double q = a / b; return q < 0 ? ceil(q) : floor(q); }
            static double mtw_rem(double a, double b) { return a - b * mtw_quotient(a, b); }
            """;

    /** java.lang.Math functions and their C names (same semantics for these). */
    private static final Map<String, String> MATH = Map.ofEntries(Map.entry("sqrt", "sqrt"),
            Map.entry("cbrt", "cbrt"), Map.entry("log", "log"), Map.entry("log10", "log10"), Map.entry("exp", "exp"),
            Map.entry("abs", "fabs"), Map.entry("ceil", "ceil"), Map.entry("floor", "floor"), Map.entry("sin", "sin"),
            Map.entry("cos", "cos"), Map.entry("tan", "tan"), Map.entry("sinh", "sinh"), Map.entry("cosh", "cosh"),
            Map.entry("tanh", "tanh"), Map.entry("asin", "asin"), Map.entry("acos", "acos"),
            Map.entry("atan", "atan"), Map.entry("min", "mtw_min"), Map.entry("max", "mtw_max"));

    /** The engine's MathML helpers by name and arity. */
    private static final Map<String, Integer> FNS = Map.ofEntries(Map.entry("pow", 2), Map.entry("factorial", 1),
            Map.entry("root", 2), Map.entry("log", 2), Map.entry("sec", 1), Map.entry("csc", 1),
            Map.entry("cot", 1), Map.entry("sech", 1), Map.entry("csch", 1), Map.entry("coth", 1),
            Map.entry("asinh", 1), Map.entry("acosh", 1), Map.entry("atanh", 1), Map.entry("asec", 1),
            Map.entry("acsc", 1), Map.entry("acot", 1), Map.entry("asech", 1), Map.entry("acsch", 1),
            Map.entry("acoth", 1), Map.entry("quotient", 2), Map.entry("rem", 2));

    private final int states;
    private final StringBuilder out = new StringBuilder();
    /** For a sparse Jacobian: the position of entry (i, j) in compressed-column storage, keyed i * n + j. */
    private Map<Long, Integer> sparseSlot;

    private CEmitter(int states) {
        this.states = states;
    }

    /**
     * Checks that a model's right-hand side is a plain ODE system the C export reproduces exactly.
     *
     * @throws Unsupported naming the construct otherwise
     */
    public static void check(Equations e) throws Unsupported {
        if (e.events() > 0) {
            throw new Unsupported("the model has " + e.events() + " event(s)");
        }
        if (e.algebraicVariables() > 0) {
            throw new Unsupported("the model has algebraic rules");
        }
        if (e.rateOfTargets() > 0) {
            throw new Unsupported("the model uses rateOf");
        }
    }

    /**
     * Writes C functions {@code model_update(t, y, v)}, {@code model_derivs(t, v, dy)} and, when
     * {@code jacobian} is true and the model has an analytic Jacobian,
     * {@code model_jacobian(t, v, y, g, J)} filling the column-major dense matrix {@code J}
     * (which must be zero). Defines {@code MODEL_STATES}, {@code MODEL_SYMBOLS},
     * {@code MODEL_GRADIENTS} and {@code MODEL_HAS_JACOBIAN}. Needs {@code <math.h>}.
     *
     * @throws Unsupported if the model or one of its expressions cannot be written as C
     */
    public static String source(Equations e, boolean jacobian) throws Unsupported {
        return source(e, jacobian, false);
    }

    /**
     * Like {@link #source(Equations, boolean)}; with {@code sparse}, {@code model_jacobian}
     * fills the values of a compressed-column matrix whose structure (the model's Jacobian
     * pattern plus the diagonal) is in {@code model_colptr} and {@code model_rowval}
     * ({@code MODEL_SPARSE}, {@code MODEL_NNZ}), for a sparse direct solver.
     *
     * @throws Unsupported also when {@code sparse} is asked for a model without an analytic Jacobian
     */
    public static String source(Equations s, boolean jacobian, boolean sparse) throws Unsupported {
        check(s);
        CEmitter c = new CEmitter(s.states());
        boolean withJacobian = jacobian && s.hasJacobian();
        if (sparse && !withJacobian) {
            throw new Unsupported("a sparse Jacobian needs the model's analytic Jacobian, which it has not");
        }
        StringBuilder o = c.out;
        o.append("/* right-hand side of model '").append(comment(s.modelId())).append("' */\n");
        o.append("#define MODEL_STATES ").append(s.states()).append('\n');
        o.append("#define MODEL_SYMBOLS ").append(s.symbols()).append('\n');
        o.append("#define MODEL_GRADIENTS ").append(Math.max(1, s.gradientSlots())).append('\n');
        o.append("#define MODEL_HAS_JACOBIAN ").append(withJacobian ? 1 : 0).append('\n');
        o.append("#define MODEL_SPARSE ").append(sparse ? 1 : 0).append('\n');
        if (sparse) {
            c.compressedColumns(s.jacobianPattern());
        }
        o.append(HELPERS);
        String args = "double t, const double *restrict y, double *restrict v, double *restrict dy, "
                + "double *restrict g, double *restrict J";
        c.function("model_update", args, s.update());
        c.function("model_derivs", args, s.derivatives());
        c.function("model_jacobian", args, withJacobian ? s.jacobian() : List.of());
        return o.toString();
    }

    private static String comment(String s) {
        return s.replace("*/", "* /").replaceAll("[^\\x20-\\x7e]", "?");
    }

    private void function(String name, String args, List<Term.Assignment> stmts) throws Unsupported {
        int parts = (stmts.size() + CHUNK - 1) / CHUNK;
        for (int p = 0; p < parts; p++) {
            out.append("static void ").append(name).append('_').append(p).append('(').append(args).append(") {\n");
            out.append("    (void) t; (void) y; (void) v; (void) dy; (void) g; (void) J;\n");
            for (Term.Assignment st : stmts.subList(p * CHUNK, Math.min(stmts.size(), (p + 1) * CHUNK))) {
                out.append("    ").append(target(st)).append(" = ");
                expr(st.value());
                out.append(";\n");
            }
            out.append("}\n");
        }
        out.append("static void ").append(name).append('(').append(args).append(") {\n");
        out.append("    (void) t; (void) y; (void) v; (void) dy; (void) g; (void) J;\n");
        for (int p = 0; p < parts; p++) {
            out.append("    ").append(name).append('_').append(p).append("(t, y, v, dy, g, J);\n");
        }
        out.append("}\n");
    }

    private void compressedColumns(List<int[]> pattern) {
        int n = states;
        java.util.List<java.util.TreeSet<Integer>> rows = new java.util.ArrayList<>();
        for (int j = 0; j < n; j++) {
            java.util.TreeSet<Integer> col = new java.util.TreeSet<>();
            col.add(j);
            rows.add(col);
        }
        for (int i = 0; i < n; i++) {
            for (int j : pattern.get(i)) {
                rows.get(j).add(i);
            }
        }
        sparseSlot = new java.util.HashMap<>();
        StringBuilder colptr = new StringBuilder("static const long long model_colptr[] = {0");
        StringBuilder rowval = new StringBuilder("static const long long model_rowval[] = {");
        int k = 0;
        for (int j = 0; j < n; j++) {
            for (int i : rows.get(j)) {
                sparseSlot.put((long) i * n + j, k);
                rowval.append(k > 0 ? "," : "").append(i).append(k % 32 == 31 ? "\n" : "");
                k++;
            }
            colptr.append(',').append(k).append(j % 32 == 31 ? "\n" : "");
        }
        out.append("#define MODEL_NNZ ").append(k).append('\n');
        out.append(colptr).append("};\n").append(rowval).append("};\n");
    }

    private String target(Term.Assignment st) throws Unsupported {
        int i = st.index();
        return switch (st.array()) {
        case VALUES -> "v[" + i + "]";
        case DERIVATIVES -> "dy[" + i + "]";
        case GRADIENTS -> "g[" + i + "]";
        // row-major i * n + j in the engine; the C solvers' dense matrices are column-major
        case JACOBIAN -> {
            if (sparseSlot == null) {
                yield "J[" + ((i % states) * states + i / states) + "]";
            }
            Integer k = sparseSlot.get((long) i);
            if (k == null) {
                throw new Unsupported("a Jacobian entry outside the model's sparsity pattern");
            }
            yield "J[" + k + "]";
        }
        default -> throw new Unsupported("a store into " + st.array());
        };
    }

    private void expr(Term e) throws Unsupported {
        if (e instanceof Term.Constant c) {
            constant(c.value());
        } else if (e instanceof Term.Load l) {
            String a = switch (l.array()) {
            case VALUES -> "v";
            case STATE -> "y";
            case GRADIENTS -> "g";
            default -> throw new Unsupported("a read of " + l.array());
            };
            out.append(a).append('[').append(l.index()).append(']');
        } else if (e instanceof Term.Time) {
            out.append('t');
        } else if (e instanceof Term.Negate n) {
            out.append("(-");
            expr(n.operand());
            out.append(')');
        } else if (e instanceof Term.Arithmetic b) {
            if ("+-*/".indexOf(b.operator()) < 0) {
                throw new Unsupported("the operator " + b.operator());
            }
            out.append('(');
            expr(b.left());
            out.append(' ').append(b.operator()).append(' ');
            expr(b.right());
            out.append(')');
        } else if (e instanceof Term.Compare c) {
            if (!List.of("<", "<=", ">", ">=", "==", "!=").contains(c.operator())) {
                throw new Unsupported("the comparison " + c.operator());
            }
            out.append("((");
            expr(c.left());
            out.append(") ").append(c.operator()).append(" (");
            expr(c.right());
            out.append(") ? 1.0 : 0.0)");
        } else if (e instanceof Term.Logic g) {
            out.append("((");
            for (int i = 0; i < g.operands().size(); i++) {
                out.append(i > 0 ? (g.and() ? " && " : " || ") : "").append("((");
                expr(g.operands().get(i));
                out.append(") != 0.0)");
            }
            if (g.operands().isEmpty()) {
                out.append(g.and() ? '1' : '0');
            }
            out.append(") ? 1.0 : 0.0)");
        } else if (e instanceof Term.Xor x) {
            out.append("((0");
            for (Term a : x.operands()) {
                out.append(" ^ ((");
                expr(a);
                out.append(") != 0.0)");
            }
            out.append(") ? 1.0 : 0.0)");
        } else if (e instanceof Term.Conditional c) {
            out.append("(((");
            expr(c.test());
            out.append(") != 0.0) ? (");
            expr(c.then());
            out.append(") : (");
            expr(c.otherwise());
            out.append("))");
        } else if (e instanceof Term.Call c) {
            call(c);
        } else if (e instanceof Term.Opaque o) {
            throw new Unsupported(o.description());
        } else {
            throw new Unsupported("the term " + e);
        }
    }

    private void call(Term.Call c) throws Unsupported {
        String fn;
        int n = c.arguments().size();
        if (c.library() == Term.Library.JAVA_MATH && MATH.containsKey(c.function())) {
            int arity = c.function().equals("min") || c.function().equals("max") ? 2 : 1;
            if (n != arity) {
                throw new Unsupported("Math." + c.function() + " with " + n + " arguments");
            }
            fn = MATH.get(c.function());
        } else if (c.library() == Term.Library.MATHML && FNS.containsKey(c.function()) && FNS.get(c.function()) == n) {
            fn = "mtw_" + c.function();
        } else {
            throw new Unsupported("the function " + c.library() + "." + c.function() + " with " + n + " arguments");
        }
        out.append(fn).append('(');
        for (int i = 0; i < n; i++) {
            out.append(i > 0 ? ", " : "");
            expr(c.arguments().get(i));
        }
        out.append(')');
    }

    /** Writes a double so that C reads back exactly the same value. */
    private void constant(double x) {
        if (Double.isNaN(x)) {
            out.append("NAN");
        } else if (Double.isInfinite(x)) {
            out.append(x > 0 ? "INFINITY" : "(-INFINITY)");
        } else if (x < 0 || (x == 0 && 1 / x < 0)) {
            out.append("(-");
            constant(-x);
            out.append(')');
        } else if (x == Math.rint(x) && x < 1e15) {
            out.append((long) x).append(".0");
        } else {
            // a hexadecimal floating constant (C99) is exact
            out.append(Double.toHexString(x));
        }
    }
}
