package org.mtorworkbench.calibration.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** PEtab math: precedence, functions, identifiers and syntax errors. */
class MathExprTest {

    private static double eval(String text, double... values) throws Exception {
        MathExpr e = MathExpr.parse(text);
        List<String> names = List.copyOf(e.identifiers());
        return e.bind(names::indexOf).eval(values);
    }

    @Test
    void followsThePrecedenceOfPetabMath() throws Exception {
        assertEquals(7, eval("1 + 2 * 3"));
        assertEquals(-4, eval("-2^2"));
        assertEquals(-4, eval("-2**2"));
        assertEquals(512, eval("2^3^2"));
        assertEquals(0.25, eval("2^-2"));
        assertEquals(1, eval("1 < 2 && 2 <= 2 || 0"));
        assertEquals(0, eval("!(3 > 2)"));
        assertEquals(2.5, eval("10 / 2 / 2"));
        assertEquals(1e-5, eval("1E-05"));
    }

    @Test
    void evaluatesFunctionsAndIdentifiers() throws Exception {
        assertEquals(3, eval("log10(1000)"), 1e-15);
        assertEquals(3, eval("log(8, 2)"), 1e-15);
        assertEquals(1, eval("ln(exp(1))"), 1e-15);
        assertEquals(5, eval("piecewise(5, a > 1, 7)", 2));
        assertEquals(7, eval("piecewise(5, a > 1, 7)", 0));
        assertEquals(4.5, eval("scale * (A + B)", 1.5, 1, 2));
        assertEquals(Set.of("scale", "A", "B"), MathExpr.parse("scale * (A + B)").identifiers());
        assertEquals(Double.POSITIVE_INFINITY, eval("inf"));
        assertEquals(2.0, MathExpr.parse("2.0").literal());
        assertEquals("k1", MathExpr.parse(" k1 ").identifier());
    }

    @Test
    void syntaxErrorsGiveTheOffset() {
        MathExpr.SyntaxException open = assertThrows(MathExpr.SyntaxException.class, () -> MathExpr.parse("(a + b"));
        assertTrue(open.getMessage().contains("missing ')'"), open.getMessage());
        MathExpr.SyntaxException fn = assertThrows(MathExpr.SyntaxException.class, () -> MathExpr.parse("frob(1)"));
        assertEquals(0, fn.offset());
        MathExpr.SyntaxException arity = assertThrows(MathExpr.SyntaxException.class, () -> MathExpr.parse("exp(1, 2)"));
        assertTrue(arity.getMessage().contains("takes 1"), arity.getMessage());
        MathExpr.SyntaxException trailing = assertThrows(MathExpr.SyntaxException.class, () -> MathExpr.parse("a b"));
        assertEquals(2, trailing.offset());
    }
}
