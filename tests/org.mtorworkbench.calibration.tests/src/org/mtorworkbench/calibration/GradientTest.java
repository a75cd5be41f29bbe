package org.mtorworkbench.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mtorworkbench.tests.support.SharedData;

/**
 * The PEtab gradient from forward sensitivities against central differences of the objective on
 * the parameter scale, on the shared benchmark problems and on every SBML case of the PEtab test
 * suite (pre-equilibration among them), and of every residual. The differences are taken at
 * rtol 1e-11; the sensitivities run at the default options. A component agrees when within 1e-3
 * of its value or 1e-5 of the sum of its terms' magnitudes, sum over measurements of |d llh_i / d
 * theta|: at the nominal parameters (a fitted optimum) the gradient is the cancelling sum of
 * terms 1e3-1e5 times larger than it (Fujita's d llh / d init_AKT is -0.25 out of terms summing
 * to 5.3e3), so the integration's relative error of ~1e-7 in each term appears as 1e-3-1e-2 of
 * the sum. The benchmark problems are also compared away from the optimum, where the terms do
 * not cancel and the relative criterion decides. A component that disagrees is compared again
 * with steps 10 and 100 times longer: Brannmark's d llh / d log10(k1e), about 1e-8 (k1e = 1e-6 is
 * added to a rate of order 5e5), is below the objective's own error divided by the step.
 */
class GradientTest {

    /** The objective's options for the reference differences: tight enough that they resolve 1e-6. */
    private static final org.mtorworkbench.simulation.SolverOptions TIGHT = PetabObjective.defaultOptions()
            .withRelativeTolerance(1e-11).withAbsoluteTolerance(1e-15);

    /** @return a description of every component that disagrees, empty when all agree; prints the comparison */
    private static List<String> compare(String name, PetabObjective objective, PetabObjective reference, double[] theta,
            double step) throws Exception {
        ObjectiveValue v = objective.evaluate(theta, true, () -> false);
        double[] g = v.gradient();
        double[] fd = new double[theta.length];
        double[] termScale = new double[theta.length];
        double[][] fdResidual = new double[v.size()][theta.length];
        for (int k = 0; k < theta.length; k++) {
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[k] += step;
            down[k] -= step;
            ObjectiveValue a = reference.evaluate(up, () -> false);
            ObjectiveValue b = reference.evaluate(down, () -> false);
            fd[k] = (a.llh() - b.llh()) / (2 * step);
            for (int i = 0; i < v.size(); i++) {
                fdResidual[i][k] = (a.residual(i) - b.residual(i)) / (2 * step);
                termScale[k] += Math.abs(a.logLikelihood(i) - b.logLikelihood(i)) / (2 * step);
            }
        }
        List<String> bad = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        List<String> ids = objective.parameterIds();
        System.out.printf("%s: llh %s, %d parameters%n", name, v.llh(), ids.size());
        double worst = 0;
        for (int k = 0; k < theta.length; k++) {
            double diff = Math.abs(g[k] - fd[k]);
            double rel = diff / Math.max(Math.abs(fd[k]), 1e-300);
            boolean ok = diff <= 1e-3 * Math.abs(fd[k]) + 1e-5 * termScale[k];
            String note = "";
            // A component far below the objective's own error: the reference's noise (error / step) dominates
            // the quotient; longer steps (10 and 100 times) divide it down while smooth terms stay exact.
            double q = fd[k];
            for (double longer = 10 * step; !ok && longer <= 100 * step; longer *= 10) {
                double[] up = theta.clone();
                double[] down = theta.clone();
                up[k] += longer;
                down[k] -= longer;
                q = (reference.evaluate(up, () -> false).llh() - reference.evaluate(down, () -> false).llh())
                        / (2 * longer);
                ok = Math.abs(g[k] - q) <= 1e-3 * Math.abs(q) + 1e-5 * termScale[k];
                note = String.format(" (step %.0e: %s%s)", longer, q, ok ? ", agrees" : "");
            }
            if (!ok && Math.abs(g[k] - q) <= Math.abs(fd[k] - q)) {
                // Still apart, but by less than the references differ among themselves: not resolved by them.
                ok = true;
                unresolved.add(ids.get(k));
                note += " NOT RESOLVED by the differences: they spread by " + String.format("%.1e", Math.abs(fd[k] - q));
            }
            if (!unresolved.contains(ids.get(k))) {
                worst = Math.max(worst, Math.min(rel, diff / Math.max(termScale[k], 1e-300)));
            }
            System.out.printf("  %-28s sensitivities %-24s differences %-24s relative %.2e, to the terms %.2e%s%s%n",
                    ids.get(k), g[k], fd[k], rel, diff / Math.max(termScale[k], 1e-300), note, ok ? "" : "  DISAGREES");
            if (!ok) {
                bad.add(name + " d llh/d " + ids.get(k) + ": " + g[k] + " vs " + fd[k] + note);
            }
        }
        double[][] rj = v.residualJacobian();
        double rjScale = 0;
        for (double[] row : fdResidual) {
            for (double x : row) {
                rjScale = Math.max(rjScale, Math.abs(x));
            }
        }
        int rjBad = 0;
        for (int i = 0; i < v.size(); i++) {
            for (int k = 0; k < theta.length; k++) {
                if (Math.abs(rj[i][k] - fdResidual[i][k]) > 1e-3 * Math.abs(fdResidual[i][k]) + 1e-4 * rjScale) {
                    rjBad++;
                }
            }
        }
        System.out.printf("  worst relative disagreement %.2e; residual Jacobian: %d of %d entries disagree;"
                + " components not resolved by the differences: %s%n", worst, rjBad, v.size() * theta.length,
                unresolved);
        if (rjBad > 0) {
            bad.add(name + ": " + rjBad + " entries of the residual Jacobian disagree");
        }
        assertEquals(v.size(), v.sigmaJacobian().length);
        return bad;
    }

    private static void benchmark(String name) throws Exception {
        Path yaml = SharedData.require("models/petab/" + name + "/" + name + ".yaml");
        PetabProblem problem = PetabProblem.read(yaml);
        PetabObjective objective = PetabObjective.create(problem, PetabObjective.defaultOptions());
        PetabObjective reference = PetabObjective.create(problem, TIGHT);
        double[] nominal = objective.nominalParameters();
        List<String> bad = new ArrayList<>(compare(name + " at the nominal parameters", objective, reference, nominal, 1e-4));
        bad.addAll(compare(name + " away from them", objective, reference, away(objective, nominal), 1e-4));
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    /** The nominal parameters moved by 0.05 on log scales, 5% on the linear scale, alternately up and down. */
    private static double[] away(PetabObjective objective, double[] nominal) {
        double[] out = nominal.clone();
        List<String> ids = objective.parameterIds();
        for (int k = 0; k < out.length; k++) {
            double sign = k % 2 == 0 ? 1 : -1;
            out[k] = objective.problem().parameters().get(ids.get(k)).scale() == ParameterScale.LIN
                    ? (out[k] == 0 ? 0.05 : out[k] * (1 + 0.05 * sign)) : out[k] + 0.05 * sign;
        }
        return out;
    }

    @Test
    void brannmarkWithPreEquilibration() throws Exception {
        benchmark("Brannmark_JBC2010");
    }

    @Test
    void fiedler() throws Exception {
        benchmark("Fiedler_BMCSystBiol2016");
    }

    @Test
    void fujita() throws Exception {
        benchmark("Fujita_SciSignal2010");
    }

    @Test
    void smith() throws Exception {
        benchmark("Smith_BMCSystBiol2013");
    }

    @Test
    void withoutGradientNothingIsComputed() throws Exception {
        Path yaml = SharedData.require("models/petab/Fiedler_BMCSystBiol2016/Fiedler_BMCSystBiol2016.yaml");
        PetabObjective objective = PetabObjective.create(PetabProblem.read(yaml), PetabObjective.defaultOptions());
        ObjectiveValue plain = objective.evaluate(objective.nominalParameters(), false, () -> false);
        assertNull(plain.gradient());
        assertNull(plain.residualJacobian());
        assertNull(plain.sigmaJacobian());
        ObjectiveValue with = objective.evaluate(objective.nominalParameters(), true, () -> false);
        assertNotNull(with.gradient());
        // The objective itself is the same either way.
        assertEquals(plain.llh(), with.llh(), 1e-9 * Math.abs(plain.llh()));
    }

    @TestFactory
    List<DynamicTest> testSuiteVersion1() throws Exception {
        return suite("petab-test-suite/v1.0.0/sbml", java.util.Map.of());
    }

    @TestFactory
    List<DynamicTest> testSuiteVersion2() throws Exception {
        return suite("petab-test-suite/v2.0.0/sbml", PetabTestSuiteTest.KNOWN_V2_FAILURES);
    }

    private static List<DynamicTest> suite(String folder, java.util.Map<Integer, String> known) throws Exception {
        Path dir = SharedData.require(folder);
        List<DynamicTest> out = new ArrayList<>();
        try (Stream<Path> cases = Files.list(dir)) {
            for (Path c : cases.filter(Files::isDirectory).sorted().toList()) {
                String id = c.getFileName().toString();
                Path yaml = c.resolve("_" + id + ".yaml");
                out.add(DynamicTest.dynamicTest(id, () -> {
                    assumeTrue(!known.containsKey(Integer.parseInt(id)), "known failure of the objective itself: "
                            + known.get(Integer.parseInt(id)));
                    PetabProblem problem = PetabProblem.read(yaml);
                    PetabObjective objective = PetabObjective.create(problem, PetabObjective.defaultOptions());
                    assumeTrue(!objective.parameterIds().isEmpty(), "no estimated parameters");
                    List<String> bad = compare(folder + "/" + id, objective, PetabObjective.create(problem, TIGHT),
                            objective.nominalParameters(), 1e-5);
                    assertTrue(bad.isEmpty(), String.join("\n", bad));
                }));
            }
        }
        return out;
    }
}
