package org.mtorworkbench.sbml;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one way the workbench turns a double into text that a program reads back (CSV and TSV
 * tables, SBML, SED-ML, PEtab, CellDesigner and layout annotations), and reads such text.
 * Every finite double is written with the fewest significant digits that parse back to the
 * same double, bit for bit (the sign of zero included):
 * <ul>
 * <li>plain decimal notation when the decimal exponent is between -4 and 15, integers without
 * a decimal point: {@code 0}, {@code -0}, {@code 100}, {@code 0.1}, {@code 0.00012},
 * {@code 1234567890123456};</li>
 * <li>otherwise scientific notation with a lower-case {@code e}, no {@code +} and no leading
 * zeros in the exponent: {@code 9.437111707e-10}, {@code 1e16}, {@code 5e-324},
 * {@code 1.7976931348623157e308}.</li>
 * </ul>
 * Non-finite values are spelled as their consumers read them: in text and tables
 * {@code NaN}, {@code Infinity}, {@code -Infinity} (read by Java, Python's {@code float},
 * numpy, pandas and R); in XML ({@link #xml}, the XML Schema {@code xsd:double} spelling SBML
 * and SED-ML use) {@code NaN}, {@code INF}, {@code -INF}. Both forms are valid CSV fields
 * without quoting and valid XML attribute values without escaping. Human-facing summaries
 * (charts, HTML, console digests) may round for display; anything a program reads uses this.
 */
public final class NumberText {

    /** Plain notation for decimal exponents from this ... */
    private static final int PLAIN_MIN_EXPONENT = -4;
    /** ... up to this one, inclusive. */
    private static final int PLAIN_MAX_EXPONENT = 15;

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private NumberText() {
    }

    /**
     * @return {@code x} as text and tables write it: shortest round-trip digits, {@code NaN},
     *         {@code Infinity}, {@code -Infinity}
     */
    public static String format(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Infinity" : "-Infinity";
        }
        return finite(x);
    }

    /**
     * @return {@code x} as an XML Schema {@code xsd:double} (SBML and SED-ML attributes and
     *         MathML): shortest round-trip digits, {@code NaN}, {@code INF}, {@code -INF}
     */
    public static String xml(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "INF" : "-INF";
        }
        return finite(x);
    }

    /**
     * Reads a number written by {@link #format} or {@link #xml}, or by another program: decimal
     * and scientific notation with an optional sign, surrounding white space ignored, and the
     * non-finite spellings {@code NaN}, {@code INF}, {@code Inf}, {@code Infinity} (any case,
     * optionally signed).
     *
     * @throws NumberFormatException if {@code text} is not such a number (hexadecimal and
     *             Java's {@code d}/{@code f} suffixes are refused)
     */
    public static double parse(String text) {
        String s = text.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        boolean negative = lower.startsWith("-");
        String unsigned = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        switch (unsigned) {
        case "nan":
            return Double.NaN;
        case "inf":
        case "infinity":
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        default:
            if (!DECIMAL.matcher(s).matches()) {
                throw new NumberFormatException("not a number: '" + text + "'");
            }
            return Double.parseDouble(s);
        }
    }

    private static String finite(double x) {
        if (x == 0) {
            return (Double.doubleToRawLongBits(x) < 0) ? "-0" : "0";
        }
        double abs = Math.abs(x);
        // Double.toString round-trips but is not always shortest ("9.999999999999999E22" for 1e23).
        String s = Double.toString(abs);
        long digits = 0;
        int count = 0;
        int scale = 0; // abs = digits * 10^scale
        int exponentAt = s.indexOf('E');
        int end = exponentAt < 0 ? s.length() : exponentAt;
        boolean afterPoint = false;
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                afterPoint = true;
                continue;
            }
            if (afterPoint) {
                scale--;
            }
            if (count == 0 && c == '0') {
                continue;
            }
            digits = digits * 10 + (c - '0');
            count++;
        }
        if (exponentAt >= 0) {
            scale += Integer.parseInt(s.substring(exponentAt + 1));
        }
        while (digits % 10 == 0) {
            digits /= 10;
            scale++;
            count--;
        }
        // Drop digits while a shorter decimal still reads back as abs.
        while (count > 1) {
            long unit = 10;
            long truncated = digits / unit;
            long remainder = digits % unit;
            int shorterScale = scale + 1;
            long down = truncated;
            long up = truncated + 1;
            boolean downOk = readsBack(down, shorterScale, abs);
            boolean upOk = readsBack(up, shorterScale, abs);
            if (!downOk && !upOk) {
                break;
            }
            digits = downOk && (!upOk || remainder < 5 || (remainder == 5 && down % 2 == 0)) ? down : up;
            scale = shorterScale;
            count--;
            while (digits % 10 == 0) {
                digits /= 10;
                scale++;
                count--;
            }
            count = Long.toString(digits).length();
        }
        return layout(x < 0, Long.toString(digits), scale);
    }

    private static boolean readsBack(long digits, int scale, double abs) {
        return digits > 0 && Double.parseDouble(digits + "E" + scale) == abs;
    }

    /** Writes {@code digits * 10^scale} in plain or scientific notation. */
    private static String layout(boolean negative, String digits, int scale) {
        int n = digits.length();
        int exponent = n - 1 + scale; // of the leading digit
        StringBuilder b = new StringBuilder(n + 8);
        if (negative) {
            b.append('-');
        }
        if (exponent >= PLAIN_MIN_EXPONENT && exponent <= PLAIN_MAX_EXPONENT) {
            if (scale >= 0) {
                b.append(digits);
                b.append("0".repeat(scale));
            } else if (exponent >= 0) {
                b.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, n);
            } else {
                b.append("0.").append("0".repeat(-exponent - 1)).append(digits);
            }
            return b.toString();
        }
        b.append(digits.charAt(0));
        if (n > 1) {
            b.append('.').append(digits, 1, n);
        }
        return b.append('e').append(exponent).toString();
    }
}
