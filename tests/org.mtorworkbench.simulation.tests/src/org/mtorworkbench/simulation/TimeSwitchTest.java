package org.mtorworkbench.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13 defect 4: rates that switch on time alone (a pulse {@code piecewise(k, t_on <= time
 * < t_off, 0)}, in a kinetic law or an assignment rule, and event triggers on time) are
 * integrated exactly: the engine stops and restarts at the switch times, so the default run is
 * within 1e-4 of the analytic solution. Before, an integrator that had grown its step over the
 * quiet start stepped over the whole pulse (a deviation of 0.78 of its peak).
 */
class TimeSwitchTest {

    private static final String TIME = "<csymbol encoding=\"text\" definitionURL=\"http://www.sbml.org/sbml/symbols/time\">t</csymbol>";
    private static final double ON = 50, OFF = 51.5, K = 1, D = 0.5;

    /** The pulse: {@code k} while {@code t_on <= time < t_off}, else 0. */
    private static final String PULSE = "<piecewise><piece><ci>k</ci><apply><and/><apply><geq/>" + TIME
            + "<ci>t_on</ci></apply><apply><lt/>" + TIME + "<ci>t_off</ci></apply></apply></piece>"
            + "<otherwise><cn>0</cn></otherwise></piecewise>";

    /** X made at the pulse's rate (in the kinetic law itself, or through a rule variable) and decaying at rate d. */
    static String model(boolean throughRule, String events) {
        return model(throughRule, events, PULSE);
    }

    private static String model(boolean throughRule, String events, String pulse) {
        String rate = throughRule ? "<ci>input</ci>" : pulse;
        String rules = throughRule ? "<listOfRules><assignmentRule variable=\"input\"><math " + Models.MATH + ">" + pulse
                + "</math></assignmentRule></listOfRules>" : "";
        return Models.document(2, "pulse", """
                <listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
                <listOfSpecies>%s</listOfSpecies>
                <listOfParameters>
                  <parameter id="k" value="%s" constant="true"/><parameter id="d" value="%s" constant="true"/>
                  <parameter id="t_on" value="%s" constant="true"/><parameter id="t_off" value="%s" constant="true"/>
                  <parameter id="input" value="0" constant="false"/><parameter id="z" value="0" constant="false"/>
                </listOfParameters>
                %s
                <listOfReactions>
                  <reaction id="make" reversible="false">
                    <listOfProducts><speciesReference species="X" stoichiometry="1" constant="true"/></listOfProducts>
                    <kineticLaw><math %s>%s</math></kineticLaw>
                  </reaction>
                  <reaction id="decay" reversible="false">
                    <listOfReactants><speciesReference species="X" stoichiometry="1" constant="true"/></listOfReactants>
                    <kineticLaw><math %s><apply><times/><ci>d</ci><ci>X</ci></apply></math></kineticLaw>
                  </reaction>
                </listOfReactions>
                %s
                """.formatted(Models.species("X", 0), K, D, ON, OFF, rules, Models.MATH, rate, Models.MATH, events));
    }

    private static double exact(double t, double on, double off) {
        double peak = K / D * (1 - Math.exp(-D * (off - on)));
        return t < on ? 0 : t < off ? K / D * (1 - Math.exp(-D * (t - on))) : peak * Math.exp(-D * (t - off));
    }

    static List<Solver> solvers() {
        return List.of(Solver.AUTO, Solver.BDF, Solver.DORMAND_PRINCE);
    }

    private static double worstDeviation(CompiledModel m, Simulation sim, SolverOptions options, double on, double off)
            throws SimulationException {
        TimeCourse tc = sim.run(100, 200, List.of("X"), options);
        double peak = exact(off, on, off);
        double worst = 0;
        for (int r = 0; r < tc.size(); r++) {
            worst = Math.max(worst, Math.abs(tc.value(r, 0) - exact(tc.time(r), on, off)) / peak);
        }
        return worst;
    }

    static List<Arguments> pulses() {
        List<Arguments> out = new java.util.ArrayList<>();
        for (Solver s : solvers()) {
            out.add(Arguments.of(s, false));
            out.add(Arguments.of(s, true));
        }
        return out;
    }

    /** The pulse in the kinetic law itself, and through an assignment rule the kinetic law reads. */
    @ParameterizedTest(name = "{0}, through a rule: {1}")
    @MethodSource("pulses")
    void aPulseIsIntegratedExactlyAtTheDefaults(Solver solver, boolean throughRule) throws Exception {
        CompiledModel m = Models.compile(model(throughRule, ""));
        double d = worstDeviation(m, m.newSimulation(), SolverOptions.defaults().withSolver(solver), ON, OFF);
        assertTrue(d < 1e-4, solver + ": largest deviation " + d + " of the peak");
    }

    @Test
    void switchTimesFollowTheRunsValues() throws Exception {
        CompiledModel m = Models.compile(model(false, ""));
        Simulation moved = m.newSimulation().withValue("t_on", 20.25).withValue("t_off", 20.75);
        double d = worstDeviation(m, moved, SolverOptions.defaults(), 20.25, 20.75);
        assertTrue(d < 1e-4, "largest deviation " + d + " of the peak");
    }

    /** An event on time alone fires at its time: the output at that time shows the assigned value. */
    @ParameterizedTest
    @MethodSource("solvers")
    void anEventOnTimeFiresExactlyAtItsTime(Solver solver) throws Exception {
        String events = "<listOfEvents><event id=\"mark\" useValuesFromTriggerTime=\"true\"><trigger initialValue=\"false\""
                + " persistent=\"true\"><math " + Models.MATH + "><apply><geq/>" + TIME + "<cn>30</cn></apply></math>"
                + "</trigger><listOfEventAssignments><eventAssignment variable=\"z\"><math " + Models.MATH
                + "><cn>1</cn></math></eventAssignment></listOfEventAssignments></event></listOfEvents>";
        CompiledModel m = Models.compile(model(false, events));
        TimeCourse tc = m.newSimulation().run(60, 60, List.of("z"), SolverOptions.defaults().withSolver(solver));
        for (int r = 0; r < tc.size(); r++) {
            assertEquals(tc.time(r) >= 30 ? 1.0 : 0.0, tc.value(r, 0), 0, "z at time " + tc.time(r));
        }
        assertEquals(1, tc.statistics().eventsFired());
    }
}
