package org.mtorworkbench.ui.views.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Heatmaps of a matrix (a combination's doses of drug A across and B up; a 2-D scan's two
 * parameters): one block per cell with its value written in it, and a colour bar. Responses
 * and readouts use a sequential scale; the Bliss excess a diverging one centred on zero
 * (blue antagonism, red synergy).
 */
public final class Heatmaps {

    private Heatmaps() {
    }

    /** @return the heatmap of a matrix, its values written in the blocks, with a colour bar */
    public static JFreeChart chart(Heat heat) {
        double[][] values = heat.values();
        int na = heat.xs().length;
        int nb = heat.ys().length;
        double[][] xyz = new double[3][na * nb];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        XYPlot plot = new XYPlot();
        for (int a = 0; a < na; a++) {
            for (int b = 0; b < nb; b++) {
                int k = a * nb + b;
                double v = values[a][b];
                xyz[0][k] = a;
                xyz[1][k] = b;
                xyz[2][k] = v;
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(heat.valueLabel(), xyz);
        PaintScale scale;
        if (heat.diverging()) {
            double m = Math.max(0.05, Math.max(Math.abs(lo), Math.abs(hi)));
            scale = new Diverging(-m, m);
        } else {
            scale = new Sequential(lo == hi ? lo - 1 : lo, lo == hi ? hi + 1 : hi);
        }
        // numbers in the blocks while they fit; a 2-D scan of many points shows colours only
        boolean numbers = na <= 16 && nb <= 16;
        for (int k = 0; numbers && k < xyz[2].length; k++) {
            double v = xyz[2][k];
            if (Double.isFinite(v)) {
                XYTextAnnotation t = new XYTextAnnotation(String.format(Locale.ROOT, heat.diverging() ? "%+.2f" : "%.3g",
                        v), xyz[0][k], xyz[1][k]);
                t.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
                Color c = (Color) scale.getPaint(v);
                // light text on dark blocks
                t.setPaint(0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue() < 128 ? Color.WHITE
                        : Color.BLACK);
                plot.addAnnotation(t);
            }
        }
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        plot.setDataset(data);
        plot.setRenderer(renderer);
        plot.setDomainAxis(valueAxis(heat.xLabel(), heat.xs()));
        plot.setRangeAxis(valueAxis(heat.yLabel(), heat.ys()));
        plot.setBackgroundPaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(heat.title(), new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, false);
        NumberAxis barAxis = new NumberAxis(heat.valueLabel());
        PaintScaleLegend legend = new PaintScaleLegend(scale, barAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(14);
        chart.addSubtitle(legend);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static SymbolAxis valueAxis(String label, double[] doses) {
        String[] names = new String[doses.length];
        for (int i = 0; i < doses.length; i++) {
            // three significant digits: a log-spaced axis has values like 0.464159
            names[i] = Numbers.format(Double.parseDouble(String.format(Locale.ROOT, "%.3g", doses[i])));
        }
        SymbolAxis axis = new SymbolAxis(label, names);
        axis.setGridBandsVisible(false);
        axis.setLowerMargin(0);
        axis.setUpperMargin(0);
        return axis;
    }

    /** White to dark blue. */
    private record Sequential(double getLowerBound, double getUpperBound) implements PaintScale {
        @Override
        public Paint getPaint(double value) {
            if (!Double.isFinite(value)) {
                return Color.LIGHT_GRAY;
            }
            double u = Math.max(0, Math.min(1, (value - getLowerBound) / (getUpperBound - getLowerBound)));
            return mix(new Color(0xf7fbff), new Color(0x08306b), u);
        }
    }

    /** Blue (negative) through white (zero) to red (positive); grey where there is no value. */
    private record Diverging(double getLowerBound, double getUpperBound) implements PaintScale {
        @Override
        public Paint getPaint(double value) {
            if (!Double.isFinite(value)) {
                return Color.LIGHT_GRAY;
            }
            double u = Math.max(-1, Math.min(1, value / getUpperBound));
            return u < 0 ? mix(Color.WHITE, new Color(0x2166ac), -u) : mix(Color.WHITE, new Color(0xb2182b), u);
        }
    }

    private static Color mix(Color from, Color to, double u) {
        return new Color((int) Math.round(from.getRed() + (to.getRed() - from.getRed()) * u),
                (int) Math.round(from.getGreen() + (to.getGreen() - from.getGreen()) * u),
                (int) Math.round(from.getBlue() + (to.getBlue() - from.getBlue()) * u));
    }
}
