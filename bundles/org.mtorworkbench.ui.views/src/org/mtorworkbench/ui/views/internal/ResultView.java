package org.mtorworkbench.ui.views.internal;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.swt.ChartComposite;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.swt.SWTGraphics2D;
import org.eclipse.ui.part.ViewPart;

/**
 * The results of one design: the runs overlaid in a plot (JFreeChart on SWT) beside the
 * table of the latest run. Exports the plot as PNG or SVG and the table as CSV.
 */
public final class ResultView extends ViewPart {

    private final List<ResultRun> runs = new ArrayList<>();
    private Design design = Design.TIME_COURSE;
    private ChartComposite chartComposite;
    private ResultTable table;
    private JFreeChart chart;
    private IAction logX;
    private IAction logY;
    private IAction synergy;

    @Override
    public void createPartControl(Composite parent) {
        String secondary = getViewSite().getSecondaryId();
        if (secondary != null) {
            design = Design.bySecondaryId(secondary);
            setPartName(design.label());
        }
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        chart = build();
        chartComposite = new ChartComposite(sash, SWT.NONE, chart, true);
        table = new ResultTable(sash);
        sash.setWeights(new int[] { 65, 35 });
        contributeActions(getViewSite().getActionBars().getToolBarManager());
    }

    private void contributeActions(IToolBarManager bar) {
        logX = toggle("Log x", "Logarithmic horizontal axis");
        logX.setEnabled(design != Design.DOSE_RESPONSE);
        logY = toggle("Log y", "Logarithmic vertical axis");
        synergy = toggle("Synergy", "Show the excess over Bliss independence instead of the response");
        if (design == Design.COMBINATION) {
            bar.add(synergy);
        } else {
            bar.add(logX);
            bar.add(logY);
        }
        bar.add(action("PNG", "Export the plot as PNG", () -> export("*.png", p -> exportPng(p, 1000, 640))));
        bar.add(action("SVG", "Export the plot as SVG", () -> export("*.svg", p -> exportSvg(p, 1000, 640))));
        bar.add(action("CSV", "Export the table of the latest run as CSV", () -> export("*.csv", this::exportCsv)));
        bar.add(action("Copy", "Copy the table (selected rows, or all) to the clipboard", () -> table.copy()));
        bar.add(action("Clear", "Remove all runs from this view", this::clear));
    }

    private IAction toggle(String text, String tip) {
        Action a = new Action(text, IAction.AS_CHECK_BOX) {
            @Override
            public void run() {
                refresh();
            }
        };
        a.setToolTipText(tip);
        return a;
    }

    private static IAction action(String text, String tip, Runnable r) {
        Action a = new Action(text) {
            @Override
            public void run() {
                r.run();
            }
        };
        a.setToolTipText(tip);
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
        table.show(run.table());
        refresh();
    }

    /** Removes all runs. */
    public void clear() {
        runs.clear();
        refresh();
    }

    /** A combination shows its latest run as a heatmap; other designs overlay their runs. */
    private JFreeChart build() {
        if (design == Design.COMBINATION && !runs.isEmpty()) {
            return Heatmaps.chart(runs.get(runs.size() - 1), synergy != null && synergy.isChecked());
        }
        return Charts.chart(design, runs, logX != null && logX.isChecked(), logY != null && logY.isChecked());
    }

    private void refresh() {
        chart = build();
        chartComposite.setChart(chart);
        chartComposite.forceRedraw();
    }

    /** @return the chart shown */
    public JFreeChart getChart() {
        return chart;
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

    /** Writes the plot as PNG, drawn by SWT. */
    public void exportPng(Path file, int width, int height) throws IOException {
        Image image = new Image(chartComposite.getDisplay(), width, height);
        GC gc = new GC(image);
        SWTGraphics2D g2 = new SWTGraphics2D(gc);
        try {
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
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

    /** Writes the plot as SVG. */
    public void exportSvg(Path file, int width, int height) throws IOException {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
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
