package org.mtorworkbench.simulation.internal;

import static org.objectweb.asm.Opcodes.BALOAD;
import static org.objectweb.asm.Opcodes.DADD;
import static org.objectweb.asm.Opcodes.DALOAD;
import static org.objectweb.asm.Opcodes.DCMPG;
import static org.objectweb.asm.Opcodes.DCMPL;
import static org.objectweb.asm.Opcodes.DCONST_0;
import static org.objectweb.asm.Opcodes.DCONST_1;
import static org.objectweb.asm.Opcodes.DDIV;
import static org.objectweb.asm.Opcodes.DMUL;
import static org.objectweb.asm.Opcodes.DNEG;
import static org.objectweb.asm.Opcodes.DSUB;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.I2D;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IFGE;
import static org.objectweb.asm.Opcodes.IFGT;
import static org.objectweb.asm.Opcodes.IFLE;
import static org.objectweb.asm.Opcodes.IFLT;
import static org.objectweb.asm.Opcodes.IFNE;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.IXOR;

import java.util.List;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * The compiled form of SBML math: a small expression tree of doubles that emits JVM bytecode
 * (leaving one double on the stack). Booleans are 1.0 and 0.0 with Java's NaN semantics.
 */
public abstract class Expr {

    /** The arrays generated code reads; each method maps them to its local variables. */
    public enum Arr {
        V, Y, P0, OV, DY, OUT, G, JAC
    }

    /** Local variable slots of the arrays in the method being emitted. */
    public interface Locals {
        int slot(Arr a);
    }

    abstract void emit(MethodVisitor mv, Locals locals);

    /** @return the number of nodes, to keep generated methods under the JVM's size limit */
    abstract int size();

    /**
     * The partial derivative with respect to {@code arr[index]}, symbolically; null for zero.
     *
     * @throws NotDifferentiable for functions without a derivative rule here
     */
    abstract Expr d(Arr arr, int index) throws NotDifferentiable;

    /** @return the direct sub-expressions, for analyses that walk the tree (none for leaves) */
    java.util.List<Expr> operands() {
        return java.util.List.of();
    }

    /** @return whether this expression or any of its sub-expressions satisfies the test */
    final boolean anyMatch(java.util.function.Predicate<Expr> test) {
        if (test.test(this)) {
            return true;
        }
        for (Expr o : operands()) {
            if (o.anyMatch(test)) {
                return true;
            }
        }
        return false;
    }

    /** Adds the comparisons in this expression to {@code out} (their operand differences are root functions). */
    void comparisons(List<Cmp> out) {
    }

    /** The expression uses a function the symbolic differentiation does not handle. */
    static final class NotDifferentiable extends Exception {
        private static final long serialVersionUID = 1L;

        NotDifferentiable(String what) {
            super(what, null, false, false);
        }
    }

    static Expr add(Expr a, Expr b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : bin('+', a, b);
    }

    static Expr sub(Expr a, Expr b) {
        if (b == null) {
            return a;
        }
        return a == null ? new Neg(b) : bin('-', a, b);
    }

    static Expr mul(Expr a, Expr b) {
        if (a == null || b == null) {
            return null;
        }
        if (a instanceof Const c && c.x == 1) {
            return b;
        }
        if (b instanceof Const c && c.x == 1) {
            return a;
        }
        return bin('*', a, b);
    }

    static Expr div(Expr a, Expr b) {
        return a == null ? null : bin('/', a, b);
    }

    static final String MATH = "java/lang/Math";
    static final String FNS = "org/mtorworkbench/simulation/internal/MathFns";

    static Expr num(double x) {
        return new Const(x);
    }

    static Expr load(Arr a, int i) {
        return new Load(a, i);
    }

    static Expr bin(char op, Expr a, Expr b) {
        return new Bin(op, a, b);
    }

    static Expr call(String owner, String name, Expr... args) {
        return new Call(owner, name, args);
    }

    static final class Const extends Expr {
        final double x;

        Const(double x) {
            this.x = x;
        }

        @Override
        void emit(MethodVisitor mv, Locals l) {
            if (x == 0 && 1 / x > 0) {
                mv.visitInsn(DCONST_0);
            } else if (x == 1) {
                mv.visitInsn(DCONST_1);
            } else {
                mv.visitLdcInsn(x);
            }
        }

        @Override
        int size() {
            return 1;
        }

        @Override
        Expr d(Arr arr, int index) {
            return null;
        }

        @Override
        public String toString() {
            return Double.toString(x);
        }
    }

    static final class Load extends Expr {
        final Arr arr;
        final int index;

        Load(Arr arr, int index) {
            this.arr = arr;
            this.index = index;
        }

        @Override
        void emit(MethodVisitor mv, Locals l) {
            mv.visitVarInsn(org.objectweb.asm.Opcodes.ALOAD, l.slot(arr));
            pushInt(mv, index);
            mv.visitInsn(DALOAD);
        }

        @Override
        int size() {
            return 2;
        }

        @Override
        Expr d(Arr a, int i) {
            return a == arr && i == index ? num(1) : null;
        }

        @Override
        public String toString() {
            return arr.name().toLowerCase() + "[" + index + "]";
        }
    }

    static final class Neg extends Expr {
        final Expr a;

        @Override
        java.util.List<Expr> operands() {
            return java.util.List.of(a);
        }

        Neg(Expr a) {
            this.a = a;
        }

        @Override
        void emit(MethodVisitor mv, Locals l) {
            a.emit(mv, l);
            mv.visitInsn(DNEG);
        }

        @Override
        int size() {
            return 1 + a.size();
        }

        @Override
        Expr d(Arr arr, int index) throws NotDifferentiable {
            Expr da = a.d(arr, index);
            return da == null ? null : new Neg(da);
        }

        @Override
        void comparisons(List<Cmp> out) {
            a.comparisons(out);
        }

        @Override
        public String toString() {
            return "(-" + a + ")";
        }
    }

    /** An operation on two operands, emitted left then right. */
    abstract static class Binary extends Expr {
        final Expr a;
        final Expr b;

        @Override
        java.util.List<Expr> operands() {
            return java.util.List.of(a, b);
        }

        Binary(Expr a, Expr b) {
            this.a = a;
            this.b = b;
        }

        final void operands(MethodVisitor mv, Locals l) {
            a.emit(mv, l);
            b.emit(mv, l);
        }

        @Override
        void comparisons(List<Cmp> out) {
            a.comparisons(out);
            b.comparisons(out);
        }
    }

    static final class Bin extends Binary {
        final char op;

        Bin(char op, Expr a, Expr b) {
            super(a, b);
            this.op = op;
        }

        @Override
        void emit(MethodVisitor mv, Locals l) {
            operands(mv, l);
            mv.visitInsn(switch (op) {
            case '+' -> DADD;
            case '-' -> DSUB;
            case '*' -> DMUL;
            case '/' -> DDIV;
            default -> throw new IllegalStateException("operator " + op);
            });
        }

        @Override
        int size() {
            return 1 + a.size() + b.size();
        }

        @Override
        Expr d(Arr arr, int index) throws NotDifferentiable {
            Expr da = a.d(arr, index);
            Expr db = b.d(arr, index);
            return switch (op) {
            case '+' -> add(da, db);
            case '-' -> sub(da, db);
            case '*' -> add(mul(da, b), mul(a, db));
            case '/' -> sub(div(da, b), div(mul(a, db), bin('*', b, b)));
            default -> throw new IllegalStateException("operator " + op);
            };
        }

        @Override
        public String toString() {
            return "(" + a + " " + op + " " + b + ")";
        }
    }

    static final class Call extends Expr {
        final String owner;
        final String name;
        final Expr[] args;

        @Override
        java.util.List<Expr> operands() {
            return java.util.List.of(args);
        }

        Call(String owner, String name, Expr[] args) {
            this.owner = owner;
            this.name = name;
            this.args = args;
        }

        @Override
        void emit(MethodVisitor mv, Locals l) {
            for (Expr e : args) {
                e.emit(mv, l);
            }
            mv.visitMethodInsn(INVOKESTATIC, owner, name, "(" + "D".repeat(args.length) + ")D", false);
        }

        @Override
        int size() {
            int s = 2;
            for (Expr e : args) {
                s += e.size();
            }
            return s;
        }

        @Override
        void comparisons(List<Cmp> out) {
            for (Expr e : args) {
                e.comparisons(out);
            }
        }

        @Override
        Expr d(Arr arr, int index) throws NotDifferentiable {
            Expr a = args[0];
            Expr da = a.d(arr, index);
            if (args.length == 2) {
                Expr b = args[1];
                Expr db = b.d(arr, index);
                if (da == null && db == null) {
                    return null;
                }
                switch (name) {
                case "pow":
                    // d(a^b) = b a^(b-1) da + a^b ln(a) db
                    return add(mul(mul(b, call(FNS, "pow", a, bin('-', b, num(1)))), da),
                            db == null ? null : mul(mul(this, call(MATH, "log", a)), db));
                case "min":
                    return new Cond(new Cmp("<=", a, b), da == null ? num(0) : da, db == null ? num(0) : db);
                case "max":
                    return new Cond(new Cmp(">=", a, b), da == null ? num(0) : da, db == null ? num(0) : db);
                case "root":
                    if (da == null) {
                        // root(n, x) = x^(1/n)
                        Expr e = bin('/', num(1), a);
                        return mul(mul(e, call(FNS, "pow", b, bin('-', e, num(1)))), db);
                    }
                    throw new NotDifferentiable("root with a varying degree");
                case "log":
                    if (da == null) {
                        return div(db, bin('*', b, call(MATH, "log", a)));
                    }
                    throw new NotDifferentiable("log with a varying base");
                default:
                    throw new NotDifferentiable(name);
                }
            }
            if (da == null) {
                return null;
            }
            Expr inner = switch (name) {
            case "sqrt" -> bin('/', num(0.5), this);
            case "log" -> bin('/', num(1), a);
            case "log10" -> bin('/', num(1 / Math.log(10)), a);
            case "exp" -> this;
            case "abs" -> new Cond(new Cmp("<", a, num(0)), num(-1), num(1));
            case "sin" -> call(MATH, "cos", a);
            case "cos" -> new Neg(call(MATH, "sin", a));
            case "tan" -> bin('/', num(1), bin('*', call(MATH, "cos", a), call(MATH, "cos", a)));
            case "sinh" -> call(MATH, "cosh", a);
            case "cosh" -> call(MATH, "sinh", a);
            case "tanh" -> bin('-', num(1), bin('*', this, this));
            case "asin" -> bin('/', num(1), call(MATH, "sqrt", bin('-', num(1), bin('*', a, a))));
            case "acos" -> bin('/', num(-1), call(MATH, "sqrt", bin('-', num(1), bin('*', a, a))));
            case "atan" -> bin('/', num(1), bin('+', num(1), bin('*', a, a)));
            case "ceil", "floor" -> null;
            default -> throw new NotDifferentiable(name);
            };
            return mul(inner, da);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(name).append('(');
            for (int i = 0; i < args.length; i++) {
                sb.append(i > 0 ? ", " : "").append(args[i]);
            }
            return sb.append(')').toString();
        }
    }

    /** A comparison giving 1.0 or 0.0; false whenever an operand is NaN (except !=, as in Java). */
    static final class Cmp extends Binary {
        final String op;

        Cmp(String op, Expr a, Expr b) {
            super(a, b);
            this.op = op;
        }

        @Override
        void comparisons(List<Cmp> out) {
            out.add(this);
            super.comparisons(out);
        }

        /** @return the root function of this comparison: the difference of its operands */
        Expr difference() {
            return bin('-', a, b);
        }

        @Override
        void emit(MethodVisitor mv, Locals l) {
            operands(mv, l);
            Label f = new Label();
            Label end = new Label();
            switch (op) {
            case "<" -> {
                mv.visitInsn(DCMPG);
                mv.visitJumpInsn(IFGE, f);
            }
            case "<=" -> {
                mv.visitInsn(DCMPG);
                mv.visitJumpInsn(IFGT, f);
            }
            case ">" -> {
                mv.visitInsn(DCMPL);
                mv.visitJumpInsn(IFLE, f);
            }
            case ">=" -> {
                mv.visitInsn(DCMPL);
                mv.visitJumpInsn(IFLT, f);
            }
            case "==" -> {
                mv.visitInsn(DCMPL);
                mv.visitJumpInsn(IFNE, f);
            }
            case "!=" -> {
                mv.visitInsn(DCMPL);
                mv.visitJumpInsn(IFEQ, f);
            }
            default -> throw new IllegalStateException(op);
            }
            mv.visitInsn(DCONST_1);
            mv.visitJumpInsn(GOTO, end);
            mv.visitLabel(f);
            mv.visitInsn(DCONST_0);
            mv.visitLabel(end);
        }

        @Override
        int size() {
            return 4 + a.size() + b.size();
        }

        @Override
        Expr d(Arr arr, int index) {
            return null;
        }

        @Override
        public String toString() {
            return "(" + a + " " + op + " " + b + ")";
        }
    }

    /** Jumps to {@code target} when {@code e} is false (== 0.0). */
    static void jumpIfFalse(MethodVisitor mv, Expr e, Locals l, Label target) {
        e.emit(mv, l);
        mv.visitInsn(DCONST_0);
        mv.visitInsn(DCMPL);
        mv.visitJumpInsn(IFEQ, target);
    }

    /** A logical operator over any number of operands: not differentiable (its value is 0 or 1). */
    abstract static class Nary extends Expr {
        final List<Expr> args;

        @Override
        java.util.List<Expr> operands() {
            return args;
        }

        Nary(List<Expr> args) {
            this.args = args;
        }

        @Override
        Expr d(Arr arr, int index) {
            return null;
        }

        @Override
        void comparisons(List<Cmp> out) {
            for (Expr e : args) {
                e.comparisons(out);
            }
        }
    }

    /** Logical and/or over any number of operands (1.0/0.0), short-circuit. */
    static final class Logic extends Nary {
        final boolean and;

        Logic(boolean and, List<Expr> args) {
            super(args);
            this.and = and;
        }

        @Override
        void emit(MethodVisitor mv, Locals l) {
            Label decided = new Label();
            Label end = new Label();
            for (Expr e : args) {
                e.emit(mv, l);
                mv.visitInsn(DCONST_0);
                mv.visitInsn(DCMPL);
                // and: stop at the first false; or: stop at the first true
                mv.visitJumpInsn(and ? IFEQ : IFNE, decided);
            }
            mv.visitInsn(and ? DCONST_1 : DCONST_0);
            mv.visitJumpInsn(GOTO, end);
            mv.visitLabel(decided);
            mv.visitInsn(and ? DCONST_0 : DCONST_1);
            mv.visitLabel(end);
        }

        @Override
        int size() {
            int s = 3;
            for (Expr e : args) {
                s += 3 + e.size();
            }
            return s;
        }

        @Override
        public String toString() {
            return (and ? "and" : "or") + args;
        }
    }

    /** Exclusive or over any number of operands. */
    static final class Xor extends Nary {

        Xor(List<Expr> args) {
            super(args);
        }

        @Override
        void emit(MethodVisitor mv, Locals l) {
            mv.visitInsn(ICONST_0);
            for (Expr e : args) {
                Label t = new Label();
                Label end = new Label();
                e.emit(mv, l);
                mv.visitInsn(DCONST_0);
                mv.visitInsn(DCMPL);
                mv.visitJumpInsn(IFNE, t);
                mv.visitInsn(ICONST_0);
                mv.visitJumpInsn(GOTO, end);
                mv.visitLabel(t);
                mv.visitInsn(ICONST_1);
                mv.visitLabel(end);
                mv.visitInsn(IXOR);
            }
            mv.visitInsn(I2D);
        }

        @Override
        int size() {
            int s = 2;
            for (Expr e : args) {
                s += 6 + e.size();
            }
            return s;
        }

        @Override
        public String toString() {
            return "xor" + args;
        }
    }

    /** {@code test != 0 ? a : b}; with {@code test} null, {@code ov[index] ? a : b}. */
    static final class Cond extends Expr {
        final Expr test;
        final int overrideIndex;
        final Expr a;
        final Expr b;

        @Override
        java.util.List<Expr> operands() {
            return java.util.List.of(test, a, b);
        }

        Cond(Expr test, Expr a, Expr b) {
            this.test = test;
            this.overrideIndex = -1;
            this.a = a;
            this.b = b;
        }

        Cond(int overrideIndex, Expr a, Expr b) {
            this.test = null;
            this.overrideIndex = overrideIndex;
            this.a = a;
            this.b = b;
        }

        @Override
        void emit(MethodVisitor mv, Locals l) {
            Label other = new Label();
            Label end = new Label();
            if (test != null) {
                jumpIfFalse(mv, test, l, other);
            } else {
                mv.visitVarInsn(org.objectweb.asm.Opcodes.ALOAD, l.slot(Arr.OV));
                pushInt(mv, overrideIndex);
                mv.visitInsn(BALOAD);
                mv.visitJumpInsn(IFEQ, other);
            }
            a.emit(mv, l);
            mv.visitJumpInsn(GOTO, end);
            mv.visitLabel(other);
            b.emit(mv, l);
            mv.visitLabel(end);
        }

        @Override
        int size() {
            return 6 + (test == null ? 3 : test.size()) + a.size() + b.size();
        }

        @Override
        Expr d(Arr arr, int index) throws NotDifferentiable {
            Expr da = a.d(arr, index);
            Expr db = b.d(arr, index);
            if (da == null && db == null) {
                return null;
            }
            return test == null ? new Cond(overrideIndex, da == null ? num(0) : da, db == null ? num(0) : db)
                    : new Cond(test, da == null ? num(0) : da, db == null ? num(0) : db);
        }

        @Override
        void comparisons(List<Cmp> out) {
            if (test != null) {
                test.comparisons(out);
            }
            a.comparisons(out);
            b.comparisons(out);
        }

        @Override
        public String toString() {
            return "(" + (test == null ? "ov[" + overrideIndex + "]" : test) + " ? " + a + " : " + b + ")";
        }
    }

    /** The time argument of {@code update(double t, ...)}, in local slot 1. */
    static final class Time extends Expr {
        @Override
        void emit(MethodVisitor mv, Locals l) {
            mv.visitVarInsn(org.objectweb.asm.Opcodes.DLOAD, 1);
        }

        @Override
        int size() {
            return 1;
        }

        @Override
        Expr d(Arr arr, int index) {
            return null;
        }

        @Override
        public String toString() {
            return "t";
        }
    }

    static void pushInt(MethodVisitor mv, int i) {
        if (i >= -1 && i <= 5) {
            mv.visitInsn(ICONST_0 + i);
        } else if (i >= Byte.MIN_VALUE && i <= Byte.MAX_VALUE) {
            mv.visitIntInsn(org.objectweb.asm.Opcodes.BIPUSH, i);
        } else if (i >= Short.MIN_VALUE && i <= Short.MAX_VALUE) {
            mv.visitIntInsn(org.objectweb.asm.Opcodes.SIPUSH, i);
        } else {
            mv.visitLdcInsn(i);
        }
    }
}
