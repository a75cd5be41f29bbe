package org.mtorworkbench.simulation;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.tests.support.SharedData;

/**
 * Runs the whole SBML Test Suite semantic suite and fails if fewer cases pass than the
 * baseline recorded in {@code conformance-baseline.txt}, or if a case fails that the
 * baseline does not list as a known failure. Skipped when the shared data set is absent.
 */
class ConformanceTest {

    @Test
    void theWholeSuitePassesAtLeastTheRecordedBaseline() throws Exception {
        Path dir = SharedData.require("sbml-test-suite/semantic");
        Baseline baseline = Baseline.load();
        TestSuiteRunner runner = new TestSuiteRunner(dir);
        List<Integer> cases = runner.availableCases();
        Map<Integer, TestSuiteRunner.CaseResult> results = new TreeMap<>();
        long t0 = System.nanoTime();
        runner.runAll(cases, Runtime.getRuntime().availableProcessors(), r -> results.put(r.number(), r));
        int passed = 0;
        List<String> unexpected = new ArrayList<>();
        for (TestSuiteRunner.CaseResult r : results.values()) {
            if (r.status() == TestSuiteRunner.Status.PASSED) {
                passed++;
            } else if (r.status() == TestSuiteRunner.Status.FAILED && !baseline.knownFailures.containsKey(r.number())) {
                unexpected.add(String.format("%05d %s", r.number(), r.reason()));
            }
        }
        System.out.printf("SBML Test Suite: %d of %d cases passed in %.1f s (baseline %d)%n", passed, results.size(),
                (System.nanoTime() - t0) / 1e9, baseline.passed);
        if (passed < baseline.passed || !unexpected.isEmpty()) {
            fail(passed + " cases passed, baseline " + baseline.passed + "; failures not in the baseline:\n"
                    + String.join("\n", unexpected));
        }
        Path core = dir.resolveSibling("core_ode_cases.txt");
        if (Files.exists(core)) {
            for (String line : Files.readAllLines(core)) {
                if (!line.isBlank()) {
                    int c = Integer.parseInt(line.strip());
                    assertTrue(results.get(c) != null && results.get(c).status() == TestSuiteRunner.Status.PASSED,
                            "core ODE case " + c + " fails: " + results.get(c));
                }
            }
        }
    }

    @Test
    void theBaselineCountsAndListsEveryKnownFailure() throws IOException {
        Baseline b = Baseline.load();
        assertTrue(b.passed + b.knownFailures.size() == b.total,
                "passed " + b.passed + " + known failures " + b.knownFailures.size() + " != total " + b.total);
        b.knownFailures.forEach((c, reason) -> assertTrue(!reason.isBlank(), "case " + c + " has no reason"));
    }

    /** The recorded conformance: pass count and known failures with reasons. */
    private record Baseline(int total, int passed, Map<Integer, String> knownFailures) {
        static Baseline load() throws IOException {
            try (InputStream in = ConformanceTest.class.getResourceAsStream("/conformance-baseline.txt")) {
                if (in == null) {
                    throw new IOException("conformance-baseline.txt is missing from the test bundle");
                }
                int total = -1;
                int passed = -1;
                Map<Integer, String> known = new TreeMap<>();
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.startsWith("#") || line.isBlank()) {
                        continue;
                    }
                    if (line.startsWith("total:")) {
                        total = Integer.parseInt(line.substring(6).strip());
                    } else if (line.startsWith("passed:")) {
                        passed = Integer.parseInt(line.substring(7).strip());
                    } else {
                        known.put(Integer.parseInt(line.substring(0, 5)), line.substring(5).strip());
                    }
                }
                return new Baseline(total, passed, known);
            }
        }
    }
}
