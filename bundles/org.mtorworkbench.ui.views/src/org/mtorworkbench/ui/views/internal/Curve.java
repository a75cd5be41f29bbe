package org.mtorworkbench.ui.views.internal;

/**
 * One plotted series.
 *
 * @param name the legend entry
 * @param x horizontal values
 * @param y vertical values
 * @param markers drawn as points (measurements) rather than a line (a time course, a fit)
 */
public record Curve(String name, double[] x, double[] y, boolean markers) {

    public Curve {
        if (x.length != y.length) {
            throw new IllegalArgumentException("curve '" + name + "' has " + x.length + " x and " + y.length + " y");
        }
        x = x.clone();
        y = y.clone();
    }
}
