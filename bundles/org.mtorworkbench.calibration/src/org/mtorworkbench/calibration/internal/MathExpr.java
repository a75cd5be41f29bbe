package org.mtorworkbench.calibration.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * A PEtab math expression (observable, noise and condition formulas): numbers, identifiers,
 * {@code + - * /}, powers {@code ^} and {@code **} (right-associative, binding tighter than unary
 * minus), comparisons, {@code && || !}, {@code true false inf nan pi} and the functions of the PEtab
 * math specification ({@code exp log ln log2 log10 sqrt abs sign pow min max floor ceil},
 * trigonometric and hyperbolic functions, {@code piecewise}). Parsed once; {@link #bind} resolves
 * identifiers to slots of a value array so evaluation does no look-ups.
 */
public final class MathExpr {

    /** A syntax error at a character offset of the text. */
    public static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int offset;

        SyntaxException(String message, int offset) {
            super(message);
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }

    private sealed interface Node permits Num, Sym, Neg, Not, Bin, Call {
    }

    private record Num(double v) implements Node {
    }

    private record Sym(String name, int slot) implements Node {
    }

    private record Neg(Node a) implements Node {
    }

    private record Not(Node a) implements Node {
    }

    private record Bin(char op, Node a, Node b) implements Node {
    }

    private record Call(String fn, Node[] args) implements Node {
    }

    private final String text;
    private final Node root;

    private MathExpr(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /** @return the expression of a number */
    public static MathExpr constant(double v) {
        return new MathExpr(Double.toString(v), new Num(v));
    }

    public static MathExpr parse(String text) throws SyntaxException {
        Parser p = new Parser(text);
        Node n = p.or();
        p.skip();
        if (p.i < text.length()) {
            throw new SyntaxException("unexpected '" + text.charAt(p.i) + "'", p.i);
        }
        return new MathExpr(text, n);
    }

    public String text() {
        return text;
    }

    /** @return the number this expression is, or NaN-free null when it is not a literal number */
    public Double literal() {
        if (root instanceof Num n) {
            return n.v;
        }
        if (root instanceof Neg g && g.a instanceof Num n) {
            return -n.v;
        }
        return null;
    }

    /** @return true if the expression is a single identifier */
    public String identifier() {
        return root instanceof Sym s ? s.name : null;
    }

    /** @return the identifiers used, in order of first use */
    public Set<String> identifiers() {
        Set<String> out = new LinkedHashSet<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, Set<String> out) {
        if (n instanceof Sym s) {
            out.add(s.name);
        } else if (n instanceof Neg g) {
            collect(g.a, out);
        } else if (n instanceof Not g) {
            collect(g.a, out);
        } else if (n instanceof Bin b) {
            collect(b.a, out);
            collect(b.b, out);
        } else if (n instanceof Call c) {
            for (Node a : c.args) {
                collect(a, out);
            }
        }
    }

    /**
     * @param slots gives each identifier its index in the value array, or -1 if unknown
     * @throws IllegalArgumentException naming the first unknown identifier
     */
    public MathExpr bind(ToIntFunction<String> slots) {
        return new MathExpr(text, bind(root, slots));
    }

    private static Node bind(Node n, ToIntFunction<String> slots) {
        if (n instanceof Sym s) {
            int k = slots.applyAsInt(s.name);
            if (k < 0) {
                throw new IllegalArgumentException(s.name);
            }
            return new Sym(s.name, k);
        } else if (n instanceof Neg g) {
            return new Neg(bind(g.a, slots));
        } else if (n instanceof Not g) {
            return new Not(bind(g.a, slots));
        } else if (n instanceof Bin b) {
            return new Bin(b.op, bind(b.a, slots), bind(b.b, slots));
        } else if (n instanceof Call c) {
            Node[] a = new Node[c.args.length];
            for (int i = 0; i < a.length; i++) {
                a[i] = bind(c.args[i], slots);
            }
            return new Call(c.fn, a);
        }
        return n;
    }

    /** Evaluates a bound expression on the values of its slots. */
    public double eval(double[] values) {
        return eval(root, values);
    }

    private static double eval(Node n, double[] v) {
        if (n instanceof Num x) {
            return x.v;
        }
        if (n instanceof Sym s) {
            if (s.slot < 0) {
                throw new IllegalStateException("unbound identifier " + s.name);
            }
            return v[s.slot];
        }
        if (n instanceof Neg g) {
            return -eval(g.a, v);
        }
        if (n instanceof Not g) {
            return eval(g.a, v) != 0 ? 0 : 1;
        }
        if (n instanceof Bin b) {
            double x = eval(b.a, v);
            switch (b.op) {
            case '|':
                return x != 0 || eval(b.b, v) != 0 ? 1 : 0;
            case '&':
                return x != 0 && eval(b.b, v) != 0 ? 1 : 0;
            default:
                break;
            }
            double y = eval(b.b, v);
            return switch (b.op) {
            case '+' -> x + y;
            case '-' -> x - y;
            case '*' -> x * y;
            case '/' -> x / y;
            case '^' -> Math.pow(x, y);
            case '<' -> x < y ? 1 : 0;
            case 'l' -> x <= y ? 1 : 0;
            case '>' -> x > y ? 1 : 0;
            case 'g' -> x >= y ? 1 : 0;
            case '=' -> x == y ? 1 : 0;
            case '!' -> x != y ? 1 : 0;
            default -> throw new IllegalStateException("operator " + b.op);
            };
        }
        Call c = (Call) n;
        Node[] a = c.args;
        switch (c.fn) {
        case "piecewise": {
            int k = 0;
            for (; k + 1 < a.length; k += 2) {
                if (eval(a[k + 1], v) != 0) {
                    return eval(a[k], v);
                }
            }
            return k < a.length ? eval(a[k], v) : Double.NaN;
        }
        case "min": {
            double m = Double.POSITIVE_INFINITY;
            for (Node x : a) {
                m = Math.min(m, eval(x, v));
            }
            return m;
        }
        case "max": {
            double m = Double.NEGATIVE_INFINITY;
            for (Node x : a) {
                m = Math.max(m, eval(x, v));
            }
            return m;
        }
        default:
            break;
        }
        double x = eval(a[0], v);
        return switch (c.fn) {
        case "exp" -> Math.exp(x);
        case "log" -> a.length == 2 ? Math.log(x) / Math.log(eval(a[1], v)) : Math.log(x);
        case "ln" -> Math.log(x);
        case "log2" -> Math.log(x) / Math.log(2);
        case "log10" -> Math.log10(x);
        case "sqrt" -> Math.sqrt(x);
        case "abs" -> Math.abs(x);
        case "sign" -> Math.signum(x);
        case "pow" -> Math.pow(x, eval(a[1], v));
        case "floor" -> Math.floor(x);
        case "ceil" -> Math.ceil(x);
        case "sin" -> Math.sin(x);
        case "cos" -> Math.cos(x);
        case "tan" -> Math.tan(x);
        case "sec" -> 1 / Math.cos(x);
        case "csc" -> 1 / Math.sin(x);
        case "cot" -> 1 / Math.tan(x);
        case "arcsin" -> Math.asin(x);
        case "arccos" -> Math.acos(x);
        case "arctan" -> Math.atan(x);
        case "sinh" -> Math.sinh(x);
        case "cosh" -> Math.cosh(x);
        case "tanh" -> Math.tanh(x);
        default -> throw new IllegalStateException("function " + c.fn);
        };
    }

    @Override
    public String toString() {
        return text;
    }

    /** Arity per function: -1 for any number of arguments (at least one). */
    private static int arity(String fn) {
        return switch (fn) {
        case "exp", "ln", "log2", "log10", "sqrt", "abs", "sign", "floor", "ceil", "sin", "cos", "tan", "sec", "csc",
                "cot", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh" -> 1;
        case "pow" -> 2;
        case "log" -> -2;
        case "min", "max", "piecewise" -> -1;
        default -> 0;
        };
    }

    private static final class Parser {
        final String s;
        int i;

        Parser(String s) {
            this.s = s;
        }

        void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        boolean eat(String op) {
            skip();
            if (s.startsWith(op, i)) {
                i += op.length();
                return true;
            }
            return false;
        }

        Node or() throws SyntaxException {
            Node a = and();
            while (eat("||")) {
                a = new Bin('|', a, and());
            }
            return a;
        }

        Node and() throws SyntaxException {
            Node a = comparison();
            while (eat("&&")) {
                a = new Bin('&', a, comparison());
            }
            return a;
        }

        Node comparison() throws SyntaxException {
            Node a = additive();
            while (true) {
                if (eat("<=")) {
                    a = new Bin('l', a, additive());
                } else if (eat(">=")) {
                    a = new Bin('g', a, additive());
                } else if (eat("==")) {
                    a = new Bin('=', a, additive());
                } else if (eat("!=")) {
                    a = new Bin('!', a, additive());
                } else if (eat("<")) {
                    a = new Bin('<', a, additive());
                } else if (eat(">")) {
                    a = new Bin('>', a, additive());
                } else {
                    return a;
                }
            }
        }

        Node additive() throws SyntaxException {
            Node a = multiplicative();
            while (true) {
                if (eat("+")) {
                    a = new Bin('+', a, multiplicative());
                } else if (eat("-")) {
                    a = new Bin('-', a, multiplicative());
                } else {
                    return a;
                }
            }
        }

        Node multiplicative() throws SyntaxException {
            Node a = unary();
            while (true) {
                skip();
                if (s.startsWith("**", i)) {
                    return a; // handled by power
                }
                if (eat("*")) {
                    a = new Bin('*', a, unary());
                } else if (eat("/")) {
                    a = new Bin('/', a, unary());
                } else {
                    return a;
                }
            }
        }

        Node unary() throws SyntaxException {
            if (eat("-")) {
                return new Neg(unary());
            }
            if (eat("+")) {
                return unary();
            }
            skip();
            if (i < s.length() && s.charAt(i) == '!' && !s.startsWith("!=", i)) {
                i++;
                return new Not(unary());
            }
            return power();
        }

        Node power() throws SyntaxException {
            Node base = primary();
            if (eat("^") || eat("**")) {
                return new Bin('^', base, unary());
            }
            return base;
        }

        Node primary() throws SyntaxException {
            skip();
            if (i >= s.length()) {
                throw new SyntaxException("the expression ends early", i);
            }
            char c = s.charAt(i);
            if (c == '(') {
                i++;
                Node n = or();
                if (!eat(")")) {
                    throw new SyntaxException("missing ')'", i);
                }
                return n;
            }
            if (Character.isDigit(c) || c == '.') {
                int from = i;
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                    int save = i;
                    i++;
                    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                        i++;
                    }
                    if (i < s.length() && Character.isDigit(s.charAt(i))) {
                        while (i < s.length() && Character.isDigit(s.charAt(i))) {
                            i++;
                        }
                    } else {
                        i = save;
                    }
                }
                try {
                    return new Num(Double.parseDouble(s.substring(from, i)));
                } catch (NumberFormatException e) {
                    throw new SyntaxException("'" + s.substring(from, i) + "' is not a number", from);
                }
            }
            if (Character.isLetter(c) || c == '_') {
                int from = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                String name = s.substring(from, i);
                skip();
                if (i < s.length() && s.charAt(i) == '(') {
                    i++;
                    String fn = name.toLowerCase(Locale.ROOT);
                    int ar = arity(fn);
                    if (ar == 0) {
                        throw new SyntaxException("unknown function '" + name + "'", from);
                    }
                    List<Node> args = new ArrayList<>();
                    if (!eat(")")) {
                        do {
                            args.add(or());
                        } while (eat(","));
                        if (!eat(")")) {
                            throw new SyntaxException("missing ')' after the arguments of " + name, i);
                        }
                    }
                    boolean ok = ar > 0 ? args.size() == ar : ar == -2 ? args.size() == 1 || args.size() == 2 : !args.isEmpty();
                    if (!ok) {
                        throw new SyntaxException(name + " takes " + (ar > 0 ? ar : ar == -2 ? "1 or 2" : "one or more")
                                + " arguments, not " + args.size(), from);
                    }
                    return new Call(fn, args.toArray(new Node[0]));
                }
                switch (name.toLowerCase(Locale.ROOT)) {
                case "true":
                    return new Num(1);
                case "false":
                    return new Num(0);
                case "inf", "infinity":
                    return new Num(Double.POSITIVE_INFINITY);
                case "nan":
                    return new Num(Double.NaN);
                case "pi":
                    return new Num(Math.PI);
                default:
                    return new Sym(name, -1);
                }
            }
            throw new SyntaxException("unexpected '" + c + "'", i);
        }
    }
}
