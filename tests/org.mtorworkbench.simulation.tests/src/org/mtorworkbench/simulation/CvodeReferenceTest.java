package org.mtorworkbench.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.sbml.SbmlReader;
import org.mtorworkbench.tests.support.SharedData;

/**
 * The CVODE reference (the model's right-hand side as C, integrated by SUNDIALS) and the
 * engine agree. Needs gcc and SUNDIALS (releng/sundials.sh); skipped with the reason when
 * they are absent. Not timed: the speed comparison is {@code ./mtorwb bench}.
 */
class CvodeReferenceTest {

    private static final String RULES = """
            <listOfRules>
              <assignmentRule variable="k"><math %s><apply><plus/>
                <cn>0.2</cn>
                <apply><times/><cn>0.1</cn><apply><exp/><apply><minus/><csymbol encoding="text"
                    definitionURL="http://www.sbml.org/sbml/symbols/time">t</csymbol></apply></apply></apply>
                <apply><divide/><apply><times/><cn>0.3</cn><apply><power/><ci>A</ci><cn>2</cn></apply></apply>
                  <apply><plus/><cn>1</cn><apply><power/><ci>A</ci><cn>2</cn></apply></apply></apply>
                <piecewise><piece><cn>0.05</cn><apply><lt/><csymbol encoding="text"
                    definitionURL="http://www.sbml.org/sbml/symbols/time">t</csymbol><cn>1000</cn></apply></piece>
                  <otherwise><cn>0</cn></otherwise></piecewise>
                <apply><times/><cn>0.01</cn><apply><abs/><apply><sin/><csymbol encoding="text"
                    definitionURL="http://www.sbml.org/sbml/symbols/time">t</csymbol></apply></apply></apply>
              </apply></math></assignmentRule>
            </listOfRules>
            """.formatted(Models.MATH);

    private static CvodeReference.Toolchain toolchain() {
        CvodeReference.Availability a = CvodeReference.locate();
        assumeTrue(a.available(), "skipped: " + a.problem());
        return a.toolchain();
    }

    private static double[] times(double tEnd, int intervals) {
        double[] t = new double[intervals + 1];
        for (int i = 0; i <= intervals; i++) {
            t[i] = tEnd * i / intervals;
        }
        return t;
    }

    /** Both solvers at rtol 1e-6 agree to a small multiple of it, relative to each state's peak. */
    private static void assertAgree(CompiledModel m, double tEnd, boolean analytic) throws Exception {
        SolverOptions options = SolverOptions.defaults().withRelativeTolerance(1e-6);
        double[] times = times(tEnd, 50);
        CvodeReference.Result ref = CvodeReference.run(toolchain(), m.newSimulation(), times, options, 3, 1000,
                analytic);
        double[][] ours = CvodeReference.engineStates(m.newSimulation(), times, options);
        double diff = CvodeReference.maxRelativeDifference(ours, ref.states(), 1e-9);
        System.out.printf("%s: CVODE %d steps, %d rhs, analytic Jacobian %s; max relative difference %.3g%n",
                m.modelId(), ref.steps(), ref.rhsEvaluations(), ref.analyticJacobian(), diff);
        assertTrue(ref.steps() > 0);
        assertEquals(times.length, ref.states().length);
        assertTrue(diff <= 2e-5, "engine and CVODE differ by " + diff + " (relative to each state's peak)");
    }

    @Test
    void aSmallModelWithRulesAgreesWithCvode() throws Exception {
        CompiledModel m = Models.compile(Models.decay("", RULES, ""));
        assertNull(CvodeReference.unsupportedReason(m));
        assertAgree(m, 20, true);
        assertAgree(m, 20, false);
    }

    @Test
    void biomd448AgreesWithCvode() throws Exception {
        Path file = SharedData.require("models/BIOMD0000000448.xml");
        CompiledModel m = CompiledModel.compile(new SbmlReader().read(file));
        assertAgree(m, 100, true);
    }

    @Test
    void modelsWithEventsAreRefusedWithTheReason() throws Exception {
        CompiledModel m = Models.compile(Models.decay("", "", """
                <listOfEvents><event id="e" useValuesFromTriggerTime="true"><trigger initialValue="false" persistent="true">
                  <math %s><apply><gt/><csymbol encoding="text" definitionURL="http://www.sbml.org/sbml/symbols/time">t</csymbol><cn>1</cn></apply></math>
                </trigger><listOfEventAssignments><eventAssignment variable="k"><math %s><cn>1</cn></math></eventAssignment>
                </listOfEventAssignments></event></listOfEvents>
                """.formatted(Models.MATH, Models.MATH)));
        String reason = CvodeReference.unsupportedReason(m);
        assertNotNull(reason);
        assertTrue(reason.contains("event"), reason);
    }
}
