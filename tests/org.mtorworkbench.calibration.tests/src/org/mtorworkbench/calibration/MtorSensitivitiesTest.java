package org.mtorworkbench.calibration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.network.BuiltinModels;
import org.mtorworkbench.simulation.CompiledModel;
import org.mtorworkbench.simulation.Output;
import org.mtorworkbench.simulation.Sensitivities;
import org.mtorworkbench.simulation.SensitivityResult;
import org.mtorworkbench.simulation.Simulation;
import org.mtorworkbench.simulation.Solver;
import org.mtorworkbench.simulation.SolverOptions;
import org.mtorworkbench.simulation.SteadyState;
import org.mtorworkbench.simulation.TimeCourse;

/**
 * Forward sensitivities on the built-in mTORC1/mTORC2 network against central differences of
 * whole runs at rtol 1e-11: a day's time course from the model's initial state and the steady
 * state (conserved moieties held), for the first parameters and a species' initial value.
 */
class MtorSensitivitiesTest {

    private static final SolverOptions TIGHT = SolverOptions.defaults().withSolver(Solver.BDF)
            .withRelativeTolerance(1e-11).withAbsoluteTolerance(1e-15);
    private static final SolverOptions DEFAULT = SolverOptions.defaults().withSolver(Solver.BDF)
            .withRelativeTolerance(1e-8).withAbsoluteTolerance(1e-12);

    private record Setup(CompiledModel model, List<String> ids, List<Output> outputs) {
    }

    private static Setup setup() throws Exception {
        CompiledModel m = CompiledModel.compile(BuiltinModels.open("builtin:mtor").orElseThrow());
        List<String> ids = new ArrayList<>(m.parameterIds().subList(0, 4));
        ids.add(m.speciesIds().get(0));
        List<Output> outs = m.speciesIds().subList(0, 6).stream().map(Output::of).toList();
        return new Setup(m, ids, outs);
    }

    @Test
    void aDaysTimeCourseMatchesDifferences() throws Exception {
        Setup st = setup();
        double[] times = { 30, 240, 1440 };
        Simulation base = st.model.newSimulation();
        SensitivityResult r = Sensitivities.ofValues(st.ids).timeCourse(base, times, st.outputs, DEFAULT, () -> false);
        TimeCourse at = base.run(new double[] { 0 }, st.ids.stream().map(Output::of).toList(), TIGHT, () -> false);
        List<String> bad = new ArrayList<>();
        for (int j = 0; j < st.ids.size(); j++) {
            String id = st.ids.get(j);
            double x = at.value(0, j);
            double h = 1e-5 * (x != 0 ? Math.abs(x) : 1);
            TimeCourse up = base.withValue(id, x + h).run(times, st.outputs, TIGHT, () -> false);
            TimeCourse down = base.withValue(id, x - h).run(times, st.outputs, TIGHT, () -> false);
            compare(r, up, down, h, j, id, times.length, bad);
        }
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    @Test
    void theSteadyStateMatchesDifferences() throws Exception {
        Setup st = setup();
        Simulation base = st.model.newSimulation();
        SensitivityResult r = Sensitivities.ofValues(st.ids).steadyState(base, st.outputs, DEFAULT, () -> false);
        TimeCourse at = base.run(new double[] { 0 }, st.ids.stream().map(Output::of).toList(), TIGHT, () -> false);
        List<String> bad = new ArrayList<>();
        for (int j = 0; j < st.ids.size(); j++) {
            String id = st.ids.get(j);
            double x = at.value(0, j);
            double h = 1e-4 * (x != 0 ? Math.abs(x) : 1);
            SteadyState up = base.withValue(id, x + h).steadyState(st.outputs, TIGHT, () -> false);
            SteadyState down = base.withValue(id, x - h).steadyState(st.outputs, TIGHT, () -> false);
            double scale = 0;
            for (int c = 0; c < st.outputs.size(); c++) {
                scale = Math.max(scale, Math.abs((up.value(c) - down.value(c)) / (2 * h)));
            }
            for (int c = 0; c < st.outputs.size(); c++) {
                double fd = (up.value(c) - down.value(c)) / (2 * h);
                double s = r.derivative(0, c, j);
                System.out.printf("steady state d %s / d %s: sensitivities %s, differences %s%n", st.outputs.get(c).id(),
                        id, s, fd);
                // 1e-6: the differences' noise (rtol 1e-11 over a step of 1e-4 of the value, about 1e-7), where
                // the steady state does not depend on the value at all (the initial amount of a species the
                // network makes and degrades, as RTK since the receptor's turnover)
                if (Math.abs(s - fd) > 1e-3 * Math.abs(fd) + 1e-5 * scale + 1e-6) {
                    bad.add("d " + st.outputs.get(c).id() + " / d " + id + ": " + s + " vs " + fd);
                }
            }
        }
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    private static void compare(SensitivityResult r, TimeCourse up, TimeCourse down, double h, int j, String id, int rows,
            List<String> bad) {
        int cols = r.values().columns().size();
        double scale = 0;
        for (int t = 0; t < rows; t++) {
            for (int c = 0; c < cols; c++) {
                scale = Math.max(scale, Math.abs((up.value(t, c) - down.value(t, c)) / (2 * h)));
            }
        }
        for (int t = 0; t < rows; t++) {
            for (int c = 0; c < cols; c++) {
                double fd = (up.value(t, c) - down.value(t, c)) / (2 * h);
                double s = r.derivative(t, c, j);
                System.out.printf("t=%s d %s / d %s: sensitivities %s, differences %s%n", r.time(t),
                        r.values().columns().get(c).id(), id, s, fd);
                if (Math.abs(s - fd) > 1e-3 * Math.abs(fd) + 1e-5 * scale) {
                    bad.add("t=" + r.time(t) + " d " + r.values().columns().get(c).id() + " / d " + id + ": " + s
                            + " vs " + fd);
                }
            }
        }
    }
}
