package org.mtorworkbench.simulation.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.simulation.CompiledModel;

/** The crosscheck's truth, deviation and negative excursions on small models with known behaviour. */
class CrosscheckTest {

    private static CvodeReference.Toolchain toolchainOrNull() {
        CvodeReference.Availability a = CvodeReference.locate();
        return a.available() ? a.toolchain() : null;
    }

    @Test
    void aPlainOdeModelIsComparedWithCvodeAndPasses() throws Exception {
        CompiledModel m = CvodeReferenceTest.conversion("", "");
        Crosscheck.Report r = Crosscheck.run(m, 10, 50, toolchainOrNull());
        assertEquals(2, r.states());
        assertEquals(50, r.points());
        assertEquals(toolchainOrNull() == null ? Crosscheck.Truth.ENGINE_BDF : Crosscheck.Truth.CVODE, r.truth());
        // the largest initial state is A's amount, 2
        assertEquals(2e-14, r.truthAtol(), 1e-28);
        assertTrue(r.deviation() > 0 && r.deviation() <= 1e-5, "deviation " + r.deviation());
        assertFalse(r.negative());
        assertTrue(r.passes(Crosscheck.BOUND));
    }

    @Test
    void aModelWithEventsIsComparedWithTheEnginesBdfAndSaysWhy() throws Exception {
        CompiledModel m = CvodeReferenceTest.conversion("", """
                <listOfEvents><event id="e" useValuesFromTriggerTime="true"><trigger initialValue="false" persistent="true">
                  <math %s><apply><gt/><csymbol encoding="text" definitionURL="http://www.sbml.org/sbml/symbols/time">t</csymbol><cn>1</cn></apply></math>
                </trigger><listOfEventAssignments><eventAssignment variable="k"><math %s><cn>2</cn></math></eventAssignment>
                </listOfEventAssignments></event></listOfEvents>
                """.formatted(CvodeReferenceTest.MATH, CvodeReferenceTest.MATH));
        Crosscheck.Report r = Crosscheck.run(m, 5, 20, toolchainOrNull());
        assertEquals(Crosscheck.Truth.ENGINE_BDF, r.truth());
        assertTrue(r.truthNote().contains("event"), r.truthNote());
        assertTrue(r.passes(Crosscheck.BOUND), "deviation " + r.deviation());
    }

    @Test
    void theDeviationIsRelativeToEachStatesPeakWithAFloor() throws Exception {
        // A decays from amount 2 towards 0 and B rises to 2: both peaks are 2, so the floor (2e-6) never applies
        Crosscheck.Report r = Crosscheck.run(CvodeReferenceTest.conversion("", ""), 40, 40, null);
        assertTrue(r.deviation() < 1e-5);
        assertTrue(r.deviationState().equals("A") || r.deviationState().equals("B"), r.deviationState());
        assertEquals(0, r.minimumAmount(), 1e-12);
    }

    @Test
    void aNegativeAmountIsReportedWithItsSpeciesAndTime() throws Exception {
        // r1 runs at a constant 1 per time unit: A's amount 2 - t goes negative after t = 2
        CompiledModel m = CvodeReferenceTest.conversion("", "", "<cn>1</cn>");
        Crosscheck.Report r = Crosscheck.run(m, 5, 10, toolchainOrNull());
        assertTrue(r.negative());
        assertEquals("A", r.minimumState());
        assertEquals(5, r.minimumTime());
        assertEquals(-3, r.minimumAmount(), 1e-9);
        assertFalse(r.passes(Crosscheck.BOUND));
        assertTrue(r.deviation() <= 1e-8, "deviation " + r.deviation());
    }

    @Test
    void badArgumentsAreRefused() throws Exception {
        CompiledModel m = CvodeReferenceTest.conversion("", "");
        assertThrows(IllegalArgumentException.class, () -> Crosscheck.run(m, 0, 10, null));
        assertThrows(IllegalArgumentException.class, () -> Crosscheck.run(m, 1, 0, null));
    }
}
