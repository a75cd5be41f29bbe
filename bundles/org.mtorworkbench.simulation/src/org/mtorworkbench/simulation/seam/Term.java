package org.mtorworkbench.simulation.seam;

import java.util.List;

/**
 * One expression of a compiled model's equations, as the engine evaluates it, for code that
 * writes the same system in another language. A read-only copy of the engine's own
 * expression tree: building it never changes the compiled model.
 */
public sealed interface Term {

    /** The arrays the equations read and write. */
    enum Array {
        /** symbol values: time, compartments, species (in their units), parameters, rates... */
        VALUES,
        /** the state vector (species as amounts, rate-rule variables) */
        STATE,
        /** the state derivatives */
        DERIVATIVES,
        /** intermediate gradients of the analytic Jacobian (rules' and rates' derivatives) */
        GRADIENTS,
        /** the Jacobian, row-major: entry (i, j) at {@code i * states + j} */
        JACOBIAN
    }

    /** The library a function comes from. */
    enum Library {
        /** {@code java.lang.Math}: IEEE functions (sqrt, exp, log, sin, abs, min, max...) */
        JAVA_MATH,
        /** the engine's MathML helpers with SBML semantics (pow, root, log with base, factorial, sec...) */
        MATHML
    }

    /** A constant. */
    record Constant(double value) implements Term {
    }

    /** {@code array[index]}. */
    record Load(Array array, int index) implements Term {
    }

    /** The model's time. */
    record Time() implements Term {
    }

    /** {@code -operand}. */
    record Negate(Term operand) implements Term {
    }

    /** {@code left op right} with op one of {@code + - * /}. */
    record Arithmetic(char operator, Term left, Term right) implements Term {
    }

    /** 1.0 if {@code left op right} holds, else 0.0; op one of {@code < <= > >= == !=}. */
    record Compare(String operator, Term left, Term right) implements Term {
    }

    /** 1.0 if all ({@code and}) or any of the operands is non-zero, else 0.0. */
    record Logic(boolean and, List<Term> operands) implements Term {
        public Logic {
            operands = List.copyOf(operands);
        }
    }

    /** 1.0 if an odd number of the operands is non-zero, else 0.0. */
    record Xor(List<Term> operands) implements Term {
        public Xor {
            operands = List.copyOf(operands);
        }
    }

    /** {@code test != 0 ? then : otherwise}. */
    record Conditional(Term test, Term then, Term otherwise) implements Term {
    }

    /** A function of a library. */
    record Call(Library library, String function, List<Term> arguments) implements Term {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * A construct with no plain-expression equivalent (a delayed value, a test of whether an
     * initial value was overridden, a function of another library); {@code description} names it.
     */
    record Opaque(String description) implements Term {
    }

    /** {@code array[index] = value}. */
    record Assignment(Array array, int index, Term value) {
    }
}
