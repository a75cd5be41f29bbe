package org.mtorworkbench.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.simulation.extension.Integrator;
import org.mtorworkbench.simulation.extension.IntegratorSettings;
import org.mtorworkbench.simulation.extension.OdeSystem;
import org.mtorworkbench.simulation.extension.SolverProvider;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * Solvers come from {@link SolverProvider} services: the product's three, and one a test
 * registers (classical fixed-step Runge-Kutta, written here as an outside modeller would).
 */
class SolverServiceTest {

    private static final SolverOptions OPTIONS = SolverOptions.defaults().withRelativeTolerance(1e-8)
            .withAbsoluteTolerance(1e-12);

    /** Classical 4th-order Runge-Kutta with a fixed step, cubic Hermite interpolation between steps. */
    static final class Rk4 implements SolverProvider {
        private final double h;
        private final boolean backwards;

        Rk4(double h, boolean backwards) {
            this.h = h;
            this.backwards = backwards;
        }

        @Override
        public String id() {
            return backwards ? "TEST_BROKEN" : "TEST_RK4";
        }

        @Override
        public String kisaoId() {
            return "KISAO:0000032";
        }

        @Override
        public String description() {
            return "classical Runge-Kutta, fixed step " + h;
        }

        @Override
        public Integrator create(OdeSystem f, IntegratorSettings settings) {
            int n = f.dimension();
            return new Integrator() {
                double t;
                double tPrev;
                final double[] y = new double[n];
                final double[] yPrev = new double[n];
                final double[] dPrev = new double[n];
                final double[] d = new double[n];
                final double[] k1 = new double[n];
                final double[] k2 = new double[n];
                final double[] k3 = new double[n];
                final double[] k4 = new double[n];
                final double[] tmp = new double[n];
                long steps;

                @Override
                public void reset(double t0, double[] y0, double tEnd) {
                    t = t0;
                    tPrev = t0;
                    System.arraycopy(y0, 0, y, 0, n);
                    f.derivatives(t, y, d);
                }

                @Override
                public void step(double tStop) {
                    double hs = Math.min(h, tStop - t);
                    System.arraycopy(y, 0, yPrev, 0, n);
                    System.arraycopy(d, 0, dPrev, 0, n);
                    System.arraycopy(d, 0, k1, 0, n);
                    stage(k1, hs / 2, k2, t + hs / 2);
                    stage(k2, hs / 2, k3, t + hs / 2);
                    stage(k3, hs, k4, t + hs);
                    for (int i = 0; i < n; i++) {
                        y[i] += hs / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
                    }
                    tPrev = t;
                    t = backwards ? t - hs : t + hs;
                    f.derivatives(t, y, d);
                    steps++;
                }

                private void stage(double[] k, double c, double[] out, double ts) {
                    for (int i = 0; i < n; i++) {
                        tmp[i] = y[i] + c * k[i];
                    }
                    f.derivatives(ts, tmp, out);
                }

                @Override
                public void interpolate(double tq, double[] out) {
                    double hs = t - tPrev;
                    if (hs == 0) {
                        System.arraycopy(y, 0, out, 0, n);
                        return;
                    }
                    double s = (tq - tPrev) / hs;
                    double h00 = (1 + 2 * s) * (1 - s) * (1 - s);
                    double h10 = s * (1 - s) * (1 - s);
                    double h01 = s * s * (3 - 2 * s);
                    double h11 = s * s * (s - 1);
                    for (int i = 0; i < n; i++) {
                        out[i] = h00 * yPrev[i] + h10 * hs * dPrev[i] + h01 * y[i] + h11 * hs * d[i];
                    }
                }

                @Override
                public double time() {
                    return t;
                }

                @Override
                public double previousTime() {
                    return tPrev;
                }

                @Override
                public double[] state() {
                    return y;
                }

                @Override
                public long steps() {
                    return steps;
                }

                @Override
                public long rejectedSteps() {
                    return 0;
                }
            };
        }
    }

    private static ServiceRegistration<SolverProvider> register(SolverProvider p) {
        BundleContext ctx = FrameworkUtil.getBundle(Solver.class).getBundleContext();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("kisao", p.kisaoId());
        return ctx.registerService(SolverProvider.class, p, props);
    }

    @Test
    void theProductsOwnSolversAreServices() {
        List<String> ids = Solver.values().stream().map(Solver::name).toList();
        assertTrue(ids.containsAll(List.of("AUTO", "BDF", "DORMAND_PRINCE")), ids.toString());
        assertEquals(Solver.BDF, Solver.byName("kisao:0000288"));
        assertEquals(Solver.DORMAND_PRINCE, Solver.byName("dormand-prince"));
    }

    @Test
    void aContributedSolverRunsModelsWhileItsServiceIsRegistered() throws Exception {
        ServiceRegistration<SolverProvider> reg = register(new Rk4(1e-3, false));
        try {
            Solver rk4 = Solver.byName("test-rk4");
            assertNotNull(rk4, "the contributed solver is offered");
            assertEquals("KISAO:0000032", rk4.kisaoId());
            CompiledModel m = Models.compile(Models.decay("", "", ""));
            TimeCourse tc = m.newSimulation().run(4, 8, List.of("A", "B"), OPTIONS.withSolver(rk4));
            for (int i = 0; i < tc.size(); i++) {
                double a = Math.exp(-0.5 * tc.time(i));
                assertEquals(a, tc.value(i, 0), 1e-10, "A at " + tc.time(i));
                assertEquals(1 - a, tc.value(i, 1), 1e-10, "B at " + tc.time(i));
            }
            assertEquals(4000, tc.statistics().steps(), 2, "fixed steps of 1e-3 over 4 time units");
            // An event located on the contributed solver's interpolation: A is reset when it falls below 0.5.
            CompiledModel ev = Models.compile(Models.decay("", "", """
                    <listOfEvents><event id="e" useValuesFromTriggerTime="true"><trigger initialValue="false" persistent="true">
                    <math xmlns="http://www.w3.org/1998/Math/MathML"><apply><lt/><ci>A</ci><cn>0.5</cn></apply></math></trigger>
                    <listOfEventAssignments><eventAssignment variable="A"><math xmlns="http://www.w3.org/1998/Math/MathML"><cn>1</cn></math></eventAssignment></listOfEventAssignments>
                    </event></listOfEvents>"""));
            double tCross = 2 * Math.log(2);
            TimeCourse withEvent = ev.newSimulation().run(new double[] { 0, 1, tCross + 0.5 }, List.of(Output.of("A")),
                    OPTIONS.withSolver(rk4), () -> false);
            assertEquals(Math.exp(-0.5 * 0.5), withEvent.value(2, 0), 1e-8, "A after the reset at ln 4");
        } finally {
            reg.unregister();
        }
        assertNull(Solver.byName("test-rk4"), "the solver is gone with its service");
    }

    @Test
    void aFaultySolverEndsTheRunWithAClearError() throws Exception {
        ServiceRegistration<SolverProvider> reg = register(new Rk4(1e-2, true));
        try {
            CompiledModel m = Models.compile(Models.decay("", "", ""));
            SimulationException e = assertThrows(SimulationException.class,
                    () -> m.newSimulation().run(1, 1, List.of("A"), OPTIONS.withSolver(Solver.byName("TEST_BROKEN"))));
            assertEquals(SimulationException.Kind.CONVERGENCE_FAILURE, e.kind());
            assertTrue(e.getMessage().contains("never pass the stop time"), e.getMessage());
        } finally {
            reg.unregister();
        }
    }
}
