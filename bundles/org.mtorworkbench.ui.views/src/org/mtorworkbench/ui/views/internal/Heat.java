package org.mtorworkbench.ui.views.internal;

/**
 * A matrix to draw as a heatmap: one block per cell, its value written in it, a colour bar.
 *
 * @param title the chart's title
 * @param xLabel the horizontal axis (the first index of {@code values})
 * @param yLabel the vertical axis (the second index)
 * @param xs the values along x, shown as tick labels
 * @param ys the values along y
 * @param values the value of each cell [x][y]; NaN draws grey and no number
 * @param valueLabel the colour bar's label
 * @param diverging a scale centred on zero (blue negative, red positive) rather than white to blue
 */
public record Heat(String title, String xLabel, String yLabel, double[] xs, double[] ys, double[][] values,
        String valueLabel, boolean diverging) {

    public Heat {
        xs = xs.clone();
        ys = ys.clone();
        if (values.length != xs.length) {
            throw new IllegalArgumentException("heatmap '" + title + "': " + values.length + " columns for "
                    + xs.length + " x values");
        }
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != ys.length) {
                throw new IllegalArgumentException("heatmap '" + title + "': column " + i + " has " + values[i].length
                        + " values for " + ys.length + " y values");
            }
            copy[i] = values[i].clone();
        }
        values = copy;
    }
}
