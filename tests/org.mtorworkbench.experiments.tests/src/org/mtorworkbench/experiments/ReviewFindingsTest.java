package org.mtorworkbench.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mtorworkbench.experiments.FindingsRunner.CheckResult;
import org.mtorworkbench.network.Finding;
import org.mtorworkbench.network.Findings;
import org.mtorworkbench.network.NetworkModel;

/**
 * The review's findings are the built-in network's acceptance tests: one JUnit test per
 * finding, each failing with the simulated fold changes of its checks.
 */
class ReviewFindingsTest {

    private static FindingsRunner runner;

    @BeforeAll
    static void compile() throws Exception {
        runner = FindingsRunner.forBuiltinNetwork();
    }

    @TestFactory
    Stream<DynamicTest> everyFindingOfTheReviewHolds() {
        return Findings.builtin().stream().map(f -> DynamicTest.dynamicTest(f.id() + ". " + f.title(), () -> {
            List<CheckResult> results = runner.run(List.of(f), () -> false);
            String failed = results.stream().filter(r -> !r.passed())
                    .map(r -> String.format(Locale.ROOT, "%s expected %s, simulated ratio %.3f", r.check().describe(),
                            r.check().expectation().words(), r.ratio()))
                    .collect(Collectors.joining("\n"));
            assertTrue(failed.isEmpty(), "finding " + f.id() + " (section " + f.section() + ") fails:\n" + failed);
        }));
    }

    @Test
    void runsAreIndependentOfOrder() throws Exception {
        Finding.Condition rapa = Finding.Condition.control(60).drug("rapamycin", 10);
        Finding.Condition control = Finding.Condition.control(60);
        FindingsRunner fresh = FindingsRunner.forBuiltinNetwork();
        double a = fresh.value(rapa, "pS6K1", () -> false);
        double b = fresh.value(control, "pS6K1", () -> false);
        FindingsRunner other = FindingsRunner.forBuiltinNetwork();
        assertEquals(b, other.value(control, "pS6K1", () -> false), 0, "a drug run must not leak into a control run");
        assertEquals(a, other.value(rapa, "pS6K1", () -> false), 0);
        assertTrue(a < b);
    }

    @Test
    void everyReadoutOfTheContractIsSimulated() throws Exception {
        Finding.Condition control = Finding.Condition.control(30);
        for (String r : NetworkModel.READOUTS) {
            double v = runner.value(control, r, () -> false);
            assertTrue(Double.isFinite(v) && v >= -1e-9, r + " = " + v);
        }
    }
}
