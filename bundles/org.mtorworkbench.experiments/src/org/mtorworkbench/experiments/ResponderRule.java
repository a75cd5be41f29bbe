package org.mtorworkbench.experiments;

import java.util.Locale;

/**
 * Who responds in a population: a condition over a member's readout, written as an
 * expression of {@code fold} (treated / untreated), {@code treated} and {@code untreated}.
 * Grammar: {@code ||}, {@code &&}, {@code !}, comparisons {@code < <= > >= == !=},
 * {@code + - * /}, {@code ^}, unary minus, parentheses, numbers, and the functions
 * {@code abs(x)}, {@code log(x)} (natural), {@code log10(x)}, {@code exp(x)}. A comparison with
 * NaN (a fold change of a zero untreated value) is false. Immutable and thread-safe.
 */
public final class ResponderRule {

    /** The default: the readout rises at least 1.2-fold. */
    public static final String DEFAULT = "fold >= 1.2";

    private interface Node {
        double eval(double fold, double treated, double untreated);
    }

    private final String text;
    private final Node root;

    private ResponderRule(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /**
     * @throws IllegalArgumentException naming the position and what was expected
     */
    public static ResponderRule parse(String expression) {
        Parser p = new Parser(expression);
        Node n = p.or();
        p.skip();
        if (p.pos < expression.length()) {
            throw p.error("unexpected '" + expression.substring(p.pos) + "'");
        }
        return new ResponderRule(expression.strip(), n);
    }

    /** @return whether a member with these values responds */
    public boolean test(double fold, double treated, double untreated) {
        return root.eval(fold, treated, untreated) != 0;
    }

    @Override
    public String toString() {
        return text;
    }

    private static double truth(boolean b) {
        return b ? 1 : 0;
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("--responder '" + s + "' at character " + (pos + 1) + ": " + what
                    + "; write a condition of fold, treated and untreated, e.g. '" + DEFAULT + "'");
        }

        void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean eat(String token) {
            skip();
            if (s.startsWith(token, pos)) {
                pos += token.length();
                return true;
            }
            return false;
        }

        Node or() {
            Node l = and();
            while (eat("||")) {
                Node a = l;
                Node b = and();
                l = (f, t, u) -> truth(a.eval(f, t, u) != 0 || b.eval(f, t, u) != 0);
            }
            return l;
        }

        Node and() {
            Node l = not();
            while (eat("&&")) {
                Node a = l;
                Node b = not();
                l = (f, t, u) -> truth(a.eval(f, t, u) != 0 && b.eval(f, t, u) != 0);
            }
            return l;
        }

        Node not() {
            skip();
            if (pos < s.length() && s.charAt(pos) == '!' && !s.startsWith("!=", pos)) {
                pos++;
                Node a = not();
                return (f, t, u) -> truth(a.eval(f, t, u) == 0);
            }
            return comparison();
        }

        Node comparison() {
            Node a = sum();
            for (String op : new String[] { "<=", ">=", "==", "!=", "<", ">" }) {
                if (eat(op)) {
                    Node b = sum();
                    return switch (op) {
                    case "<=" -> (f, t, u) -> truth(a.eval(f, t, u) <= b.eval(f, t, u));
                    case ">=" -> (f, t, u) -> truth(a.eval(f, t, u) >= b.eval(f, t, u));
                    case "==" -> (f, t, u) -> truth(a.eval(f, t, u) == b.eval(f, t, u));
                    case "!=" -> (f, t, u) -> truth(a.eval(f, t, u) != b.eval(f, t, u));
                    case "<" -> (f, t, u) -> truth(a.eval(f, t, u) < b.eval(f, t, u));
                    default -> (f, t, u) -> truth(a.eval(f, t, u) > b.eval(f, t, u));
                    };
                }
            }
            return a;
        }

        Node sum() {
            Node l = product();
            while (true) {
                Node a = l;
                if (eat("+")) {
                    Node b = product();
                    l = (f, t, u) -> a.eval(f, t, u) + b.eval(f, t, u);
                } else if (eat("-")) {
                    Node b = product();
                    l = (f, t, u) -> a.eval(f, t, u) - b.eval(f, t, u);
                } else {
                    return l;
                }
            }
        }

        Node product() {
            Node l = unary();
            while (true) {
                Node a = l;
                if (eat("*")) {
                    Node b = unary();
                    l = (f, t, u) -> a.eval(f, t, u) * b.eval(f, t, u);
                } else if (eat("/")) {
                    Node b = unary();
                    l = (f, t, u) -> a.eval(f, t, u) / b.eval(f, t, u);
                } else {
                    return l;
                }
            }
        }

        Node unary() {
            if (eat("-")) {
                Node a = unary();
                return (f, t, u) -> -a.eval(f, t, u);
            }
            Node base = atom();
            if (eat("^")) {
                Node e = unary();
                return (f, t, u) -> Math.pow(base.eval(f, t, u), e.eval(f, t, u));
            }
            return base;
        }

        Node atom() {
            skip();
            if (eat("(")) {
                Node n = or();
                if (!eat(")")) {
                    throw error("')' expected");
                }
                return n;
            }
            int start = pos;
            if (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                    pos++;
                }
                if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                    pos++;
                    if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                        pos++;
                    }
                    while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                        pos++;
                    }
                }
                try {
                    double v = Double.parseDouble(s.substring(start, pos));
                    return (f, t, u) -> v;
                } catch (NumberFormatException e) {
                    pos = start;
                    throw error("'" + s.substring(start) + "' is not a number");
                }
            }
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            String name = s.substring(start, pos).toLowerCase(Locale.ROOT);
            switch (name) {
            case "fold":
                return (f, t, u) -> f;
            case "treated":
                return (f, t, u) -> t;
            case "untreated":
                return (f, t, u) -> u;
            case "abs", "log", "log10", "exp":
                if (!eat("(")) {
                    throw error("'(' expected after " + name);
                }
                Node a = or();
                if (!eat(")")) {
                    throw error("')' expected");
                }
                return switch (name) {
                case "abs" -> (f, t, u) -> Math.abs(a.eval(f, t, u));
                case "log" -> (f, t, u) -> Math.log(a.eval(f, t, u));
                case "log10" -> (f, t, u) -> Math.log10(a.eval(f, t, u));
                default -> (f, t, u) -> Math.exp(a.eval(f, t, u));
                };
            case "":
                throw error(pos < s.length() ? "unexpected '" + s.charAt(pos) + "'" : "the expression ends early");
            default:
                pos = start;
                throw error("unknown name '" + name + "' (use fold, treated, untreated, abs, log, log10, exp)");
            }
        }
    }
}
