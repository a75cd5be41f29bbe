package org.mtorworkbench.ui.views.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mtorworkbench.calibration.MultiStart;
import org.mtorworkbench.calibration.ObjectiveValue;
import org.mtorworkbench.calibration.PetabMeasurement;
import org.mtorworkbench.calibration.Profile;

/**
 * The plots of the Calibration editor, as modellers know them from COPASI, Data2Dynamics and
 * pyPESTO: measurements with error bars (measurement +- sigma) and the simulated observables per
 * observable and experiment; the waterfall of a multi-start fit (every start's llh, best first);
 * the estimates with their profile-likelihood 95% confidence intervals; the profiles with the
 * 95% threshold. Pure JFreeChart (no SWT), so the same charts export as PNG and SVG.
 */
public final class CalibrationCharts {

    /** Waterfall: starts whose llh is within this of the best count as having reached it. */
    public static final double REACHED = 0.1;

    private static final Color[] PALETTE = { new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf) };

    private CalibrationCharts() {
    }

    /** The series key of an observable in an experiment. */
    static String key(PetabMeasurement m) {
        return m.observableId() + " / " + m.experimentId();
    }

    /**
     * Measurements with error bars and the simulation at the same times, one colour per
     * observable and experiment; measurements at steady state ({@code inf}) are not drawn (the
     * subtitle counts them).
     */
    public static JFreeChart fit(ObjectiveValue value, String title) {
        Map<String, XYIntervalSeries> data = new LinkedHashMap<>();
        Map<String, TreeMap<Double, Double>> simulated = new LinkedHashMap<>();
        int steady = 0;
        for (int i = 0; i < value.size(); i++) {
            PetabMeasurement m = value.measurements().get(i);
            if (!Double.isFinite(m.time())) {
                steady++;
                continue;
            }
            String key = key(m);
            double sigma = value.sigma(i);
            data.computeIfAbsent(key, k -> new XYIntervalSeries(k + " (data)"))
                    .add(m.time(), m.time(), m.time(), m.measurement(), m.measurement() - sigma, m.measurement() + sigma);
            simulated.computeIfAbsent(key, k -> new TreeMap<>()).put(m.time(), value.simulation(i));
        }
        XYIntervalSeriesCollection points = new XYIntervalSeriesCollection();
        data.values().forEach(points::addSeries);
        XYSeriesCollection lines = new XYSeriesCollection();
        for (Map.Entry<String, TreeMap<Double, Double>> e : simulated.entrySet()) {
            XYSeries s = new XYSeries(e.getKey() + " (simulated)", false, true);
            e.getValue().forEach(s::add);
            lines.addSeries(s);
        }
        XYErrorRenderer dots = new XYErrorRenderer();
        dots.setDefaultLinesVisible(false);
        dots.setDefaultShapesVisible(true);
        XYLineAndShapeRenderer curves = new XYLineAndShapeRenderer(true, false);
        for (int k = 0; k < data.size(); k++) {
            Color c = PALETTE[k % PALETTE.length];
            dots.setSeriesPaint(k, c);
            curves.setSeriesPaint(k, c);
            curves.setSeriesStroke(k, new BasicStroke(1.8f));
        }
        XYPlot plot = new XYPlot(points, new NumberAxis("time"), new NumberAxis("observable"), dots);
        plot.setDataset(1, lines);
        plot.setRenderer(1, curves);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "llh = %s, chi2 = %s%s",
                Numbers.format(value.llh()), Numbers.format(value.chi2()),
                steady == 0 ? "" : "; " + steady + " steady-state measurement(s) not drawn")));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * The waterfall: every start's final llh, best first (rank on the horizontal axis), with the
     * best and the {@link #REACHED} band marked; failed starts (NaN) are left out and counted.
     */
    public static JFreeChart waterfall(MultiStart.Result result) {
        List<MultiStart.Start> sorted = new ArrayList<>(result.starts().stream().filter(s -> Double.isFinite(s.llh())).toList());
        sorted.sort(Comparator.comparingDouble(MultiStart.Start::llh).reversed());
        XYSeries s = new XYSeries("starts", false, true);
        for (int r = 0; r < sorted.size(); r++) {
            s.add(r + 1, sorted.get(r).llh());
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, PALETTE[0]);
        NumberAxis rank = new NumberAxis("start, by final llh");
        rank.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis llh = new NumberAxis("final llh");
        llh.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), rank, llh, renderer);
        int failed = result.starts().size() - sorted.size();
        String sub;
        if (sorted.isEmpty()) {
            sub = "no start could be evaluated";
        } else {
            double best = sorted.get(0).llh();
            ValueMarker m = new ValueMarker(best - REACHED, Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 1f, new float[] { 4f, 4f }, 0f));
            m.setLabel("best - " + Numbers.format(REACHED));
            plot.addRangeMarker(m);
            sub = String.format(Locale.ROOT, "best llh = %s; %d of %d starts within %s of it%s", Numbers.format(best),
                    Math.round(result.fractionWithin(REACHED) * result.starts().size()), result.starts().size(),
                    Numbers.format(REACHED), failed == 0 ? "" : "; " + failed + " failed");
        }
        JFreeChart chart = new JFreeChart("Waterfall (" + result.optimizer() + ")", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.addSubtitle(new TextTitle(sub));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * The estimates on the parameter scale with their 95% profile-likelihood intervals as error
     * bars (an open end is drawn to the edge of what was profiled).
     */
    public static JFreeChart estimates(Profile.Result result) {
        XYIntervalSeries s = new XYIntervalSeries("estimate (95% interval)");
        String[] ids = new String[result.profiles().size()];
        for (int k = 0; k < ids.length; k++) {
            Profile.ParameterProfile p = result.profiles().get(k);
            ids[k] = p.id();
            double lo = Double.isFinite(p.lower()) ? p.lower() : p.points().get(0).value();
            double hi = Double.isFinite(p.upper()) ? p.upper() : p.points().get(p.points().size() - 1).value();
            s.add(k, k - 0.2, k + 0.2, p.best(), Math.min(lo, p.best()), Math.max(hi, p.best()));
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(s);
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDefaultLinesVisible(false);
        r.setSeriesPaint(0, PALETTE[1]);
        SymbolAxis axis = new SymbolAxis("parameter", ids);
        NumberAxis value = new NumberAxis("value (parameter scale)");
        value.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, axis, value, r);
        JFreeChart chart = new JFreeChart("Estimates", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.addSubtitle(new TextTitle("best llh = " + Numbers.format(result.bestLlh())));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * The profiles: llh minus the best llh against the parameter's distance from its estimate
     * (parameter scale), one curve per parameter, with the 95% threshold (-1.92).
     */
    public static JFreeChart profiles(Profile.Result result) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Profile.ParameterProfile p : result.profiles()) {
            XYSeries s = new XYSeries(p.id() + " (" + p.verdict().text() + ")", true, true);
            for (Profile.Point pt : p.points()) {
                if (Double.isFinite(pt.llh())) {
                    s.add(pt.value() - p.best(), pt.llh() - result.bestLlh());
                }
            }
            data.addSeries(s);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int k = 0; k < data.getSeriesCount(); k++) {
            r.setSeriesPaint(k, PALETTE[k % PALETTE.length]);
        }
        XYPlot plot = new XYPlot(data, new NumberAxis("parameter - estimate (parameter scale)"),
                new NumberAxis("llh - best llh"), r);
        ValueMarker threshold = new ValueMarker(-Profile.THRESHOLD, Color.GRAY, new BasicStroke(1.2f));
        threshold.setLabel("95% threshold");
        plot.addRangeMarker(threshold);
        JFreeChart chart = new JFreeChart("Profile likelihood", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
