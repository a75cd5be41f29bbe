package org.mtorworkbench.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.calibration.NoiseModel.Distribution;
import org.mtorworkbench.calibration.NoiseModel.Transformation;

/**
 * The log-likelihood of one measurement, against the densities written out by hand: normal and
 * Laplace on the linear, log and log10 scales, with the Jacobian of the transformation (the
 * density of the measurement itself, as PEtab and AMICI define llh).
 */
class NoiseModelTest {

    private static final double Y = 2.0; // measurement
    private static final double M = 1.5; // simulation
    private static final double S = 0.3; // sigma

    @Test
    void normalOnEachScale() {
        assertEquals(Math.log(1 / Math.sqrt(2 * Math.PI * S * S) * Math.exp(-(Y - M) * (Y - M) / (2 * S * S))),
                new NoiseModel(Distribution.NORMAL, Transformation.LIN).logLikelihood(M, Y, S), 1e-13);
        double d = Math.log(Y) - Math.log(M);
        assertEquals(Math.log(1 / (Y * Math.sqrt(2 * Math.PI * S * S)) * Math.exp(-d * d / (2 * S * S))),
                new NoiseModel(Distribution.NORMAL, Transformation.LOG).logLikelihood(M, Y, S), 1e-13);
        double d10 = Math.log10(Y) - Math.log10(M);
        assertEquals(Math.log(1 / (Y * Math.log(10) * Math.sqrt(2 * Math.PI * S * S)) * Math.exp(-d10 * d10 / (2 * S * S))),
                new NoiseModel(Distribution.NORMAL, Transformation.LOG10).logLikelihood(M, Y, S), 1e-13);
    }

    @Test
    void laplaceOnEachScale() {
        assertEquals(Math.log(1 / (2 * S) * Math.exp(-Math.abs(Y - M) / S)),
                new NoiseModel(Distribution.LAPLACE, Transformation.LIN).logLikelihood(M, Y, S), 1e-13);
        double d = Math.log(Y) - Math.log(M);
        assertEquals(Math.log(1 / (2 * S * Y) * Math.exp(-Math.abs(d) / S)),
                new NoiseModel(Distribution.LAPLACE, Transformation.LOG).logLikelihood(M, Y, S), 1e-13);
        double d10 = Math.log10(Y) - Math.log10(M);
        assertEquals(Math.log(1 / (2 * S * Y * Math.log(10)) * Math.exp(-Math.abs(d10) / S)),
                new NoiseModel(Distribution.LAPLACE, Transformation.LOG10).logLikelihood(M, Y, S), 1e-13);
    }

    @Test
    void residualsAreOnTheTransformedScale() {
        assertEquals((M - Y) / S, NoiseModel.NORMAL.residual(M, Y, S), 1e-15);
        assertEquals((Math.log10(M) - Math.log10(Y)) / S,
                new NoiseModel(Distribution.LAPLACE, Transformation.LOG10).residual(M, Y, S), 1e-15);
    }

    @Test
    void parameterScalesRoundTrip() {
        for (ParameterScale s : ParameterScale.values()) {
            assertEquals(0.177219477727669, s.fromScale(s.toScale(0.177219477727669)), 1e-16);
        }
        assertEquals(-1, ParameterScale.LOG10.toScale(0.1), 1e-15);
        assertEquals(ParameterScale.LIN, ParameterScale.of(""));
    }
}
