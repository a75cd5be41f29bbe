package org.mtorworkbench.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values that SBML leaves undefined end a run at once with a NON_FINITE failure naming the
 * variable and the time, under every solver, instead of a hang or a step-size underflow: a
 * kinetic law {@code <cn>NaN</cn>} (Dormand-Prince once looped on it without end), and a
 * {@code piecewise} without {@code otherwise} once none of its conditions holds (undefined by
 * the SBML specification; it failed with "the step size fell to ..." after its switch time).
 */
class UndefinedValuesTest {

    private static final String TIME = "<csymbol encoding=\"text\" definitionURL=\"http://www.sbml.org/sbml/symbols/time\">t</csymbol>";

    /** A made at the rate the kinetic law gives. */
    private static String model(String rate) {
        return Models.document(2, "undefined", """
                <listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
                <listOfSpecies>%s</listOfSpecies>
                <listOfReactions>
                  <reaction id="make" reversible="false">
                    <listOfProducts><speciesReference species="A" stoichiometry="1" constant="true"/></listOfProducts>
                    <kineticLaw><math %s>%s</math></kineticLaw>
                  </reaction>
                </listOfReactions>
                """.formatted(Models.species("A", 0), Models.MATH, rate));
    }

    static List<Solver> solvers() {
        return List.of(Solver.AUTO, Solver.BDF, Solver.DORMAND_PRINCE, Solver.SSA, Solver.NEXT_REACTION);
    }

    @ParameterizedTest
    @MethodSource("solvers")
    void aNaNRateEndsTheRunAtTimeZeroNamingIt(Solver solver) throws Exception {
        CompiledModel m = Models.compile(model("<cn>NaN</cn>"));
        SimulationException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(
                SimulationException.class, () -> m.newSimulation().run(10, 10, List.of("A"),
                        SolverOptions.defaults().withSolver(solver))));
        assertEquals(SimulationException.Kind.NON_FINITE, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("time 0.0"), e.getMessage());
        assertTrue(e.getMessage().contains(solver.isStochastic() ? "'make'" : "'A'"), e.getMessage());
    }

    /** The ODE solvers; exact stochastic simulation refuses rates that depend on time (StochasticCommandsTest). */
    static List<Solver> odeSolvers() {
        return List.of(Solver.AUTO, Solver.BDF, Solver.DORMAND_PRINCE);
    }

    @ParameterizedTest
    @MethodSource("odeSolvers")
    void aPiecewiseWithoutOtherwiseIsUndefinedOnceNoConditionHolds(Solver solver) throws Exception {
        String pulse = "<piecewise><piece><cn>1</cn><apply><lt/>" + TIME + "<cn>5</cn></apply></piece></piecewise>";
        CompiledModel m = Models.compile(model(pulse));
        // defined up to the switch: A grows as t
        TimeCourse before = m.newSimulation().run(4, 4, List.of("A"), SolverOptions.defaults().withSolver(solver));
        assertEquals(4, before.value(before.size() - 1, 0), 1e-6);
        SimulationException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(
                SimulationException.class, () -> m.newSimulation().run(10, 10, List.of("A"),
                        SolverOptions.defaults().withSolver(solver))));
        assertEquals(SimulationException.Kind.NON_FINITE, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("'A'") && e.getMessage().contains("time 5.0"), e.getMessage());
    }
}
