package org.mtorworkbench.simulation.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.sbml.SbmlReader;
import org.mtorworkbench.simulation.CompiledModel;
import org.mtorworkbench.simulation.Solver;
import org.mtorworkbench.simulation.SolverOptions;
import org.mtorworkbench.tests.support.SharedData;

/**
 * The CVODE reference (the model's right-hand side as C, integrated by SUNDIALS) and the
 * engine agree. Needs gcc and SUNDIALS (releng/sundials.sh); skipped with the reason when
 * they are absent. Not timed: the speed comparison is {@code ./mtorwb bench}.
 */
class CvodeReferenceTest {

    static final String MATH = "xmlns=\"http://www.w3.org/1998/Math/MathML\"";

    /**
     * Conversion of A into B at rate {@code c * k * A} in compartment c of size 2 (A starts at
     * concentration 1), with extra rules and events.
     */
    static CompiledModel conversion(String rules, String events) throws Exception {
        return conversion(rules, events, "<apply><times/><ci>c</ci><ci>k</ci><ci>A</ci></apply>");
    }

    /** The same with another kinetic law (MathML content) for r1. */
    static CompiledModel conversion(String rules, String events, String law) throws Exception {
        String sbml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
                  <model id="conversion">
                    <listOfCompartments><compartment id="c" size="2" constant="true"/></listOfCompartments>
                    <listOfSpecies>
                      <species id="A" compartment="c" initialConcentration="1" hasOnlySubstanceUnits="false"
                          boundaryCondition="false" constant="false"/>
                      <species id="B" compartment="c" initialConcentration="0" hasOnlySubstanceUnits="false"
                          boundaryCondition="false" constant="false"/>
                    </listOfSpecies>
                    <listOfParameters><parameter id="k" value="0.5" constant="false"/></listOfParameters>
                    %s
                    <listOfReactions><reaction id="r1" reversible="false">
                      <listOfReactants><speciesReference species="A" stoichiometry="1" constant="true"/></listOfReactants>
                      <listOfProducts><speciesReference species="B" stoichiometry="1" constant="true"/></listOfProducts>
                      <kineticLaw><math %s>%s</math></kineticLaw>
                    </reaction></listOfReactions>
                    %s
                  </model>
                </sbml>
                """.formatted(rules, MATH, law, events);
        return CompiledModel.compile(new SbmlReader().read(sbml.getBytes(StandardCharsets.UTF_8), "conversion.xml"));
    }

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
            """.formatted(MATH);

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

    /**
     * At rtol 1e-6 the engine agrees with CVODE, and both are close to CVODE at rtol 1e-10 (the
     * truth here), relative to each state's peak (or to atol/rtol for states that stay below it):
     * CVODE within 1e-4, the engine within {@code ourBound}.
     */
    private static void assertAgree(CompiledModel m, double tEnd, Solver method, double ourBound, boolean analytic,
            CvodeReference.LinearSolver solver) throws Exception {
        SolverOptions options = SolverOptions.defaults().withRelativeTolerance(1e-6).withSolver(method);
        double floor = options.get(SolverOptions.ABSOLUTE_TOLERANCE) / 1e-6;
        double[] times = times(tEnd, 50);
        CvodeReference.Toolchain tc = toolchain();
        assumeTrue(solver != CvodeReference.LinearSolver.KLU || tc.hasKlu(),
                "skipped: KLU is not installed (releng/sundials.sh fetches it)");
        CvodeReference.Result ref;
        CvodeReference.Result truth;
        try (CvodeReference.Program program = CvodeReference.compile(tc, m, analytic, solver)) {
            ref = program.run(m.newSimulation(), times, options, 3, 1000);
            truth = program.run(m.newSimulation(), times,
                    options.withRelativeTolerance(1e-10).withAbsoluteTolerance(1e-16), 1, 0);
        }
        double[][] ours = CvodeReference.engineStates(m.newSimulation(), times, options);
        double diff = CvodeReference.maxRelativeDifference(ours, ref.states(), floor);
        double ourError = CvodeReference.maxRelativeDifference(ours, truth.states(), floor);
        double cvodeError = CvodeReference.maxRelativeDifference(ref.states(), truth.states(), floor);
        System.out.printf("%s (engine %s, CVODE %s): CVODE %d steps, %d rhs, analytic Jacobian %s; engine vs CVODE %.3g, "
                + "engine error %.3g, CVODE error %.3g%n", m.modelId(), method, solver, ref.steps(), ref.rhsEvaluations(),
                ref.analyticJacobian(), diff, ourError, cvodeError);
        assertTrue(ref.steps() > 0);
        assertEquals(times.length, ref.states().length);
        assertTrue(cvodeError <= 1e-4, "CVODE's own error is " + cvodeError + ": the reference is broken");
        assertTrue(ourError <= ourBound, "the engine's error against CVODE at rtol 1e-10 is " + ourError);
        assertTrue(diff <= ourBound + cvodeError, "engine and CVODE differ by " + diff);
    }

    @Test
    void aSmallModelWithRulesAgreesWithCvode() throws Exception {
        CompiledModel m = conversion(RULES, "");
        assertNull(CvodeReference.unsupportedReason(m));
        // the explicit method (AUTO's choice for this non-stiff model) is the less accurate at equal rtol
        assertAgree(m, 20, Solver.AUTO, 1e-4, true, CvodeReference.LinearSolver.DENSE);
        assertAgree(m, 20, Solver.BDF, 1e-5, false, CvodeReference.LinearSolver.DENSE);
        assertAgree(m, 20, Solver.BDF, 1e-5, true, CvodeReference.LinearSolver.KLU);
    }

    @Test
    void biomd448AgreesWithCvode() throws Exception {
        Path file = SharedData.require("models/BIOMD0000000448.xml");
        CompiledModel m = CompiledModel.compile(new SbmlReader().read(file));
        assertAgree(m, 100, Solver.AUTO, 1e-5, true, CvodeReference.LinearSolver.DENSE);
    }

    @Test
    void modelsWithEventsAreRefusedWithTheReason() throws Exception {
        CompiledModel m = conversion("", """
                <listOfEvents><event id="e" useValuesFromTriggerTime="true"><trigger initialValue="false" persistent="true">
                  <math %s><apply><gt/><csymbol encoding="text" definitionURL="http://www.sbml.org/sbml/symbols/time">t</csymbol><cn>1</cn></apply></math>
                </trigger><listOfEventAssignments><eventAssignment variable="k"><math %s><cn>1</cn></math></eventAssignment>
                </listOfEventAssignments></event></listOfEvents>
                """.formatted(MATH, MATH));
        String reason = CvodeReference.unsupportedReason(m);
        assertNotNull(reason);
        assertTrue(reason.contains("event"), reason);
    }
}
