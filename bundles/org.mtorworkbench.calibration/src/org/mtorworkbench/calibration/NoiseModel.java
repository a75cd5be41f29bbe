package org.mtorworkbench.calibration;

/**
 * How a measurement scatters about its observable: a normal or Laplace distribution on the linear,
 * natural-log or log10 scale of the observable. The log-likelihood includes the normalisation and
 * the Jacobian of the transformation, as PEtab and AMICI define it.
 */
public record NoiseModel(Distribution distribution, Transformation transformation) {

    /** The distribution of the transformed measurement about the transformed observable. */
    public enum Distribution {
        NORMAL, LAPLACE
    }

    /** The transformation applied to observable and measurement (PEtab {@code observableTransformation}). */
    public enum Transformation {
        LIN("lin"), LOG("log"), LOG10("log10");

        private final String id;

        Transformation(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public double apply(double x) {
            return switch (this) {
            case LIN -> x;
            case LOG -> Math.log(x);
            case LOG10 -> Math.log10(x);
            };
        }
    }

    public static final NoiseModel NORMAL = new NoiseModel(Distribution.NORMAL, Transformation.LIN);

    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final double LN10 = Math.log(10);

    /** @return the residual (transformed simulation minus transformed measurement, over sigma) */
    public double residual(double simulation, double measurement, double sigma) {
        return (transformation.apply(simulation) - transformation.apply(measurement)) / sigma;
    }

    /**
     * @return the log-likelihood of one measurement given the simulated observable and the noise
     *         parameter sigma (on the transformed scale)
     */
    public double logLikelihood(double simulation, double measurement, double sigma) {
        double r = residual(simulation, measurement, sigma);
        double jacobian = switch (transformation) {
        case LIN -> 0;
        case LOG -> Math.log(measurement);
        case LOG10 -> Math.log(measurement * LN10);
        };
        return switch (distribution) {
        case NORMAL -> -0.5 * LOG_2PI - Math.log(sigma) - jacobian - 0.5 * r * r;
        case LAPLACE -> -Math.log(2 * sigma) - jacobian - Math.abs(r);
        };
    }
}
