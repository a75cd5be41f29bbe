package org.mtorworkbench.calibration;

import java.util.List;

/**
 * The objective at one parameter vector: the log-likelihood (higher is better; the noise
 * normalisation and the transformation Jacobians included, priors excluded, as PEtab and AMICI
 * define {@code llh}), chi2, and per measurement the simulated observable, sigma, the residual
 * and the measurement's log-likelihood term; when evaluated with a gradient, also the derivatives
 * of llh, of every residual and of every sigma with respect to the estimated parameters on their
 * parameter scales (in {@link PetabObjective#parameterIds()} order). Immutable.
 */
public final class ObjectiveValue {

    private final List<PetabMeasurement> measurements;
    private final double[] simulations;
    private final double[] sigmas;
    private final double[] residuals;
    private final double[] terms;
    private final double llh;
    private final double chi2;
    private final double[] gradient;
    private final double[][] residualJacobian;
    private final double[][] sigmaJacobian;

    ObjectiveValue(List<PetabMeasurement> measurements, double[] simulations, double[] sigmas, double[] residuals,
            double[] terms) {
        this(measurements, simulations, sigmas, residuals, terms, null, null, null);
    }

    ObjectiveValue(List<PetabMeasurement> measurements, double[] simulations, double[] sigmas, double[] residuals,
            double[] terms, double[] gradient, double[][] residualJacobian, double[][] sigmaJacobian) {
        this.gradient = gradient == null ? null : gradient.clone();
        this.residualJacobian = copy(residualJacobian);
        this.sigmaJacobian = copy(sigmaJacobian);
        this.measurements = measurements;
        this.simulations = simulations.clone();
        this.sigmas = sigmas.clone();
        this.residuals = residuals.clone();
        this.terms = terms.clone();
        double l = 0;
        double c = 0;
        for (int i = 0; i < terms.length; i++) {
            l += terms[i];
            c += residuals[i] * residuals[i];
        }
        this.llh = l;
        this.chi2 = c;
    }

    /** @return the log-likelihood, summed over the measurements */
    public double llh() {
        return llh;
    }

    /** @return the sum of squared residuals */
    public double chi2() {
        return chi2;
    }

    /** @return the measurements, in the problem's order (the index of every other accessor) */
    public List<PetabMeasurement> measurements() {
        return measurements;
    }

    public int size() {
        return simulations.length;
    }

    /** @return the simulated observable of measurement {@code i} (untransformed) */
    public double simulation(int i) {
        return simulations[i];
    }

    /** @return sigma of measurement {@code i}, on the observable's transformed scale */
    public double sigma(int i) {
        return sigmas[i];
    }

    /** @return (transformed simulation - transformed measurement) / sigma of measurement {@code i} */
    public double residual(int i) {
        return residuals[i];
    }

    /** @return the log-likelihood term of measurement {@code i} */
    public double logLikelihood(int i) {
        return terms[i];
    }

    public double[] simulations() {
        return simulations.clone();
    }

    public double[] residuals() {
        return residuals.clone();
    }

    /** @return a copy of this value with its derivatives on the parameter scale */
    ObjectiveValue withDerivatives(double[] gradient, double[][] residualJacobian, double[][] sigmaJacobian) {
        return new ObjectiveValue(measurements, simulations, sigmas, residuals, terms, gradient, residualJacobian,
                sigmaJacobian);
    }

    /**
     * @return d llh / d theta on the parameter scale, in the order of {@link PetabObjective#parameterIds()}, or
     *         null when the evaluation was not asked for derivatives
     */
    public double[] gradient() {
        return gradient == null ? null : gradient.clone();
    }

    /**
     * @return d residual(i) / d theta_j, [measurement][estimated parameter] (residual as in
     *         {@link #residual(int)}); null when the gradient was not evaluated
     */
    public double[][] residualJacobian() {
        return copy(residualJacobian);
    }

    /** @return d sigma(i) / d theta_j, [measurement][estimated parameter]; null when the gradient was not evaluated */
    public double[][] sigmaJacobian() {
        return copy(sigmaJacobian);
    }

    public double[] sigmas() {
        return sigmas.clone();
    }

    private static double[][] copy(double[][] m) {
        if (m == null) {
            return null;
        }
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
