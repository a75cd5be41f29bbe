package org.mtorworkbench.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The engine's behaviour on small models with known answers. */
class SimulationTest {

    private static final SolverOptions TIGHT = SolverOptions.defaults().withRelativeTolerance(1e-8)
            .withAbsoluteTolerance(1e-12);

    /** The deterministic solvers (the stochastic ones are checked against distributions in StochasticSimulationTest). */
    static List<Solver> solvers() {
        return Solver.values().stream().filter(s -> !s.isStochastic()).toList();
    }

    @ParameterizedTest
    @MethodSource("solvers")
    void everySolverMatchesTheAnalyticSolution(Solver solver) throws Exception {
        CompiledModel m = Models.compile(Models.decay("", "", ""));
        TimeCourse tc = m.newSimulation().run(10, 20, List.of("A", "B"), TIGHT.withSolver(solver));
        for (int i = 0; i < tc.size(); i++) {
            double t = tc.time(i);
            double a = Math.exp(-0.5 * t);
            assertEquals(a, tc.value(i, 0), 1e-6 * a + 1e-10, solver + " A at " + t);
            assertEquals(1 - a, tc.value(i, 1), 1e-6, solver + " B at " + t);
        }
        assertTrue(tc.statistics().steps() > 0);
        assertTrue(tc.statistics().rhsEvaluations() >= tc.statistics().steps());
    }

    @Test
    void amountsAndConcentrationsAreReportedAsAsked() throws Exception {
        CompiledModel m = Models.compile(Models.decay("", "", ""));
        TimeCourse tc = m.newSimulation().run(new double[] { 0 },
                List.of(new Output("A", Quantity.AMOUNT), new Output("A", Quantity.CONCENTRATION)), TIGHT, () -> false);
        assertEquals(2.0, tc.value(0, 0), 0);
        assertEquals(1.0, tc.value(0, 1), 0);
    }

    @Test
    void overridesApplyPerRunAndLeaveTheModelPristine() throws Exception {
        CompiledModel m = Models.compile(Models.decay("", "", ""));
        Simulation base = m.newSimulation();
        Simulation fast = base.withValue("k", 2.0).withValue("A", 3.0);
        double slowA = base.run(1, 1, List.of("A"), TIGHT).value(1, 0);
        double fastA = fast.run(1, 1, List.of("A"), TIGHT).value(1, 0);
        assertEquals(Math.exp(-0.5), slowA, 1e-6);
        assertEquals(3 * Math.exp(-2.0), fastA, 1e-6);
        assertEquals(Math.exp(-0.5), base.run(1, 1, List.of("A"), TIGHT).value(1, 0), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> base.withValue("nope", 1));
    }

    @Test
    void concurrentRunsOfOneModelAgree() throws Exception {
        CompiledModel m = Models.compile(Models.decay("", "", ""));
        ExecutorService ex = Executors.newFixedThreadPool(4);
        try {
            List<Future<Double>> fs = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                double k = 0.1 + 0.05 * (i % 8);
                fs.add(ex.submit(() -> m.newSimulation().withValue("k", k).run(2, 4, List.of("A"), TIGHT).value(4, 0)));
            }
            for (int i = 0; i < 40; i++) {
                double k = 0.1 + 0.05 * (i % 8);
                assertEquals(Math.exp(-k * 2), fs.get(i).get(), 1e-6);
            }
        } finally {
            ex.shutdownNow();
        }
    }

    @Test
    void anEventFiresAtItsTriggerTime() throws Exception {
        String event = """
                <listOfEvents><event id="reset" useValuesFromTriggerTime="true">
                  <trigger initialValue="false" persistent="true"><math %s><apply><geq/><csymbol encoding="text" definitionURL="http://www.sbml.org/sbml/symbols/time">t</csymbol><cn>1.5</cn></apply></math></trigger>
                  <listOfEventAssignments><eventAssignment variable="A"><math %s><cn>1</cn></math></eventAssignment></listOfEventAssignments>
                </event></listOfEvents>""".formatted(Models.MATH, Models.MATH);
        CompiledModel m = Models.compile(Models.decay("", "", event));
        TimeCourse tc = m.newSimulation().run(3, 6, List.of("A"), TIGHT);
        assertEquals(Math.exp(-0.5 * 1.0), tc.value(2, 0), 1e-6);
        assertEquals(Math.exp(-0.5 * 0.5), tc.value(4, 0), 1e-5, "A restarts at 1 at t=1.5");
        assertEquals(1, tc.statistics().eventsFired());
    }

    @Test
    void assignmentRuleCyclesAreNamed() {
        String rules = """
                <listOfRules>
                  <assignmentRule variable="p"><math %s><ci>q</ci></math></assignmentRule>
                  <assignmentRule variable="q"><math %s><ci>p</ci></math></assignmentRule>
                </listOfRules>""".formatted(Models.MATH, Models.MATH);
        SimulationException e = assertThrows(SimulationException.class, () -> Models.compile(Models.decay(
                "<parameter id=\"p\" constant=\"false\"/><parameter id=\"q\" constant=\"false\"/>", rules, "")));
        assertEquals(SimulationException.Kind.INVALID_MODEL, e.kind());
        assertTrue(e.getMessage().contains("cycle: p -> q -> p") || e.getMessage().contains("cycle: q -> p -> q"),
                e.getMessage());
    }

    @Test
    void unsupportedConstructsAreRefusedByName() {
        String rules = """
                <listOfRules>
                  <assignmentRule variable="p"><math %1$s><apply><times/><cn>2</cn><ci>k</ci></apply></math></assignmentRule>
                  <assignmentRule variable="q"><math %1$s><apply><csymbol encoding="text" definitionURL="http://www.sbml.org/sbml/symbols/rateOf">rateOf</csymbol><ci>p</ci></apply></math></assignmentRule>
                </listOfRules>
                """.formatted(Models.MATH);
        SimulationException e = assertThrows(SimulationException.class, () -> Models.compile(
                Models.decay("<parameter id=\"p\" constant=\"false\"/><parameter id=\"q\" constant=\"false\"/>", rules, "")));
        assertEquals(SimulationException.Kind.UNSUPPORTED, e.kind());
        assertTrue(e.getMessage().contains("rateOf('p')") && e.getMessage().contains("assignment rule"), e.getMessage());
    }

    @Test
    void algebraicRulesAreSolvedForTheirVariable() throws Exception {
        // 0 = A + p - 3: p follows the decay of A.
        String rules = """
                <listOfRules><algebraicRule><math %s><apply><minus/><apply><plus/><ci>A</ci><ci>p</ci></apply><cn>3</cn></apply></math></algebraicRule></listOfRules>
                """.formatted(Models.MATH);
        CompiledModel m = Models.compile(Models.decay("<parameter id=\"p\" value=\"0\" constant=\"false\"/>", rules, ""));
        TimeCourse tc = m.newSimulation().run(2, 2, List.of("A", "p"), TIGHT);
        for (int i = 0; i < tc.size(); i++) {
            assertEquals(3.0, tc.value(i, 0) + tc.value(i, 1), 1e-9);
        }
    }

    @Test
    void nonFiniteStatesNameTimeAndVariable() throws Exception {
        // dA/dt = A^2 from A = 1 blows up at t = 1.
        String rules = """
                <listOfRules><rateRule variable="x"><math %s><apply><times/><ci>x</ci><ci>x</ci></apply></math></rateRule></listOfRules>
                """.formatted(Models.MATH);
        CompiledModel m = Models.compile(Models.decay("<parameter id=\"x\" value=\"1\" constant=\"false\"/>", rules, ""));
        SimulationException e = assertThrows(SimulationException.class,
                () -> m.newSimulation().run(2, 4, List.of("x"), TIGHT.withSolver(Solver.BDF)));
        assertTrue(e.isNumerical(), e.kind() + ": " + e.getMessage());
        assertTrue(e.getMessage().contains("time"), e.getMessage());
    }

    @Test
    void tooManyStepsIsItsOwnOutcome() throws Exception {
        CompiledModel m = Models.compile(Models.decay("", "", ""));
        SimulationException e = assertThrows(SimulationException.class,
                () -> m.newSimulation().run(100, 1, List.of("A"), TIGHT.withMaxSteps(3)));
        assertEquals(SimulationException.Kind.TOO_MANY_STEPS, e.kind());
    }

    @Test
    void aRunIsCancelledFromAnotherThreadWithin100ms() throws Exception {
        // A fast oscillator over a long time span keeps the solver busy.
        String rules = """
                <listOfRules>
                  <rateRule variable="x"><math %s><apply><times/><cn>1000</cn><ci>z</ci></apply></math></rateRule>
                  <rateRule variable="z"><math %s><apply><times/><cn>-1000</cn><ci>x</ci></apply></math></rateRule>
                </listOfRules>""".formatted(Models.MATH, Models.MATH);
        CompiledModel m = Models.compile(Models.decay(
                "<parameter id=\"x\" value=\"1\" constant=\"false\"/><parameter id=\"z\" value=\"0\" constant=\"false\"/>",
                rules, ""));
        AtomicBoolean cancel = new AtomicBoolean();
        ExecutorService ex = Executors.newSingleThreadExecutor();
        try {
            Future<SimulationException> f = ex.submit(() -> assertThrows(SimulationException.class,
                    () -> m.newSimulation().run(new double[] { 0, 1e7 }, List.of(Output.of("x")),
                            TIGHT.withSolver(Solver.DORMAND_PRINCE).withMaxSteps(Long.MAX_VALUE), cancel::get)));
            Thread.sleep(300);
            long t0 = System.nanoTime();
            cancel.set(true);
            SimulationException e = f.get(5, TimeUnit.SECONDS);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(SimulationException.Kind.CANCELLED, e.kind());
            assertTrue(ms < 100, "cancellation took " + ms + " ms");
        } finally {
            ex.shutdownNow();
        }
    }

    @Test
    void optionsAreTypedWithDefaultsAndCopies() {
        SolverOptions d = SolverOptions.defaults();
        assertEquals(1e-6, d.get(SolverOptions.RELATIVE_TOLERANCE));
        SolverOptions o = d.withRelativeTolerance(1e-9);
        assertEquals(1e-9, o.get(SolverOptions.RELATIVE_TOLERANCE));
        assertEquals(1e-6, d.get(SolverOptions.RELATIVE_TOLERANCE));
        assertThrows(IllegalArgumentException.class, () -> d.withAbsoluteTolerance(-1));
        assertEquals("KISAO:0000288", Solver.BDF.kisaoId());
        assertEquals(Solver.DORMAND_PRINCE, Solver.byName("KISAO_0000087"));
    }
}
