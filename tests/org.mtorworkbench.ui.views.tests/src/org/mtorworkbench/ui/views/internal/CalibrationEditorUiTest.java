package org.mtorworkbench.ui.views.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.ide.IDE;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.mtorworkbench.calibration.MultiStart;
import org.mtorworkbench.calibration.PetabObjective;
import org.mtorworkbench.calibration.PetabProblem;
import org.mtorworkbench.calibration.Profile;
import org.mtorworkbench.sbml.NumberText;

/**
 * The Calibration editor on a PEtab problem in the workspace, driven as a user would: it shows
 * the problem; Evaluate gives the objective's llh and plots data with error bars against the
 * simulation; Fit runs the starts and shows the waterfall and the fitted values; Profile gives
 * each parameter's interval and verdict and the profile plot with the 95% threshold; plots
 * export as PNG and SVG. The problem: {@code x' = -k x}, {@code x(0) = 1}, observable
 * {@code A0 x}, data from k = 0.3, A0 = 2 at 21 times with alternating +-1% errors, sigma 0.02.
 */
class CalibrationEditorUiTest {

    private static final double K = 0.3;
    private static final double A0 = 2;

    /** Writes the problem into the workspace project {@code calibration} and returns its YAML file. */
    private static IFile problem(String folder, boolean complete) throws Exception {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("calibration");
        if (!project.exists()) {
            project.create(null);
        }
        if (!project.isOpen()) {
            project.open(null);
        }
        Path dir = project.getLocation().toFile().toPath().resolve(folder);
        Files.createDirectories(dir);
        write(dir, "model.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" level="3" version="1">
                  <model id="decay">
                    <listOfParameters>
                      <parameter id="k" value="1" constant="true"/>
                      <parameter id="x" value="1" constant="false"/>
                    </listOfParameters>
                    <listOfRules>
                      <rateRule variable="x"><math xmlns="http://www.w3.org/1998/Math/MathML">
                        <apply><times/><apply><minus/><ci>k</ci></apply><ci>x</ci></apply></math></rateRule>
                    </listOfRules>
                  </model>
                </sbml>
                """);
        write(dir, "conditions.tsv", "conditionId\nc0\n");
        write(dir, "observables.tsv", "observableId\tobservableFormula\tnoiseFormula\nobs\tA0 * x\t0.02\n");
        write(dir, "parameters.tsv", "parameterId\tparameterScale\tlowerBound\tupperBound\tnominalValue\testimate\n"
                + "k\tlog10\t0.01\t10\t1\t1\nA0\tlog10\t0.1\t10\t1\t1\n");
        if (complete) {
            StringBuilder m = new StringBuilder("observableId\tsimulationConditionId\ttime\tmeasurement\n");
            for (int i = 0; i <= 20; i++) {
                double t = 0.5 * i;
                double y = A0 * Math.exp(-K * t) * (1 + (i % 2 == 0 ? 0.01 : -0.01));
                m.append("obs\tc0\t").append(NumberText.format(t)).append('\t').append(NumberText.format(y)).append('\n');
            }
            write(dir, "measurements.tsv", m.toString());
        }
        write(dir, "problem.yaml", """
                format_version: 1
                parameter_file: parameters.tsv
                problems:
                - condition_files:
                  - conditions.tsv
                  measurement_files:
                  - measurements.tsv
                  observable_files:
                  - observables.tsv
                  sbml_files:
                  - model.xml
                """);
        project.refreshLocal(IResource.DEPTH_INFINITE, null);
        return project.getFile(folder + "/problem.yaml");
    }

    private static void write(Path dir, String name, String text) throws Exception {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static CalibrationEditor open(IFile file) throws Exception {
        IWorkbenchPage page = Ui.window().getActivePage();
        IEditorPart editor = IDE.openEditor(page, file);
        CalibrationEditor calibration = assertInstanceOf(CalibrationEditor.class, editor,
                "a PEtab YAML file opens in the Calibration editor");
        Ui.waitUntil(calibration::isLoaded); // the problem is read off the UI thread
        return calibration;
    }

    private static void finish(CalibrationEditor editor) {
        assertNotNull(editor.job(), "the action started no job: " + editor.statusText());
        Ui.waitUntil(() -> editor.job() == null);
    }

    @Test
    void evaluateFitAndProfileAProblemFromTheWorkspace() throws Exception {
        IFile file = problem("decay", true);
        CalibrationEditor editor = open(file);
        assertTrue(editor.statusText().contains("PEtab v1") && editor.statusText().contains("2 of 2 parameter(s) estimated")
                && editor.statusText().contains("21 measurement(s)"), editor.statusText());
        assertEquals(List.of("k", "A0"), editor.parameterRows().stream().map(r -> r.get(0)).toList());

        // Evaluate: the objective's own value at the nominal parameters, data and simulation plotted
        editor.evaluate();
        finish(editor);
        PetabObjective reference = PetabObjective.create(PetabProblem.read(file.getLocation().toFile().toPath()),
                PetabObjective.defaultOptions());
        double nominal = reference.evaluateNominal().llh();
        assertEquals(nominal, editor.value().llh(), 1e-9 * Math.abs(nominal));
        assertTrue(editor.statusText().contains("llh = " + Numbers.format(nominal)), editor.statusText());
        XYPlot fitPlot = editor.chart(0).getXYPlot();
        assertEquals(1, fitPlot.getDataset(0).getSeriesCount(), "one observable in one experiment: one data series");
        assertEquals(21, fitPlot.getDataset(0).getItemCount(0), "every measurement drawn");
        assertEquals(21, fitPlot.getDataset(1).getItemCount(0), "the simulation at every measured time");

        // Fit: five starts, the waterfall, the fitted values recover the generating parameters
        editor.choose(5, "trust-region-lm");
        editor.fit();
        finish(editor);
        MultiStart.Result fit = editor.fitResult();
        assertEquals(5, fit.starts().size());
        assertTrue(fit.best().llh() > nominal, "the fit improves on the nominal point");
        assertTrue(editor.statusText().startsWith("best llh = "), editor.statusText());
        assertEquals(5, editor.chart(1).getXYPlot().getDataset().getItemCount(0), "one waterfall point per start");
        List<String> k = editor.parameterRows().get(0);
        assertEquals(K, Double.parseDouble(k.get(6)), 0.01 * K, "fitted k: " + k);
        assertEquals(A0, Double.parseDouble(editor.parameterRows().get(1).get(6)), 0.01 * A0);
        assertTrue(editor.value().llh() >= fit.best().llh() - 1e-9, "the data plot shows the best fit");

        // Profile: both parameters identifiable, intervals around the truth, the threshold drawn
        editor.profile();
        finish(editor);
        Profile.Result profiles = editor.profileResult();
        assertEquals(2, profiles.profiles().size());
        for (Profile.ParameterProfile p : profiles.profiles()) {
            assertEquals(Profile.Verdict.IDENTIFIABLE, p.verdict(), p.id());
            double truth = Math.log10(p.id().equals("k") ? K : A0);
            assertTrue(p.lower() < truth && truth < p.upper(), p.id() + ": [" + p.lower() + ", " + p.upper() + "]");
        }
        assertTrue(editor.parameterRows().get(0).get(7).startsWith("["), editor.parameterRows().get(0).toString());
        assertEquals(Profile.Verdict.IDENTIFIABLE.text(), editor.parameterRows().get(0).get(8));
        XYPlot profilePlot = editor.chart(3).getXYPlot();
        assertEquals(2, profilePlot.getDataset().getSeriesCount());
        assertEquals(-Profile.THRESHOLD, ((org.jfree.chart.plot.ValueMarker) profilePlot.getRangeMarkers(
                org.jfree.chart.ui.Layer.FOREGROUND).iterator().next()).getValue(), 1e-12);
        assertEquals(2, editor.chart(2).getXYPlot().getDataset().getItemCount(0), "one estimate per parameter");

        // Export: PNG and SVG of the plots
        Path dir = Files.createTempDirectory("calibration-export");
        Path png = dir.resolve("profiles.png");
        Path svg = dir.resolve("waterfall.svg");
        editor.exportChart(editor.chart(3), png, 900, 600);
        editor.exportChart(editor.chart(1), svg, 900, 600);
        byte[] head = Files.readAllBytes(png);
        assertTrue(head.length > 1000 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G', "a PNG image");
        assertTrue(Files.readString(svg).contains("<svg"), "an SVG document");
        Ui.window().getActivePage().closeEditor(editor, false);
    }

    @Test
    void aProblemThatCannotBeReadShowsItsErrorAndOffersNoAction() throws Exception {
        CalibrationEditor editor = open(problem("broken", false));
        assertTrue(editor.statusText().contains("measurements.tsv"), editor.statusText());
        editor.evaluate();
        assertEquals(null, editor.job(), "no evaluation of a problem that was not read");
        Ui.window().getActivePage().closeEditor(editor, false);
    }
}
