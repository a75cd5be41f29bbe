package org.mtorworkbench.ui.views.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Builds the charts of result runs: several runs overlaid, one series per curve, a legend; bar charts. */
public final class Charts {

    /** The label of an IC50 marker starts with this. */
    public static final String IC50 = "IC50";

    private static final Color[] PALETTE = { new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf),
            new Color(0x7f7f7f), new Color(0xbcbd22) };

    private Charts() {
    }

    /**
     * @param logX a log horizontal axis (always for dose-response)
     * @param logY a log vertical axis
     * @param unit the unit of a time course's time axis
     */
    public static JFreeChart chart(ResultKind design, List<ResultRun> runs, boolean logX, boolean logY, TimeUnit unit) {
        boolean time = design == ResultKind.TIME_COURSE;
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        boolean positiveX = logX || design == ResultKind.DOSE_RESPONSE;
        int colour = 0;
        for (ResultRun run : runs) {
            for (Curve c : run.curves()) {
                XYSeries s = new XYSeries(uniqueKey(data, c.name()), false, true);
                for (int i = 0; i < c.x().length; i++) {
                    if ((!positiveX || c.x()[i] > 0) && (!logY || c.y()[i] > 0) && Double.isFinite(c.y()[i])) {
                        s.add(time ? unit.fromMinutes(c.x()[i]) : c.x()[i], c.y()[i]);
                    }
                }
                int index = data.getSeriesCount();
                data.addSeries(s);
                // a fit takes the colour of the measurements just before it
                Color paint = PALETTE[(isFit(run, c) ? Math.max(0, colour - 1) : colour++) % PALETTE.length];
                renderer.setSeriesPaint(index, paint);
                renderer.setSeriesLinesVisible(index, !c.markers());
                renderer.setSeriesShapesVisible(index, c.markers());
                renderer.setSeriesShape(index, DOT);
                renderer.setSeriesStroke(index, new BasicStroke(isFit(run, c) ? 1.5f : 2f));
            }
        }
        ValueAxis x = axis(time ? "time (" + unit.symbol() + ")" : design.xLabel(), positiveX);
        ValueAxis y = axis(runs.isEmpty() ? "value" : yLabel(runs), logY);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        for (ResultRun run : runs) {
            if (Double.isFinite(run.ic50()) && run.ic50() > 0) {
                ValueMarker m = new ValueMarker(run.ic50(), new Color(0x555555), new BasicStroke(1f,
                        BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] { 4f, 4f }, 0f));
                m.setLabel(String.format(Locale.ROOT, "%s %.3g nM", IC50, run.ic50()));
                m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
                m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                plot.addDomainMarker(m, Layer.FOREGROUND);
            }
        }
        String title = design.label() + (runs.size() == 1 ? ": " + runs.get(0).label() : " (" + runs.size() + " runs)");
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * @return a bar chart: a group of bars per category, a bar per series, horizontal when
     *         there are many categories (parameters of a sensitivity)
     */
    public static JFreeChart bars(String title, Bars bars) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map.Entry<String, double[]> s : bars.series().entrySet()) {
            for (int i = 0; i < bars.categories().size(); i++) {
                double v = s.getValue()[i];
                data.addValue(Double.isFinite(v) ? v : null, s.getKey(), bars.categories().get(i));
            }
        }
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        for (int i = 0; i < bars.series().size(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
        NumberAxis values = new NumberAxis(bars.valueLabel());
        CategoryAxis categories = new CategoryAxis(bars.categoryLabel());
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setOrientation(bars.categories().size() > 8 ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
        if (plot.getOrientation() == PlotOrientation.VERTICAL) {
            categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** The label of a histogram's responder threshold marker starts with this. */
    public static final String THRESHOLD = "responder:";

    /**
     * @return a histogram of a population's fold changes: a bar per bin, responders stacked
     *         on non-responders, the responder threshold as a dashed line
     */
    public static JFreeChart histogram(Histogram h) {
        XYIntervalSeries others = new XYIntervalSeries("non-responders", false, true);
        XYIntervalSeries responders = new XYIntervalSeries("responders (" + h.rule() + ")", false, true);
        double[] e = h.edges();
        for (int i = 0; i < h.bins(); i++) {
            double mid = (e[i] + e[i + 1]) / 2;
            others.add(mid, e[i], e[i + 1], h.others()[i], 0, h.others()[i]);
            responders.add(mid, e[i], e[i + 1], h.others()[i] + h.responders()[i], h.others()[i],
                    h.others()[i] + h.responders()[i]);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(others);
        data.addSeries(responders);
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setSeriesPaint(0, new Color(0x9ecae1));
        renderer.setSeriesPaint(1, new Color(0xd62728));
        renderer.setSeriesOutlinePaint(0, Color.WHITE);
        renderer.setSeriesOutlinePaint(1, Color.WHITE);
        NumberAxis x = new NumberAxis("fold change (treated / untreated)");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("members");
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        if (Double.isFinite(h.threshold())) {
            ValueMarker m = new ValueMarker(h.threshold(), new Color(0x333333), new BasicStroke(1.5f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] { 5f, 4f }, 0f));
            m.setLabel(THRESHOLD + " " + h.rule());
            m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(m, Layer.FOREGROUND);
        }
        JFreeChart chart = new JFreeChart(h.title(), new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static final Shape DOT = new Ellipse2D.Double(-3.5, -3.5, 7, 7);

    private static boolean isFit(ResultRun run, Curve c) {
        return run.design() == ResultKind.DOSE_RESPONSE && !c.markers();
    }

    private static String yLabel(List<ResultRun> runs) {
        return runs.get(0).design() == ResultKind.DOSE_RESPONSE ? "response" : "level";
    }

    private static ValueAxis axis(String label, boolean log) {
        if (log) {
            LogAxis a = new LogAxis(label);
            a.setSmallestValue(1e-12);
            return a;
        }
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        return a;
    }

    private static String uniqueKey(XYSeriesCollection data, String name) {
        String key = name;
        for (int n = 2; data.getSeriesIndex(key) >= 0; n++) {
            key = name + " #" + n;
        }
        return key;
    }
}
