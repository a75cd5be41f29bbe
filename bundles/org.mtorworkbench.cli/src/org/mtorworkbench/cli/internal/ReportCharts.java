package org.mtorworkbench.cli.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.mtorworkbench.experiments.Table;

/**
 * Charts of experiment results drawn without a display (JFreeChart on Java2D): line charts
 * of curves and heatmaps of combination matrices, written as SVG (JFreeSVG) and PNG.
 */
final class ReportCharts {

    /** Chart size in pixels (PNG) or user units (SVG). */
    static final int WIDTH = 720;
    static final int HEIGHT = 440;

    private static final Color[] COLOURS = { new Color(0x1b5e9b), new Color(0xc0392b), new Color(0x2e8b3e),
            new Color(0xe08a1e), new Color(0x7b4fa0), new Color(0x6d4c41), new Color(0xd0569a), new Color(0x11929b) };
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    /**
     * One curve.
     *
     * @param name the legend entry
     * @param x horizontal values
     * @param y vertical values (non-finite values are left out)
     * @param markers points rather than a line
     * @param colour index into the palette (a fit shares its data's colour)
     */
    record Curve(String name, double[] x, double[] y, boolean markers, int colour) {
    }

    private ReportCharts() {
    }

    /** A line chart; a log horizontal axis leaves out points at x <= 0. */
    static JFreeChart lines(String title, String xLabel, String yLabel, boolean logX, List<Curve> curves) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        for (Curve c : curves) {
            XYSeries s = new XYSeries(c.name(), false, true);
            for (int i = 0; i < c.x().length; i++) {
                if ((!logX || c.x()[i] > 0) && Double.isFinite(c.y()[i])) {
                    s.add(c.x()[i], c.y()[i]);
                }
            }
            int k = data.getSeriesCount();
            data.addSeries(s);
            renderer.setSeriesPaint(k, COLOURS[c.colour() % COLOURS.length]);
            renderer.setSeriesLinesVisible(k, !c.markers());
            renderer.setSeriesShapesVisible(k, c.markers());
            renderer.setSeriesShape(k, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            renderer.setSeriesStroke(k, new BasicStroke(c.markers() ? 1f : 2f));
            renderer.setSeriesVisibleInLegend(k, c.markers() || curves.stream().noneMatch(
                    o -> o != c && o.colour() == c.colour() && o.markers()));
        }
        ValueAxis x;
        if (logX) {
            LogAxis a = new LogAxis(xLabel);
            a.setBase(10);
            a.setSmallestValue(1e-9);
            x = a;
        } else {
            x = new NumberAxis(xLabel);
        }
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * A heatmap of a matrix: drug A's doses across, drug B's up, each cell's value written in it.
     *
     * @param values [a][b]; non-finite cells are grey
     * @param diverging a blue-white-red scale centred on zero (else white to dark blue)
     */
    static JFreeChart heatmap(String title, String labelA, double[] dosesA, String labelB, double[] dosesB,
            double[][] values, boolean diverging, String barLabel) {
        int na = dosesA.length;
        int nb = dosesB.length;
        double[][] xyz = new double[3][na * nb];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < na; a++) {
            for (int b = 0; b < nb; b++) {
                int k = a * nb + b;
                xyz[0][k] = a;
                xyz[1][k] = b;
                xyz[2][k] = values[a][b];
                if (Double.isFinite(values[a][b])) {
                    lo = Math.min(lo, values[a][b]);
                    hi = Math.max(hi, values[a][b]);
                }
            }
        }
        if (!(lo <= hi)) {
            lo = 0;
            hi = 1;
        }
        PaintScale scale = diverging ? new Scale(-Math.max(0.05, Math.max(-lo, hi)), Math.max(0.05, Math.max(-lo, hi)),
                true) : new Scale(lo, hi > lo ? hi : lo + 1, false);
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(barLabel, xyz);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, doseAxis(labelA, dosesA), doseAxis(labelB, dosesB), renderer);
        plot.setBackgroundPaint(Color.LIGHT_GRAY);
        for (int k = 0; k < xyz[2].length; k++) {
            double v = xyz[2][k];
            if (Double.isFinite(v)) {
                XYTextAnnotation t = new XYTextAnnotation(String.format(Locale.ROOT, diverging ? "%+.2f" : "%.2f", v),
                        xyz[0][k], xyz[1][k]);
                t.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
                Color c = (Color) scale.getPaint(v);
                t.setPaint(c.getRed() * 0.3 + c.getGreen() * 0.59 + c.getBlue() * 0.11 < 120 ? Color.WHITE : Color.BLACK);
                plot.addAnnotation(t);
            }
        }
        JFreeChart chart = new JFreeChart(title, TITLE, plot, false);
        PaintScaleLegend legend = new PaintScaleLegend(scale, new NumberAxis(barLabel));
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(14);
        chart.addSubtitle(legend);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static SymbolAxis doseAxis(String label, double[] doses) {
        String[] names = new String[doses.length];
        for (int i = 0; i < doses.length; i++) {
            names[i] = Table.number(doses[i]);
        }
        SymbolAxis axis = new SymbolAxis(label, names);
        axis.setGridBandsVisible(false);
        axis.setLowerMargin(0);
        axis.setUpperMargin(0);
        return axis;
    }

    /** A colour scale from white to dark blue, or from blue through white to red around zero. */
    private record Scale(double getLowerBound, double getUpperBound, boolean diverging) implements PaintScale {
        @Override
        public Paint getPaint(double value) {
            if (!Double.isFinite(value)) {
                return Color.LIGHT_GRAY;
            }
            if (diverging) {
                double u = Math.max(-1, Math.min(1, value / getUpperBound));
                return u < 0 ? blend(Color.WHITE, new Color(0x2c5fa8), -u) : blend(Color.WHITE, new Color(0xb0202e), u);
            }
            double u = Math.max(0, Math.min(1, (value - getLowerBound) / (getUpperBound - getLowerBound)));
            return blend(new Color(0xf4f8fc), new Color(0x0b2f66), u);
        }

        private static Color blend(Color a, Color b, double u) {
            return new Color((int) Math.round(a.getRed() * (1 - u) + b.getRed() * u),
                    (int) Math.round(a.getGreen() * (1 - u) + b.getGreen() * u),
                    (int) Math.round(a.getBlue() * (1 - u) + b.getBlue() * u));
        }
    }

    /** Writes {@code name.svg} and {@code name.png} into {@code dir}, each atomically. */
    static void write(JFreeChart chart, Path dir, String name) throws IOException {
        SVGGraphics2D svg = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(svg, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        byte[] svgBytes = svg.getSVGDocument().getBytes(StandardCharsets.UTF_8);
        atomically(dir.resolve(name + ".svg"), out -> out.write(svgBytes));
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        } finally {
            g.dispose();
        }
        atomically(dir.resolve(name + ".png"), out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer is available in this Java runtime");
            }
        });
    }

    /** Something that writes a file's bytes. */
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Writes to a temporary file beside {@code file}, then moves it over {@code file}. */
    static void atomically(Path file, Writer w) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".mtorwb", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                w.write(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
