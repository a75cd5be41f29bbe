package org.mtorworkbench.simulation.internal;

import java.util.Arrays;

import org.mtorworkbench.simulation.extension.OdeSystem;

/** A run's right-hand side as the extension API shows it to integrators. */
final class RhsSystem implements OdeSystem {

    private final Rhs rhs;
    private final double[] scale;

    /** @param threshold the magnitude below which finite-difference perturbations are not scaled down */
    RhsSystem(Rhs rhs, double threshold) {
        this.rhs = rhs;
        this.scale = new double[rhs.n];
        Arrays.fill(scale, threshold);
    }

    Rhs rhs() {
        return rhs;
    }

    @Override
    public int dimension() {
        return rhs.n;
    }

    @Override
    public void derivatives(double t, double[] y, double[] dydt) {
        rhs.eval(t, y, dydt);
    }

    @Override
    public void jacobian(double t, double[] y, double[] f, double[] jacobian) {
        rhs.jacobian(t, y, f, scale, jacobian);
    }
}
