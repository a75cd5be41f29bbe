package org.mtorworkbench.calibration.internal;

import java.util.function.BooleanSupplier;

import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.OptimizationData;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.MultivariateOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.mtorworkbench.calibration.FitFunction;
import org.mtorworkbench.calibration.FitPoint;
import org.mtorworkbench.calibration.Optimizer;
import org.mtorworkbench.calibration.OptimizerResult;
import org.mtorworkbench.calibration.OptimizerResult.Exit;
import org.mtorworkbench.calibration.OptimizerSettings;
import org.mtorworkbench.calibration.PetabException;

/**
 * The derivative-free fallbacks, from commons-math3: Powell's BOBYQA (bounds respected by the
 * method; at least 2 coordinates) and Nelder-Mead (bounds respected by evaluating at the point
 * moved into the box, and reporting that point). Points where the function is undefined take the
 * value {@link #UNDEFINED}. The best point evaluated is returned, also when cancelled or out of
 * evaluations.
 */
public abstract class DerivativeFree implements Optimizer {

    /** The value given to the methods where the function is undefined. */
    static final double UNDEFINED = 1e20;

    /** BOBYQA: a trust region on quadratic interpolation models of 2n + 1 points, initial radius 0.5. */
    public static final class Bobyqa extends DerivativeFree {

        public static final String ID = "bobyqa";

        @Override
        public String id() {
            return ID;
        }

        @Override
        public String description() {
            return "Powell's BOBYQA (commons-math3), derivative-free within bounds; needs at least 2 parameters";
        }

        @Override
        MultivariateOptimizer optimizer(LocalRun run, double[] start) {
            if (run.n < BOBYQAOptimizer.MINIMUM_PROBLEM_DIMENSION) {
                throw new IllegalArgumentException("bobyqa needs at least 2 parameters to estimate, the problem has "
                        + run.n + "; use nelder-mead");
            }
            double radius = 0.5;
            for (int j = 0; j < run.n; j++) {
                radius = Math.min(radius, 0.25 * (run.upper[j] - run.lower[j]));
            }
            return new BOBYQAOptimizer(2 * run.n + 1, radius, Math.min(1e-6, radius * 1e-3));
        }

        @Override
        OptimizationData bounds(LocalRun run) {
            return new SimpleBounds(run.lower, run.upper);
        }

        @Override
        Exit converged() {
            return Exit.STEP_TOLERANCE;
        }
    }

    /** Nelder-Mead: a simplex of edge 0.1 (or a tenth of a narrower box) on each coordinate. */
    public static final class NelderMead extends DerivativeFree {

        public static final String ID = "nelder-mead";

        @Override
        public String id() {
            return ID;
        }

        @Override
        public String description() {
            return "Nelder-Mead simplex (commons-math3), derivative-free; bounds by projection";
        }

        @Override
        MultivariateOptimizer optimizer(LocalRun run, double[] start) {
            return new SimplexOptimizer(run.settings.functionTolerance(), 1e-12);
        }

        @Override
        OptimizationData bounds(LocalRun run) {
            double[] steps = new double[run.n];
            for (int j = 0; j < run.n; j++) {
                steps[j] = Math.min(0.1, 0.1 * (run.upper[j] - run.lower[j]));
            }
            return new NelderMeadSimplex(steps);
        }

        @Override
        Exit converged() {
            return Exit.FUNCTION_TOLERANCE;
        }
    }

    /** Leaves the commons-math3 method when cancelled or on an error of the problem. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final PetabException error;

        Stop(PetabException error) {
            super(null, null, false, false);
            this.error = error;
        }
    }

    abstract MultivariateOptimizer optimizer(LocalRun run, double[] start);

    abstract OptimizationData bounds(LocalRun run);

    abstract Exit converged();

    @Override
    public boolean usesDerivatives() {
        return false;
    }

    @Override
    public OptimizerResult minimize(FitFunction f, double[] start, OptimizerSettings settings,
            BooleanSupplier cancelled) throws PetabException {
        LocalRun run = new LocalRun(f, settings, cancelled);
        double[] x0 = run.clip(start);
        double[][] best = {x0};
        double[] bestValue = {Double.POSITIVE_INFINITY};
        ObjectiveFunction objective = new ObjectiveFunction(point -> {
            if (run.cancelled()) {
                throw new Stop(null);
            }
            double[] x = run.clip(point);
            FitPoint p;
            try {
                p = run.eval(x, false);
            } catch (PetabException e) {
                throw new Stop(e);
            }
            double v = p == null ? UNDEFINED : p.value();
            if (v < bestValue[0]) {
                bestValue[0] = v;
                best[0] = x;
            }
            return v;
        });
        MultivariateOptimizer opt = optimizer(run, x0);
        Exit exit;
        try {
            opt.optimize(new MaxEval(settings.maxEvaluations()), new MaxIter(Integer.MAX_VALUE), objective,
                    GoalType.MINIMIZE, new InitialGuess(x0), bounds(run));
            exit = converged();
        } catch (TooManyEvaluationsException e) {
            exit = Exit.MAX_EVALUATIONS;
        } catch (Stop s) {
            if (s.error != null) {
                throw s.error;
            }
            exit = Exit.CANCELLED;
        }
        if (bestValue[0] >= UNDEFINED) {
            return run.result(x0, Double.POSITIVE_INFINITY, opt.getIterations(),
                    exit == Exit.CANCELLED ? exit : Exit.FAILED);
        }
        return run.result(best[0], bestValue[0], opt.getIterations(), exit);
    }
}
