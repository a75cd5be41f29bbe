package org.mtorworkbench.ui.views.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.Test;
import org.mtorworkbench.experiments.SavedDesign;
import org.mtorworkbench.experiments.extension.DesignOption;
import org.mtorworkbench.experiments.extension.ExperimentDesign;
import org.mtorworkbench.experiments.extension.ExperimentDesigns;
import org.mtorworkbench.experiments.sedml.SedmlExperiment;
import org.mtorworkbench.tests.support.SampleModels;
import org.mtorworkbench.tests.support.SharedData;
import org.mtorworkbench.ui.views.ViewIds;
import org.sbml.jsbml.SBMLDocument;

/**
 * The launcher's form comes from the designs' option descriptors: every active design is
 * offered (the example bundle's included) with exactly its fields, saved and reopened as
 * SED-ML; it runs the model of whatever editor adapts to an SBML document (the pathway
 * editor); Run and Cancel stay visible in a small window; Ctrl+Enter runs.
 */
class LauncherFormUiTest {

    private static final String EXAMPLE = "selectivity";

    private static IFile workspaceFile(String name, String content) throws Exception {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("launcher-form");
        if (!project.exists()) {
            project.create(null);
        }
        if (!project.isOpen()) {
            project.open(null);
        }
        IFile f = project.getFile(name);
        if (f.exists()) {
            f.delete(true, null);
        }
        f.create(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), true, null);
        return f;
    }

    private static List<String> expectedFields(ExperimentDesign d) {
        List<String> ids = new ArrayList<>();
        if (d.options().stream().noneMatch(o -> o.flag().equals("--drug"))) {
            ids.addAll(List.of(LauncherView.DRUG, LauncherView.DOSE));
        }
        d.options().stream().map(DesignOption::id).forEach(ids::add);
        ids.addAll(List.of(LauncherView.CONTEXT, LauncherView.KNOCKOUT));
        return ids;
    }

    @Test
    void everyActiveDesignIsOfferedWithExactlyItsOwnFields() throws Exception {
        LauncherView launcher = Ui.launcher();
        LauncherView.Widgets w = launcher.widgets();
        List<String> offered = List.of(w.design().getItems());
        for (ExperimentDesign d : ExperimentDesigns.all()) {
            assertTrue(offered.contains(d.label()), d.label() + " is offered: " + offered);
            Ui.choose(w.design(), d.label());
            assertEquals(expectedFields(d), w.fieldIds(), d.id());
        }
        assertTrue(offered.contains("IC50 selectivity (example)"), "the example bundle's design: " + offered);
        Ui.choose(w.design(), "Parameter scan");
        assertFalse(w.has("doses"), "a scan has no doses");
        assertTrue(w.has("param") && w.has("samples"));
        Ui.choose(w.design(), "Combination");
        assertTrue(w.has("varied-drug-b") && w.has("synergy") && !w.has(LauncherView.DRUG));
    }

    @Test
    void theExampleBundlesDesignHasItsFormAndIsSavedAndReopenedAsSedml() throws Exception {
        IWorkbenchPage page = Ui.window().getActivePage();
        var ref = page.findViewReference(ViewIds.LAUNCHER);
        if (ref != null) {
            page.hideView(ref);
        }
        LauncherView launcher = Ui.launcher();
        List<String> errors = new CopyOnWriteArrayList<>();
        launcher.errors = (title, message) -> errors.add(message);
        LauncherView.Widgets w = Ui.fill(launcher, EXAMPLE, "bisteric_mtorc1", "0.1:1000:5", "60", "pS6K1",
                "pAkt_S473");
        assertTrue(w.has("spared-above"), "the example's own option is a field: " + w.fieldIds());
        w.text("spared-above").setText("20");
        SavedDesign saved = launcher.saved();
        assertEquals(List.of("20"), saved.values("spared-above"));
        Path omex = Files.createTempDirectory("launcher-form").resolve("selectivity.omex");
        Job save = launcher.saveDesign(omex);
        assertNotNull(save, "Save Design did not start: " + errors);
        Ui.waitUntil(() -> save.getResult() != null);
        Ui.waitUntil(() -> !w.status().getText().startsWith("Saving"));
        assertEquals(List.of(), errors);
        assertEquals(saved, SedmlExperiment.open(omex).design().orElseThrow(), "saved as its id and option values");

        Ui.choose(w.design(), "Time course");
        assertNull(launcher.openDesign(omex), "the example's design opens into the form");
        assertEquals(List.of(), errors);
        assertEquals("IC50 selectivity (example)", w.design().getText());
        assertEquals("20", w.text("spared-above").getText());
        assertEquals("bisteric_mtorc1", w.combo("varied-drug").getText());
        assertEquals(List.of("pAkt_S473", "pS6K1"), List.of(w.list("readout").getSelection()), "in the list's order");
        assertEquals(saved, launcher.saved());

        ResultView view = Ui.run(launcher, w, ResultKind.TABLE);
        ResultRun r = view.getRuns().get(view.getRuns().size() - 1);
        assertEquals(List.of("drug", "readout", "ic50_nM", "ic50_low", "ic50_high", "hill", "fold_vs_first", "spared"),
                r.table().columns());
        assertEquals(2, r.table().rows().size());
        assertNotNull(r.bars(), "a table of another bundle's design is drawn as bars");
    }


    @Test
    void theLauncherRunsTheModelOfAnOpenPathwayEditor() throws Exception {
        IFile file = workspaceFile("reversible.xml", SampleModels.REVERSIBLE_AB);
        IWorkbenchPage page = Ui.window().getActivePage();
        IEditorPart editor = IDE.openEditor(page, file, "org.mtorworkbench.ui.editor.pathwayEditor");
        assertEquals("org.mtorworkbench.ui.editor.PathwayEditor", editor.getClass().getName());
        Ui.waitUntil(() -> Adapters.adapt(editor, SBMLDocument.class) != null);
        LauncherView launcher = Ui.launcher();
        LauncherView.Widgets w = launcher.widgets();
        Ui.choose(w.design(), "Steady state");
        Ui.choose(w.model(), LauncherView.ACTIVE_EDITOR);
        assertEquals(List.of("A", "B"), List.of(w.list("readout").getItems()), "the editor's species");
        w.list("readout").setSelection(new String[] { "B" });
        Ui.choose(w.combo(LauncherView.DRUG), LauncherView.NO_DRUG);
        Ui.choose(w.combo(LauncherView.CONTEXT), "wildtype");
        ResultView view = Ui.run(launcher, w, ResultKind.STEADY_STATE);
        ResultRun r = view.getRuns().get(view.getRuns().size() - 1);
        List<Object> row = r.table().rows().get(0);
        assertEquals("B", row.get(0));
        assertEquals(2.0, ((Number) row.get(r.table().columns().indexOf("steady_state"))).doubleValue(), 1e-6,
                "B = 3 kf / (kf + kr) at the steady state of the editor's model");
        page.closeEditor(editor, false);
        Ui.choose(w.model(), "builtin:mtor");
    }

    @Test
    void runAndCancelStayVisibleInASmallWindowAndCtrlEnterRuns() throws Exception {
        Shell shell = Ui.window().getShell();
        Point size = shell.getSize();
        try {
            shell.setSize(1024, 700);
            LauncherView launcher = Ui.launcher();
            LauncherView.Widgets w = Ui.fill(launcher, "time-course", "(none)", "", "30", "pS6K1");
            for (String design : List.of("Sensitivity", "Combination", "Knockout screen", "Time course")) {
                Ui.choose(w.design(), design);
                Ui.waitUntil(() -> true);
                for (Button b : List.of(w.run(), w.cancel())) {
                    assertShown(b, design);
                }
            }
            Ui.screenshot(SharedData.outputDir("screenshots").resolve("launcher-1024x700.png"));
            w.list("readout").setSelection(new String[] { "pS6K1" });
            w.text("t-end").setText("30");
            Control field = w.text("t-end");
            Event e = new Event();
            e.keyCode = SWT.CR;
            e.character = '\r';
            e.stateMask = SWT.MOD1;
            IWorkbenchPage page = Ui.window().getActivePage();
            var ref = page.findViewReference(ViewIds.RESULT, ResultKind.TIME_COURSE.secondaryId());
            int before = ref == null || ref.getPart(false) == null ? 0
                    : ((ResultView) ref.getPart(false)).getRuns().size();
            field.notifyListeners(SWT.KeyDown, e);
            assertNotNull(launcher.currentJob(), "Ctrl+Enter did not run: " + w.status().getText());
            Ui.waitForResult(ResultKind.TIME_COURSE, before + 1);
            Ui.waitUntil(() -> launcher.currentJob() == null);
        } finally {
            shell.setSize(size);
        }
    }

    /** The button is visible and lies wholly inside the view's area. */
    private static void assertShown(Button b, String design) {
        assertTrue(b.isVisible(), design + ": " + b.getText() + " is hidden");
        Composite view = b.getParent().getParent();
        Rectangle area = b.getDisplay().map(view, null, view.getClientArea());
        Rectangle button = b.getDisplay().map(b.getParent(), null, b.getBounds());
        assertTrue(button.height > 0 && area.contains(button.x, button.y)
                && area.contains(button.x + button.width - 1, button.y + button.height - 1),
                design + ": " + b.getText() + " at " + button + " outside the view " + area);
    }
}
