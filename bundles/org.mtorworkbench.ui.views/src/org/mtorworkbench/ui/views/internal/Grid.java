package org.mtorworkbench.ui.views.internal;

/**
 * A combination matrix to draw as heatmaps: the response per cell and the excess over
 * Bliss independence (positive: synergy).
 *
 * @param drugA the drug along the horizontal axis
 * @param drugB the drug along the vertical axis
 * @param dosesA doses of A, nM, 0 first
 * @param dosesB doses of B, nM, 0 first
 * @param response the readout [a][b]
 * @param excess the Bliss excess [a][b], NaN where a drug is given alone
 * @param score the mean Bliss excess and its classification, in words
 */
public record Grid(String drugA, String drugB, double[] dosesA, double[] dosesB, double[][] response,
        double[][] excess, String score) {
}
