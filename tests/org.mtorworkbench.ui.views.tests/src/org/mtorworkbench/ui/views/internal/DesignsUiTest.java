package org.mtorworkbench.ui.views.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.mtorworkbench.experiments.Table;
import org.mtorworkbench.simulation.Solver;
import org.mtorworkbench.simulation.SolverOptions;
import org.mtorworkbench.tests.support.SharedData;
import org.mtorworkbench.ui.views.CustomResultView;
import org.mtorworkbench.ui.views.ExperimentResult;
import org.mtorworkbench.ui.views.ResultKinds;
import org.mtorworkbench.ui.views.ResultViews;
import org.mtorworkbench.ui.views.ViewIds;

/**
 * The launcher's steady-state, 2-D scan and sensitivity designs and knockouts, the time
 * unit and the other run preferences through the preference dialog, and the result views
 * extension point, driven in the real workbench by posted events. Screenshots go to
 * {@code target/screenshots/}.
 */
class DesignsUiTest {

    private static ResultView run(LauncherView launcher, LauncherView.Widgets w, ResultKind design) {
        return Ui.run(launcher, w, design);
    }

    @Test
    void aTwoDimensionalScanShowsAHeatmapPerReadout() throws Exception {
        LauncherView launcher = Ui.launcher();
        LauncherView.Widgets w = Ui.fill(launcher, "scan", "(none)", "", "60", "pS6K1", "pAkt_S473");
        w.text("param").setText("GF=0.1:10:4:log; aminoacids=0.1:10:3:log");
        ResultView view = run(launcher, w, ResultKind.SCAN_2D);
        ResultRun r = view.getRuns().get(view.getRuns().size() - 1);
        System.out.println("2-D scan 4 x 3 points, 2 readouts: " + r.millis() + " ms");

        XYPlot plot = view.getChart().getXYPlot();
        assertInstanceOf(XYBlockRenderer.class, plot.getRenderer());
        assertEquals(12, plot.getDataset().getItemCount(0), "4 values of GF by 3 of aminoacids");
        assertEquals(4, ((SymbolAxis) plot.getDomainAxis()).getSymbols().length);
        assertEquals(3, ((SymbolAxis) plot.getRangeAxis()).getSymbols().length);
        assertEquals("GF", plot.getDomainAxis().getLabel());
        assertEquals("aminoacids", plot.getRangeAxis().getLabel());
        assertTrue(view.getChart().getSubtitles().stream().anyMatch(t -> t instanceof PaintScaleLegend), "no colour bar");
        // the readouts in the launcher's order: pAkt_S473 is listed before pS6K1
        assertTrue(view.getChart().getTitle().getText().endsWith("pAkt_S473"), view.getChart().getTitle().getText());
        assertEquals(24, view.getTable().rows().size(), "12 points x 2 readouts");
        Path shots = SharedData.outputDir("screenshots");
        view.exportPng(shots.resolve("scan-2d-pAkt_S473.png"), 800, 560);
        assertTrue(Files.size(shots.resolve("scan-2d-pAkt_S473.png")) > 5000);
        view.showHeat(1);
        assertTrue(view.getChart().getTitle().getText().endsWith("pS6K1"), view.getChart().getTitle().getText());
        // more growth factor, more pS6K1 (at the highest amino acids)
        double[][] m = r.heats().get(1).values();
        System.out.printf("pS6K1 at aminoacids 10: GF 0.1 %.4g, GF 10 %.4g%n", m[0][2], m[3][2]);
        assertTrue(m[3][2] > m[0][2], "pS6K1 at GF 10 " + m[3][2] + " vs GF 0.1 " + m[0][2]);
        Ui.screenshot(shots.resolve("view-scan-2d.png"));
    }

    @Test
    void aSensitivityBarChartHasABarPerParameter() throws Exception {
        LauncherView launcher = Ui.launcher();
        LauncherView.Widgets w = Ui.fill(launcher, "sensitivity", "(none)", "", "60", "pS6K1");
        Ui.choose(w.combo("method"), "local");
        w.text("params").setText("k_s6k, k_s6k_deph, k_rheb_gef, k_pten");
        ResultView view = run(launcher, w, ResultKind.SENSITIVITY);
        System.out.println("local sensitivity, 4 parameters (9 runs): " + view.getRuns().get(view.getRuns().size() - 1)
                .millis() + " ms");
        CategoryPlot plot = view.getChart().getCategoryPlot();
        CategoryDataset data = plot.getDataset();
        assertEquals(1, data.getRowCount(), "one readout");
        assertEquals(4, data.getColumnCount(), "a bar per parameter");
        assertEquals(Set.of("k_s6k", "k_s6k_deph", "k_rheb_gef", "k_pten"), Set.copyOf(data.getColumnKeys()));
        assertTrue(data.getValue("pS6K1", "k_s6k").doubleValue() > 0.1, "faster phosphorylation, more pS6K1");
        assertTrue(data.getValue("pS6K1", "k_s6k_deph").doubleValue() < -0.1, "faster dephosphorylation, less");
        for (int i = 0; i + 1 < data.getColumnCount(); i++) {
            assertTrue(Math.abs(data.getValue(0, i).doubleValue()) >= Math.abs(data.getValue(0, i + 1).doubleValue()),
                    "bars sorted by size");
        }
        assertEquals(4, view.getTable().rows().size());
        assertTrue(view.getTable().columns().contains("coefficient"));
        Path shots = SharedData.outputDir("screenshots");
        Ui.screenshot(shots.resolve("view-sensitivity-local.png"));

        Ui.choose(w.combo("method"), "morris");
        assertTrue(w.text("trajectories").isEnabled());
        w.text("trajectories").setText("3");
        w.text("params").setText("k_s6k, k_rheb_gef, k_pten");
        view = run(launcher, w, ResultKind.SENSITIVITY);
        data = view.getChart().getCategoryPlot().getDataset();
        assertEquals(3, data.getColumnCount(), "a bar per parameter");
        assertTrue(view.getTable().columns().contains("mu_star"));
        for (int i = 0; i < data.getColumnCount(); i++) {
            assertTrue(data.getValue(0, i).doubleValue() >= 0, "mu* is a mean of absolute effects");
        }
        assertTrue(view.getChart().getCategoryPlot().getRangeAxis().getLabel().startsWith("Morris mu*"));
        Ui.screenshot(shots.resolve("view-sensitivity-morris.png"));

        w.text("params").setText("k_s6k, no_such_parameter");
        Ui.choose(w.combo("method"), "local");
        Ui.click(w.run());
        Ui.waitUntil(() -> launcher.currentJob() == null);
        assertTrue(w.status().getText().contains("'no_such_parameter' is not a constant, non-zero global parameter"),
                w.status().getText());
    }

    @Test
    void aSteadyStateTabulatesEachReadoutAndKnockoutsApply() throws Exception {
        LauncherView launcher = Ui.launcher();
        LauncherView.Widgets w = Ui.fill(launcher, "steady-state", "rapamycin", "10", "60", "pS6K1", "pAkt_S473");
        assertFalse(w.has("t-end"), "a steady state has no time");
        ResultView view = run(launcher, w, ResultKind.STEADY_STATE);
        assertEquals(List.of("readout", "context", "knockouts", "drug", "dose_nM", "untreated", "treated", "ratio",
                "method"), view.getTable().columns());
        List<List<Object>> rows = view.getTable().rows();
        assertEquals(2, rows.size());
        List<Object> s6k = rows.stream().filter(r -> "pS6K1".equals(r.get(0))).findFirst()
                .orElseThrow(() -> new AssertionError("no pS6K1 row"));
        double untreated = ((Number) s6k.get(5)).doubleValue();
        double ratio = ((Number) s6k.get(7)).doubleValue();
        System.out.printf("steady state pS6K1: untreated %.4g, rapamycin 10 nM ratio %.3g%n", untreated, ratio);
        assertTrue(untreated > 0.01, "pS6K1 is phosphorylated in wild-type cells: " + untreated);
        assertTrue(ratio < 0.5, "rapamycin lowers pS6K1 at steady state: ratio " + ratio);
        CategoryDataset bars = view.getChart().getCategoryPlot().getDataset();
        assertEquals(List.of("untreated", "rapamycin 10 nM"), bars.getRowKeys());
        assertEquals(List.of("pAkt_S473", "pS6K1"), bars.getColumnKeys(), "the readouts in the launcher's order");
        Path shots = SharedData.outputDir("screenshots");
        Ui.screenshot(shots.resolve("view-steady-state.png"));

        Ui.choose(w.combo(LauncherView.DRUG), "(none)");
        Ui.waitUntil(() -> w.list(LauncherView.KNOCKOUT).getItemCount() > 0); // the network's species are read by a job
        w.list(LauncherView.KNOCKOUT).setSelection(new String[] { "S6K1" });
        assertEquals(1, w.list(LauncherView.KNOCKOUT).getSelectionCount(), "S6K1 is offered as a knockout");
        view = run(launcher, w, ResultKind.STEADY_STATE);
        assertEquals(List.of("readout", "context", "knockouts", "steady_state", "method"), view.getTable().columns());
        List<Object> ko = view.getTable().rows().stream().filter(r -> "pS6K1".equals(r.get(0))).findFirst()
                .orElseThrow(() -> new AssertionError("no pS6K1 row"));
        assertEquals("S6K1", ko.get(2));
        assertTrue(((Number) ko.get(3)).doubleValue() < 1e-6, "no S6K1, no pS6K1: " + ko.get(3));
        assertTrue(view.getRuns().get(view.getRuns().size() - 1).label().contains("KO S6K1"));
        w.list(LauncherView.KNOCKOUT).deselectAll();
    }

    @Test
    void preferencesPersistAndTheTimeUnitReachesTheLauncherAndThePlots() throws Exception {
        LauncherView launcher = Ui.launcher();
        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(Ui.window().getShell(), ViewIds.PREFERENCES,
                new String[] { ViewIds.PREFERENCES }, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        IPreferenceStore store = RunPreferences.workbench().store();
        try {
            RunPreferencePage page = assertInstanceOf(RunPreferencePage.class, dialog.getSelectedPage());
            List<Combo> combos = Ui.find(page.getControl(), Combo.class);
            List<Text> texts = Ui.find(page.getControl(), Text.class);
            assertEquals(2, combos.size(), "solver and time unit");
            assertEquals(3, texts.size(), "relative and absolute tolerance, threads");
            Ui.choose(combos.get(0), Solver.BDF.name() + " (" + Solver.BDF.kisaoId() + ")");
            Ui.choose(combos.get(1), TimeUnit.HOURS.word());
            texts.get(0).setText("1e-7");
            texts.get(2).setText("3");
            Ui.waitUntil(() -> true);
            Path shots = SharedData.outputDir("screenshots");
            Ui.screenshot(dialog.getShell(), shots.resolve("preferences-experiment-runs.png"));
            Button ok = dialog.getShell().getDefaultButton();
            assertNotNull(ok, "no OK button");
            Ui.click(ok);
            Ui.waitUntil(() -> dialog.getShell() == null || dialog.getShell().isDisposed());

            // read back through a new store, and from the file the workbench keeps them in
            RunPreferences saved = RunPreferences.workbench();
            assertEquals(Solver.BDF, saved.solverOptions().get(SolverOptions.SOLVER));
            assertEquals(1e-7, saved.solverOptions().get(SolverOptions.RELATIVE_TOLERANCE));
            assertEquals(3, saved.threads());
            assertEquals(TimeUnit.HOURS, saved.timeUnit());
            Path file = Path.of(Platform.getInstanceLocation().getURL().toURI())
                    .resolve(".metadata/.plugins/org.eclipse.core.runtime/.settings/org.mtorworkbench.ui.views.prefs");
            String text = Files.readString(file);
            assertTrue(text.contains("timeUnit=HOURS") && text.contains("solver=BDF") && text.contains("threads=3"),
                    file + ":\n" + text);

            LauncherView.Widgets w = launcher.widgets();
            Ui.choose(w.design(), "Time course");
            Ui.waitUntil(() -> w.timeLabel().getText().equals("&Time (h):"));
            LauncherView.Widgets filled = Ui.fill(launcher, "time-course", "(none)", "", "2", "pS6K1");
            ResultView view = run(launcher, filled, ResultKind.TIME_COURSE);
            XYPlot plot = view.getChart().getXYPlot();
            assertEquals("time (h)", plot.getDomainAxis().getLabel());
            XYSeriesCollection data = (XYSeriesCollection) plot.getDataset();
            var last = data.getSeries(data.getSeriesCount() - 1);
            assertEquals(2.0, last.getMaxX(), 1e-9, "2 h on the axis");
            String key = data.getSeriesKey(data.getSeriesCount() - 1).toString();
            assertTrue(key.contains("2 h"), key);
            List<List<Object>> rows = view.getTable().rows();
            assertEquals(120.0, ((Number) rows.get(rows.size() - 1).get(0)).doubleValue(), 1e-9,
                    "tables keep minutes, as on the command line");
            Ui.screenshot(shots.resolve("view-time-course-hours.png"));
        } finally {
            if (dialog.getShell() != null && !dialog.getShell().isDisposed()) {
                dialog.close();
            }
            for (String key : List.of(RunPreferences.SOLVER, RunPreferences.RTOL, RunPreferences.ATOL,
                    RunPreferences.THREADS, RunPreferences.TIME_UNIT)) {
                store.setToDefault(key);
            }
            ((ScopedPreferenceStore) store).save();
        }
        Ui.waitUntil(() -> launcher.widgets().timeLabel() == null
                || launcher.widgets().timeLabel().getText().equals("&Time (min):"));
    }

    @Test
    void resultsOpenThroughTheResultViewsExtensionPoint() throws Exception {
        for (String kind : ResultKinds.BUILTIN) {
            ResultViews.Contribution c = ResultViews.forKind(kind).orElseThrow(() -> new AssertionError(kind));
            assertEquals(ViewIds.RESULT, c.viewId(), kind);
            assertNotNull(ResultKind.byKind(kind), kind);
        }
        List<String> ids = ResultViews.contributions().stream().map(ResultViews.Contribution::id).toList();
        assertTrue(ids.contains("org.mtorworkbench.ui.views.tests.flux"), ids.toString());
        assertFalse(ids.contains("org.mtorworkbench.ui.views.tests.invalid"), "an invalid contribution is left out");

        IWorkbenchPage page = Ui.window().getActivePage();
        Table fluxes = new Table(List.of("reaction", "flux"));
        fluxes.add("r1", 0.5).add("r2", 1.5);
        CustomResultView custom = assertInstanceOf(CustomResultView.class,
                ResultViews.open(page, new ExperimentResult.Tabular(CustomResultView.KIND, "two fluxes", fluxes)));
        assertEquals("two fluxes: 2 rows", custom.text());
        assertNotNull(page.findViewReference("org.mtorworkbench.ui.views.tests.fluxView", CustomResultView.KIND),
                "one instance per kind, the kind as secondary id");
        Ui.screenshot(SharedData.outputDir("screenshots").resolve("view-contributed-result.png"));

        PartInitException none = assertThrows(PartInitException.class, () -> ResultViews.open(page,
                new ExperimentResult.Tabular("nobody.shows.this", "x", fluxes)));
        assertTrue(none.getMessage().contains("no result view shows results of kind 'nobody.shows.this'"),
                none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ExperimentResult.Tabular("not a kind", "x", fluxes));

        // a table of a built-in kind from another bundle: the time-course view plots its numeric columns
        Table imported = new Table(List.of("time", "pS6K1"));
        imported.add(0.0, 0.1).add(10.0, 0.4).add(20.0, 0.3);
        ResultView tc = assertInstanceOf(ResultView.class,
                ResultViews.open(page, new ExperimentResult.Tabular(ResultKinds.TIME_COURSE, "imported", imported)));
        ResultRun shown = tc.getRuns().get(tc.getRuns().size() - 1);
        assertEquals(1, shown.curves().size());
        assertEquals(0.4, shown.curves().get(0).y()[1]);
        assertEquals("imported pS6K1", shown.curves().get(0).name());

        // precedence: the highest priority, then another bundle's over the workbench's own
        ResultViews.Contribution own = new ResultViews.Contribution("own", "own", "v1", Set.of("scan"), 0,
                "org.mtorworkbench.ui.views");
        ResultViews.Contribution other = new ResultViews.Contribution("other", "other", "v2", Set.of("scan"), 0,
                "org.example.views");
        assertEquals("other", ResultViews.choose(List.of(own, other), "scan").orElseThrow().id());
        assertEquals("other", ResultViews.choose(List.of(other, own), "scan").orElseThrow().id());
        ResultViews.Contribution ownFirst = new ResultViews.Contribution("own", "own", "v1", Set.of("scan"), 1,
                "org.mtorworkbench.ui.views");
        assertEquals("own", ResultViews.choose(List.of(ownFirst, other), "scan").orElseThrow().id());
        assertTrue(ResultViews.choose(List.of(own, other), "sensitivity").isEmpty());
    }
}
