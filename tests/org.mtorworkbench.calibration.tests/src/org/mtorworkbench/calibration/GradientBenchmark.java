package org.mtorworkbench.calibration;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.tests.support.SharedData;

/**
 * Benchmark, not a timed test (its name keeps it out of the default test run; run it with
 * {@code -Dtest=GradientBenchmark}): per shared benchmark problem, the median wall-clock and
 * evaluating-thread CPU time of one evaluation of all conditions at the nominal parameters,
 * objective alone and with the forward-sensitivity gradient, their ratio, and AMICI's budgets
 * (issue 15). Prints a table; asserts only that every evaluation gives a finite llh and gradient.
 */
class GradientBenchmark {

    private static final String[][] PROBLEMS = { { "Brannmark_JBC2010", "5", "500" },
            { "Fiedler_BMCSystBiol2016", "5", "50" }, { "Fujita_SciSignal2010", "10", "500" },
            { "Smith_BMCSystBiol2013", "1000", "50000" } };

    private interface Evaluation {
        ObjectiveValue run() throws PetabException;
    }

    /** Median wall and CPU milliseconds after a warm-up (at least 3 runs and about 2 s), over at least 3 runs and about 4 s. */
    private static double[] medians(Evaluation e) throws PetabException {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long warmEnd = System.nanoTime() + 2_000_000_000L;
        for (int w = 0; w < 3 || (System.nanoTime() < warmEnd && w < 200); w++) {
            check(e.run());
        }
        List<Long> wall = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        long end = System.nanoTime() + 4_000_000_000L;
        while (wall.size() < 3 || (System.nanoTime() < end && wall.size() < 101)) {
            long c0 = bean.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            check(e.run());
            wall.add(System.nanoTime() - t0);
            cpu.add(bean.getCurrentThreadCpuTime() - c0);
        }
        return new double[] { median(wall), median(cpu), wall.size() };
    }

    private static double median(List<Long> nanos) {
        long[] a = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a[a.length / 2] / 1e6;
    }

    private static void check(ObjectiveValue v) {
        if (!Double.isFinite(v.llh())) {
            throw new AssertionError("llh " + v.llh());
        }
        if (v.gradient() != null) {
            for (double g : v.gradient()) {
                if (!Double.isFinite(g)) {
                    throw new AssertionError("gradient " + Arrays.toString(v.gradient()));
                }
            }
        }
    }

    @Test
    void objectiveAndGradientAgainstTheBudgets() throws Exception {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%-24s %5s %10s %10s %10s %10s %8s %10s %10s%n", "problem", "theta", "obj wall", "obj cpu", "grad wall",
                "grad cpu", "ratio", "budget obj", "budget grad"));
        for (String[] p : PROBLEMS) {
            Path yaml = SharedData.require("models/petab/" + p[0] + "/" + p[0] + ".yaml");
            PetabObjective objective = PetabObjective.create(PetabProblem.read(yaml), PetabObjective.defaultOptions());
            double[] theta = objective.nominalParameters();
            double[] obj = medians(() -> objective.evaluate(theta, false, () -> false));
            double[] grad = medians(() -> objective.evaluate(theta, true, () -> false));
            table.append(String.format(Locale.ROOT, "%-24s %5d %10.2f %10.2f %10.2f %10.2f %8.1f %10s %10s%n", p[0],
                    theta.length, obj[0], obj[1], grad[0], grad[1], grad[1] / obj[1], p[1] + " ms", p[2] + " ms"));
            System.out.print(table);
        }
        System.out.println("median milliseconds per evaluation of all conditions (wall clock, and CPU time of the"
                + " evaluating thread); ratio = gradient CPU / objective CPU; load average "
                + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
