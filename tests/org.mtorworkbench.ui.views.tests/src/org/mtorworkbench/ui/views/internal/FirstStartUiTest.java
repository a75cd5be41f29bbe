package org.mtorworkbench.ui.views.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.Test;
import org.mtorworkbench.ui.views.ViewIds;
import org.sbml.jsbml.SBMLDocument;

/**
 * The first start on a fresh workspace (issue 17): the built-in network opens in the pathway
 * editor beside the welcome page, whose examples run with one click. Runs in a workspace of its
 * own ({@code pom.xml}: the {@code first-start} execution); {@link SecondStartUiTest} then starts
 * the workbench again on it.
 */
class FirstStartUiTest {

    static final String PATHWAY_EDITOR = "org.mtorworkbench.ui.editor.pathwayEditor";
    static final String NETWORK_FILE = "mtor-network.xml";
    /** The name of the workbench's periodic save job ({@code Workbench.WORKBENCH_AUTO_SAVE_JOB}). */
    private static final String AUTO_SAVE = "Workbench Auto-Save Job";

    /** @return the editors open on the network's file */
    static List<IEditorReference> networkEditors(IWorkbenchPage page) {
        return Arrays.stream(page.getEditorReferences()).filter(r -> NETWORK_FILE.equals(r.getName())).toList();
    }

    /** Waits until the editor has read its model, and returns it. */
    static SBMLDocument loaded(IEditorReference editor) {
        Ui.waitUntil(() -> editor.getEditor(true) != null
                && Adapters.adapt(editor.getEditor(true), SBMLDocument.class) != null);
        return Adapters.adapt(editor.getEditor(true), SBMLDocument.class);
    }

    @Test
    void aFreshWorkspaceShowsTheNetworkBesideTheWelcomePageAndRunsAnExample() throws Exception {
        IWorkbenchPage page = Ui.window().getActivePage();
        assertTrue(InstanceScope.INSTANCE.getNode("org.mtorworkbench.ui").getBoolean("firstRun.done", false),
                "the first start is recorded in the workspace");

        List<IEditorReference> editors = networkEditors(page);
        assertEquals(1, editors.size(), "the network is open once");
        IEditorReference editor = editors.get(0);
        assertEquals(PATHWAY_EDITOR, editor.getId(), "the network opens in the pathway editor");
        IFile file = assertInstanceOf(IFileEditorInput.class, editor.getEditorInput()).getFile();
        assertEquals("/mTOR network/" + NETWORK_FILE, file.getFullPath().toString());
        assertEquals("mtor_network", loaded(editor).getModel().getId());
        assertEquals(editor.getEditor(false), page.getActiveEditor());

        WelcomeView welcome = assertInstanceOf(WelcomeView.class, page.findView(ViewIds.WELCOME));
        assertTrue(page.isPartVisible(welcome), "the welcome page is visible beside the editor");
        assertEquals(Examples.ALL.size(), welcome.runButtons().size());
        assertEquals(3, Examples.ALL.size(), "three examples");
        assertNotNull(welcome.docs(), "the guides are found beside the sources the product was built from");
        for (String guide : WelcomeView.GUIDES.values()) {
            assertTrue(Files.isRegularFile(welcome.docs().resolve(guide)), guide);
        }
        Screenshots.take("welcome", Ui.window().getShell());

        // one click: rapamycin beside untreated cells over a day, in the time-course view
        int before = runs(page, ResultKind.TIME_COURSE);
        LauncherView launcher = Ui.launcher();
        Ui.click(welcome.runButtons().get(0));
        ResultView view = Ui.waitForResult(ResultKind.TIME_COURSE, before + 2);
        Ui.waitUntil(() -> launcher.currentJob() == null);
        assertEquals("Done.", launcher.widgets().status().getText());
        assertEquals("Time course", launcher.widgets().design().getText(), "the form shows what ran");
        List<ResultRun> runs = view.getRuns().subList(before, before + 2);
        double untreatedAkt = last(runs.get(0), "pAkt_S473");
        double treatedAkt = last(runs.get(1), "pAkt_S473");
        double untreatedS6k = last(runs.get(0), "pS6K1");
        double treatedS6k = last(runs.get(1), "pS6K1");
        System.out.printf("welcome example 1 at 24 h: pAkt_S473 %.4g untreated, %.4g rapamycin; pS6K1 %.4g, %.4g%n",
                untreatedAkt, treatedAkt, untreatedS6k, treatedS6k);
        assertTrue(treatedS6k < 0.5 * untreatedS6k, "rapamycin lowers pS6K1");
        assertTrue(treatedAkt > 1.2 * untreatedAkt, "and releases Akt: the feedback");

        // the three inhibitor classes: three dose-responses overlaid, each with its Hill fit and IC50
        int doseRuns = runs(page, ResultKind.DOSE_RESPONSE);
        Ui.click(welcome.runButtons().get(1));
        ResultView doses = Ui.waitForResult(ResultKind.DOSE_RESPONSE, doseRuns + 3);
        Ui.waitUntil(() -> launcher.currentJob() == null);
        assertEquals("Done.", launcher.widgets().status().getText());
        List<ResultRun> classes = doses.getRuns().subList(doseRuns, doseRuns + 3);
        for (int i = 0; i < 3; i++) {
            String drug = List.of("rapamycin", "azd8055", "bez235").get(i);
            ResultRun r = classes.get(i);
            assertTrue(r.label().contains(drug), r.label());
            assertTrue(Double.isFinite(r.ic50()) && r.ic50() > 0, drug + " IC50 " + r.ic50());
            assertEquals(13, r.curves().get(0).x().length, "13 doses of " + drug);
            System.out.printf("welcome example 2: %s p4EBP1 IC50 %.4g nM%n", drug, r.ic50());
        }
        Screenshots.takeMaximized("dose-response", doses);

        // rapamycin x MEK inhibitor: the response and Bliss-excess heatmaps of a 5 x 6 matrix
        int comboRuns = runs(page, ResultKind.COMBINATION);
        Ui.click(welcome.runButtons().get(2));
        ResultView combo = Ui.waitForResult(ResultKind.COMBINATION, comboRuns + 1);
        Ui.waitUntil(() -> launcher.currentJob() == null);
        assertEquals("Done.", launcher.widgets().status().getText());
        ResultRun matrix = combo.getRuns().get(comboRuns);
        assertEquals(2, matrix.heats().size(), "response and Bliss excess");
        // each drug alone too: dose 0 of the other
        assertEquals(6, matrix.heats().get(0).xs().length, "no rapamycin and its 5 doses");
        assertEquals(0, matrix.heats().get(0).xs()[0]);
        assertEquals(7, matrix.heats().get(0).ys().length, "no PD0325901 and its 6 doses");
        System.out.println("welcome example 3: " + matrix.heats().get(1).title());

        // the next start restores the editor; the welcome page closed here stays closed
        page.hideView(welcome);
        Ui.waitUntil(() -> page.findView(ViewIds.WELCOME) == null);
        page.activate(editor.getEditor(false));
        Screenshots.take("workbench", Ui.window().getShell());

        // The test harness ends the session without the workbench's close, which saves the open
        // editors' inputs and the layout; the workbench's periodic save does the same: run it now.
        Job[] save = Arrays.stream(Job.getJobManager().find(null)).filter(j -> AUTO_SAVE.equals(j.getName()))
                .toArray(Job[]::new);
        assertEquals(1, save.length, "the workbench's periodic save job (WORKBENCH_SAVE_INTERVAL > 0)");
        AtomicBoolean saved = new AtomicBoolean();
        save[0].addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                saved.set(true);
            }
        });
        // scheduled with the interval as its delay, it sleeps until then: wake it up
        save[0].wakeUp();
        Ui.waitUntil(saved::get);
    }

    private static int runs(IWorkbenchPage page, ResultKind kind) {
        var ref = page.findViewReference(ViewIds.RESULT, kind.secondaryId());
        return ref == null || ref.getPart(false) == null ? 0 : ((ResultView) ref.getPart(false)).getRuns().size();
    }

    private static double last(ResultRun run, String readout) {
        Curve c = run.curves().stream().filter(k -> k.name().endsWith(" " + readout)).findFirst().orElseThrow(
                () -> new AssertionError("no curve of " + readout + " in " + run.label()));
        return c.y()[c.y().length - 1];
    }

    /** @return the workspace's folder, for messages */
    static Path workspace() {
        return Path.of(org.eclipse.core.resources.ResourcesPlugin.getWorkspace().getRoot().getLocation().toOSString());
    }
}
