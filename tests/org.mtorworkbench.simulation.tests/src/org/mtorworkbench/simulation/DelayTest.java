package org.mtorworkbench.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Delay differential equations: the delay csymbol against solutions known exactly. */
class DelayTest {

    private static final SolverOptions TIGHT = SolverOptions.defaults().withRelativeTolerance(1e-9)
            .withAbsoluteTolerance(1e-12);

    /** dx/dt = -x(t - 1) with x = 1 on [-1, 0]: the classic delayed decay. */
    private static final String DELAYED_DECAY = Models.document(2, "delayedDecay", """
            <listOfParameters><parameter id="x" value="1" constant="false"/></listOfParameters>
            <listOfRules>
              <rateRule variable="x"><math %s><apply><minus/><apply>
                <csymbol encoding="text" definitionURL="http://www.sbml.org/sbml/symbols/delay">delay</csymbol>
                <ci>x</ci><cn>1</cn></apply></apply></math></rateRule>
            </listOfRules>
            """.formatted(Models.MATH));

    /**
     * The method of steps, exactly: on [k, k+1] the solution is a polynomial p_k(s) in s = t - k,
     * and p_k(s) = p_k-1(1) - integral from 0 to s of p_k-1; p_-1 = 1 is the history.
     */
    private static double methodOfSteps(double t) {
        double[] p = { 1 };
        int k = -1;
        while (k + 1 <= t) {
            double end = 0;
            for (double c : p) {
                end += c;
            }
            double[] q = new double[p.length + 1];
            q[0] = end;
            for (int i = 0; i < p.length; i++) {
                q[i + 1] = -p[i] / (i + 1);
            }
            p = q;
            k++;
        }
        double s = t - k;
        double x = 0;
        for (int i = p.length - 1; i >= 0; i--) {
            x = x * s + p[i];
        }
        return x;
    }

    @Test
    void theMethodOfStepsReferenceIsRight() {
        assertEquals(0.0, methodOfSteps(1), 1e-15);
        assertEquals(-0.5, methodOfSteps(2), 1e-15);
        assertEquals(-1.0 / 6, methodOfSteps(3), 1e-15);
        assertEquals(1 - 0.25, methodOfSteps(0.25), 1e-15);
    }

    @ParameterizedTest
    @MethodSource("org.mtorworkbench.simulation.SimulationTest#solvers")
    void theDelayedDecayFollowsTheMethodOfSteps(Solver solver) throws Exception {
        CompiledModel m = Models.compile(DELAYED_DECAY);
        TimeCourse tc = m.newSimulation().run(6, 60, List.of("x"), TIGHT.withSolver(solver));
        double worst = 0;
        for (int i = 0; i < tc.size(); i++) {
            double t = tc.time(i);
            double err = Math.abs(tc.value(i, 0) - methodOfSteps(t));
            worst = Math.max(worst, err);
            assertEquals(methodOfSteps(t), tc.value(i, 0), 1e-6, solver + " x at " + t);
        }
        System.out.printf("delayed decay, %s: largest error %.2e over [0, 6], %d steps%n", solver, worst,
                tc.statistics().steps());
    }

    @Test
    void eventsChangeThePastOnlyFromTheirTimeOn() throws Exception {
        // p jumps from 0 to 1 at t = 1 (an event); q = p(t - 0.5) sees the jump at 1.5.
        String sbml = Models.document(2, "delayedStep", """
                    <listOfParameters>
                  <parameter id="p" value="0" constant="false"/>
                  <parameter id="q" constant="false"/>
                  <parameter id="x" value="0" constant="false"/>
                </listOfParameters>
                <listOfRules>
                  <assignmentRule variable="q"><math %1$s><apply>
                    <csymbol encoding="text" definitionURL="http://www.sbml.org/sbml/symbols/delay">delay</csymbol>
                    <ci>p</ci><cn>0.5</cn></apply></math></assignmentRule>
                  <rateRule variable="x"><math %1$s><ci>q</ci></math></rateRule>
                </listOfRules>
                <listOfEvents>
                  <event id="jump" useValuesFromTriggerTime="true">
                    <trigger initialValue="false" persistent="true"><math %1$s><apply><geq/>
                      <csymbol encoding="text" definitionURL="http://www.sbml.org/sbml/symbols/time">t</csymbol>
                      <cn>1</cn></apply></math></trigger>
                    <listOfEventAssignments><eventAssignment variable="p"><math %1$s><cn>1</cn></math></eventAssignment></listOfEventAssignments>
                  </event>
                </listOfEvents>
                """.formatted(Models.MATH));
        TimeCourse tc = Models.compile(sbml).newSimulation().run(3, 30, List.of("p", "q", "x"), TIGHT);
        for (int i = 0; i < tc.size(); i++) {
            double t = tc.time(i);
            assertEquals(t >= 1 ? 1 : 0, tc.value(i, 0), 0, "p at " + t);
            if (Math.abs(t - 1.5) > 1e-9) {
                assertEquals(t > 1.5 ? 1 : 0, tc.value(i, 1), 1e-9, "q at " + t);
            }
            // x integrates q: 0 until 1.5, then t - 1.5.
            assertEquals(Math.max(0, t - 1.5), tc.value(i, 2), 1e-7, "x at " + t);
        }
    }

    @Test
    void atASteadyStateThePastIsThePresent() throws Exception {
        // dx/dt = 2 - x(t - 1): the steady state is x = 2.
        CompiledModel m = Models.compile(DELAYED_DECAY.replace("<apply><minus/><apply>", "<apply><minus/><cn>2</cn><apply>")
                .replace("value=\"1\"", "value=\"0\""));
        SteadyState ss = m.newSimulation().steadyState(List.of(Output.of("x")), TIGHT, () -> false);
        assertEquals(2, ss.value(0), 1e-8, ss.method());
        // and integration gets there too, oscillating about it
        TimeCourse tc = m.newSimulation().run(60, 6, List.of("x"), TIGHT);
        assertEquals(2, tc.value(tc.size() - 1, 0), 1e-3);
    }

    @Test
    void aNegativeDelayIsAClearError() throws Exception {
        CompiledModel m = Models.compile(DELAYED_DECAY.replace("<cn>1</cn>", "<ci>d</ci>").replace(
                "<listOfParameters>", "<listOfParameters><parameter id=\"d\" value=\"-1\" constant=\"true\"/>"));
        SimulationException e = assertThrows(SimulationException.class,
                () -> m.newSimulation().run(1, 1, List.of("x"), TIGHT));
        assertEquals(SimulationException.Kind.INVALID_MODEL, e.kind());
        assertTrue(e.getMessage().contains("delay -1.0") && e.getMessage().contains("must not be negative"),
                e.getMessage());
        // A delay of zero is the present.
        TimeCourse zero = m.newSimulation().withValue("d", 0).run(1, 1, List.of("x"), TIGHT);
        assertEquals(Math.exp(-1), zero.value(1, 0), 1e-7);
    }

    @Test
    void runsOfOneModelKeepTheirOwnPastOnManyThreads() throws Exception {
        CompiledModel m = Models.compile(DELAYED_DECAY);
        double[] serial = m.newSimulation().run(6, 12, List.of("x"), TIGHT).column("x");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<double[]>> runs = new java.util.ArrayList<>();
            for (int r = 0; r < 8; r++) {
                double x0 = r % 2 == 0 ? 1 : 2;
                runs.add(pool.submit(() -> m.newSimulation().withValue("x", x0).run(6, 12, List.of("x"), TIGHT)
                        .column("x")));
            }
            for (int r = 0; r < runs.size(); r++) {
                double[] got = runs.get(r).get();
                double scale = r % 2 == 0 ? 1 : 2;
                // The equation is linear: twice the history gives twice the solution.
                for (int i = 0; i < got.length; i++) {
                    assertEquals(scale * serial[i], got[i], 1e-7, "run " + r + " row " + i);
                }
            }
        } finally {
            pool.shutdown();
        }
        assertTrue(serial.length == 13);
    }
}
