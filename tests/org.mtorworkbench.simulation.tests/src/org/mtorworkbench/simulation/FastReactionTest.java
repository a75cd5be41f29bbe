package org.mtorworkbench.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Fast reactions in rapid equilibrium, against equilibria known in closed form. */
class FastReactionTest {

    private static final SolverOptions TIGHT = SolverOptions.defaults().withRelativeTolerance(1e-9)
            .withAbsoluteTolerance(1e-12);

    /**
     * Binding A + B <-> C (fast, kf = 10, kr = 5, so Kd = 0.5) with the complex degraded slowly
     * (C -> nothing at rate kdeg C); A = 1, B = 2, C = 0 at the start, compartment of size 1.
     */
    private static String binding(double kdeg) {
        return Models.document(1, "binding", """
                    <listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
                    <listOfSpecies>%3$s%4$s%5$s</listOfSpecies>
                    <listOfParameters>
                      <parameter id="kf" value="10" constant="true"/>
                      <parameter id="kr" value="5" constant="true"/>
                      <parameter id="kdeg" value="%2$s" constant="true"/>
                    </listOfParameters>
                    <listOfReactions>
                      <reaction id="bind" reversible="true" fast="true">
                        <listOfReactants>
                          <speciesReference species="A" stoichiometry="1" constant="true"/>
                          <speciesReference species="B" stoichiometry="1" constant="true"/>
                        </listOfReactants>
                        <listOfProducts><speciesReference species="C" stoichiometry="1" constant="true"/></listOfProducts>
                        <kineticLaw><math %1$s><apply><times/><ci>c</ci><apply><minus/>
                          <apply><times/><ci>kf</ci><ci>A</ci><ci>B</ci></apply>
                          <apply><times/><ci>kr</ci><ci>C</ci></apply></apply></apply></math></kineticLaw>
                      </reaction>
                      <reaction id="degrade" reversible="false" fast="false">
                        <listOfReactants><speciesReference species="C" stoichiometry="1" constant="true"/></listOfReactants>
                        <kineticLaw><math %1$s><apply><times/><ci>c</ci><ci>kdeg</ci><ci>C</ci></apply></math></kineticLaw>
                      </reaction>
                    </listOfReactions>
                """.formatted(Models.MATH, kdeg, Models.species("A", 1), Models.species("B", 2), Models.species("C", 0)));
    }

    @ParameterizedTest
    @MethodSource("org.mtorworkbench.simulation.SimulationTest#solvers")
    void bindingIsAtEquilibriumFromTheStartOn(Solver solver) throws Exception {
        TimeCourse tc = Models.compile(binding(0.3)).newSimulation().run(5, 10, List.of("A", "B", "C"),
                TIGHT.withSolver(solver));
        // At t = 0: (1 - c)(2 - c) = Kd c, the root below 1.
        double kd = 0.5;
        double s = 1 + 2 + kd;
        double c0 = (s - Math.sqrt(s * s - 4 * 1 * 2)) / 2;
        assertEquals(c0, tc.value(0, 2), 1e-10, "complex at the start");
        assertEquals(1 - c0, tc.value(0, 0), 1e-10, "free A at the start");
        for (int i = 0; i < tc.size(); i++) {
            double a = tc.value(i, 0);
            double b = tc.value(i, 1);
            double c = tc.value(i, 2);
            // Binding and degradation each take one A and one B equivalent: A - B stays -1.
            assertEquals(-1, a - b, 1e-8, solver + " A - B at " + tc.time(i));
            // The fast reaction's net rate is zero all along.
            assertEquals(kd * c, a * b, 1e-8, solver + " equilibrium at " + tc.time(i));
        }
        // Degradation drains the complex, and with it A.
        assertEquals(true, tc.value(tc.size() - 1, 0) < 1 - c0, "A falls as the complex is degraded");
    }

    @Test
    void theSteadyStateKeepsTheFastReactionAtEquilibrium() throws Exception {
        // Without slow reactions every state is a steady state: the equilibrium of the start.
        SteadyState ss = Models.compile(binding(0)).newSimulation().steadyState(
                List.of(Output.of("A"), Output.of("B"), Output.of("C")), TIGHT, () -> false);
        double c0 = (3.5 - Math.sqrt(3.5 * 3.5 - 8)) / 2;
        assertEquals(1 - c0, ss.value(0), 1e-9, ss.method());
        assertEquals(2 - c0, ss.value(1), 1e-9);
        assertEquals(c0, ss.value(2), 1e-9);
    }

    @Test
    void aNegativeRateRunsTheFastReactionBackwardsUntilAProductIsUsedUp() throws Exception {
        // S1 -> S2 at rate k S1 S2 with k = -1 from S1 = S2 = 5: the reaction runs backwards until
        // S2 is gone (S1 = 10), not forwards to the other root of the rate (S1 = 0).
        String sbml = Models.document(1, "backwards", """
                    <listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
                    <listOfSpecies>%2$s%3$s</listOfSpecies>
                    <listOfParameters><parameter id="k" value="-1" constant="true"/></listOfParameters>
                    <listOfReactions>
                      <reaction id="J0" reversible="false" fast="true">
                        <listOfReactants><speciesReference species="S1" stoichiometry="1" constant="true"/></listOfReactants>
                        <listOfProducts><speciesReference species="S2" stoichiometry="1" constant="true"/></listOfProducts>
                        <kineticLaw><math %1$s><apply><times/><ci>k</ci><ci>S1</ci><ci>S2</ci></apply></math></kineticLaw>
                      </reaction>
                    </listOfReactions>
                """.formatted(Models.MATH, Models.species("S1", 5), Models.species("S2", 5)));
        TimeCourse tc = Models.compile(sbml).newSimulation().run(1, 2, List.of("S1", "S2"), TIGHT);
        for (int i = 0; i < tc.size(); i++) {
            assertEquals(10, tc.value(i, 0), 1e-9, "S1 at " + tc.time(i));
            assertEquals(0, tc.value(i, 1), 1e-9, "S2 at " + tc.time(i));
        }
    }

    @ParameterizedTest
    @MethodSource("org.mtorworkbench.simulation.SimulationTest#solvers")
    void withoutSlowReactionsTheEquilibriumStays(Solver solver) throws Exception {
        TimeCourse tc = Models.compile(binding(0)).newSimulation().run(2, 4, List.of("C"), TIGHT.withSolver(solver));
        double s = 3.5;
        double c0 = (s - Math.sqrt(s * s - 8)) / 2;
        for (int i = 0; i < tc.size(); i++) {
            assertEquals(c0, tc.value(i, 0), 1e-10, "C at " + tc.time(i));
        }
    }
}
