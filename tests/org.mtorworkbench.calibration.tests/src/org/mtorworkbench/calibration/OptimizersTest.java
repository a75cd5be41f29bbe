package org.mtorworkbench.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The optimiser services on analytic functions with known optima: Rosenbrock's function with a
 * bound active at the optimum and inside wide bounds, and a least-squares exponential curve fit.
 */
class OptimizersTest {

    /** Rosenbrock's function as least squares: r = (10 (y - x^2), 1 - x), value r.r / 2. */
    static FitFunction rosenbrock(double[] lower, double[] upper, AtomicInteger calls) {
        return FitFunction.of(lower, upper, (p, derivatives, cancelled) -> {
            calls.incrementAndGet();
            double x = p[0];
            double y = p[1];
            double[] r = {10 * (y - x * x), 1 - x};
            double[][] j = {{-20 * x, 10}, {-1, 0}};
            return FitPoint.leastSquares(r, derivatives ? j : null);
        });
    }

    /** y = A exp(-k t) + C at t = 0..9 from A = 2, k = 0.7, C = 0.3, exactly. */
    static FitFunction curve() {
        double[] t = new double[10];
        double[] y = new double[10];
        for (int i = 0; i < t.length; i++) {
            t[i] = i;
            y[i] = 2 * Math.exp(-0.7 * i) + 0.3;
        }
        return FitFunction.of(new double[] {0, 0.01, -5}, new double[] {10, 10, 5}, (p, derivatives, cancelled) -> {
            double[] r = new double[t.length];
            double[][] j = new double[t.length][];
            for (int i = 0; i < t.length; i++) {
                double e = Math.exp(-p[1] * t[i]);
                r[i] = p[0] * e + p[2] - y[i];
                j[i] = new double[] {e, -p[0] * t[i] * e, 1};
            }
            return FitPoint.leastSquares(r, derivatives ? j : null);
        });
    }

    private static Optimizer optimizer(String id) {
        return Optimizers.byId(id).orElseThrow(() -> new AssertionError("no optimiser " + id + " in " + Optimizers.ids()));
    }

    @Test
    void theProductsOptimisersAreServices() {
        List<String> ids = Optimizers.ids();
        assertTrue(ids.containsAll(List.of("trust-region-lm", "bfgs-box", "bobyqa", "nelder-mead")), ids.toString());
        assertEquals(Optimizers.DEFAULT, ids.get(0));
        assertTrue(optimizer("trust-region-lm").usesDerivatives());
        assertTrue(!optimizer("bobyqa").usesDerivatives());
    }

    @ParameterizedTest
    @ValueSource(strings = {"trust-region-lm", "bfgs-box", "bobyqa", "nelder-mead"})
    void rosenbrockWithTheBoundActiveAtTheOptimum(String id) throws Exception {
        // x <= 0.5 cuts off the free minimum (1, 1): the constrained one is (0.5, 0.25) with value 0.125
        AtomicInteger calls = new AtomicInteger();
        FitFunction f = rosenbrock(new double[] {-2, -1}, new double[] {0.5, 2}, calls);
        OptimizerSettings s = OptimizerSettings.defaults().withMaxIterations(2000).withMaxEvaluations(20000)
                .withFunctionTolerance(1e-14);
        OptimizerResult r = optimizer(id).minimize(f, new double[] {-1.2, 1}, s, () -> false);
        double tol = optimizer(id).usesDerivatives() ? 1e-6 : 1e-3;
        assertEquals(0.5, r.x()[0], tol, id + " " + r);
        assertEquals(0.25, r.x()[1], tol, id + " " + r);
        assertEquals(0.125, r.value(), tol, id + " " + r);
        assertEquals(calls.get(), r.evaluations(), id + " counts every evaluation");
        assertTrue(r.x()[0] <= 0.5, "stays within the bounds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"trust-region-lm", "bfgs-box", "bobyqa", "nelder-mead"})
    void rosenbrockInsideWideBounds(String id) throws Exception {
        FitFunction f = rosenbrock(new double[] {-5, -5}, new double[] {5, 5}, new AtomicInteger());
        OptimizerSettings s = OptimizerSettings.defaults().withMaxIterations(5000).withMaxEvaluations(20000)
                .withFunctionTolerance(1e-15).withGradientTolerance(1e-9);
        OptimizerResult r = optimizer(id).minimize(f, new double[] {-1.2, 1}, s, () -> false);
        double tol = optimizer(id).usesDerivatives() ? 1e-5 : 1e-3;
        assertArrayEquals(new double[] {1, 1}, r.x(), tol, id + " " + r);
        assertTrue(r.exit().converged(), id + " " + r.exit());
    }

    @ParameterizedTest
    @ValueSource(strings = {"trust-region-lm", "bfgs-box"})
    void aLeastSquaresCurveFitFindsTheGeneratingParameters(String id) throws Exception {
        OptimizerSettings s = OptimizerSettings.defaults().withMaxIterations(1000).withFunctionTolerance(1e-16)
                .withGradientTolerance(1e-12);
        OptimizerResult r = optimizer(id).minimize(curve(), new double[] {1, 2, 0}, s, () -> false);
        assertArrayEquals(new double[] {2, 0.7, 0.3}, r.x(), 1e-5, id + " " + r);
        assertEquals(0, r.value(), 1e-10);
    }

    @Test
    void aStartOutsideTheBoundsIsMovedIntoThem() throws Exception {
        FitFunction f = rosenbrock(new double[] {-2, -1}, new double[] {0.5, 2}, new AtomicInteger());
        OptimizerResult r = optimizer("trust-region-lm").minimize(f, new double[] {9, -9}, OptimizerSettings.defaults(),
                () -> false);
        assertEquals(0.5, r.x()[0], 1e-6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"trust-region-lm", "bfgs-box", "bobyqa", "nelder-mead"})
    void cancellingStopsAndReportsTheBestPointSoFar(String id) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        FitFunction f = rosenbrock(new double[] {-5, -5}, new double[] {5, 5}, calls);
        OptimizerResult r = optimizer(id).minimize(f, new double[] {-1.2, 1}, OptimizerSettings.defaults(),
                () -> calls.get() >= 5);
        assertEquals(OptimizerResult.Exit.CANCELLED, r.exit(), id);
        assertTrue(r.evaluations() <= 6, id + " " + r.evaluations());
        assertTrue(Double.isFinite(r.value()));
    }
}
