package org.mtorworkbench.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtorworkbench.sbml.NumberText;

/**
 * Profile likelihoods against known intervals: linear regression through a PEtab problem (the
 * profile of a least-squares problem is exactly quadratic, so its interval is the analytic
 * {@code estimate +- sqrt(chi2(0.95,1)) * standard error}), a structurally non-identifiable product,
 * and an analytic function identifiable on one side only.
 */
class ProfileTest {

    @TempDir
    Path tmp;

    private static final double SIGMA = 0.1;
    private static final double Z = Math.sqrt(2 * Profile.THRESHOLD); // 1.959963984540054

    private static Optimizer lm() {
        return Optimizers.byId("trust-region-lm").orElseThrow();
    }

    @Test
    void linearRegressionIntervalsAreTheAnalyticOnes() throws Exception {
        double[] t = SmallProblems.times(10, 1);
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            y[i] = 0.5 * t[i] + 1 + SIGMA * Math.sin(2.1 * i + 0.4);
        }
        Path yaml = SmallProblems.write(tmp, SmallProblems.LINEAR, 0, new String[] {"a"}, "x + b",
                NumberText.format(SIGMA), "a\tlin\t-10\t10\t1\t1\nb\tlin\t-10\t10\t0\t1\n", t, ti -> y[(int) ti],
                "");
        PetabObjective objective = PetabObjective.create(PetabProblem.read(yaml), PetabObjective.defaultOptions());
        // ordinary least squares: the maximum likelihood estimate and its standard errors
        double tm = 0;
        double ym = 0;
        for (int i = 0; i < t.length; i++) {
            tm += t[i] / t.length;
            ym += y[i] / t.length;
        }
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < t.length; i++) {
            sxx += (t[i] - tm) * (t[i] - tm);
            sxy += (t[i] - tm) * (y[i] - ym);
        }
        double a = sxy / sxx;
        double b = ym - a * tm;
        double sea = SIGMA / Math.sqrt(sxx);
        double seb = SIGMA * Math.sqrt(1.0 / t.length + tm * tm / sxx);

        Profile.Result r = Profile.run(objective, objective.nominalParameters(), List.of(), lm(),
                Profile.Settings.defaults(), 2, null, () -> false);
        assertEquals(a, r.best()[0], 1e-6);
        assertEquals(b, r.best()[1], 1e-6);
        Profile.ParameterProfile pa = r.profiles().get(0);
        Profile.ParameterProfile pb = r.profiles().get(1);
        assertEquals("a", pa.id());
        assertEquals(a - Z * sea, pa.lower(), 2e-3 * sea);
        assertEquals(a + Z * sea, pa.upper(), 2e-3 * sea);
        assertEquals(b - Z * seb, pb.lower(), 2e-3 * seb);
        assertEquals(b + Z * seb, pb.upper(), 2e-3 * seb);
        assertEquals(Profile.Verdict.IDENTIFIABLE, pa.verdict());
        assertEquals(Profile.Verdict.IDENTIFIABLE, pb.verdict());
        // every profile point is a re-optimised b: on the exact line b = ym - a tm
        for (Profile.Point p : pa.points()) {
            assertEquals(ym - p.value() * tm, p.parameters()[1], 1e-5, "b at a = " + p.value());
            double expected = r.bestLlh() - 0.5 * Math.pow((p.value() - a) / sea, 2);
            assertEquals(expected, p.llh(), 1e-6, "quadratic profile at a = " + p.value());
        }
        assertTrue(pa.points().size() >= 5, "steps " + pa.points().size());
        String table = FitTables.intervals(objective.problem(), r);
        assertTrue(table.contains("\tidentifiable\n"), table);
    }

    @Test
    void aProductOfTwoParametersIsFlatAndStructurallyNonIdentifiable() throws Exception {
        Path yaml = SmallProblems.write(tmp, SmallProblems.LINEAR, 0, new String[] {"a"}, "c * x", "0.1",
                "a\tlog10\t0.1\t10\t2\t1\nc\tlog10\t0.1\t10\t0.5\t1\n", SmallProblems.times(6, 1), ti -> ti, "");
        PetabObjective objective = PetabObjective.create(PetabProblem.read(yaml), PetabObjective.defaultOptions());
        Profile.Result r = Profile.run(objective, objective.nominalParameters(), List.of("a"), lm(),
                Profile.Settings.defaults(), 1, null, () -> false);
        Profile.ParameterProfile p = r.profiles().get(0);
        assertEquals(Profile.Verdict.STRUCTURALLY_NON_IDENTIFIABLE, p.verdict());
        assertEquals(Double.NEGATIVE_INFINITY, p.lower());
        assertEquals(Double.POSITIVE_INFINITY, p.upper());
        assertEquals(-1, p.points().get(0).value(), 1e-12, "explored to the lower bound");
        assertEquals(1, p.points().get(p.points().size() - 1).value(), 1e-12, "and to the upper one");
    }

    @Test
    void aParameterBoundedOnOneSideOnlyIsPracticallyNonIdentifiable() throws Exception {
        // -llh = ((x0 - 1) / 0.2)^2 / 2 + 3 / (1 + exp(x1)): x0 identifiable with interval 1 +- 0.2 Z,
        // x1 rising to its best at the upper bound 5 and falling by 3 towards the lower one
        FitFunction f = FitFunction.of(new double[] {-5, -5}, new double[] {5, 5}, (x, derivatives, cancelled) -> {
            double u = (x[0] - 1) / 0.2;
            double e = Math.exp(x[1]);
            double v = 0.5 * u * u + 3 / (1 + e);
            if (!derivatives) {
                return FitPoint.of(v);
            }
            double g1 = -3 * e / ((1 + e) * (1 + e));
            return new FitPoint(v, new double[] {u / 0.2, g1}, new double[][] {{25, 0}, {0, g1 * g1 + 1e-3}});
        });
        double[] best = {1, 5};
        double bestLlh = -f.evaluate(best, false, () -> false).value();
        OptimizerResult.Exit exit = OptimizerResult.Exit.GRADIENT_TOLERANCE;
        Profile.ParameterProfile p0 = Profile.profile(f, best, bestLlh, exit, 0, "x0", lm(),
                Profile.Settings.defaults(), null, () -> false);
        assertEquals(1 - 0.2 * Z, p0.lower(), 1e-3);
        assertEquals(1 + 0.2 * Z, p0.upper(), 1e-3);
        assertEquals(Profile.Verdict.IDENTIFIABLE, p0.verdict());
        Profile.ParameterProfile p1 = Profile.profile(f, best, bestLlh, exit, 1, "x1", lm(),
                Profile.Settings.defaults(), null, () -> false);
        assertEquals(Profile.Verdict.PRACTICALLY_NON_IDENTIFIABLE, p1.verdict());
        assertEquals(Double.POSITIVE_INFINITY, p1.upper());
        // 3 / (1 + exp(x)) = 3 / (1 + e^5) + THRESHOLD
        double target = 3 / (1 + Math.exp(5)) + Profile.THRESHOLD;
        assertEquals(Math.log(3 / target - 1), p1.lower(), 3e-3, "1e-3 in llh at a slope of 0.69");
    }
}
