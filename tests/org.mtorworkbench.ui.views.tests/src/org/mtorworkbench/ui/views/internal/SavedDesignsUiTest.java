package org.mtorworkbench.ui.views.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.mtorworkbench.experiments.SavedDesign;
import org.mtorworkbench.experiments.extension.OptionType;
import org.mtorworkbench.experiments.sedml.CombineArchive;
import org.mtorworkbench.experiments.sedml.SedmlWriter;
import org.mtorworkbench.experiments.sedml.SedmlExperiment;
import org.mtorworkbench.ui.views.ViewIds;

/**
 * Save ResultKind... and Open ResultKind... of the launcher: a dose-response saved into the
 * workspace as a COMBINE archive reads back as the same design and fills a new launcher's
 * fields; a design SED-ML cannot express and a malformed file are reported in one line; a
 * saved scan, which the fields do not show, and a plain SED-ML time course are run as they
 * stand.
 */
class SavedDesignsUiTest {

    /** A file in the folder of the workspace project {@code designs} (created and opened when needed). */
    private static Path workspaceFile(String name) throws Exception {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("designs");
        if (!project.exists()) {
            project.create(null);
        }
        if (!project.isOpen()) {
            project.open(null);
        }
        Path f = project.getLocation().toFile().toPath().resolve(name);
        Files.deleteIfExists(f);
        project.refreshLocal(IResource.DEPTH_ONE, null);
        return f;
    }

    private static LauncherView freshLauncher() throws Exception {
        IWorkbenchPage page = Ui.window().getActivePage();
        var ref = page.findViewReference(ViewIds.LAUNCHER);
        if (ref != null) {
            page.hideView(ref);
        }
        return Ui.launcher();
    }

    private static void waitFor(Job job) {
        Ui.waitUntil(() -> job.getResult() != null);
    }

    @Test
    void aDoseResponseIsSavedAndOpensAgainIntoTheFields() throws Exception {
        LauncherView launcher = freshLauncher();
        List<String> errors = new CopyOnWriteArrayList<>();
        launcher.errors = (title, message) -> errors.add(message);
        LauncherView.Widgets w = Ui.fill(launcher, "dose-response", "rapamycin", "0.01, 0.1, 1, 10, 100",
                "60", "pS6K1");
        SavedDesign spec = launcher.saved();
        Path omex = workspaceFile("rapamycin-dose-response.omex");
        long start = System.nanoTime();
        Job save = launcher.saveDesign(omex);
        assertNotNull(save, "Save Design did not start: " + errors);
        waitFor(save);
        Ui.waitUntil(() -> !w.status().getText().startsWith("Saving"));
        System.out.println("saving the dose-response design: " + (System.nanoTime() - start) / 1_000_000 + " ms, "
                + Files.size(omex) + " bytes");
        assertEquals(List.of(), errors);
        assertTrue(w.status().getText().startsWith("Saved the design in "), w.status().getText());
        assertTrue(Files.isRegularFile(omex));
        IFile[] inWorkspace = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(omex.toUri());
        assertEquals(1, inWorkspace.length);
        assertTrue(inWorkspace[0].exists(), "the saved file is not refreshed into the workspace");
        assertEquals("/designs/rapamycin-dose-response.omex", inWorkspace[0].getFullPath().toString());

        SedmlExperiment x = SedmlExperiment.open(omex);
        SavedDesign d = x.design().orElseThrow(() -> new AssertionError("no design read back from " + omex));
        assertEquals("dose-response", d.design());
        assertEquals(List.of("rapamycin"), d.values("varied-drug"));
        assertArrayEquals(new double[] {0.01, 0.1, 1, 10, 100}, OptionType.DOSES.parse(d.value("doses")).stream()
                .mapToDouble(Double::doubleValue).filter(v -> v > 0).toArray(), 1e-12);
        assertEquals(List.of("pS6K1"), d.values("readout"));
        assertEquals(Double.parseDouble(spec.value("t-end")), Double.parseDouble(d.value("t-end")), 1e-9);
        assertEquals(60, Double.parseDouble(d.value("t-end")), 1e-9);
        assertEquals(List.of("wildtype"), d.perturbation("context"));
        assertEquals(spec, d, "the launcher's design, as saved");
        assertEquals("mtor_network", x.firstModel().getModel().getId());

        // a new launcher showing another design takes the saved one's fields
        LauncherView fresh = freshLauncher();
        fresh.errors = (title, message) -> errors.add(message);
        LauncherView.Widgets f = Ui.fill(fresh, "time-course", "(none)", "5", "30", "pAkt_S473");
        assertNull(fresh.openDesign(omex), "a design of the launcher is shown, not run");
        assertEquals(List.of(), errors);
        assertEquals("Dose-response", f.design().getText());
        assertEquals("rapamycin", f.combo("varied-drug").getText());
        assertArrayEquals(new double[] {0.01, 0.1, 1, 10, 100}, OptionType.DOSES.parse(f.text("doses").getText())
                .stream().mapToDouble(Double::doubleValue).filter(v -> v > 0).toArray(), 1e-12);
        assertEquals(List.of("pS6K1"), List.of(f.list("readout").getSelection()));
        assertEquals("wildtype", f.combo(LauncherView.CONTEXT).getText());
        assertFalse(f.check("steady-state").getSelection());
        SavedDesign reopened = fresh.saved();
        assertEquals(Double.parseDouble(spec.value("t-end")), Double.parseDouble(reopened.value("t-end")), 1e-9);
        assertEquals("dose-response", reopened.design());
        assertEquals(spec, reopened, "the form shows the saved design as it was");
        assertTrue(f.status().getText().startsWith("Opened the design"), f.status().getText());

        // a double-click on the file in the Project Explorer goes to the launcher the same way
        var editor = PlatformUI.getWorkbench().getEditorRegistry().getDefaultEditor(omex.getFileName().toString());
        assertNotNull(editor, "no editor for .omex files");
        assertEquals("org.mtorworkbench.ui.views.designFile", editor.getId());
        Ui.choose(f.design(), "Steady state");
        new DesignFileLauncher().open(org.eclipse.core.runtime.Path.fromOSString(omex.toString()));
        assertEquals("Dose-response", f.design().getText());
        assertEquals(List.of(), errors);
    }

    @Test
    void aSensitivityAnalysisIsNotSavedAndSaysWhy() throws Exception {
        LauncherView launcher = freshLauncher();
        List<String> errors = new CopyOnWriteArrayList<>();
        launcher.errors = (title, message) -> errors.add(message);
        Ui.fill(launcher, "sensitivity", "(none)", "", "60", "pS6K1");
        Path omex = workspaceFile("sensitivity.omex");
        assertNull(launcher.saveDesign(omex));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("a sensitivity analysis cannot be saved as SED-ML"), errors.get(0));
        assertFalse(Files.exists(omex));
    }

    @Test
    void aMalformedFileGivesOneLineNamingFileAndLine() throws Exception {
        LauncherView launcher = freshLauncher();
        List<String> errors = new CopyOnWriteArrayList<>();
        launcher.errors = (title, message) -> errors.add(message);
        Path bad = workspaceFile("broken.sedml");
        Files.writeString(bad, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sedML xmlns=\"http://sed-ml.org/sed-ml/level1/version3\" level=\"1\" version=\"3\">\n"
                + "  <listOfModels>\n"
                + "</sedML>\n", StandardCharsets.UTF_8);
        assertNull(launcher.openDesign(bad));
        assertEquals(1, errors.size(), errors.toString());
        String message = errors.get(0);
        System.out.println("malformed file: " + message);
        assertTrue(message.contains("broken.sedml:4:"), message);
        assertTrue(message.contains("not well-formed"), message);
        assertFalse(message.contains("\n") || message.contains("Exception"), message);

        errors.clear();
        Path notZip = workspaceFile("not-an-archive.omex");
        Files.writeString(notZip, "plain text", StandardCharsets.UTF_8);
        assertNull(launcher.openDesign(notZip));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("not-an-archive.omex"), errors.get(0));
        assertFalse(errors.get(0).contains("\n"), errors.get(0));
    }

    @Test
    void aSavedScanIsRunAsItStandsAndItsReportShown() throws Exception {
        LauncherView launcher = freshLauncher();
        List<String> errors = new CopyOnWriteArrayList<>();
        launcher.errors = (title, message) -> errors.add(message);
        LauncherView.Widgets w = Ui.fill(launcher, "scan", "(none)", "", "60", "pS6K1");
        w.text("param").setText("GF=0.1:10:3:log");
        Path omex = workspaceFile("gf-scan.omex");
        Job save = launcher.saveDesign(omex);
        assertNotNull(save, errors.toString());
        waitFor(save);
        Ui.waitUntil(() -> !w.status().getText().startsWith("Saving"));
        assertEquals(List.of(), errors);

        IWorkbenchPage page = Ui.window().getActivePage();
        var ref = page.findViewReference(ViewIds.RESULT, ResultKind.SCAN.secondaryId());
        int before = ref == null || ref.getPart(false) == null ? 0 : ((ResultView) ref.getPart(false)).getRuns().size();
        SavedDesign saved = launcher.saved();
        Ui.choose(w.design(), "Time course");
        assertNull(launcher.openDesign(omex), "a saved scan opens into the form");
        assertEquals("Parameter scan", w.design().getText());
        assertEquals(saved, launcher.saved());
        // without the workbench's annotation the file is plain SED-ML: it is run as it stands
        CombineArchive archive = CombineArchive.read(omex);
        String plain = new String(archive.entries().get(archive.sedml()), StandardCharsets.UTF_8)
                .replaceAll("(?s)<annotation>.*</annotation>", "");
        org.sbml.jsbml.SBMLDocument doc = SedmlExperiment.open(omex).firstModel();
        CombineArchive.write(omex, archive.entries().get(SedmlWriter.MODEL_FILE), "sbml.level-" + doc.getLevel()
                + ".version-" + doc.getVersion(), plain);
        Job run = launcher.openDesign(omex);
        assertNotNull(run, "plain SED-ML is not one of the form's designs: the file is run");
        ResultView view = Ui.waitForResult(ResultKind.SCAN, before + 1);
        waitFor(run);
        Ui.waitUntil(() -> w.status().getText().startsWith("Ran "));
        assertEquals(List.of(), errors);
        ResultRun r = view.getRuns().get(view.getRuns().size() - 1);
        System.out.println("saved 3-point scan run from its file: " + r.millis() + " ms, columns "
                + r.table().columns());
        // SED-ML's reading: per point, the rows of its time course over the readout window
        int gf = r.table().columns().indexOf("r1_GF");
        int ps6k1 = r.table().columns().indexOf("pS6K1");
        assertTrue(gf >= 0 && ps6k1 >= 0, r.table().columns().toString());
        List<Double> points = r.table().rows().stream().map(row -> ((Number) row.get(gf)).doubleValue()).distinct()
                .toList();
        assertEquals(List.of(0.1, 1.0, 10.0), points.stream().map(v -> Math.round(v * 1e9) / 1e9).toList());
        List<List<Object>> rows = r.table().rows();
        double low = ((Number) rows.get(0).get(ps6k1)).doubleValue();
        double high = ((Number) rows.get(rows.size() - 1).get(ps6k1)).doubleValue();
        assertTrue(high > low, "more growth factor, more pS6K1: " + low + " -> " + high);
        assertTrue(r.label().startsWith("gf-scan.omex"), r.label());
    }

    @Test
    void aPlainSedmlTimeCourseIsRunAndShownAsATimeCourse() throws Exception {
        LauncherView launcher = freshLauncher();
        List<String> errors = new CopyOnWriteArrayList<>();
        launcher.errors = (title, message) -> errors.add(message);
        org.sbml.jsbml.SBMLDocument doc = org.mtorworkbench.network.NetworkModel.newDocument();
        Path model = workspaceFile("mtor-model.xml");
        Files.write(model, new org.mtorworkbench.sbml.SbmlWriter().toBytes(doc, model.toString()));
        String sbml = "http://www.sbml.org/sbml/level" + doc.getLevel() + "/version" + doc.getVersion()
                + (doc.getLevel() >= 3 ? "/core" : "");
        Path sedml = workspaceFile("plain-time-course.sedml");
        Files.writeString(sedml, """
                <?xml version="1.0" encoding="UTF-8"?>
                <sedML xmlns="http://sed-ml.org/sed-ml/level1/version3" xmlns:sbml="%s" level="1" version="3">
                  <listOfSimulations>
                    <uniformTimeCourse id="tc" initialTime="0" outputStartTime="0" outputEndTime="60" numberOfPoints="6">
                      <algorithm kisaoID="KISAO:0000019"/>
                    </uniformTimeCourse>
                  </listOfSimulations>
                  <listOfModels>
                    <model id="m" language="urn:sedml:language:sbml.level-%d.version-%d" source="mtor-model.xml"/>
                  </listOfModels>
                  <listOfTasks><task id="t" modelReference="m" simulationReference="tc"/></listOfTasks>
                  <listOfDataGenerators>
                    <dataGenerator id="time"><listOfVariables><variable id="tv" symbol="urn:sedml:symbol:time" taskReference="t"/></listOfVariables>
                      <math xmlns="http://www.w3.org/1998/Math/MathML"><ci>tv</ci></math></dataGenerator>
                    <dataGenerator id="s6k"><listOfVariables>
                        <variable id="sv" target="/sbml:sbml/sbml:model/sbml:listOfSpecies/sbml:species[@id='pS6K1']" taskReference="t"/>
                      </listOfVariables><math xmlns="http://www.w3.org/1998/Math/MathML"><ci>sv</ci></math></dataGenerator>
                  </listOfDataGenerators>
                  <listOfOutputs>
                    <report id="course"><listOfDataSets>
                      <dataSet id="d1" label="time" dataReference="time"/><dataSet id="d2" label="pS6K1" dataReference="s6k"/>
                    </listOfDataSets></report>
                  </listOfOutputs>
                </sedML>
                """.formatted(sbml, doc.getLevel(), doc.getVersion()), StandardCharsets.UTF_8);

        IWorkbenchPage page = Ui.window().getActivePage();
        var ref = page.findViewReference(ViewIds.RESULT, ResultKind.TIME_COURSE.secondaryId());
        int before = ref == null || ref.getPart(false) == null ? 0 : ((ResultView) ref.getPart(false)).getRuns().size();
        Job run = launcher.openDesign(sedml);
        assertNotNull(run, "plain SED-ML is run: " + errors);
        ResultView view = Ui.waitForResult(ResultKind.TIME_COURSE, before + 1);
        waitFor(run);
        assertEquals(List.of(), errors);
        ResultRun r = view.getRuns().get(view.getRuns().size() - 1);
        assertEquals(List.of("time", "pS6K1"), r.table().columns());
        assertEquals(7, r.table().rows().size(), "6 intervals from 0 to 60 min");
        assertEquals(60.0, ((Number) r.table().rows().get(6).get(0)).doubleValue(), 1e-9);
        assertEquals(1, r.curves().size(), "pS6K1 over time");
        assertTrue(r.label().equals("plain-time-course.sedml course"), r.label());
    }
}
