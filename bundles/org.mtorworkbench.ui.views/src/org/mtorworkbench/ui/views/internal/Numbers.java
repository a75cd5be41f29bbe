package org.mtorworkbench.ui.views.internal;

import java.util.Locale;

/** Numbers as the views show them: integers as integers, others with six significant digits. */
final class Numbers {

    private Numbers() {
    }

    static String format(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.toString(x);
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        String s = String.format(Locale.ROOT, "%.6g", x);
        return s.contains("e") ? s.replaceFirst("\\.?0+e", "e") : s.replaceFirst("\\.?0+$", "");
    }
}
