package org.mtorworkbench.ui.views.internal;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.util.IPropertyChangeListener;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.swt.ChartComposite;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.swt.SWTGraphics2D;
import org.eclipse.ui.part.ViewPart;
import org.mtorworkbench.ui.views.ExperimentResult;
import org.mtorworkbench.ui.views.ResultDisplay;

/**
 * The results of one design: the runs overlaid in a plot (JFreeChart on SWT), or the
 * latest run's heatmap or bar chart (a population: its fold-change histogram beside the bars
 * of its biomarker candidates), beside the table of the latest run. Line plots show
 * the values at the pointer (a crosshair) and zoom (drag a rectangle, the mouse wheel, the
 * toolbar). Exports the plot as PNG or SVG and the table as CSV. The workbench's result
 * view of every built-in kind, contributed to the result views extension point.
 */
public final class ResultView extends ViewPart implements ResultDisplay {

    /** Zoom factor of one wheel notch or toolbar press. */
    private static final double ZOOM = 0.8;

    private final List<ResultRun> runs = new ArrayList<>();
    private ResultKind design = ResultKind.TIME_COURSE;
    private ChartComposite chartComposite;
    /** A population's second chart, its biomarker candidates; null in the views of other kinds. */
    private ChartComposite biomarkerComposite;
    private JFreeChart biomarkerChart;
    private Label readout;
    private ResultTable table;
    private JFreeChart chart;
    private IAction logX;
    private IAction logY;
    private IAction synergy;
    private int heatIndex;
    private IPropertyChangeListener unitListener;
    private IPreferenceStore preferences;

    @Override
    public void createPartControl(Composite parent) {
        String secondary = getViewSite().getSecondaryId();
        ResultKind d = secondary == null ? null : ResultKind.byKind(secondary);
        if (d != null) {
            design = d;
            setPartName(design.label());
        }
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        Composite left = new Composite(sash, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.verticalSpacing = 2;
        left.setLayout(layout);
        chart = build();
        Composite charts = left;
        if (design == ResultKind.POPULATION) {
            charts = new SashForm(left, SWT.HORIZONTAL);
            charts.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        }
        chartComposite = new ChartComposite(charts, SWT.NONE, chart, true);
        chartComposite.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        if (design == ResultKind.POPULATION) {
            biomarkerChart = buildBiomarkers();
            biomarkerComposite = new ChartComposite(charts, SWT.NONE, biomarkerChart, true);
            ((SashForm) charts).setWeights(new int[] { 55, 45 });
        }
        chartComposite.setZoomInFactor(ZOOM);
        chartComposite.setZoomOutFactor(1 / ZOOM);
        readout = new Label(left, SWT.NONE);
        readout.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Control canvas = canvas();
        canvas.addListener(SWT.MouseMove, e -> crosshair(e.x, e.y));
        canvas.addListener(SWT.MouseVerticalWheel, e -> wheel(e));
        table = new ResultTable(sash);
        sash.setWeights(new int[] { 65, 35 });
        contributeActions(getViewSite().getActionBars().getToolBarManager());
        RunPreferences prefs = RunPreferences.workbench();
        preferences = prefs.store();
        unitListener = e -> {
            if (RunPreferences.TIME_UNIT.equals(e.getProperty()) && !chartComposite.isDisposed()) {
                chartComposite.getDisplay().asyncExec(() -> {
                    if (!chartComposite.isDisposed()) {
                        refresh();
                    }
                });
            }
        };
        preferences.addPropertyChangeListener(unitListener);
    }

    @Override
    public void dispose() {
        if (preferences != null) {
            preferences.removePropertyChangeListener(unitListener);
        }
        super.dispose();
    }

    /** @return the control that draws the chart and receives the mouse */
    public Control canvas() {
        return chartComposite.getChildren()[0];
    }

    private void contributeActions(IToolBarManager bar) {
        logX = toggle("Log x", "Logarithmic horizontal axis", ViewIcons.Picture.LOG_X);
        logX.setEnabled(design != ResultKind.DOSE_RESPONSE);
        logY = toggle("Log y", "Logarithmic vertical axis", ViewIcons.Picture.LOG_Y);
        synergy = toggle("Synergy", "Show the excess over Bliss independence instead of the response",
                ViewIcons.Picture.SYNERGY);
        if (design == ResultKind.COMBINATION) {
            bar.add(synergy);
        } else if (design == ResultKind.SCAN_2D) {
            bar.add(action("Next readout", "Show the heatmap of the next readout", ViewIcons.Picture.NEXT,
                    this::nextHeat));
        } else if (!design.bars() && design != ResultKind.POPULATION) {
            bar.add(logX);
            bar.add(logY);
            bar.add(action("Zoom in", "Zoom in around the centre (or turn the mouse wheel over the plot)",
                    ViewIcons.Picture.ZOOM_IN, () -> zoom(true, centre())));
            bar.add(action("Zoom out", "Zoom out around the centre", ViewIcons.Picture.ZOOM_OUT,
                    () -> zoom(false, centre())));
            bar.add(action("Fit", "Show all the data (undo zooming)", ViewIcons.Picture.FIT,
                    () -> chartComposite.restoreAutoBounds()));
        }
        int width = charts().size() == 1 ? 1000 : 1400;
        bar.add(action("PNG", "Export the plot as PNG", ViewIcons.Picture.PNG,
                () -> export("*.png", p -> exportPng(p, width, 640))));
        bar.add(action("SVG", "Export the plot as SVG", ViewIcons.Picture.SVG,
                () -> export("*.svg", p -> exportSvg(p, width, 640))));
        bar.add(action("CSV", "Export the table of the latest run as CSV", ViewIcons.Picture.CSV,
                () -> export("*.csv", this::exportCsv)));
        bar.add(action("Copy", "Copy the table (selected rows, or all) to the clipboard", ViewIcons.Picture.COPY,
                () -> table.copy()));
        bar.add(action("Clear", "Remove all runs from this view", ViewIcons.Picture.CLEAR, this::clear));
    }

    private IAction toggle(String text, String tip, ViewIcons.Picture icon) {
        Action a = new Action(text, IAction.AS_CHECK_BOX) {
            @Override
            public void run() {
                refresh();
            }
        };
        a.setToolTipText(tip);
        a.setImageDescriptor(ViewIcons.descriptor(icon));
        return a;
    }

    private static IAction action(String text, String tip, ViewIcons.Picture icon, Runnable r) {
        Action a = new Action(text) {
            @Override
            public void run() {
                r.run();
            }
        };
        a.setToolTipText(tip);
        a.setImageDescriptor(ViewIcons.descriptor(icon));
        return a;
    }

    /** Writes a file chosen by the user. */
    private interface Exporter {
        void write(Path file) throws IOException;
    }

    private void export(String pattern, Exporter exporter) {
        FileDialog d = new FileDialog(getSite().getShell(), SWT.SAVE);
        d.setFilterExtensions(new String[] { pattern });
        d.setFileName(design.secondaryId() + pattern.substring(1));
        d.setOverwrite(true);
        String f = d.open();
        if (f == null) {
            return;
        }
        try {
            exporter.write(Path.of(f));
        } catch (IOException | RuntimeException e) {
            MessageDialog.openError(getSite().getShell(), "Export failed", "Could not write " + f + ": " + e.getMessage());
        }
    }

    /** Adds a run to the plot (overlaid on the earlier ones) and shows its table. */
    public void addRun(ResultRun run) {
        runs.add(run);
        heatIndex = Math.min(heatIndex, Math.max(0, run.heats().size() - 1));
        table.show(run.table());
        refresh();
    }

    /**
     * Shows a result: a run of this view's design as it is; another bundle's result by its
     * table (see {@link ResultRun#of}).
     */
    @Override
    public void show(ExperimentResult result) {
        addRun(result instanceof ResultRun r && r.design() == design ? r : ResultRun.of(design, result));
    }

    private void nextHeat() {
        if (!runs.isEmpty() && !latest().heats().isEmpty()) {
            heatIndex = (heatIndex + 1) % latest().heats().size();
            refresh();
        }
    }

    /** Shows the heatmap of one readout of a 2-D scan (in the order of the launcher's readouts). */
    public void showHeat(int index) {
        heatIndex = index;
        refresh();
    }

    private ResultRun latest() {
        return runs.get(runs.size() - 1);
    }

    private Point centre() {
        Rectangle r = chartComposite.getScreenDataArea();
        return new Point(r.x + r.width / 2, r.y + r.height / 2);
    }

    /** Zooms both axes in or out around a point of the canvas. */
    public void zoom(boolean in, Point at) {
        if (in) {
            chartComposite.zoomInBoth(at.x, at.y);
        } else {
            chartComposite.zoomOutBoth(at.x, at.y);
        }
    }

    private void wheel(Event e) {
        if (chart.getPlot() instanceof XYPlot && e.count != 0) {
            zoom(e.count > 0, new Point(e.x, e.y));
        }
    }

    /**
     * Moves the crosshair to the pointer's horizontal position and writes each series'
     * value there (interpolated between points) under the plot.
     */
    private void crosshair(int x, int y) {
        if (!(chart.getPlot() instanceof XYPlot plot) || !(plot.getDataset() instanceof XYSeriesCollection data)
                || data.getSeriesCount() == 0) {
            return;
        }
        Rectangle area = chartComposite.getScreenDataArea();
        if (!area.contains(x, y)) {
            return;
        }
        Rectangle2D dataArea = chartComposite.getChartRenderingInfo().getPlotInfo().getDataArea();
        Point2D p = chartComposite.translateScreenToJava2D(new java.awt.Point(x, y));
        double value = plot.getDomainAxis().java2DToValue(p.getX(), dataArea, plot.getDomainAxisEdge());
        plot.setDomainCrosshairVisible(true);
        plot.setDomainCrosshairLockedOnData(false);
        plot.setDomainCrosshairValue(value);
        StringBuilder sb = new StringBuilder(plot.getDomainAxis().getLabel()).append(" = ").append(Numbers.format(
                round(value)));
        for (int i = 0; i < data.getSeriesCount(); i++) {
            double v = valueAt(data.getSeries(i), value);
            if (Double.isFinite(v)) {
                sb.append("   ").append(data.getSeriesKey(i)).append(": ").append(Numbers.format(round(v)));
            }
        }
        readout.setText(sb.toString());
        readout.setToolTipText(sb.toString().replace("   ", "\n"));
    }

    private static double round(double v) {
        return v == 0 || !Double.isFinite(v) ? v : Double.parseDouble(String.format(java.util.Locale.ROOT, "%.4g", v));
    }

    /** @return a series' value at x, linear between its points; NaN outside them */
    static double valueAt(XYSeries s, double x) {
        for (int i = 0; i + 1 < s.getItemCount(); i++) {
            double x0 = s.getX(i).doubleValue();
            double x1 = s.getX(i + 1).doubleValue();
            if ((x - x0) * (x - x1) <= 0) {
                double y0 = s.getY(i).doubleValue();
                double y1 = s.getY(i + 1).doubleValue();
                return x1 == x0 ? y0 : y0 + (y1 - y0) * (x - x0) / (x1 - x0);
            }
        }
        return s.getItemCount() == 1 && s.getX(0).doubleValue() == x ? s.getY(0).doubleValue() : Double.NaN;
    }

    /** @return the plot's data area on the canvas (empty until the chart has been drawn) */
    public Rectangle chartArea() {
        return chartComposite.getChartRenderingInfo().getPlotInfo().getDataArea().isEmpty() ? new Rectangle(0, 0, 0, 0)
                : chartComposite.getScreenDataArea();
    }

    /** @return the values under the plot at the crosshair, as the user reads them */
    public String readoutText() {
        return readout.getText();
    }

    /** Removes all runs. */
    public void clear() {
        runs.clear();
        refresh();
    }

    /**
     * A combination or 2-D scan shows its latest run as a heatmap, a steady state or
     * sensitivity as bars; other designs overlay their runs.
     */
    private JFreeChart build() {
        if (!runs.isEmpty() && latest().histogram() != null) {
            return Charts.histogram(latest().histogram());
        }
        if (!runs.isEmpty() && !latest().heats().isEmpty()) {
            List<Heat> heats = latest().heats();
            int i = design == ResultKind.COMBINATION ? (synergy != null && synergy.isChecked() ? 1 : 0) : heatIndex;
            return Heatmaps.chart(heats.get(Math.min(i, heats.size() - 1)));
        }
        if (!runs.isEmpty() && latest().bars() != null) {
            return Charts.bars(design.label() + ": " + latest().label(), latest().bars());
        }
        return Charts.chart(design, runs, logX != null && logX.isChecked(), logY != null && logY.isChecked(),
                RunPreferences.workbench().timeUnit());
    }

    /** The bars of a population's biomarker candidates (empty until a population has run). */
    private JFreeChart buildBiomarkers() {
        Bars bars = runs.isEmpty() || latest().histogram() == null ? new Bars("varied quantity",
                "Spearman rank correlation", List.of(), Map.of()) : latest().bars();
        return Charts.bars("Biomarker candidates" + (runs.isEmpty() ? "" : ": " + latest().label()), bars);
    }

    private void refresh() {
        chart = build();
        chartComposite.setChart(chart);
        chartComposite.forceRedraw();
        if (biomarkerComposite != null) {
            biomarkerChart = buildBiomarkers();
            biomarkerComposite.setChart(biomarkerChart);
            biomarkerComposite.forceRedraw();
        }
        if (readout != null) {
            if (!runs.isEmpty() && latest().histogram() != null) {
                readout.setText(latest().histogram().summary());
            } else {
                readout.setText(chart.getPlot() instanceof XYPlot && !design.heatmap()
                        && design != ResultKind.POPULATION
                        ? "Move the pointer over the plot to read values; drag or turn the wheel to zoom" : "");
            }
        }
    }

    /** @return the chart shown (a population's histogram) */
    public JFreeChart getChart() {
        return chart;
    }

    /** @return a population's biomarker chart, null in the views of other kinds */
    public JFreeChart getBiomarkerChart() {
        return biomarkerChart;
    }

    /** @return the charts shown, left to right (two for a population, else one) */
    public List<JFreeChart> charts() {
        return biomarkerChart == null ? List.of(chart) : List.of(chart, biomarkerChart);
    }

    /** Draws the charts side by side into a rectangle of this size. */
    private void draw(java.awt.Graphics2D g2, int width, int height) {
        List<JFreeChart> all = charts();
        for (int i = 0; i < all.size(); i++) {
            int x0 = width * i / all.size();
            int x1 = width * (i + 1) / all.size();
            all.get(i).draw(g2, new Rectangle2D.Double(x0, 0, x1 - x0, height));
        }
    }

    /** @return the runs shown, oldest first */
    public List<ResultRun> getRuns() {
        return List.copyOf(runs);
    }

    /** @return the table of the latest run */
    public ResultTable getTable() {
        return table;
    }

    /** Sets the axes' scales (as the toolbar's toggles do). */
    public void setLogAxes(boolean x, boolean y) {
        logX.setChecked(x && logX.isEnabled());
        logY.setChecked(y);
        refresh();
    }

    /** Shows the response or, with {@code excess}, the Bliss excess of a combination. */
    public void showSynergy(boolean excess) {
        synergy.setChecked(excess);
        refresh();
    }

    /** Writes the plot (a population's two charts side by side) as PNG, drawn by SWT. */
    public void exportPng(Path file, int width, int height) throws IOException {
        Image image = new Image(chartComposite.getDisplay(), width, height);
        GC gc = new GC(image);
        SWTGraphics2D g2 = new SWTGraphics2D(gc);
        try {
            draw(g2, width, height);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { image.getImageData() };
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".export", ".png");
            loader.save(tmp.toString(), SWT.IMAGE_PNG);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            g2.dispose();
            gc.dispose();
            image.dispose();
        }
    }

    /** Writes the plot (a population's two charts side by side) as SVG. */
    public void exportSvg(Path file, int width, int height) throws IOException {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        draw(g2, width, height);
        write(file, g2.getSVGDocument());
    }

    /** Writes the table of the latest run as CSV. */
    public void exportCsv(Path file) throws IOException {
        if (runs.isEmpty()) {
            throw new IOException("there is no result to export yet");
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            runs.get(runs.size() - 1).table().write(out);
        }
        write(file, bytes.toString(StandardCharsets.UTF_8));
    }

    /** Writes atomically: a temporary file next to the target, then a move. */
    private static void write(Path file, String text) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".export", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public void setFocus() {
        chartComposite.setFocus();
    }
}
