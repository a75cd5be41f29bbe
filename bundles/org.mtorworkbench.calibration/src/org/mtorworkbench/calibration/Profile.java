package org.mtorworkbench.calibration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.mtorworkbench.calibration.PetabException.Kind;
import org.mtorworkbench.calibration.internal.Parallel;

/**
 * Profile likelihoods: for one parameter, fixed at values stepping away from the best fit in both
 * directions, the other parameters re-optimised from the previous step's values; the profile's
 * 95% confidence interval is where it falls below {@code llh_best - chi2(0.95, 1) / 2}
 * ({@link #THRESHOLD} = 1.92), located by regula falsi to within {@link #CROSSING_TOLERANCE} in llh. The step adapts to
 * the profile's fall: each next step is the last one times {@code sqrt(target / drop)}, clamped to
 * [0.5, 2] times and to [1e-4, 0.2] of the box's width, with a target drop of 0.3 (about 6 steps
 * to the threshold on a quadratic profile). A direction ends when the threshold is crossed, the
 * bound is reached, or after {@link Settings#maxSteps()} steps.
 * <p>
 * Verdicts: {@link Verdict#IDENTIFIABLE} when both sides cross the threshold; otherwise
 * {@link Verdict#STRUCTURALLY_NON_IDENTIFIABLE} when the profile stays within
 * {@link #FLAT} of the best llh over everything explored (flat to the bounds, a numerical sign of
 * structural non-identifiability), else {@link Verdict#PRACTICALLY_NON_IDENTIFIABLE} (it rises
 * above the threshold on one side or both but the data do not bound it).
 */
public final class Profile {

    /** {@code chi2(0.95, 1) / 2}: the llh drop of a pointwise 95% confidence interval. */
    public static final double THRESHOLD = 1.920729410347062;

    /** How close to the threshold, in llh, an interval's end is located. */
    public static final double CROSSING_TOLERANCE = 1e-3;

    /** The largest drop below the best llh of a profile that counts as flat. */
    public static final double FLAT = 0.1;

    /** What a profile says about its parameter. */
    public enum Verdict {
        IDENTIFIABLE("identifiable"), PRACTICALLY_NON_IDENTIFIABLE("practically non-identifiable"),
        STRUCTURALLY_NON_IDENTIFIABLE("structurally non-identifiable (flat)");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        /** @return the words written to tables */
        public String text() {
            return text;
        }
    }

    /**
     * @param maxSteps the most steps in each direction
     * @param targetDrop the llh drop per step the step size adapts to
     */
    public record Settings(OptimizerSettings optimizer, int maxSteps, double targetDrop) {

        public Settings {
            if (maxSteps < 1 || !(targetDrop > 0)) {
                throw new IllegalArgumentException("maxSteps must be at least 1 and targetDrop positive");
            }
        }

        /** @return 40 steps per direction, target drop 0.3, default stopping of the re-optimisations */
        public static Settings defaults() {
            return new Settings(OptimizerSettings.defaults(), 40, 0.3);
        }
    }

    /**
     * One point of a profile.
     *
     * @param value the profiled parameter's value (parameter scale)
     * @param parameters all parameters there (the others re-optimised)
     */
    public record Point(double value, double llh, double[] parameters, OptimizerResult.Exit exit) {

        public Point {
            parameters = parameters.clone();
        }

        @Override
        public double[] parameters() {
            return parameters.clone();
        }
    }

    /**
     * The profile of one parameter.
     *
     * @param best the best fit's value of the parameter
     * @param points the profile, ascending in value, the best fit included
     * @param lower the interval's lower end, or {@code -Infinity} when the profile stays above the threshold
     *        to the lower bound (open)
     * @param upper the upper end, or {@code Infinity}
     */
    public record ParameterProfile(String id, double best, double bestLlh, List<Point> points, double lower,
            double upper, Verdict verdict) {

        public ParameterProfile {
            points = List.copyOf(points);
        }

        /** @return the highest llh on the profile (above {@code bestLlh} when it found a better fit) */
        public double maxLlh() {
            return points.stream().mapToDouble(Point::llh).filter(Double::isFinite).max().orElse(bestLlh);
        }
    }

    /** Reports each profile point as computed (from worker threads, one call at a time). */
    @FunctionalInterface
    public interface Progress {
        void point(String id, Point point);
    }

    /**
     * The result of {@link #run}.
     *
     * @param fit the local optimisation from the given start that the profiles start from
     */
    public record Result(List<String> parameterIds, double[] best, double bestLlh, OptimizerResult fit,
            List<ParameterProfile> profiles) {

        public Result {
            parameterIds = List.copyOf(parameterIds);
            best = best.clone();
            profiles = List.copyOf(profiles);
        }

        @Override
        public double[] best() {
            return best.clone();
        }
    }

    private Profile() {
    }

    /**
     * Optimises locally from {@code start}, then profiles the parameters {@code ids} (each on a
     * thread of the pool; the result does not depend on the thread count).
     *
     * @param start a start on the parameter scale (e.g. the best of a multi-start fit)
     * @param ids ids of estimated parameters to profile (all when empty)
     * @param threads worker threads (0: one per processor)
     * @throws PetabException for an id that is not estimated, or when the start cannot be evaluated
     */
    public static Result run(PetabObjective objective, double[] start, List<String> ids, Optimizer optimizer,
            Settings settings, int threads, Progress progress, BooleanSupplier cancelled) throws PetabException {
        List<String> all = objective.parameterIds();
        List<String> chosen = ids.isEmpty() ? all : ids;
        for (String id : chosen) {
            if (!all.contains(id)) {
                throw new PetabException(Kind.INVALID, objective.problem().yamlFile(), 0, "'" + id
                        + "' is not an estimated parameter of the problem; profile one of " + all);
            }
        }
        FitFunction f = PetabFit.function(objective);
        OptimizerResult fit = optimizer.minimize(f, start, settings.optimizer(), cancelled);
        if (!Double.isFinite(fit.value())) {
            throw new PetabException(Kind.NUMERICAL, objective.problem().yamlFile(), 0,
                    "the objective cannot be evaluated at the start of the profiles; start from another point (--from)");
        }
        double[] best = fit.x();
        double bestLlh = -fit.value();
        Object lock = new Object();
        Progress synced = progress == null ? null : (id, p) -> {
            synchronized (lock) {
                progress.point(id, p);
            }
        };
        List<Parallel.Task<ParameterProfile>> tasks = new ArrayList<>();
        for (String id : chosen) {
            int k = all.indexOf(id);
            tasks.add(() -> profile(f, best, bestLlh, fit.exit(), k, id, optimizer, settings, synced, cancelled));
        }
        List<ParameterProfile> out = Parallel.run(tasks, threads, "mtorwb-profile", objective.problem().yamlFile());
        return new Result(all, best, bestLlh, fit, out);
    }

    /**
     * The profile of coordinate {@code k} of a function {@code -llh}, from its optimum {@code best}.
     *
     * @param bestLlh {@code -f(best)}
     * @param bestExit how the optimisation that found {@code best} ended (the exit of its profile point)
     */
    public static ParameterProfile profile(FitFunction f, double[] best, double bestLlh, OptimizerResult.Exit bestExit,
            int k, String id, Optimizer optimizer, Settings settings, Progress progress, BooleanSupplier cancelled)
            throws PetabException {
        double[] lower = f.lowerBounds();
        double[] upper = f.upperBounds();
        List<Point> points = new ArrayList<>();
        points.add(new Point(best[k], bestLlh, best, bestExit));
        double threshold = bestLlh - THRESHOLD;
        double width = upper[k] - lower[k];
        double scale = Double.isFinite(width) ? width : Math.max(1, Math.abs(best[k]));
        double[] ends = new double[2];
        double minDrop = 0;
        for (int side = 0; side < 2; side++) {
            double dir = side == 0 ? -1 : 1;
            double bound = side == 0 ? lower[k] : upper[k];
            double h = 0.02 * scale;
            Point prev = points.get(0);
            double end = dir * Double.POSITIVE_INFINITY;
            for (int step = 0; step < settings.maxSteps() && !cancelled.getAsBoolean(); step++) {
                double v = prev.value + dir * h;
                boolean atBound = dir < 0 ? v <= bound : v >= bound;
                if (atBound) {
                    v = bound;
                }
                Point p = fixed(f, prev.parameters, k, v, optimizer, settings.optimizer(), cancelled);
                points.add(p);
                if (progress != null) {
                    progress.point(id, p);
                }
                if (Double.isFinite(p.llh)) {
                    minDrop = Math.max(minDrop, bestLlh - p.llh);
                }
                if (Double.isFinite(p.llh) && p.llh < threshold) {
                    end = crossing(f, prev, p, threshold, k, optimizer, settings.optimizer(), cancelled, points, id,
                            progress);
                    break;
                }
                if (atBound || !Double.isFinite(p.llh)) {
                    break;
                }
                double drop = Math.abs(prev.llh - p.llh);
                double factor = drop > 0 ? Math.sqrt(settings.targetDrop() / drop) : 2;
                h = Math.min(0.2 * scale, Math.max(1e-4 * scale, h * Math.min(2, Math.max(0.5, factor))));
                prev = p;
            }
            ends[side] = end;
        }
        points.sort(Comparator.comparingDouble(Point::value));
        Verdict verdict;
        if (Double.isFinite(ends[0]) && Double.isFinite(ends[1])) {
            verdict = Verdict.IDENTIFIABLE;
        } else if (minDrop < FLAT) {
            verdict = Verdict.STRUCTURALLY_NON_IDENTIFIABLE;
        } else {
            verdict = Verdict.PRACTICALLY_NON_IDENTIFIABLE;
        }
        return new ParameterProfile(id, best[k], bestLlh, points, ends[0], ends[1], verdict);
    }

    /**
     * Locates the threshold between the last point above it and the first below, by regula falsi on
     * {@code sqrt(llh_best - llh)}, which is linear in the parameter where the profile is quadratic (one
     * step then suffices), with the Illinois modification against one-sided convergence.
     */
    private static double crossing(FitFunction f, Point in, Point out, double threshold, int k, Optimizer optimizer,
            OptimizerSettings settings, BooleanSupplier cancelled, List<Point> points, String id, Progress progress)
            throws PetabException {
        double bestLlh = threshold + THRESHOLD;
        double target = Math.sqrt(THRESHOLD);
        Point a = in;
        Point b = out;
        double fa = Math.sqrt(Math.max(0, bestLlh - a.llh)) - target;
        double fb = Math.sqrt(Math.max(0, bestLlh - b.llh)) - target;
        int lastMoved = 0;
        for (int i = 0; i < 20 && !cancelled.getAsBoolean(); i++) {
            if (Math.abs(a.llh - threshold) < CROSSING_TOLERANCE) {
                return a.value;
            }
            if (Math.abs(b.llh - threshold) < CROSSING_TOLERANCE) {
                return b.value;
            }
            double v = a.value + fa / (fa - fb) * (b.value - a.value);
            Point p = fixed(f, a.parameters, k, v, optimizer, settings, cancelled);
            points.add(p);
            if (progress != null) {
                progress.point(id, p);
            }
            if (!Double.isFinite(p.llh)) {
                return v;
            }
            double fp = Math.sqrt(Math.max(0, bestLlh - p.llh)) - target;
            if (fp <= 0) {
                a = p;
                fa = fp;
                if (lastMoved < 0) {
                    fb /= 2;
                }
                lastMoved = -1;
            } else {
                b = p;
                fb = fp;
                if (lastMoved > 0) {
                    fa /= 2;
                }
                lastMoved = 1;
            }
        }
        return a.value + fa / (fa - fb) * (b.value - a.value);
    }

    /** The best llh with coordinate {@code k} fixed at {@code v}, the others optimised from {@code from}. */
    private static Point fixed(FitFunction f, double[] from, int k, double v, Optimizer optimizer,
            OptimizerSettings settings, BooleanSupplier cancelled) throws PetabException {
        FitFunction reduced = new FixedCoordinate(f, k, v);
        double[] start = FixedCoordinate.drop(from, k);
        OptimizerResult r = optimizer.minimize(reduced, start, settings, cancelled);
        double[] full = FixedCoordinate.insert(r.x(), k, v);
        return new Point(v, Double.isFinite(r.value()) ? -r.value() : Double.NaN, full, r.exit());
    }

    /** A function with one coordinate held at a value. */
    private static final class FixedCoordinate implements FitFunction {
        private final FitFunction f;
        private final int k;
        private final double v;

        FixedCoordinate(FitFunction f, int k, double v) {
            this.f = f;
            this.k = k;
            this.v = v;
        }

        static double[] drop(double[] x, int k) {
            double[] out = new double[x.length - 1];
            for (int j = 0, i = 0; j < x.length; j++) {
                if (j != k) {
                    out[i++] = x[j];
                }
            }
            return out;
        }

        static double[] insert(double[] x, int k, double v) {
            double[] out = new double[x.length + 1];
            for (int j = 0, i = 0; j < out.length; j++) {
                out[j] = j == k ? v : x[i++];
            }
            return out;
        }

        @Override
        public double[] lowerBounds() {
            return drop(f.lowerBounds(), k);
        }

        @Override
        public double[] upperBounds() {
            return drop(f.upperBounds(), k);
        }

        @Override
        public FitPoint evaluate(double[] x, boolean derivatives, BooleanSupplier cancelled) throws PetabException {
            FitPoint p = f.evaluate(insert(x, k, v), derivatives, cancelled);
            if (!derivatives) {
                return p;
            }
            double[] g = p.gradient() == null ? null : drop(p.gradient(), k);
            double[][] c = p.curvature();
            double[][] cr = null;
            if (c != null) {
                cr = new double[c.length - 1][];
                for (int j = 0, i = 0; j < c.length; j++) {
                    if (j != k) {
                        cr[i++] = drop(c[j], k);
                    }
                }
            }
            return new FitPoint(p.value(), g, cr);
        }
    }
}
