package org.mtorworkbench.simulation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SimulationException.Kind;
import org.mtorworkbench.simulation.internal.Expr.Arr;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.FunctionDefinition;

/**
 * Translates SBML math (a JSBML {@link ASTNode}) into an {@link Expr} over the symbol array
 * {@code v}. Booleans are 1.0 and 0.0; function definitions are inlined.
 */
final class MathEmitter {

    /** The value of the avogadro csymbol defined by SBML Level 3. */
    static final double AVOGADRO = 6.02214179e23;

    private static final String M = Expr.MATH;
    private static final String F = Expr.FNS;

    private final Map<String, Integer> symbols;
    private final Map<String, FunctionDefinition> functions;
    private final Map<Integer, Integer> rateSymbols;
    /** The expressions delay csymbols take the past value of, shared with emitters of function bodies. */
    private final Delays delays;

    MathEmitter(Map<String, Integer> symbols, Map<String, FunctionDefinition> functions,
            Map<Integer, Integer> rateSymbols) {
        this(symbols, functions, rateSymbols, new Delays());
    }

    private MathEmitter(Map<String, Integer> symbols, Map<String, FunctionDefinition> functions,
            Map<Integer, Integer> rateSymbols, Delays delays) {
        this.symbols = symbols;
        this.functions = functions;
        this.rateSymbols = rateSymbols;
        this.delays = delays;
    }

    /** The delay csymbols met so far. */
    Delays delays() {
        return delays;
    }

    /**
     * @param env names bound to expressions (function arguments, local parameters), or empty
     * @param deps receives the symbol indices the expression reads
     * @param where the element, for messages
     */
    Expr emit(ASTNode n, Map<String, Expr> env, Set<Integer> deps, String where) throws SimulationException {
        if (n == null) {
            throw new SimulationException(Kind.INVALID_MODEL, where + " has no math; give it a formula");
        }
        String type = n.getType().name();
        int c = n.getChildCount();
        switch (type) {
        case "INTEGER":
            return Expr.num(n.getInteger());
        case "REAL":
        case "REAL_E":
            return Expr.num(n.getReal());
        case "RATIONAL":
            return Expr.num((double) n.getNumerator() / n.getDenominator());
        case "CONSTANT_E":
            return Expr.num(Math.E);
        case "CONSTANT_PI":
            return Expr.num(Math.PI);
        case "CONSTANT_TRUE":
            return Expr.num(1);
        case "CONSTANT_FALSE":
            return Expr.num(0);
        case "NAME_TIME":
            deps.add(0);
            return Expr.load(Arr.V, 0);
        case "NAME_AVOGADRO":
            return Expr.num(AVOGADRO);
        case "NAME": {
            String name = n.getName();
            if (env.containsKey(name)) {
                return env.get(name);
            }
            Integer i = symbols.get(name);
            if (i == null) {
                throw new SimulationException(Kind.INVALID_MODEL,
                        where + " refers to '" + name + "', which the model does not define");
            }
            deps.add(i);
            return Expr.load(Arr.V, i);
        }
        case "PLUS":
            return fold(n, '+', 0.0, env, deps, where);
        case "TIMES":
            return fold(n, '*', 1.0, env, deps, where);
        case "MINUS":
            if (c == 1) {
                return new Expr.Neg(arg(n, 0, env, deps, where));
            }
            return fold(n, '-', 0.0, env, deps, where);
        case "DIVIDE":
            return Expr.bin('/', arg(n, 0, env, deps, where), arg(n, 1, env, deps, where));
        case "POWER":
        case "FUNCTION_POWER":
            return Expr.call(F, "pow", arg(n, 0, env, deps, where), arg(n, 1, env, deps, where));
        case "FUNCTION_ROOT":
            if (c == 1) {
                return Expr.call(M, "sqrt", arg(n, 0, env, deps, where));
            }
            return Expr.call(F, "root", arg(n, 0, env, deps, where), arg(n, 1, env, deps, where));
        case "FUNCTION_LOG":
            if (c == 1) {
                return Expr.call(M, "log10", arg(n, 0, env, deps, where));
            }
            return Expr.call(F, "log", arg(n, 0, env, deps, where), arg(n, 1, env, deps, where));
        case "FUNCTION_LN":
            return call1(M, "log", n, env, deps, where);
        case "FUNCTION_EXP":
            return call1(M, "exp", n, env, deps, where);
        case "FUNCTION_ABS":
            return call1(M, "abs", n, env, deps, where);
        case "FUNCTION_CEILING":
            return call1(M, "ceil", n, env, deps, where);
        case "FUNCTION_FLOOR":
            return call1(M, "floor", n, env, deps, where);
        case "FUNCTION_FACTORIAL":
            return call1(F, "factorial", n, env, deps, where);
        case "FUNCTION_SIN":
            return call1(M, "sin", n, env, deps, where);
        case "FUNCTION_COS":
            return call1(M, "cos", n, env, deps, where);
        case "FUNCTION_TAN":
            return call1(M, "tan", n, env, deps, where);
        case "FUNCTION_SEC":
            return call1(F, "sec", n, env, deps, where);
        case "FUNCTION_CSC":
            return call1(F, "csc", n, env, deps, where);
        case "FUNCTION_COT":
            return call1(F, "cot", n, env, deps, where);
        case "FUNCTION_SINH":
            return call1(M, "sinh", n, env, deps, where);
        case "FUNCTION_COSH":
            return call1(M, "cosh", n, env, deps, where);
        case "FUNCTION_TANH":
            return call1(M, "tanh", n, env, deps, where);
        case "FUNCTION_SECH":
            return call1(F, "sech", n, env, deps, where);
        case "FUNCTION_CSCH":
            return call1(F, "csch", n, env, deps, where);
        case "FUNCTION_COTH":
            return call1(F, "coth", n, env, deps, where);
        case "FUNCTION_ARCSIN":
            return call1(M, "asin", n, env, deps, where);
        case "FUNCTION_ARCCOS":
            return call1(M, "acos", n, env, deps, where);
        case "FUNCTION_ARCTAN":
            return call1(M, "atan", n, env, deps, where);
        case "FUNCTION_ARCSEC":
            return call1(F, "asec", n, env, deps, where);
        case "FUNCTION_ARCCSC":
            return call1(F, "acsc", n, env, deps, where);
        case "FUNCTION_ARCCOT":
            return call1(F, "acot", n, env, deps, where);
        case "FUNCTION_ARCSINH":
            return call1(F, "asinh", n, env, deps, where);
        case "FUNCTION_ARCCOSH":
            return call1(F, "acosh", n, env, deps, where);
        case "FUNCTION_ARCTANH":
            return call1(F, "atanh", n, env, deps, where);
        case "FUNCTION_ARCSECH":
            return call1(F, "asech", n, env, deps, where);
        case "FUNCTION_ARCCSCH":
            return call1(F, "acsch", n, env, deps, where);
        case "FUNCTION_ARCCOTH":
            return call1(F, "acoth", n, env, deps, where);
        case "FUNCTION_QUOTIENT":
            return Expr.call(F, "quotient", arg(n, 0, env, deps, where), arg(n, 1, env, deps, where));
        case "FUNCTION_REM":
            return Expr.call(F, "rem", arg(n, 0, env, deps, where), arg(n, 1, env, deps, where));
        case "FUNCTION_MAX":
        case "FUNCTION_MIN": {
            if (c == 0) {
                throw unsupported(where, type.substring(9).toLowerCase() + " with no arguments");
            }
            String fn = type.equals("FUNCTION_MAX") ? "max" : "min";
            Expr acc = arg(n, 0, env, deps, where);
            for (int i = 1; i < c; i++) {
                acc = Expr.call(M, fn, acc, arg(n, i, env, deps, where));
            }
            return acc;
        }
        case "FUNCTION_PIECEWISE": {
            int pieces = c / 2;
            Expr acc = c % 2 == 1 ? arg(n, c - 1, env, deps, where) : Expr.num(Double.NaN);
            for (int i = pieces - 1; i >= 0; i--) {
                acc = new Expr.Cond(arg(n, 2 * i + 1, env, deps, where), arg(n, 2 * i, env, deps, where), acc);
            }
            return acc;
        }
        case "RELATIONAL_EQ":
            return relational(n, "==", env, deps, where);
        case "RELATIONAL_NEQ":
            if (c != 2) {
                throw unsupported(where, "neq with " + c + " arguments");
            }
            return relational(n, "!=", env, deps, where);
        case "RELATIONAL_GT":
            return relational(n, ">", env, deps, where);
        case "RELATIONAL_GEQ":
            return relational(n, ">=", env, deps, where);
        case "RELATIONAL_LT":
            return relational(n, "<", env, deps, where);
        case "RELATIONAL_LEQ":
            return relational(n, "<=", env, deps, where);
        case "LOGICAL_AND":
            return new Expr.Logic(true, args(n, env, deps, where));
        case "LOGICAL_OR":
            return new Expr.Logic(false, args(n, env, deps, where));
        case "LOGICAL_XOR":
            return new Expr.Xor(args(n, env, deps, where));
        case "LOGICAL_NOT":
            return new Expr.Cmp("==", arg(n, 0, env, deps, where), Expr.num(0));
        case "LOGICAL_IMPLIES":
            return new Expr.Logic(false, List.of(new Expr.Cmp("==", arg(n, 0, env, deps, where), Expr.num(0)),
                    arg(n, 1, env, deps, where)));
        case "FUNCTION":
            return function(n, env, deps, where);
        case "FUNCTION_DELAY": {
            // The delayed expression is evaluated on the past state, so what it reads is no dependency now.
            Expr x = arg(n, 0, env, new java.util.LinkedHashSet<>(), where);
            Expr d = arg(n, 1, env, deps, where);
            return new DelayedExpr(delays.add(x, d), d);
        }
        case "FUNCTION_RATE_OF": {
            if (c == 1 && "NAME".equals(n.getChild(0).getType().name()) && env.containsKey(n.getChild(0).getName())) {
                // a local parameter: constant
                return Expr.num(0);
            }
            Integer target = c == 1 && "NAME".equals(n.getChild(0).getType().name()) ? symbols.get(n.getChild(0).getName())
                    : null;
            Integer rate = target == null ? null : rateSymbols.get(target);
            if (rate == null) {
                throw unsupported(where, "rateOf of something other than a variable's id");
            }
            deps.add(rate);
            return Expr.load(Arr.V, rate);
        }
        default:
            throw unsupported(where, "the MathML construct " + type);
        }
    }

    private Expr function(ASTNode n, Map<String, Expr> env, Set<Integer> deps, String where) throws SimulationException {
        String name = n.getName();
        FunctionDefinition fd = functions.get(name);
        if (fd == null) {
            throw new SimulationException(Kind.INVALID_MODEL, where + " calls the function '" + name
                    + "', which the model does not define");
        }
        ASTNode lambda = fd.getMath();
        if (lambda == null || !"LAMBDA".equals(lambda.getType().name())) {
            throw new SimulationException(Kind.INVALID_MODEL, "function definition '" + name + "' has no lambda");
        }
        int nArgs = lambda.getChildCount() - 1;
        if (nArgs != n.getChildCount()) {
            throw new SimulationException(Kind.INVALID_MODEL, where + " calls '" + name + "' with "
                    + n.getChildCount() + " arguments; it takes " + nArgs);
        }
        Map<String, Expr> inner = new HashMap<>();
        for (int i = 0; i < nArgs; i++) {
            inner.put(lambda.getChild(i).getName(), emit(n.getChild(i), env, deps, where));
        }
        // Inside a function body only its arguments (and csymbols) are in scope.
        return new MathEmitter(Map.of(), functions, Map.of(), delays).emit(lambda.getChild(nArgs), inner, deps,
                "function definition '" + name + "'");
    }

    private Expr relational(ASTNode n, String op, Map<String, Expr> env, Set<Integer> deps, String where)
            throws SimulationException {
        int c = n.getChildCount();
        if (c < 2) {
            return Expr.num(1);
        }
        List<Expr> parts = new ArrayList<>();
        Expr prev = arg(n, 0, env, deps, where);
        for (int i = 1; i < c; i++) {
            Expr next = arg(n, i, env, deps, where);
            parts.add(new Expr.Cmp(op, prev, next));
            prev = next;
        }
        return parts.size() == 1 ? parts.get(0) : new Expr.Logic(true, parts);
    }

    private List<Expr> args(ASTNode n, Map<String, Expr> env, Set<Integer> deps, String where) throws SimulationException {
        List<Expr> out = new ArrayList<>();
        for (int i = 0; i < n.getChildCount(); i++) {
            out.add(arg(n, i, env, deps, where));
        }
        return out;
    }

    private Expr fold(ASTNode n, char op, double empty, Map<String, Expr> env, Set<Integer> deps, String where)
            throws SimulationException {
        int c = n.getChildCount();
        if (c == 0) {
            return Expr.num(empty);
        }
        Expr acc = arg(n, 0, env, deps, where);
        for (int i = 1; i < c; i++) {
            acc = Expr.bin(op, acc, arg(n, i, env, deps, where));
        }
        return acc;
    }

    private Expr call1(String owner, String fn, ASTNode n, Map<String, Expr> env, Set<Integer> deps, String where)
            throws SimulationException {
        return Expr.call(owner, fn, arg(n, 0, env, deps, where));
    }

    private Expr arg(ASTNode n, int i, Map<String, Expr> env, Set<Integer> deps, String where)
            throws SimulationException {
        if (i >= n.getChildCount()) {
            throw new SimulationException(Kind.INVALID_MODEL, where + ": " + n.getType() + " lacks argument " + (i + 1));
        }
        return emit(n.getChild(i), env, deps, where);
    }

    private static SimulationException unsupported(String where, String construct) {
        return new SimulationException(Kind.UNSUPPORTED, where + " uses " + construct + ", which the simulator does not support");
    }
}
