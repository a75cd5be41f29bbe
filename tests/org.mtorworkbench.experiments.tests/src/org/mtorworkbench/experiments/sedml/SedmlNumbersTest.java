package org.mtorworkbench.experiments.sedml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtorworkbench.experiments.BatchRunner;
import org.mtorworkbench.experiments.Cancellation;
import org.mtorworkbench.experiments.PreparedModel;
import org.mtorworkbench.experiments.Progress;
import org.mtorworkbench.experiments.SavedDesign;
import org.mtorworkbench.experiments.extension.DesignRequest;
import org.mtorworkbench.experiments.extension.ExperimentDesign;
import org.mtorworkbench.experiments.extension.ExperimentDesigns;
import org.mtorworkbench.network.DrugCatalogue;
import org.mtorworkbench.network.NetworkModel;
import org.mtorworkbench.sbml.NumberText;
import org.mtorworkbench.sbml.SbmlWriter;
import org.mtorworkbench.simulation.SolverOptions;
import org.sbml.jsbml.SBMLDocument;

/**
 * Numbers in a saved design read back as the values saved (issue 13, defect 3): the writer
 * used to write -0 as 0 and infinity as "infinity", which neither SED-ML nor Java reads.
 */
class SedmlNumbersTest {

    private static SBMLDocument sbml;
    private static PreparedModel model;

    @TempDir
    Path tmp;

    @BeforeAll
    static void compile() throws Exception {
        sbml = NetworkModel.newDocument();
        model = PreparedModel.of(sbml);
    }

    @Test
    void doseAndSetValuesOfEveryMagnitudeReadBackBitForBit() throws Exception {
        Map<String, Double> set = new LinkedHashMap<>();
        set.put("GF", 9.437111707e-10);
        set.put("aminoacids", 2.345678901e-20);
        set.put("k_4e_unbind", -0.0);
        double[] doses = { 1e-300, 0.1 + 0.2, 1.0 / 3, 1e23, Double.MIN_VALUE };
        StringBuilder doseText = new StringBuilder();
        for (double x : doses) {
            doseText.append(doseText.length() > 0 ? "," : "").append(NumberText.format(x));
        }
        Map<String, List<String>> options = new LinkedHashMap<>();
        options.put("varied-drug", List.of("rapamycin"));
        options.put("doses", List.of(doseText.toString()));
        options.put("readout", List.of("pS6K1"));
        options.put("t-end", List.of(NumberText.format(1.0 / 7)));
        List<String> sets = new ArrayList<>();
        set.forEach((id, v) -> sets.add(id + "=" + NumberText.format(v)));
        SavedDesign d = new SavedDesign("dose-response", options, Map.of("set", sets));
        ExperimentDesign design = ExperimentDesigns.byId("dose-response").orElseThrow();
        DesignRequest request = DesignRequest.prepare(design, d, model, DrugCatalogue.builtin(),
                SolverOptions.defaults(), new BatchRunner(1), Progress.NONE, new Cancellation());
        String sedml = SedmlWriter.write(design, request, sbml, () -> false);
        assertFalse(sedml.contains("E-") || sedml.contains("E2"), "Java's exponent form in " + sedml);
        assertTrue(sedml.contains("9.437111707e-10"), sedml);
        Path omex = tmp.resolve("numbers.omex");
        CombineArchive.write(omex, new SbmlWriter().toBytes(sbml, "builtin:mtor"), "sbml.level-3.version-2", sedml);
        SavedDesign back = SedmlExperiment.open(omex).design().orElseThrow();
        Map<String, Double> setBack = new LinkedHashMap<>();
        for (String kv : back.perturbation("set")) {
            int eq = kv.indexOf('=');
            setBack.put(kv.substring(0, eq), NumberText.parse(kv.substring(eq + 1)));
        }
        for (Map.Entry<String, Double> e : set.entrySet()) {
            assertBits(e.getValue(), setBack.get(e.getKey()), e.getKey());
        }
        String[] dosesBack = back.value("doses").split(",");
        assertEquals(doses.length, dosesBack.length);
        for (int i = 0; i < doses.length; i++) {
            assertBits(doses[i], NumberText.parse(dosesBack[i]), "dose " + i);
        }
        assertBits(1.0 / 7, NumberText.parse(back.value("t-end")), "readout time");
    }

    @Test
    void mathMlNumbersAreWrittenAndReadExactly() throws Exception {
        for (double v : new double[] { 9.437111707e-10, -0.0, 1e-320, Double.MAX_VALUE, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY }) {
            assertBits(v, MathMl.eval(MathMl.cn(v), Map.of(), "test"), "cn " + v);
        }
        assertTrue(Double.isNaN(MathMl.eval(MathMl.cn(Double.NaN), Map.of(), "test")));
        // e-notation is the decimal it spells: 7.848662004 * 10^183 rounded twice is another double.
        org.w3c.dom.Element e = MathMl.cn(0);
        e.setAttribute("type", "e-notation");
        e.setTextContent("7.848662004");
        e.appendChild(e.getOwnerDocument().createElementNS("http://www.w3.org/1998/Math/MathML", "sep"));
        e.appendChild(e.getOwnerDocument().createTextNode("183"));
        // Written without spaces around <sep/>, as some tools do.
        assertBits(7.848662004e183, MathMl.eval(e, Map.of(), "test"), "e-notation");
        org.w3c.dom.Element third = MathMl.cn(0);
        third.setAttribute("type", "rational");
        third.setTextContent(" 1 ");
        third.appendChild(third.getOwnerDocument().createElementNS("http://www.w3.org/1998/Math/MathML", "sep"));
        third.appendChild(third.getOwnerDocument().createTextNode(" 3 "));
        assertBits(1.0 / 3, MathMl.eval(third, Map.of(), "test"), "rational");
    }

    private static void assertBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                () -> what + ": saved " + expected + ", read " + actual);
    }
}
