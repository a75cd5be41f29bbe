package org.mtorworkbench.simulation.internal;

import java.util.TreeSet;

/**
 * Where constant delays make the solution non-smooth: a jump in some derivative at the start
 * time t0 reappears, one order smoother, at t0 + d for every delay d, then at t0 + d1 + d2, and
 * so on. The integrator steps exactly onto these points and restarts there.
 */
final class DelayBreakpoints {

    /** Orders of smoothness followed: beyond, the jump is smaller than the integrator's error. */
    private static final int ORDER = 4;
    private static final int LIMIT = 10000;

    private DelayBreakpoints() {
    }

    /** @return the breakpoints in (t0, tEnd], increasing */
    static double[] from(double t0, double tEnd, double[] delays) {
        if (delays.length == 0) {
            return new double[0];
        }
        TreeSet<Double> out = new TreeSet<>();
        TreeSet<Double> front = new TreeSet<>();
        front.add(t0);
        for (int order = 0; order < ORDER && !front.isEmpty() && out.size() < LIMIT; order++) {
            TreeSet<Double> next = new TreeSet<>();
            for (double t : front) {
                for (double d : delays) {
                    double b = t + d;
                    if (b <= tEnd && out.add(b)) {
                        next.add(b);
                    }
                }
            }
            front = next;
        }
        return out.stream().mapToDouble(Double::doubleValue).limit(LIMIT).toArray();
    }
}
