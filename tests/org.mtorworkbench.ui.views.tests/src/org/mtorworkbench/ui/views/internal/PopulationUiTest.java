package org.mtorworkbench.ui.views.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.mtorworkbench.experiments.Population;
import org.mtorworkbench.experiments.Table;
import org.mtorworkbench.tests.support.SharedData;

/**
 * The population design run from the launcher (issue 16): a histogram of the members' fold
 * changes with the responder threshold and the responder fraction's 95% interval, bars of the
 * biomarker candidates' rank correlations, both exported as PNG and SVG. The charts' data is
 * checked against the members' table the same run produced.
 */
class PopulationUiTest {

    private static final int SIZE = 50;

    private static double[] column(Table t, String name) {
        int c = t.columns().indexOf(name);
        assertTrue(c >= 0, "no column " + name + " in " + t.columns());
        return t.rows().stream().mapToDouble(r -> ((Number) r.get(c)).doubleValue()).toArray();
    }

    @Test
    void aPopulationShowsItsFoldChangesAndBiomarkers() throws Exception {
        LauncherView launcher = Ui.launcher();
        LauncherView.Widgets w = Ui.fill(launcher, "population", "rapamycin", "10", "1440", "pAkt_S473");
        w.text("size").setText(Integer.toString(SIZE));
        w.text("seed").setText("7");
        // about half of the members raise pAkt_S473 2.5-fold (all of them 1.2-fold, the default rule)
        w.text("responder").setText("fold >= 2.5");
        Screenshots.takeMaximized("launcher", launcher);
        ResultView view = Ui.run(launcher, w, ResultKind.POPULATION);
        ResultRun run = view.getRuns().get(view.getRuns().size() - 1);
        System.out.println("population of " + SIZE + " (rapamycin 10 nM, pAkt_S473 at 24 h): " + run.millis() + " ms");

        Table t = run.table();
        assertEquals(SIZE, t.rows().size(), "a row per member");
        double[] fold = column(t, "fold");
        double[] responder = column(t, "responder");
        int responders = (int) java.util.Arrays.stream(responder).sum();
        int finite = (int) java.util.Arrays.stream(fold).filter(Double::isFinite).count();

        // the histogram: stacked bars whose counts add up to the population
        XYPlot plot = view.getChart().getXYPlot();
        XYIntervalSeriesCollection bins = assertInstanceOf(XYIntervalSeriesCollection.class, plot.getDataset());
        assertEquals(2, bins.getSeriesCount(), "non-responders and responders");
        int total = 0;
        int counted = 0;
        for (int s = 0; s < 2; s++) {
            for (int i = 0; i < bins.getItemCount(s); i++) {
                int n = (int) Math.round(bins.getEndYValue(s, i) - bins.getStartYValue(s, i));
                total += n;
                counted += s == 1 ? n : 0;
            }
        }
        assertEquals(finite, total, "every member with a fold change is in a bin");
        assertEquals(SIZE, total + run.histogram().missing());
        assertEquals(responders, counted, "the responders' bars hold the table's responders");
        Histogram h = run.histogram();
        double[] e = h.edges();
        int[] recount = new int[h.bins()];
        for (double f : fold) {
            if (Double.isFinite(f)) {
                recount[Math.max(0, Math.min(h.bins() - 1, (int) Math.floor((f - e[0]) / (e[1] - e[0]))))]++;
            }
        }
        for (int i = 0; i < h.bins(); i++) {
            assertEquals(recount[i], h.responders()[i] + h.others()[i], "bin " + i);
            assertEquals(e[i], bins.getStartXValue(0, i), 1e-12);
            assertEquals(e[i + 1], bins.getEndXValue(0, i), 1e-12);
        }
        // the rule's threshold is marked and lies on a bin edge
        List<ValueMarker> thresholds = new ArrayList<>();
        for (Object m : plot.getDomainMarkers(Layer.FOREGROUND)) {
            if (m instanceof ValueMarker v && ((Marker) v).getLabel().startsWith(Charts.THRESHOLD)) {
                thresholds.add(v);
            }
        }
        assertEquals(1, thresholds.size(), "one threshold marker");
        assertEquals(2.5, thresholds.get(0).getValue(), 0);
        double k = (2.5 - e[0]) / (e[1] - e[0]);
        assertEquals(Math.round(k), k, 1e-9, "the threshold is a bin edge");
        double[] ci = Population.wilson(responders, SIZE);
        String title = view.getChart().getTitle().getText();
        System.out.println(title);
        assertTrue(responders > 0 && responders < SIZE, "responders and non-responders: " + responders);
        assertTrue(title.contains(String.format(Locale.ROOT, "responders %.2f (95%% CI %.2f-%.2f), %d of %d",
                (double) responders / SIZE, ci[0], ci[1], responders, SIZE)), title);

        // the biomarker bars: each varied quantity's Spearman rho, as computed from the table
        CategoryPlot bars = view.getBiomarkerChart().getCategoryPlot();
        CategoryDataset data = bars.getDataset();
        List<String> varied = t.columns().subList(1, t.columns().indexOf("readout"));
        assertTrue(varied.size() > 5, "the protein totals vary: " + varied);
        assertEquals(Math.min(Presentations.BIOMARKERS, varied.size()), data.getColumnCount());
        assertEquals(List.of("rho with response", "rho with fold change"), data.getRowKeys());
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 0; i < data.getColumnCount(); i++) {
            String id = (String) data.getColumnKey(i);
            double[] x = column(t, id);
            double withResponse = Population.spearman(x, responder);
            double withFold = Population.spearman(x, fold);
            Number shown = data.getValue(0, i);
            if (Double.isNaN(withResponse)) {
                assertEquals(null, shown, id + ": no correlation with a constant response");
            } else {
                assertEquals(withResponse, shown.doubleValue(), 1e-12, id + " with response");
                assertTrue(Math.abs(withResponse) <= previous + 1e-15, "sorted by |rho| with response");
                previous = Math.abs(withResponse);
            }
            assertEquals(withFold, data.getValue(1, i).doubleValue(), 1e-12, id + " with fold");
        }

        // both charts export side by side
        Path shots = SharedData.outputDir("screenshots");
        Path png = shots.resolve("population-export.png");
        Path svg = shots.resolve("population-export.svg");
        view.exportPng(png, 1400, 640);
        view.exportSvg(svg, 1400, 640);
        ImageData image = new ImageLoader().load(png.toString())[0];
        assertEquals(1400, image.width);
        assertEquals(640, image.height);
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(text.contains("<svg") && text.contains("Biomarker candidates") && text.contains("responders"),
                "the SVG holds both charts");
        assertNotNull(view.getChart());
        Ui.screenshot(shots.resolve("view-population.png"));
        // the view maximized, as the guide shows it
        Screenshots.takeMaximized("population", view);
    }
}
