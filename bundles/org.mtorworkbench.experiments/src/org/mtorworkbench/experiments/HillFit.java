package org.mtorworkbench.experiments;

import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * A four-parameter logistic (Hill) fit of a dose-response curve:
 * {@code y = bottom + (top - bottom) / (1 + (dose / ic50)^hill)}, fitted on log10(dose)
 * with Levenberg-Marquardt; the untreated control (dose 0) enters as the curve's top. The confidence interval of the IC50 is ±1.96 standard errors of
 * log10(IC50), from the covariance at the optimum.
 *
 * @param bottom the response at infinite dose
 * @param top the response at zero dose
 * @param ic50 the dose (nM) halfway between top and bottom (IC50 for a falling curve, EC50 for a rising one)
 * @param hill the Hill slope
 * @param ic50Low lower 95% bound of the IC50
 * @param ic50High upper 95% bound of the IC50
 * @param rmse root mean square residual
 * @param converged whether the optimiser converged
 */
public record HillFit(double bottom, double top, double ic50, double hill, double ic50Low, double ic50High,
        double rmse, boolean converged) {

    /** @return the fitted response at a dose */
    public double predict(double dose) {
        if (dose <= 0) {
            return top;
        }
        return bottom + (top - bottom) / (1 + Math.pow(dose / ic50, hill));
    }

    /**
     * Fits doses (at least 4 positive; a zero dose counts as the top of the curve) and their responses.
     *
     * @throws IllegalArgumentException with fewer than 4 positive doses
     */
    public static HillFit fit(double[] doses, double[] responses) {
        int positive = 0;
        for (double d : doses) {
            if (d > 0) {
                positive++;
            }
        }
        if (positive < 4) {
            throw new IllegalArgumentException("a Hill fit needs at least 4 positive doses, got " + positive);
        }
        // log10 doses; a zero dose (the control) is kept as -infinity, where the curve equals top
        double[] x = new double[doses.length];
        double[] y = responses.clone();
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        double firstY = Double.NaN;
        double lastY = Double.NaN;
        for (int i = 0; i < doses.length; i++) {
            x[i] = doses[i] > 0 ? Math.log10(doses[i]) : Double.NEGATIVE_INFINITY;
            yMin = Math.min(yMin, y[i]);
            yMax = Math.max(yMax, y[i]);
            if (Double.isNaN(firstY)) {
                firstY = y[i];
            }
            lastY = y[i];
        }
        boolean falling = firstY >= lastY;
        double mid = (yMin + yMax) / 2;
        double logIc50 = Double.NaN;
        double lo = Double.NaN;
        double hi = Double.NaN;
        for (int i = 1; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(x[i - 1]) && (y[i - 1] - mid) * (y[i] - mid) <= 0) {
                logIc50 = (x[i - 1] + x[i]) / 2;
                break;
            }
        }
        for (double v : x) {
            if (Double.isFinite(v)) {
                lo = Double.isNaN(lo) ? v : Math.min(lo, v);
                hi = Double.isNaN(hi) ? v : Math.max(hi, v);
            }
        }
        if (Double.isNaN(logIc50)) {
            // the response is already past half at the lowest dose, or not yet at the highest
            logIc50 = Math.abs(y[y.length - 1] - mid) < Math.abs(y[0] - mid) ? hi : lo;
        }
        double[] start = { falling ? yMin : yMax, falling ? yMax : yMin, logIc50, 1.0 };
        final double[] xs = x;
        LeastSquaresBuilder b = new LeastSquaresBuilder().start(start).target(y).maxEvaluations(20_000)
                .maxIterations(20_000).model(p -> model(xs, p));
        try {
            LeastSquaresOptimizer.Optimum o = new LevenbergMarquardtOptimizer().optimize(b.build());
            double[] p = o.getPoint().toArray();
            // standard error of log10(IC50): the unscaled covariance times the residual variance
            int dof = y.length - 4;
            double se;
            try {
                se = dof > 0 ? o.getSigma(1e-14).getEntry(2) * o.getCost() / Math.sqrt(dof) : Double.NaN;
            } catch (RuntimeException singular) {
                se = Double.NaN;
            }
            double ic50 = Math.pow(10, p[2]);
            return new HillFit(p[0], p[1], ic50, p[3], Math.pow(10, p[2] - 1.96 * se), Math.pow(10, p[2] + 1.96 * se),
                    o.getRMS(), true);
        } catch (RuntimeException notConverged) {
            return new HillFit(start[0], start[1], Math.pow(10, start[2]), 1, Double.NaN, Double.NaN, Double.NaN,
                    false);
        }
    }

    private static Pair<RealVector, RealMatrix> model(double[] x, RealVector params) {
        double bottom = params.getEntry(0);
        double top = params.getEntry(1);
        double logIc50 = params.getEntry(2);
        double h = params.getEntry(3);
        double[] v = new double[x.length];
        double[][] j = new double[x.length][4];
        for (int i = 0; i < x.length; i++) {
            if (x[i] == Double.NEGATIVE_INFINITY) {
                v[i] = top;
                j[i][1] = 1;
                continue;
            }
            double u = Math.pow(10, h * (x[i] - logIc50));
            double d = 1 + u;
            v[i] = bottom + (top - bottom) / d;
            double dyDu = -(top - bottom) / (d * d);
            j[i][0] = 1 - 1 / d;
            j[i][1] = 1 / d;
            j[i][2] = dyDu * u * Math.log(10) * (-h);
            j[i][3] = dyDu * u * Math.log(10) * (x[i] - logIc50);
        }
        return new Pair<>(new ArrayRealVector(v, false), new Array2DRowRealMatrix(j, false));
    }
}
