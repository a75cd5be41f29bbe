package org.mtorworkbench.simulation.internal;

import org.apache.commons.math3.special.Gamma;

/** The MathML functions that {@link Math} lacks, called from generated model code. */
public final class MathFns {

    private MathFns() {
    }

    public static double factorial(double n) {
        if (n < 0) {
            return Double.NaN;
        }
        if (n == Math.rint(n) && n <= 170) {
            double r = 1;
            for (int i = 2; i <= (int) n; i++) {
                r *= i;
            }
            return r;
        }
        return Gamma.gamma(n + 1);
    }

    public static double root(double degree, double x) {
        if (degree == 2) {
            return Math.sqrt(x);
        }
        if (degree == 3) {
            return Math.cbrt(x);
        }
        if (x < 0 && degree == Math.rint(degree) && ((long) degree) % 2 != 0) {
            return -Math.pow(-x, 1 / degree);
        }
        return Math.pow(x, 1 / degree);
    }

    public static double log(double base, double x) {
        return Math.log(x) / Math.log(base);
    }

    public static double sec(double x) {
        return 1 / Math.cos(x);
    }

    public static double csc(double x) {
        return 1 / Math.sin(x);
    }

    public static double cot(double x) {
        return 1 / Math.tan(x);
    }

    public static double sech(double x) {
        return 1 / Math.cosh(x);
    }

    public static double csch(double x) {
        return 1 / Math.sinh(x);
    }

    public static double coth(double x) {
        return 1 / Math.tanh(x);
    }

    public static double asinh(double x) {
        return Math.log(x + Math.sqrt(x * x + 1));
    }

    public static double acosh(double x) {
        return Math.log(x + Math.sqrt(x * x - 1));
    }

    public static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }

    public static double asec(double x) {
        return Math.acos(1 / x);
    }

    public static double acsc(double x) {
        return Math.asin(1 / x);
    }

    public static double acot(double x) {
        return Math.atan(1 / x);
    }

    public static double asech(double x) {
        return acosh(1 / x);
    }

    public static double acsch(double x) {
        return asinh(1 / x);
    }

    public static double acoth(double x) {
        return atanh(1 / x);
    }

    public static double quotient(double a, double b) {
        double q = a / b;
        return q < 0 ? Math.ceil(q) : Math.floor(q);
    }

    public static double rem(double a, double b) {
        return a - b * quotient(a, b);
    }

    public static double pow(double a, double b) {
        if (b == 2) {
            return a * a;
        }
        return Math.pow(a, b);
    }
}
