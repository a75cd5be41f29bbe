package org.mtorworkbench.sbml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Property tests of the one number formatter: every double, of every exponent and sign, zeros,
 * subnormals and the non-finite values, reads back bit for bit, in the fewest significant digits
 * that do, in a form CSV and XML consumers read.
 */
class NumberTextTest {

    /** What {@link NumberText#format} writes for finite values: no upper-case E, no '+', no leading zeros. */
    private static final Pattern TEXT = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d*[1-9])?(e-?[1-9]\\d*)?");
    /** The XML Schema xsd:double lexical space. */
    private static final Pattern XSD_DOUBLE = Pattern
            .compile("(\\+|-)?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([Ee](\\+|-)?[0-9]+)?|(\\+|-)?INF|NaN");

    private static final int SAMPLES = 200_000;

    private static List<Double> samples() {
        SplittableRandom random = new SplittableRandom(20261203L);
        List<Double> out = new ArrayList<>(SAMPLES + 64);
        for (int i = 0; i < SAMPLES; i++) {
            long bits = random.nextLong();
            double x = switch (i % 4) {
            // Every bit pattern: every exponent, both signs, NaNs with payloads.
            case 0 -> Double.longBitsToDouble(bits);
            // Subnormals of both signs.
            case 1 -> Double.longBitsToDouble(bits & 0x800F_FFFF_FFFF_FFFFL);
            // Values a model computes: a few significant digits at every decimal scale.
            case 2 -> Math.round(random.nextDouble() * 1e6) / 1e3 * Math.pow(10, random.nextInt(-320, 300));
            // Near powers of two and of ten, where the rounding interval is lopsided.
            default -> Math.nextAfter(Math.scalb(1.0, random.nextInt(-1074, 1024)), random.nextBoolean() ? 0 : 1e308);
            };
            out.add(x);
        }
        for (double x : new double[] { 0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
                Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE, -Double.MAX_VALUE, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e23, 2e23, 9.437111707e-10, 2.345678901e-20,
                0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 100, 1e15, 1e16, 1e-4, 1e-5, 9007199254740993.0, 4.35,
                0.30000000000000004, 5e-324, 1e-320 }) {
            out.add(x);
        }
        return out;
    }

    @Test
    void everyDoubleReadsBackBitForBit() {
        int checked = 0;
        for (double x : samples()) {
            String text = NumberText.format(x);
            String xml = NumberText.xml(x);
            assertBitEqual(x, Double.parseDouble(text), text);
            assertBitEqual(x, NumberText.parse(text), text);
            assertBitEqual(x, NumberText.parse(xml), xml);
            assertTrue(XSD_DOUBLE.matcher(xml).matches(), () -> "not an xsd:double: " + xml);
            if (Double.isFinite(x)) {
                assertTrue(TEXT.matcher(text).matches(), () -> "unexpected form: " + text + " for " + x);
                assertEquals(text, xml);
            }
            checked++;
        }
        assertTrue(checked > SAMPLES);
    }

    @Test
    void fewestDigitsThatReadBack() {
        List<Double> all = samples();
        int checked = 0;
        // A BigDecimal search is slow: every 8th sample, about 25,000 values.
        for (int i = 0; i < all.size(); i += 8) {
            double x = all.get(i);
            if (!Double.isFinite(x) || x == 0) {
                continue;
            }
            String text = NumberText.format(x);
            assertEquals(shortestDigits(x), significantDigits(text), () -> text + " is not the shortest form of " + x);
            checked++;
        }
        assertTrue(checked > 20_000, "checked " + checked);
    }

    @Test
    void chosenForms() {
        assertEquals("0", NumberText.format(0.0));
        assertEquals("-0", NumberText.format(-0.0));
        assertEquals("100", NumberText.format(100));
        assertEquals("-1.5", NumberText.format(-1.5));
        assertEquals("0.1", NumberText.format(0.1));
        assertEquals("0.0001", NumberText.format(1e-4));
        assertEquals("1e-5", NumberText.format(1e-5));
        assertEquals("1000000000000000", NumberText.format(1e15));
        assertEquals("1e16", NumberText.format(1e16));
        // Java 17's Double.toString writes 9.999999999999999E22.
        assertEquals("1e23", NumberText.format(1e23));
        assertEquals("9.437111707e-10", NumberText.format(9.437111707e-10));
        assertEquals("2.345678901e-20", NumberText.format(2.345678901e-20));
        assertEquals("5e-324", NumberText.format(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e308", NumberText.format(Double.MAX_VALUE));
        assertEquals("0.30000000000000004", NumberText.format(0.1 + 0.2));
        assertEquals("NaN", NumberText.format(Double.NaN));
        assertEquals("Infinity", NumberText.format(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", NumberText.format(Double.NEGATIVE_INFINITY));
        assertEquals("INF", NumberText.xml(Double.POSITIVE_INFINITY));
        assertEquals("-INF", NumberText.xml(Double.NEGATIVE_INFINITY));
        assertEquals("NaN", NumberText.xml(Double.NaN));
    }

    @Test
    void parsesWhatOtherProgramsWrite() {
        assertEquals(150.0, NumberText.parse(" 1.5E+2 "));
        assertEquals(0.5, NumberText.parse(".5"));
        assertEquals(7.0, NumberText.parse("+7"));
        assertEquals(1e-5, NumberText.parse("1e-05"));
        for (String inf : new String[] { "inf", "Inf", "INF", "infinity", "+Infinity" }) {
            assertEquals(Double.POSITIVE_INFINITY, NumberText.parse(inf), inf);
        }
        for (String inf : new String[] { "-inf", "-Inf", "-INF", "-Infinity" }) {
            assertEquals(Double.NEGATIVE_INFINITY, NumberText.parse(inf), inf);
        }
        assertTrue(Double.isNaN(NumberText.parse("nan")));
        for (String bad : new String[] { "", "1.0d", "0x1p3", "1,5", "e5", "--1", "1e", "NaNa" }) {
            assertThrows(NumberFormatException.class, () -> NumberText.parse(bad), bad);
        }
    }

    private static void assertBitEqual(double expected, double actual, String text) {
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
                () -> "'" + text + "' reads back as " + actual + ", not " + expected);
        if (!Double.isNaN(expected)) {
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                    () -> "'" + text + "' reads back as " + actual + ", not " + expected);
        }
    }

    /** @return the fewest significant digits of any decimal that reads back as {@code x} */
    private static int shortestDigits(double x) {
        BigDecimal exact = new BigDecimal(Math.abs(x));
        for (int p = 1; p <= 17; p++) {
            for (RoundingMode mode : new RoundingMode[] { RoundingMode.HALF_EVEN, RoundingMode.FLOOR,
                    RoundingMode.CEILING }) {
                if (exact.round(new MathContext(p, mode)).doubleValue() == Math.abs(x)) {
                    return p;
                }
            }
        }
        throw new AssertionError("no decimal of 17 digits reads back as " + x);
    }

    private static int significantDigits(String text) {
        String mantissa = text.replaceFirst("e.*", "").replace("-", "").replace(".", "");
        return mantissa.replaceFirst("^0+", "").replaceFirst("0+$", "").length();
    }
}
