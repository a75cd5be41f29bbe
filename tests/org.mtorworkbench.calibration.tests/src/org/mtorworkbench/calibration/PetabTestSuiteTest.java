package org.mtorworkbench.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mtorworkbench.tests.support.SharedData;

/**
 * Every SBML case of the PEtab test suite, v1.0.0 and v2.0.0, evaluated at its nominal parameters
 * against its solution (llh, chi2, every simulated value, within the case's tolerances). A case
 * that cannot pass yet is a known failure with its reason: it is reported as skipped, and the test
 * fails if it starts passing, so the list stays true.
 */
class PetabTestSuiteTest {

    /** Cases of v2.0.0 that fail, with why. v1.0.0 has none. */
    static final Map<Integer, String> KNOWN_V2_FAILURES = Map.of(
            16, "an SBML event triggered at the time a PEtab condition applies must fire after the condition;"
                    + " a period restarts the engine, which cannot carry the events' trigger states across"
                    + " (needs the engine's event-state objects, issue 14 section 3)",
            23, "an event that fired during pre-equilibration must not fire again when the measured period starts;"
                    + " a restarted run re-evaluates the trigger from its initial value (same engine work)",
            30, "an SBML event and a PEtab condition triggered at the same time (same cause as case 16)");

    @TestFactory
    List<DynamicTest> version1() {
        return cases("petab-test-suite/v1.0.0/sbml", Map.of());
    }

    @TestFactory
    List<DynamicTest> version2() {
        return cases("petab-test-suite/v2.0.0/sbml", KNOWN_V2_FAILURES);
    }

    private static List<DynamicTest> cases(String folder, Map<Integer, String> known) {
        Path dir = SharedData.require(folder);
        PetabTestSuite suite = new PetabTestSuite(dir, PetabObjective.defaultOptions());
        List<DynamicTest> out = new ArrayList<>();
        List<Integer> numbers;
        try {
            numbers = suite.availableCases();
        } catch (java.io.IOException e) {
            throw new AssertionError(dir + ": cannot list the cases", e);
        }
        assertNotEquals(0, numbers.size(), dir + " holds no cases");
        for (int n : numbers) {
            out.add(DynamicTest.dynamicTest(String.format("%04d", n), () -> {
                PetabTestSuite.CaseResult r = suite.run(n);
                String reason = known.get(n);
                if (reason != null) {
                    assertNotEquals(PetabTestSuite.Status.PASSED, r.status(), "case " + n
                            + " passes now: remove it from the known failures");
                    assumeTrue(false, "known failure: " + reason + " (now: " + r.reason() + ")");
                }
                assertEquals(PetabTestSuite.Status.PASSED, r.status(), "case " + n + ": " + r.reason());
            }));
        }
        return out;
    }
}
