package org.mtorworkbench.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-start fits of small PEtab problems whose data come from known parameters, their
 * reproducibility by seed and across thread counts, and the finite-difference derivatives.
 */
class MultiStartTest {

    @TempDir
    Path tmp;

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    @Test
    void aDecayFitRecoversTheGeneratingParameters() throws Exception {
        PetabObjective objective = PetabObjective.create(PetabProblem.read(SmallProblems.decay(tmp)),
                PetabObjective.defaultOptions());
        assertEquals(List.of("k", "A0"), objective.parameterIds());
        for (String id : List.of("trust-region-lm", "bfgs-box", "bobyqa")) {
            MultiStart.Result r = MultiStart.run(objective, Optimizers.byId(id).orElseThrow(),
                    MultiStart.Settings.of(4).withSeed(3).withThreads(2), null, () -> false);
            MultiStart.Start best = r.best();
            assertEquals(Math.log10(0.3), best.end()[0], 1e-4, id + " k");
            assertEquals(Math.log10(2), best.end()[1], 1e-4, id + " A0");
            // noise-free data: every residual is zero at the optimum
            assertEquals(21 * (-0.5 * LOG_2PI - Math.log(0.05)), best.llh(), 1e-5, id);
            assertEquals(4, r.starts().size());
            assertTrue(r.fractionWithin(0.1) > 0, id);
        }
    }

    @Test
    void startsAreReproducibleBySeedAndIdenticalForAnyThreadCount() throws Exception {
        PetabObjective objective = PetabObjective.create(PetabProblem.read(SmallProblems.decay(tmp)),
                PetabObjective.defaultOptions());
        Optimizer lm = Optimizers.byId("trust-region-lm").orElseThrow();
        MultiStart.Settings s = MultiStart.Settings.of(6).withSeed(11);
        List<Integer> order = new ArrayList<>();
        MultiStart.Result one = MultiStart.run(objective, lm, s.withThreads(1), (st, done, total) -> order.add(done),
                () -> false);
        MultiStart.Result two = MultiStart.run(objective, lm, s.withThreads(2), null, () -> false);
        assertEquals(List.of(1, 2, 3, 4, 5, 6), order, "progress counts every start");
        assertEquals(withoutTimes(FitTables.starts(one)), withoutTimes(FitTables.starts(two)));
        assertArrayEquals(objective.nominalParameters(), one.starts().get(0).start(), "start 0 is the nominal point");
        MultiStart.Result other = MultiStart.run(objective, lm, s.withSeed(12).withThreads(2), null, () -> false);
        assertNotEquals(one.starts().get(1).start()[0], other.starts().get(1).start()[0]);
    }

    private static String withoutTimes(String table) {
        StringBuilder b = new StringBuilder();
        for (String line : table.split("\n")) {
            String[] c = line.split("\t");
            c[c.length - 2] = "";
            b.append(String.join("\t", c)).append('\n');
        }
        return b.toString();
    }

    @Test
    void theLatinHypercubeHasOnePointInEveryStratumOfEveryCoordinate() {
        double[][] p = MultiStart.startPoints(new double[] {-3, 0}, new double[] {2, 10}, new double[] {5, 5}, 11, 7,
                true);
        assertArrayEquals(new double[] {2, 5}, p[0], "the nominal point, moved into the box");
        for (int j = 0; j < 2; j++) {
            boolean[] seen = new boolean[10];
            double lo = j == 0 ? -3 : 0;
            double width = j == 0 ? 5 : 10;
            for (int k = 1; k < 11; k++) {
                int stratum = (int) Math.floor((p[k][j] - lo) / width * 10);
                assertTrue(!seen[stratum], "stratum " + stratum + " twice");
                seen[stratum] = true;
            }
        }
        assertArrayEquals(p[5], MultiStart.startPoints(new double[] {-3, 0}, new double[] {2, 10},
                new double[] {5, 5}, 11, 7, true)[5]);
        assertThrows(IllegalArgumentException.class, () -> MultiStart.startPoints(new double[] {0},
                new double[] {Double.POSITIVE_INFINITY}, new double[] {1}, 3, 0, false));
    }

    @Test
    void withAnEstimatedSigmaTheFitIsTheMaximumLikelihoodOne() throws Exception {
        // deterministic "noise" of about 0.02; at the maximum likelihood sigma^2 is the mean squared residual
        double[] e = new double[21];
        for (int i = 0; i < e.length; i++) {
            e[i] = 0.02 * Math.sin(1.7 * i + 0.3);
        }
        Path yaml = SmallProblems.write(tmp, SmallProblems.DECAY, 1, new String[] {"k"}, "A0 * x",
                "noiseParameter1_obs", "k\tlog10\t0.001\t100\t1\t1\nA0\tlog10\t0.01\t100\t1\t1\n"
                        + "sigma\tlog10\t0.0001\t10\t0.5\t1\n",
                SmallProblems.times(21, 0.5), t -> 2 * Math.exp(-0.3 * t) + e[(int) Math.round(t * 2)], "sigma");
        PetabObjective objective = PetabObjective.create(PetabProblem.read(yaml), PetabObjective.defaultOptions());
        MultiStart.Result r = MultiStart.run(objective, Optimizers.byId("trust-region-lm").orElseThrow(),
                MultiStart.Settings.of(3).withSeed(1).withThreads(2), null, () -> false);
        double[] best = r.best().end();
        ObjectiveValue v = objective.evaluate(best, () -> false);
        double sigma = Math.pow(10, best[2]);
        double ms = 0;
        for (int i = 0; i < v.size(); i++) {
            double raw = v.residual(i) * sigma;
            ms += raw * raw / v.size();
        }
        assertEquals(Math.sqrt(ms), sigma, 1e-4 * sigma, "sigma at the maximum likelihood");
        assertEquals(0.3, Math.pow(10, best[0]), 0.01);
        assertEquals(2, Math.pow(10, best[1]), 0.05);
    }

    @Test
    void finiteDifferencesMatchTheAnalyticDerivativesOfTheDecay() throws Exception {
        PetabObjective objective = PetabObjective.create(PetabProblem.read(SmallProblems.decay(tmp)),
                PetabObjective.defaultOptions());
        double lk = Math.log10(0.5);
        double la = Math.log10(1.5);
        ObjectiveValue v = objective.evaluate(new double[] {lk, la}, true, () -> false);
        double k = 0.5;
        double a0 = 1.5;
        double ln10 = Math.log(10);
        double[] g = new double[2];
        double[][] dr = v.residualJacobian();
        for (int i = 0; i < v.size(); i++) {
            double t = i * 0.5;
            double y = a0 * Math.exp(-k * t);
            double r = (y - 2 * Math.exp(-0.3 * t)) / 0.05;
            double drk = -t * y * k * ln10 / 0.05; // d r / d log10 k
            double dra = y * ln10 / 0.05; // d r / d log10 A0
            assertEquals(r, v.residual(i), 1e-6 * (1 + Math.abs(r)));
            assertEquals(drk, dr[i][0], 1e-4 * (1 + Math.abs(drk)), "d r_" + i + " / d log10 k");
            assertEquals(dra, dr[i][1], 1e-4 * (1 + Math.abs(dra)), "d r_" + i + " / d log10 A0");
            assertEquals(0, v.sigmaJacobian()[i][0]);
            g[0] -= r * drk;
            g[1] -= r * dra;
        }
        assertArrayEquals(g, v.gradient(), 1e-4 * (Math.abs(g[0]) + Math.abs(g[1])));
        assertEquals(null, objective.evaluate(new double[] {lk, la}, false, () -> false).gradient());
    }

    @Test
    void theBestParametersReadBackAsTheFittedValues() throws Exception {
        PetabProblem problem = PetabProblem.read(SmallProblems.decay(tmp));
        PetabObjective objective = PetabObjective.create(problem, PetabObjective.defaultOptions());
        MultiStart.Result r = MultiStart.run(objective, Optimizers.byId("trust-region-lm").orElseThrow(),
                MultiStart.Settings.of(2).withThreads(1), null, () -> false);
        Path file = tmp.resolve("best_parameters.tsv");
        FitTables.write(FitTables.parameters(problem, r.parameterIds(), r.best().end()), file);
        Map<String, Double> values = ParameterValues.read(file);
        assertEquals(Math.pow(10, r.best().end()[0]), values.get("k"));
        assertEquals(r.best().llh(), objective.evaluate(values, () -> false).llh(), 1e-9);
        String starts = FitTables.starts(r);
        assertTrue(starts.startsWith("start\tstart:k\tstart:A0\tend:k\tend:A0\tllh\titerations\tevaluations\tgradients"
                + "\tseconds\texit\n"), starts);
        assertEquals(3, starts.lines().count());
        assertTrue(Files.readString(file).startsWith("parameterId\tparameterName\tparameterScale\tlowerBound"));
    }

    @Test
    void cancellingEndsTheRunningStartsAndSkipsTheRest() throws Exception {
        PetabObjective objective = PetabObjective.create(PetabProblem.read(SmallProblems.decay(tmp)),
                PetabObjective.defaultOptions());
        java.util.concurrent.atomic.AtomicBoolean cancel = new java.util.concurrent.atomic.AtomicBoolean();
        MultiStart.Result r = MultiStart.run(objective, Optimizers.byId("trust-region-lm").orElseThrow(),
                MultiStart.Settings.of(5).withThreads(1), (s, done, total) -> cancel.set(true), cancel::get);
        assertEquals(5, r.starts().size());
        assertTrue(r.starts().get(0).exit().converged(), r.starts().get(0).exit().id());
        for (MultiStart.Start s : r.starts().subList(1, 5)) {
            assertEquals(OptimizerResult.Exit.CANCELLED, s.exit());
            assertEquals(0, s.evaluations(), "not begun");
            assertArrayEquals(s.start(), s.end());
        }
        assertEquals(0, r.best().index());
    }

    @Test
    void unboundedParametersAreRefusedWithTheirName() throws Exception {
        Path yaml = SmallProblems.write(tmp, SmallProblems.DECAY, 1, new String[] {"k"}, "A0 * x", "0.05",
                "k\tlin\t\t\t1\t1\nA0\tlog10\t0.01\t100\t1\t1\n", SmallProblems.times(3, 1), t -> 1, "");
        PetabObjective objective = PetabObjective.create(PetabProblem.read(yaml), PetabObjective.defaultOptions());
        PetabException e = assertThrows(PetabException.class, () -> MultiStart.run(objective,
                Optimizers.byId("trust-region-lm").orElseThrow(), MultiStart.Settings.of(2), null, () -> false));
        assertTrue(e.getMessage().contains("'k' has no finite bounds"), e.getMessage());
    }
}
