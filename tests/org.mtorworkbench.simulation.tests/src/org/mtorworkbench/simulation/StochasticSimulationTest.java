package org.mtorworkbench.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exact stochastic simulation checked against distributions known in closed form. Every
 * tolerance is derived from the sampling distribution of the statistic tested: a mean of N
 * independent runs is within z standard errors of its expectation, with z = 4.5 (a false
 * failure about once in 150,000 runs of a test, two-sided normal tail 6.8e-6). Seeds are fixed,
 * so the tests are also reproducible; the derivation keeps them valid for any seed.
 */
class StochasticSimulationTest {

    /** Standard errors allowed: the two-sided normal tail beyond 4.5 is 6.8e-6. */
    private static final double Z = 4.5;

    private static final String MATH = Models.MATH;

    /** Species with only substance units (molecule counts) in compartment c of size 1. */
    private static String molecules(String id, int amount) {
        return "<species id=\"" + id + "\" compartment=\"c\" initialAmount=\"" + amount
                + "\" hasOnlySubstanceUnits=\"true\" boundaryCondition=\"false\" constant=\"false\"/>";
    }

    private static String reaction(String id, String reactants, String products, String law) {
        return "<reaction id=\"" + id + "\" reversible=\"false\">"
                + (reactants.isEmpty() ? "" : "<listOfReactants>" + reactants + "</listOfReactants>")
                + (products.isEmpty() ? "" : "<listOfProducts>" + products + "</listOfProducts>")
                + "<kineticLaw><math " + MATH + ">" + law + "</math></kineticLaw></reaction>";
    }

    private static String ref(String species, int stoichiometry) {
        return "<speciesReference species=\"" + species + "\" stoichiometry=\"" + stoichiometry
                + "\" constant=\"true\"/>";
    }

    private static String ci(String id) {
        return "<ci>" + id + "</ci>";
    }

    private static String times(String... args) {
        return "<apply><times/>" + String.join("", args) + "</apply>";
    }

    /** 0 -> X at rate kb, X -> 0 at rate kd X; X starts at 0. */
    private static CompiledModel birthDeath(double kb, double kd, String extra) throws Exception {
        return birthDeath(kb, kd, "", extra);
    }

    private static CompiledModel birthDeath(double kb, double kd, String parameters, String extra) throws Exception {
        return Models.compile(Models.document(2, "birth_death", """
                <listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
                <listOfSpecies>%s</listOfSpecies>
                <listOfParameters><parameter id="kb" value="%s" constant="false"/>
                  <parameter id="kd" value="%s" constant="true"/>%s</listOfParameters>
                <listOfReactions>%s%s</listOfReactions>
                %s
                """.formatted(molecules("X", 0), kb, kd, parameters, reaction("birth", "", ref("X", 1), ci("kb")),
                reaction("death", ref("X", 1), "", times(ci("kd"), ci("X"))), extra)));
    }

    private static SolverOptions options(String solver, long seed) {
        return SolverOptions.defaults().withSolver(Solver.byName(solver)).withSeed(seed);
    }

    @Test
    void theStochasticMethodsAreSolversWithTheirKisaoIds() {
        assertEquals(Solver.SSA, Solver.byName("ssa"));
        assertEquals(Solver.SSA, Solver.byName("KISAO:0000029"));
        assertEquals(Solver.NEXT_REACTION, Solver.byName("next-reaction"));
        assertEquals(Solver.NEXT_REACTION, Solver.byName("KISAO_0000027"));
        assertTrue(Solver.SSA.isStochastic());
        assertFalse(Solver.BDF.isStochastic());
        assertTrue(Solver.values().contains(Solver.SSA), Solver.values().toString());
    }

    /**
     * Birth-death from zero molecules: X(t) is Poisson distributed with mean
     * m = kb/kd (1 - exp(-kd t)) at every t (the stationary Poisson(kb/kd) as t grows). Over N
     * runs the sample mean has standard error sqrt(m/N); the sample variance s^2 has variance
     * (mu4 - sigma^4 (N-3)/(N-1))/N with the Poisson central moments sigma^2 = m and
     * mu4 = m + 3 m^2.
     */
    @ParameterizedTest
    @ValueSource(strings = { "ssa", "next-reaction" })
    void birthDeathIsPoisson(String solver) throws Exception {
        double kb = 10;
        double kd = 0.2;
        double t = 30;
        int n = 1000;
        CompiledModel m = birthDeath(kb, kd, "");
        Ensemble e = Ensemble.run(m.newSimulation(), new double[] { 0, t }, List.of(Output.of("X")),
                options(solver, 20261203L), n, 2, () -> false);
        double mean = kb / kd * (1 - Math.exp(-kd * t));
        double sampleMean = e.mean(1, 0);
        assertEquals(mean, sampleMean, Z * Math.sqrt(mean / n), "mean of X(" + t + ")");
        double s = e.standardDeviation(1, 0);
        double mu4 = mean + 3 * mean * mean;
        double varOfVar = (mu4 - mean * mean * (n - 3.0) / (n - 1)) / n;
        assertEquals(mean, s * s, Z * Math.sqrt(varOfVar), "variance of X(" + t + ")");
        for (int r = 0; r < n; r++) {
            double x = e.value(r, 1, 0);
            assertEquals(Math.rint(x), x, 0.0, "molecule counts are whole");
            assertEquals(0, e.value(r, 0, 0), 0.0);
        }
        // Percentiles of Poisson(49.9): the median is 50 within one molecule either way.
        assertEquals(Math.floor(mean), e.percentile(1, 0, 50), 2.0);
    }

    /**
     * Dimerisation 2A -> B with propensity k A (A - 1)/2 from A = 4: the state leaves 4 at rate
     * 6k and 2 at rate k, so P(A(t) = 4) = exp(-6kt) and P(A(t) = 0) = 1 - (6 exp(-kt) - exp(-6kt))/5.
     * The observed fractions of N runs are binomial, with standard error sqrt(p(1 - p)/N).
     */
    @ParameterizedTest
    @ValueSource(strings = { "ssa", "next-reaction" })
    void dimerisationFollowsItsMasterEquation(String solver) throws Exception {
        double k = 0.5;
        double t = 1.0;
        int n = 4000;
        String half = "<cn>0.5</cn>";
        CompiledModel m = Models.compile(Models.document(2, "dimer", """
                <listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
                <listOfSpecies>%s%s</listOfSpecies>
                <listOfParameters><parameter id="k" value="%s" constant="true"/></listOfParameters>
                <listOfReactions>%s</listOfReactions>
                """.formatted(molecules("A", 4), molecules("B", 0), k, reaction("dimerise", ref("A", 2), ref("B", 1),
                times(half, ci("k"), ci("A"), "<apply><minus/>" + ci("A") + "<cn>1</cn></apply>")))));
        Ensemble e = Ensemble.run(m.newSimulation(), new double[] { 0, t }, List.of(Output.of("A"), Output.of("B")),
                options(solver, 7L), n, 2, () -> false);
        int four = 0;
        int zero = 0;
        for (int r = 0; r < n; r++) {
            double a = e.value(r, 1, 0);
            assertEquals(4, a + 2 * e.value(r, 1, 1), 0.0, "A + 2B is conserved");
            four += a == 4 ? 1 : 0;
            zero += a == 0 ? 1 : 0;
        }
        double p4 = Math.exp(-6 * k * t);
        double p0 = 1 - (6 * Math.exp(-k * t) - Math.exp(-6 * k * t)) / 5;
        assertEquals(p4, (double) four / n, Z * Math.sqrt(p4 * (1 - p4) / n), "P(A = 4)");
        assertEquals(p0, (double) zero / n, Z * Math.sqrt(p0 * (1 - p0) / n), "P(A = 0)");
    }

    @ParameterizedTest
    @ValueSource(strings = { "ssa", "next-reaction" })
    void aSeedGivesOneTrajectory(String solver) throws Exception {
        CompiledModel m = birthDeath(10, 0.2, "");
        double[] times = new double[51];
        for (int i = 0; i < times.length; i++) {
            times[i] = i;
        }
        double[] a = column(m.newSimulation().run(times, List.of(Output.of("X")), options(solver, 42), () -> false));
        double[] b = column(m.newSimulation().run(times, List.of(Output.of("X")), options(solver, 42), () -> false));
        double[] c = column(m.newSimulation().run(times, List.of(Output.of("X")), options(solver, 43), () -> false));
        assertArrayEquals(a, b, 0.0);
        assertFalse(java.util.Arrays.equals(a, c), "another seed, another trajectory");
    }

    @Test
    void anEnsembleDoesNotDependOnTheThreadCount() throws Exception {
        CompiledModel m = birthDeath(10, 0.2, "");
        double[] times = { 0, 5, 10 };
        Ensemble one = Ensemble.run(m.newSimulation(), times, List.of(Output.of("X")), options("ssa", 5), 40, 1,
                () -> false);
        Ensemble two = Ensemble.run(m.newSimulation(), times, List.of(Output.of("X")), options("ssa", 5), 40, 2,
                () -> false);
        for (int r = 0; r < 40; r++) {
            for (int i = 0; i < times.length; i++) {
                assertEquals(one.value(r, i, 0), two.value(r, i, 0), 0.0);
            }
        }
        assertEquals(Ensemble.runSeed(5, 3), Ensemble.runSeed(5, 3));
    }

    /**
     * A time event switches births off at t = 5: X(10) counts the births up to 5, Poisson with
     * mean 5 kb, less those that died (none: kd = 0 here), so its mean is 5 kb within
     * sqrt(5 kb / N) standard errors. Births after the event would raise it to 10 kb.
     */
    @ParameterizedTest
    @ValueSource(strings = { "ssa", "next-reaction" })
    void aTimeEventActsAtItsTime(String solver) throws Exception {
        double kb = 4;
        int n = 800;
        CompiledModel m = birthDeath(kb, 0, """
                <listOfEvents><event id="stop" useValuesFromTriggerTime="true">
                  <trigger initialValue="false" persistent="true"><math %s><apply><geq/><csymbol encoding="text"
                    definitionURL="http://www.sbml.org/sbml/symbols/time">time</csymbol><cn>5</cn></apply></math></trigger>
                  <listOfEventAssignments><eventAssignment variable="kb"><math %s><cn>0</cn></math></eventAssignment>
                  </listOfEventAssignments></event></listOfEvents>
                """.formatted(MATH, MATH));
        Ensemble e = Ensemble.run(m.newSimulation(), new double[] { 0, 5, 10 }, List.of(Output.of("X")),
                options(solver, 11), n, 2, () -> false);
        double mean = 5 * kb;
        assertEquals(mean, e.mean(2, 0), Z * Math.sqrt(mean / n));
        for (int r = 0; r < n; r++) {
            assertEquals(e.value(r, 1, 0), e.value(r, 2, 0), 0.0, "no births after the event");
        }
    }

    /**
     * An event on the state: when X reaches 10 it is set to 0 and the counter resets is raised by
     * one, so every reported X is below 10 and 10 resets + X counts all births, which are Poisson
     * with mean kb t. An assignment rule total = 10 resets + X is re-evaluated after every firing
     * and event, so it equals that sum in every row.
     */
    @ParameterizedTest
    @ValueSource(strings = { "ssa", "next-reaction" })
    void eventsAndRulesAsSbmlDefinesThem(String solver) throws Exception {
        double kb = 6;
        double t = 10;
        int n = 600;
        CompiledModel m = birthDeath(kb, 0, "<parameter id=\"resets\" value=\"0\" constant=\"false\"/>"
                + "<parameter id=\"total\" constant=\"false\"/>", """
                <listOfRules><assignmentRule variable="total"><math %1$s><apply><plus/><apply><times/><cn>10</cn>
                  <ci>resets</ci></apply><ci>X</ci></apply></math></assignmentRule></listOfRules>
                <listOfEvents><event id="empty" useValuesFromTriggerTime="true">
                  <trigger initialValue="false" persistent="true"><math %1$s><apply><geq/><ci>X</ci><cn>10</cn></apply></math></trigger>
                  <listOfEventAssignments><eventAssignment variable="X"><math %1$s><cn>0</cn></math></eventAssignment>
                  <eventAssignment variable="resets"><math %1$s><apply><plus/><ci>resets</ci><cn>1</cn></apply></math>
                  </eventAssignment></listOfEventAssignments></event></listOfEvents>
                """.formatted(MATH));
        double[] times = new double[21];
        for (int i = 0; i < times.length; i++) {
            times[i] = t * i / 20;
        }
        Ensemble e = Ensemble.run(m.newSimulation(), times, List.of(Output.of("X"), Output.of("resets"),
                Output.of("total")), options(solver, 3), n, 2, () -> false);
        double sum = 0;
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < times.length; i++) {
                double x = e.value(r, i, 0);
                assertTrue(x < 10, "X is emptied when it reaches 10: " + x);
                assertEquals(10 * e.value(r, i, 1) + x, e.value(r, i, 2), 0.0, "the rule follows every change");
            }
            sum += e.value(r, times.length - 1, 2);
        }
        double mean = kb * t;
        assertEquals(mean, sum / n, Z * Math.sqrt(mean / n), "all births counted");
    }

    @Test
    void timeDependentPropensitiesAreRefused() throws Exception {
        String time = "<csymbol encoding=\"text\" definitionURL=\"http://www.sbml.org/sbml/symbols/time\">time</csymbol>";
        CompiledModel m = Models.compile(Models.document(2, "timed", """
                <listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
                <listOfSpecies>%s</listOfSpecies>
                <listOfParameters><parameter id="k" constant="false"/></listOfParameters>
                <listOfRules><assignmentRule variable="k"><math %s>%s</math></assignmentRule></listOfRules>
                <listOfReactions>%s</listOfReactions>
                """.formatted(molecules("X", 0), MATH, time, reaction("birth", "", ref("X", 1), ci("k")))));
        SimulationException ex = assertThrows(SimulationException.class, () -> m.newSimulation().run(new double[] {
                0, 1 }, List.of(Output.of("X")), options("ssa", 1), () -> false));
        assertEquals(SimulationException.Kind.UNSUPPORTED, ex.kind());
        assertTrue(ex.getMessage().contains("'birth'") && ex.getMessage().contains("time"), ex.getMessage());
        // the same model runs deterministically
        m.newSimulation().run(new double[] { 0, 1 }, List.of(Output.of("X")), SolverOptions.defaults(), () -> false);
    }

    @Test
    void rateRulesAreRefused() throws Exception {
        CompiledModel m = birthDeath(1, 0.1, """
                <listOfRules><rateRule variable="kb"><math %s><cn>1</cn></math></rateRule></listOfRules>
                """.formatted(MATH));
        SimulationException ex = assertThrows(SimulationException.class, () -> m.newSimulation().run(new double[] {
                0, 1 }, List.of(Output.of("X")), options("next-reaction", 1), () -> false));
        assertEquals(SimulationException.Kind.UNSUPPORTED, ex.kind());
        assertTrue(ex.getMessage().contains("'kb'") && ex.getMessage().contains("rate rule"), ex.getMessage());
    }

    @Test
    void aNegativePropensityIsAnError() throws Exception {
        CompiledModel m = birthDeath(-1, 0.1, "");
        SimulationException ex = assertThrows(SimulationException.class, () -> m.newSimulation().run(new double[] {
                0, 1 }, List.of(Output.of("X")), options("ssa", 1), () -> false));
        assertEquals(SimulationException.Kind.INVALID_MODEL, ex.kind());
        assertTrue(ex.getMessage().contains("'birth'"), ex.getMessage());
    }

    @Test
    void aSteadyStateIsNotAskedOfAStochasticSolver() throws Exception {
        CompiledModel m = birthDeath(1, 0.1, "");
        SimulationException ex = assertThrows(SimulationException.class, () -> m.newSimulation().steadyState(
                List.of(Output.of("X")), options("ssa", 1), () -> false));
        assertEquals(SimulationException.Kind.UNSUPPORTED, ex.kind());
    }

    private static double[] column(TimeCourse tc) {
        double[] out = new double[tc.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = tc.value(i, 0);
        }
        return out;
    }
}
