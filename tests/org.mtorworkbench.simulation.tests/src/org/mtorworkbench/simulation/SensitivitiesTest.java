package org.mtorworkbench.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Forward sensitivities against analytic solutions (exponential decay, a conserved cycle at
 * steady state, a pulse through a time switch, an event at a fixed time) and against central
 * differences of whole runs at tight tolerances (Michaelis-Menten, the pulse's decay rate).
 */
class SensitivitiesTest {

    private static final String TIME = "<csymbol encoding=\"text\" definitionURL=\"http://www.sbml.org/sbml/symbols/time\">t</csymbol>";
    private static final BooleanSupplierNever NEVER = new BooleanSupplierNever();

    private static final class BooleanSupplierNever implements java.util.function.BooleanSupplier {
        @Override
        public boolean getAsBoolean() {
            return false;
        }
    }

    private static SolverOptions tight() {
        return SolverOptions.defaults().withSolver(Solver.BDF).withRelativeTolerance(1e-10).withAbsoluteTolerance(1e-14);
    }

    private static void near(double expected, double actual, double rel, String what) {
        double tol = rel * Math.max(Math.abs(expected), 1e-12);
        assertTrue(Math.abs(expected - actual) <= tol, what + ": expected " + expected + ", got " + actual
                + " (relative difference " + Math.abs(expected - actual) / Math.max(Math.abs(expected), 1e-300) + ")");
    }

    /** A -> B at k*A (concentration A = exp(-k t)): dA/dk = -t exp(-k t), dA/dA0 = exp(-k t), dB/dk = t exp(-k t). */
    @Test
    void exponentialDecayMatchesTheAnalyticDerivatives() throws Exception {
        CompiledModel m = Models.compile(Models.decay("", "", ""));
        double[] times = { 0, 0.5, 1, 2, 4, 8 };
        SensitivityResult r = Sensitivities.ofValues(List.of("k", "A")).timeCourse(m.newSimulation(), times,
                List.of(Output.of("A"), Output.of("B")), tight(), NEVER);
        double k = 0.5;
        for (int i = 0; i < times.length; i++) {
            double t = times[i];
            double e = Math.exp(-k * t);
            near(e, r.value(i, 0), 1e-8, "A at " + t);
            if (t > 0) {
                near(-t * e, r.derivative(i, 0, 0), 1e-6, "dA/dk at " + t);
                near(t * e, r.derivative(i, 1, 0), 1e-6, "dB/dk at " + t);
            }
            near(e, r.derivative(i, 0, 1), 1e-6, "dA/dA0 at " + t);
            near(1 - e, r.derivative(i, 1, 1), 1e-6, "dB/dA0 at " + t);
        }
        // With the sensitivities in the error test the result is the same, to the tolerance.
        SensitivityResult c = Sensitivities.ofValues(List.of("k")).withErrorControl(true).timeCourse(
                m.newSimulation(), times, List.of(Output.of("A")), tight(), NEVER);
        near(-8 * Math.exp(-4), c.derivative(5, 0, 0), 1e-6, "dA/dk at 8 with error control");
    }

    /** An initial assignment A := a0 * 2: dA/da0 = 2 exp(-k t); a log-scale parameter theta = ln k: dA/dtheta = k dA/dk. */
    @Test
    void initialAssignmentsAndDirectionsAreFollowed() throws Exception {
        String ia = "<listOfInitialAssignments><initialAssignment symbol=\"A\"><math " + Models.MATH
                + "><apply><times/><ci>a0</ci><cn>2</cn></apply></math></initialAssignment></listOfInitialAssignments>";
        CompiledModel m = Models.compile(Models.decay("<parameter id=\"a0\" value=\"0.75\" constant=\"true\"/>", ia, ""));
        double k = 0.5;
        SensitivityParameter logK = new SensitivityParameter("log k", Map.of("k", k));
        SensitivityResult r = Sensitivities.of(List.of(SensitivityParameter.of("a0"), logK)).timeCourse(
                m.newSimulation(), new double[] { 0, 3 }, List.of(Output.of("A")), tight(), NEVER);
        near(1.5, r.value(0, 0), 1e-12, "A(0)");
        near(2, r.derivative(0, 0, 0), 1e-8, "dA(0)/da0");
        near(2 * Math.exp(-3 * k), r.derivative(1, 0, 0), 1e-6, "dA(3)/da0");
        near(k * -3 * 1.5 * Math.exp(-3 * k), r.derivative(1, 0, 1), 1e-6, "dA(3)/dlog k");
    }

    /** S -> P at Vmax S / (Km + S): sensitivities against central differences of whole runs. */
    @Test
    void michaelisMentenMatchesFiniteDifferences() throws Exception {
        CompiledModel m = oneReaction("mm", Models.species("S", 2) + Models.species("P", 0), "Vmax", 1.3, "Km", 0.4, false,
                "<apply><divide/><apply><times/><ci>Vmax</ci><ci>S</ci></apply><apply><plus/><ci>Km</ci><ci>S</ci></apply></apply>");
        List<String> ids = List.of("Vmax", "Km", "S");
        double[] times = { 0.5, 1, 2, 3 };
        SensitivityResult r = Sensitivities.ofValues(ids).timeCourse(m.newSimulation(), times, List.of(Output.of("S")),
                tight(), NEVER);
        Map<String, Double> base = Map.of("Vmax", 1.3, "Km", 0.4, "S", 2.0);
        for (int j = 0; j < ids.size(); j++) {
            double h = 1e-5 * base.get(ids.get(j));
            TimeCourse up = m.newSimulation().withValue(ids.get(j), base.get(ids.get(j)) + h)
                    .run(times, List.of(Output.of("S")), tight(), NEVER);
            TimeCourse down = m.newSimulation().withValue(ids.get(j), base.get(ids.get(j)) - h)
                    .run(times, List.of(Output.of("S")), tight(), NEVER);
            for (int i = 0; i < times.length; i++) {
                double fd = (up.value(i, 0) - down.value(i, 0)) / (2 * h);
                near(fd, r.derivative(i, 0, j), 1e-5, "dS/d" + ids.get(j) + " at " + times[i]);
            }
        }
    }

    /** The first species -> the second in compartment c of size 1, with two parameters and the kinetic law's MathML. */
    private static CompiledModel oneReaction(String id, String species, String p1, double v1, String p2, double v2,
            boolean reversible, String law) throws Exception {
        String[] sp = species.split("/>");
        String first = sp[0].replaceAll(".*id=\"([^\"]+)\".*", "$1");
        String second = sp[1].replaceAll(".*id=\"([^\"]+)\".*", "$1");
        return Models.compile(Models.document(2, id, "<listOfCompartments><compartment id=\"c\" size=\"1\" constant=\"true\"/>"
                + "</listOfCompartments><listOfSpecies>" + species + "</listOfSpecies><listOfParameters><parameter id=\"" + p1
                + "\" value=\"" + v1 + "\" constant=\"true\"/><parameter id=\"" + p2 + "\" value=\"" + v2
                + "\" constant=\"true\"/></listOfParameters><listOfReactions><reaction id=\"r\" reversible=\"" + reversible
                + "\"><listOfReactants><speciesReference species=\"" + first + "\" stoichiometry=\"1\" constant=\"true\"/>"
                + "</listOfReactants><listOfProducts><speciesReference species=\"" + second
                + "\" stoichiometry=\"1\" constant=\"true\"/></listOfProducts><kineticLaw><math " + Models.MATH + ">" + law
                + "</math></kineticLaw></reaction></listOfReactions>"));
    }

    /** A <-> B (kf A, kr B), total T = A0 + B0: A_ss = T kr/(kf+kr), dA_ss/dkf = -T kr/(kf+kr)^2, dA_ss/dA0 = kr/(kf+kr). */
    @Test
    void conservedCycleAtSteadyStateMatchesTheAnalyticDerivatives() throws Exception {
        CompiledModel m = oneReaction("cycle", Models.species("A", 3) + Models.species("B", 1), "kf", 2, "kr", 0.5, true,
                "<apply><minus/><apply><times/><ci>kf</ci><ci>A</ci></apply><apply><times/><ci>kr</ci><ci>B</ci></apply></apply>");
        SensitivityResult r = Sensitivities.ofValues(List.of("kf", "kr", "A")).steadyState(m.newSimulation(),
                List.of(Output.of("A"), Output.of("B")), tight(), NEVER);
        double kf = 2, kr = 0.5, total = 4, sum = kf + kr;
        near(total * kr / sum, r.value(0, 0), 1e-8, "A*");
        near(-total * kr / (sum * sum), r.derivative(0, 0, 0), 1e-6, "dA*/dkf");
        near(total * kf / (sum * sum), r.derivative(0, 0, 1), 1e-6, "dA*/dkr");
        near(kr / sum, r.derivative(0, 0, 2), 1e-6, "dA*/dA0");
        near(kf / sum, r.derivative(0, 1, 2), 1e-6, "dB*/dA0");
        assertTrue(Double.isInfinite(r.time(0)));
    }

    private static CompiledModel pulse(String events) throws Exception {
        return Models.compile(TimeSwitchTest.model(false, events));
    }

    /** X' = k pulse(t) - d X: X is linear in k (dX/dk = X/k), continuous across both switches; dX/dd against differences. */
    @Test
    void sensitivitiesStayContinuousThroughTimeSwitches() throws Exception {
        CompiledModel m = pulse("");
        double[] times = { 40, 50.5, 51.5, 52, 55 };
        SensitivityResult r = Sensitivities.ofValues(List.of("k", "d")).timeCourse(m.newSimulation(), times,
                List.of(Output.of("X")), tight(), NEVER);
        double h = 1e-5;
        TimeCourse up = m.newSimulation().withValue("d", 0.5 + h).run(times, List.of(Output.of("X")), tight(), NEVER);
        TimeCourse down = m.newSimulation().withValue("d", 0.5 - h).run(times, List.of(Output.of("X")), tight(), NEVER);
        for (int i = 0; i < times.length; i++) {
            near(r.value(i, 0), r.derivative(i, 0, 0), 1e-6, "dX/dk at " + times[i]);
            near((up.value(i, 0) - down.value(i, 0)) / (2 * h), r.derivative(i, 0, 1), 1e-5, "dX/dd at " + times[i]);
        }
        assertEquals(0, r.derivative(0, 0, 0), 0);
        // The switch times themselves: X = (k/d)(1 - e^{-d(t-on)}) in the pulse, (k/d)(e^{-d(t-off)} - e^{-d(t-on)}) after
        // it, so dX/don = -k e^{-d(t-on)} from the switch on, dX/doff = k e^{-d(t-off)} after it.
        SensitivityResult sw = Sensitivities.ofValues(List.of("t_on", "t_off")).timeCourse(m.newSimulation(), times,
                List.of(Output.of("X")), tight(), NEVER);
        double k = 1, d = 0.5, on = 50, off = 51.5;
        for (int i = 0; i < times.length; i++) {
            double t = times[i];
            if (t == off) {
                // At the switch time itself X has a kink in t_off (one-sided derivatives 1 and 0).
                continue;
            }
            double dOn = t < on ? 0 : -k * Math.exp(-d * (t - on));
            double dOff = t < off ? 0 : k * Math.exp(-d * (t - off));
            assertEquals(dOn, sw.derivative(i, 0, 0), 1e-6, "dX/dt_on at " + t);
            assertEquals(dOff, sw.derivative(i, 0, 1), 1e-6, "dX/dt_off at " + t);
        }
    }

    /** An event at time 60 sets X = 3 k: afterwards dX/dk = 3 exp(-d (t - 60)), dX/dd = -3 k (t - 60) exp(-d (t - 60)). */
    @Test
    void anEventAtAFixedTimeJumpsTheSensitivities() throws Exception {
        CompiledModel m = pulse("<listOfEvents><event id=\"reset\" useValuesFromTriggerTime=\"true\"><trigger initialValue=\"false\" persistent=\"true\"><math "
                + Models.MATH + "><apply><geq/>" + TIME + "<cn>60</cn></apply></math></trigger><listOfEventAssignments>"
                + "<eventAssignment variable=\"X\"><math " + Models.MATH + "><apply><times/><cn>3</cn><ci>k</ci></apply></math></eventAssignment>"
                + "</listOfEventAssignments></event></listOfEvents>");
        double[] times = { 59, 61, 64 };
        SensitivityResult r = Sensitivities.ofValues(List.of("k", "d")).timeCourse(m.newSimulation(), times,
                List.of(Output.of("X")), tight(), NEVER);
        near(r.value(0, 0), r.derivative(0, 0, 0), 1e-6, "dX/dk before the event");
        for (int i = 1; i < times.length; i++) {
            double e = Math.exp(-0.5 * (times[i] - 60));
            near(3 * e, r.value(i, 0), 1e-8, "X at " + times[i]);
            near(3 * e, r.derivative(i, 0, 0), 1e-6, "dX/dk at " + times[i]);
            near(-3 * (times[i] - 60) * e, r.derivative(i, 0, 1), 1e-6, "dX/dd at " + times[i]);
        }
    }

    /**
     * A -> B at k A from A = A0 = 1; the event "A < 1/2" sets A = 1 at tau = ln(2 A0) / k, so after it
     * A = exp(-k (t - tau)): dA/dk = A (-(t - tau) - ln 2 / k), dA/dA0 = A / A0 (the event time moves),
     * and B = A0 - 1/2 + 1 - A (what A lost before and after the event): dB/dk = -dA/dk, dB/dA0 = 1 - dA/dA0.
     */
    @Test
    void aStateTriggeredEventJumpsWithItsTimesDerivative() throws Exception {
        String event = "<listOfEvents><event id=\"refill\" useValuesFromTriggerTime=\"true\"><trigger initialValue=\"false\""
                + " persistent=\"true\"><math " + Models.MATH + "><apply><lt/><ci>A</ci><cn>0.5</cn></apply></math></trigger>"
                + "<listOfEventAssignments><eventAssignment variable=\"A\"><math " + Models.MATH + "><cn>1</cn></math>"
                + "</eventAssignment></listOfEventAssignments></event></listOfEvents>";
        CompiledModel m = Models.compile(Models.decay("", "", event));
        double k = 0.5;
        double tau = Math.log(2) / k;
        double[] times = { 1, 2, 2.5 };
        SensitivityResult r = Sensitivities.ofValues(List.of("k", "A")).timeCourse(m.newSimulation(), times,
                List.of(Output.of("A"), Output.of("B")), tight(), NEVER);
        near(-1 * Math.exp(-k), r.derivative(0, 0, 0), 1e-6, "dA/dk before the event");
        for (int i = 1; i < times.length; i++) {
            double t = times[i];
            double a = Math.exp(-k * (t - tau));
            near(a, r.value(i, 0), 1e-7, "A at " + t);
            near(a * (-(t - tau) - Math.log(2) / k), r.derivative(i, 0, 0), 1e-5, "dA/dk at " + t);
            near(-a * (-(t - tau) - Math.log(2) / k), r.derivative(i, 1, 0), 1e-5, "dB/dk at " + t);
            near(a, r.derivative(i, 0, 1), 1e-5, "dA/dA0 at " + t);
            near(1 - a, r.derivative(i, 1, 1), 1e-5, "dB/dA0 at " + t);
        }
    }

    /** The event "A < thr" sets A = a_new: sensitivities to thr, a_new and k against differences of whole runs. */
    @Test
    void aParameterisedStateEventMatchesDifferences() throws Exception {
        String event = "<listOfEvents><event id=\"refill\" useValuesFromTriggerTime=\"true\"><trigger initialValue=\"false\""
                + " persistent=\"true\"><math " + Models.MATH + "><apply><lt/><ci>A</ci><ci>thr</ci></apply></math></trigger>"
                + "<listOfEventAssignments><eventAssignment variable=\"A\"><math " + Models.MATH + "><apply><times/><ci>a_new</ci>"
                + "<ci>B</ci></apply></math></eventAssignment></listOfEventAssignments></event></listOfEvents>";
        CompiledModel m = Models.compile(Models.decay("<parameter id=\"thr\" value=\"0.4\" constant=\"true\"/>"
                + "<parameter id=\"a_new\" value=\"1.5\" constant=\"true\"/>", "", event));
        List<String> ids = List.of("thr", "a_new", "k");
        double[] base = { 0.4, 1.5, 0.5 };
        double[] times = { 1, 2.5, 3, 4 };
        List<Output> outs = List.of(Output.of("A"), Output.of("B"));
        SensitivityResult r = Sensitivities.ofValues(ids).timeCourse(m.newSimulation(), times, outs, tight(), NEVER);
        for (int j = 0; j < ids.size(); j++) {
            double h = 1e-6 * base[j];
            TimeCourse up = m.newSimulation().withValue(ids.get(j), base[j] + h).run(times, outs, tight(), NEVER);
            TimeCourse down = m.newSimulation().withValue(ids.get(j), base[j] - h).run(times, outs, tight(), NEVER);
            for (int i = 0; i < times.length; i++) {
                for (int c = 0; c < 2; c++) {
                    double fd = (up.value(i, c) - down.value(i, c)) / (2 * h);
                    assertEquals(fd, r.derivative(i, c, j), 1e-4 * Math.max(1, Math.abs(fd)),
                            "d" + outs.get(c).id() + "/d" + ids.get(j) + " at " + times[i]);
                }
            }
        }
    }
}
