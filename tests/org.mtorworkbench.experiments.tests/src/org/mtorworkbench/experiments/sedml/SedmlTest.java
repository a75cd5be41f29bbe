package org.mtorworkbench.experiments.sedml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtorworkbench.experiments.BatchRunner;
import org.mtorworkbench.experiments.Cancellation;
import org.mtorworkbench.experiments.PreparedModel;
import org.mtorworkbench.experiments.Progress;
import org.mtorworkbench.experiments.ReadoutTime;
import org.mtorworkbench.experiments.SavedDesign.Kind;
import org.mtorworkbench.experiments.SavedDesign;
import org.mtorworkbench.experiments.Scan;
import org.mtorworkbench.experiments.Table;
import org.mtorworkbench.network.CellContexts;
import org.mtorworkbench.network.DrugCatalogue;
import org.mtorworkbench.network.NetworkModel;
import org.mtorworkbench.sbml.SbmlWriter;
import org.mtorworkbench.simulation.SolverOptions;
import org.mtorworkbench.tests.support.SampleModels;
import org.sbml.jsbml.SBMLDocument;
import org.w3c.dom.Element;

/**
 * SED-ML L1V3 and COMBINE archives: designs written and read back, the written files checked
 * against the L1V3 structure, their plain SED-ML meaning run by the generic interpreter and
 * compared with the workbench's own run, SED-ML written by hand, and the errors.
 */
class SedmlTest {

    private static SBMLDocument sbml;
    private static PreparedModel model;

    @TempDir
    Path tmp;

    @BeforeAll
    static void compile() throws Exception {
        sbml = NetworkModel.newDocument();
        model = PreparedModel.of(sbml);
    }

    private static SavedDesign doseResponse(Map<String, Double> background) {
        return new SavedDesign(Kind.DOSE_RESPONSE, "pten_null", List.of(), Map.of(), Map.of(), background,
                List.of("bez235"), List.of(new double[] { 1, 10, 100, 1000 }), List.of(), List.of("pS6K1", "pAkt_S473"),
                ReadoutTime.at(60), 1);
    }

    private Path archive(SavedDesign d) throws Exception {
        String sedml = SedmlWriter.write(d, sbml, model, DrugCatalogue.builtin(), CellContexts.builtin(),
                SolverOptions.defaults(), () -> false);
        Path omex = tmp.resolve(d.kind().label() + ".omex");
        CombineArchive.write(omex, new SbmlWriter().toBytes(sbml, "builtin:mtor"), "sbml.level-3.version-2", sedml);
        return omex;
    }

    private static Table run(SavedDesign d) throws Exception {
        return d.run(model, DrugCatalogue.builtin(), CellContexts.builtin(), SolverOptions.defaults(),
                new BatchRunner(2), Progress.NONE, new Cancellation());
    }

    @Test
    void designsRoundTripThroughAnArchive() throws Exception {
        SavedDesign d = doseResponse(Map.of("u0126", 500.0));
        SedmlExperiment x = SedmlExperiment.open(archive(d));
        SavedDesign back = x.design().orElseThrow();
        assertEquals(d.kind(), back.kind());
        assertEquals(d.context(), back.context());
        assertEquals(d.drugs(), back.drugs());
        assertEquals(d.varied(), back.varied());
        assertArrayEquals(d.doses().get(0), back.doses().get(0));
        assertEquals(d.readouts(), back.readouts());
        assertEquals(d.time(), back.time());
        assertEquals(run(d).rows(), run(back).rows());

        SavedDesign scan = new SavedDesign(Kind.SCAN, null, List.of("PTEN"), Map.of("S6K1", 2.0),
                Map.of("aminoacids", 0.5), Map.of(), List.of(), List.of(), Scan.grid(List.of(
                        new Scan.Axis("PIP2", 0.5, 2, 3, false))), List.of("pS6K1"), ReadoutTime.steadyState(), 1);
        SavedDesign scanBack = SedmlExperiment.open(archive(scan)).design().orElseThrow();
        assertEquals(scan.points(), scanBack.points());
        assertEquals(scan.knockouts(), scanBack.knockouts());
        assertEquals(scan.overexpress(), scanBack.overexpress());
        assertEquals(scan.set(), scanBack.set());
        assertTrue(scanBack.time().isSteadyState());
    }

    @Test
    void writtenFilesFollowTheL1V3StructureAndEveryReferenceResolves() throws Exception {
        for (SavedDesign d : List.of(doseResponse(Map.of()),
                new SavedDesign(Kind.COMBINATION, null, List.of(), Map.of(), Map.of(), Map.of("erlotinib", 20.0),
                        List.of("rapamycin", "pd0325901"), List.of(new double[] { 1, 10 }, new double[] { 3 }),
                        List.of(), List.of("proliferation"), ReadoutTime.DEFAULT, 1),
                new SavedDesign(Kind.TIME_COURSE, "kras_mutant", List.of(), Map.of(), Map.of(),
                        Map.of("rapamycin", 10.0), List.of(), List.of(), List.of(), List.of("pAkt_S473", "pERK"),
                        ReadoutTime.at(120), 12))) {
            Path omex = archive(d);
            CombineArchive a = CombineArchive.read(omex);
            assertEquals(CombineArchive.SEDML_FILE, a.sedml());
            assertEquals(CombineArchive.FORMAT_PREFIX + "sbml.level-3.version-2", a.formats().get("model.xml"));
            assertEquals(CombineArchive.FORMAT_PREFIX + "omex-manifest", a.formats().get("manifest.xml"));
            Element root = Xml.parse(a.entries().get(a.sedml()), "test").getDocumentElement();
            checkStructure(root);
        }
    }

    /** The L1V3 schema's order of lists, the attributes it requires, and references that resolve. */
    private static void checkStructure(Element root) {
        assertEquals(SedmlWriter.SEDML, root.getNamespaceURI());
        assertEquals("1", root.getAttribute("level"));
        assertEquals("3", root.getAttribute("version"));
        List<String> order = List.of("notes", "annotation", "listOfSimulations", "listOfModels", "listOfTasks",
                "listOfDataGenerators", "listOfOutputs");
        int last = -1;
        for (Element c : Xml.children(root, null)) {
            int i = order.indexOf(c.getLocalName());
            assertTrue(i > last, "element order: " + c.getLocalName());
            last = i;
            if (!c.getLocalName().equals("annotation")) {
                assertEquals(SedmlWriter.SEDML, c.getNamespaceURI());
            }
        }
        Set<String> ids = new HashSet<>();
        Set<String> sims = ids(root, "listOfSimulations");
        Set<String> models = ids(root, "listOfModels");
        Set<String> tasks = ids(root, "listOfTasks");
        Set<String> dgs = ids(root, "listOfDataGenerators");
        for (Set<String> s : List.of(sims, models, tasks, dgs, ids(root, "listOfOutputs"))) {
            for (String id : s) {
                assertTrue(ids.add(id), "ids are unique: " + id);
            }
        }
        for (Element s : Xml.list(root, "listOfSimulations")) {
            assertTrue(Xml.child(s, "algorithm").getAttribute("kisaoID").matches("KISAO:\\d{7}"));
            if (s.getLocalName().equals("uniformTimeCourse")) {
                for (String a : List.of("initialTime", "outputStartTime", "outputEndTime", "numberOfPoints")) {
                    assertTrue(s.hasAttribute(a), a);
                }
            }
        }
        for (Element m : Xml.list(root, "listOfModels")) {
            assertTrue(m.getAttribute("language").startsWith("urn:sedml:language:sbml"));
            String src = m.getAttribute("source");
            assertTrue(src.equals("model.xml") || models.contains(src.substring(1)), src);
            for (Element c : Xml.list(m, "listOfChanges")) {
                assertEquals("changeAttribute", c.getLocalName());
                assertTrue(c.getAttribute("target").matches("/sbml:sbml/sbml:model/sbml:listOf\\w+/sbml:\\w+\\[@id='"
                        + "\\w+'\\]/@\\w+"), c.getAttribute("target"));
                Double.parseDouble(c.getAttribute("newValue").replace("true", "1"));
            }
        }
        for (Element t : Xml.list(root, "listOfTasks")) {
            if (t.getLocalName().equals("task")) {
                assertTrue(models.contains(t.getAttribute("modelReference")));
                assertTrue(sims.contains(t.getAttribute("simulationReference")));
            } else {
                assertEquals("repeatedTask", t.getLocalName());
                Set<String> ranges = ids(t, "listOfRanges");
                assertTrue(ranges.contains(t.getAttribute("range")));
                int n = -1;
                for (Element r : Xml.list(t, "listOfRanges")) {
                    int len = Xml.children(r, "value").size();
                    assertTrue(n < 0 || n == len, "ranges in step have one length");
                    n = len;
                }
                for (Element sv : Xml.list(t, "listOfChanges")) {
                    assertEquals("setValue", sv.getLocalName());
                    assertTrue(models.contains(sv.getAttribute("modelReference")));
                    assertTrue(ranges.contains(sv.getAttribute("range")));
                    assertEquals(Xml.MATHML, Xml.child(sv, "math").getNamespaceURI());
                }
                for (Element s : Xml.list(t, "listOfSubTasks")) {
                    assertTrue(tasks.contains(s.getAttribute("task")));
                    Integer.parseInt(s.getAttribute("order"));
                }
            }
        }
        for (Element dg : Xml.list(root, "listOfDataGenerators")) {
            for (Element v : Xml.list(dg, "listOfVariables")) {
                assertTrue(tasks.contains(v.getAttribute("taskReference")));
                assertTrue(v.hasAttribute("target") ^ v.hasAttribute("symbol"));
            }
            assertEquals(Xml.MATHML, Xml.child(dg, "math").getNamespaceURI());
        }
        for (Element o : Xml.list(root, "listOfOutputs")) {
            for (Element ds : Xml.list(o, "listOfDataSets")) {
                assertTrue(dgs.contains(ds.getAttribute("dataReference")));
                assertTrue(ds.hasAttribute("label"));
            }
        }
    }

    private static Set<String> ids(Element parent, String list) {
        Set<String> s = new HashSet<>();
        for (Element e : Xml.list(parent, list)) {
            s.add(e.getAttribute("id"));
        }
        return s;
    }

    /** Without the workbench's annotation, another tool sees plain SED-ML: it must give the same numbers. */
    @Test
    void thePlainSedmlMeaningGivesTheWorkbenchNumbers() throws Exception {
        SavedDesign dr = doseResponse(Map.of("u0126", 500.0));
        SavedDesign scan = new SavedDesign(Kind.SCAN, "wildtype", List.of(), Map.of(), Map.of(), Map.of(),
                List.of(), List.of(), Scan.grid(List.of(new Scan.Axis("GF", 0.5, 1, 2, false),
                        new Scan.Axis("aminoacids", 0.2, 0.8, 2, true))), List.of("pS6K1"), ReadoutTime.at(30), 1);
        SavedDesign tc = new SavedDesign(Kind.TIME_COURSE, null, List.of(), Map.of(), Map.of(),
                Map.of("azd8055", 5.0), List.of(), List.of(), List.of(), List.of("pAkt_T308"), ReadoutTime.at(90), 3);
        for (SavedDesign d : List.of(dr, scan, tc)) {
            String sedml = SedmlWriter.write(d, sbml, model, DrugCatalogue.builtin(), CellContexts.builtin(),
                    SolverOptions.defaults(), () -> false).replaceAll("(?s)<annotation>.*</annotation>", "");
            Path dir = Files.createDirectories(tmp.resolve(d.kind().label()));
            Files.write(dir.resolve("model.xml"), new SbmlWriter().toBytes(sbml, "builtin:mtor"));
            Files.writeString(dir.resolve("x.sedml"), sedml, StandardCharsets.UTF_8);
            SedmlExperiment x = SedmlExperiment.open(dir.resolve("x.sedml"));
            assertTrue(x.design().isEmpty());
            Table report = x.run(SolverOptions.defaults(), new Cancellation()).get(0).table();
            Table own = run(d);
            List<Double> plain = new ArrayList<>();
            List<Double> ours = new ArrayList<>();
            int valueCol = own.columns().indexOf("value");
            if (d.kind() == Kind.TIME_COURSE) {
                for (List<Object> r : report.rows()) {
                    plain.add(((Number) r.get(report.columns().indexOf("pAkt_T308"))).doubleValue());
                }
                for (List<Object> r : own.rows()) {
                    ours.add(((Number) r.get(1)).doubleValue());
                }
            } else {
                String readout = d.readouts().get(0);
                // a repeated task reports each iteration's time course; the readout is its last row
                List<List<Object>> rows = report.rows();
                int per = rows.size() / (d.kind() == Kind.SCAN ? d.points().size() : 5);
                for (int i = per - 1; i < rows.size(); i += per) {
                    plain.add(((Number) rows.get(i).get(report.columns().indexOf(readout))).doubleValue());
                }
                for (List<Object> r : own.rows()) {
                    if (r.get(own.columns().indexOf("readout")).equals(readout)) {
                        ours.add(((Number) r.get(valueCol)).doubleValue());
                    }
                }
            }
            assertEquals(ours.size(), plain.size(), d.kind().label());
            for (int i = 0; i < ours.size(); i++) {
                assertEquals(ours.get(i), plain.get(i), 1e-4 * Math.abs(ours.get(i)) + 1e-7,
                        d.kind().label() + " row " + i);
            }
        }
    }

    private static final String MODEL = SampleModels.REVERSIBLE_AB;

    /** A file as other tools write it: a time course and a nested 2-D scan of steady states. */
    private static final String FOREIGN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sedML xmlns="http://sed-ml.org/sed-ml/level1/version3" xmlns:sbml="http://www.sbml.org/sbml/level3/version2/core" level="1" version="3">
              <listOfSimulations>
                <uniformTimeCourse id="tc" initialTime="0" outputStartTime="0" outputEndTime="20" numberOfPoints="4">
                  <algorithm kisaoID="KISAO:0000019"/>
                </uniformTimeCourse>
                <steadyState id="ss"><algorithm kisaoID="KISAO:0000407"/></steadyState>
              </listOfSimulations>
              <listOfModels>
                <model id="m" language="urn:sedml:language:sbml.level-3.version-2" source="rev.xml">
                  <listOfChanges>
                    <changeAttribute target="/sbml:sbml/sbml:model/sbml:listOfParameters/sbml:parameter[@id='kr']/@value" newValue="2"/>
                  </listOfChanges>
                </model>
              </listOfModels>
              <listOfTasks>
                <task id="t1" modelReference="m" simulationReference="tc"/>
                <task id="t2" modelReference="m" simulationReference="ss"/>
                <repeatedTask id="inner" range="kr_values" resetModel="true">
                  <listOfRanges><vectorRange id="kr_values"><value>1</value><value>3</value></vectorRange></listOfRanges>
                  <listOfChanges>
                    <setValue modelReference="m" target="/sbml:sbml/sbml:model/sbml:listOfParameters/sbml:parameter[@id='kr']" range="kr_values">
                      <math xmlns="http://www.w3.org/1998/Math/MathML"><ci>kr_values</ci></math>
                    </setValue>
                  </listOfChanges>
                  <listOfSubTasks><subTask order="1" task="t2"/></listOfSubTasks>
                </repeatedTask>
                <repeatedTask id="outer" range="kf_values" resetModel="true">
                  <listOfRanges><uniformRange id="kf_values" start="1" end="4" numberOfPoints="1" type="linear"/></listOfRanges>
                  <listOfChanges>
                    <setValue modelReference="m" target="/sbml:sbml/sbml:model/sbml:listOfParameters/sbml:parameter[@id='kf']" range="kf_values">
                      <math xmlns="http://www.w3.org/1998/Math/MathML"><apply><times/><cn>1</cn><ci>kf_values</ci></apply></math>
                    </setValue>
                  </listOfChanges>
                  <listOfSubTasks><subTask order="1" task="inner"/></listOfSubTasks>
                </repeatedTask>
              </listOfTasks>
              <listOfDataGenerators>
                <dataGenerator id="time"><listOfVariables><variable id="t" symbol="urn:sedml:symbol:time" taskReference="t1"/></listOfVariables>
                  <math xmlns="http://www.w3.org/1998/Math/MathML"><ci>t</ci></math></dataGenerator>
                <dataGenerator id="ratio"><listOfVariables>
                    <variable id="a" target="/sbml:sbml/sbml:model/sbml:listOfSpecies/sbml:species[@id='A']" taskReference="t1"/>
                    <variable id="b" target="/sbml:sbml/sbml:model/sbml:listOfSpecies/sbml:species[@id='B']" taskReference="t1"/>
                  </listOfVariables><listOfParameters><parameter id="scale" value="10"/></listOfParameters>
                  <math xmlns="http://www.w3.org/1998/Math/MathML"><apply><times/><ci>scale</ci><apply><divide/><ci>b</ci><apply><plus/><ci>a</ci><ci>b</ci></apply></apply></apply></math></dataGenerator>
                <dataGenerator id="B_ss"><listOfVariables>
                    <variable id="bs" target="/sbml:sbml/sbml:model/sbml:listOfSpecies/sbml:species[@id='B']" taskReference="outer"/>
                  </listOfVariables><math xmlns="http://www.w3.org/1998/Math/MathML"><ci>bs</ci></math></dataGenerator>
              </listOfDataGenerators>
              <listOfOutputs>
                <report id="course"><listOfDataSets>
                  <dataSet id="d1" label="time" dataReference="time"/><dataSet id="d2" label="B share x10" dataReference="ratio"/>
                </listOfDataSets></report>
                <report id="scan"><listOfDataSets><dataSet id="d3" label="B" dataReference="B_ss"/></listOfDataSets></report>
                <plot2D id="p"><listOfCurves/></plot2D>
              </listOfOutputs>
            </sedML>
            """;

    @Test
    void sedmlWrittenByOthersRunsTimeCoursesAndNestedRepeatedTasks() throws Exception {
        Files.writeString(tmp.resolve("rev.xml"), MODEL);
        Files.writeString(tmp.resolve("sim.sedml"), FOREIGN);
        SedmlExperiment x = SedmlExperiment.open(tmp.resolve("sim.sedml"));
        List<SedmlExperiment.Report> reports = x.run(SolverOptions.defaults(), new Cancellation());
        Table course = reports.get(0).table();
        assertEquals(List.of("time", "B share x10"), course.columns());
        assertEquals(5, course.rows().size());
        // kf = 2, kr = 2 (changed): B/(A+B) tends to kf/(kf+kr) = 1/2
        assertEquals(20.0, ((Number) course.rows().get(4).get(0)).doubleValue());
        assertEquals(5.0, ((Number) course.rows().get(4).get(1)).doubleValue(), 1e-4);
        Table scan = reports.get(1).table();
        assertEquals(List.of("kf_values", "kr_values", "B"), scan.columns());
        assertEquals(4, scan.rows().size());
        // steady state B = 3 kf / (kf + kr) for kf in {1, 4}, kr in {1, 3}
        double[][] expected = { { 1, 1, 1.5 }, { 1, 3, 0.75 }, { 4, 1, 2.4 }, { 4, 3, 12.0 / 7 } };
        for (int i = 0; i < 4; i++) {
            List<Object> r = scan.rows().get(i);
            assertEquals(expected[i][0], ((Number) r.get(0)).doubleValue(), 1e-12);
            assertEquals(expected[i][1], ((Number) r.get(1)).doubleValue(), 1e-12);
            assertEquals(expected[i][2], ((Number) r.get(2)).doubleValue(), 1e-5);
        }
        assertEquals(1, x.notes().size(), "the plot is noted as not drawn");
    }

    @Test
    void malformedAndUnsupportedFilesGiveOneLineErrorsNamingTheElement() throws Exception {
        Files.writeString(tmp.resolve("rev.xml"), MODEL);
        Path bad = tmp.resolve("bad.sedml");
        Files.writeString(bad, "<sedML xmlns=\"http://sed-ml.org/sed-ml/level1/version3\"><listOfModels>");
        SedmlException e = assertThrows(SedmlException.class, () -> SedmlExperiment.open(bad));
        assertEquals(SedmlException.Kind.INVALID, e.kind());
        assertTrue(e.getMessage().contains("bad.sedml:1:"), e.getMessage());

        Files.writeString(bad, "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><sedML xmlns=\"http://sed-ml.org/sed-ml/level1/version3\">&e;</sedML>");
        assertEquals(SedmlException.Kind.INVALID, assertThrows(SedmlException.class, () -> SedmlExperiment.open(bad))
                .kind());

        Files.writeString(bad, "<sbml xmlns=\"http://www.sbml.org/sbml/level3/version2/core\"/>");
        assertTrue(assertThrows(SedmlException.class, () -> SedmlExperiment.open(bad)).getMessage()
                .contains("not SED-ML"));

        Map<String, String> unsupported = Map.of(
                "<steadyState id=\"ss\"><algorithm kisaoID=\"KISAO:0000407\"/></steadyState>",
                "<oneStep id=\"ss\" step=\"1\"><algorithm kisaoID=\"KISAO:0000019\"/></oneStep>",
                "<changeAttribute target=\"/sbml:sbml/sbml:model/sbml:listOfParameters/sbml:parameter[@id='kr']/@value\" newValue=\"2\"/>",
                "<addXML target=\"/sbml:sbml/sbml:model\"><newXML/></addXML>",
                "<vectorRange id=\"kr_values\"><value>1</value><value>3</value></vectorRange>",
                "<functionalRange id=\"kr_values\" range=\"kf_values\"/>",
                "<repeatedTask id=\"inner\" range=\"kr_values\" resetModel=\"true\">",
                "<repeatedTask id=\"inner\" range=\"kr_values\" resetModel=\"false\">");
        for (Map.Entry<String, String> u : unsupported.entrySet()) {
            assertTrue(FOREIGN.contains(u.getKey()), u.getKey());
            Files.writeString(bad, FOREIGN.replace(u.getKey(), u.getValue()));
            SedmlException ex = assertThrows(SedmlException.class,
                    () -> SedmlExperiment.open(bad).run(SolverOptions.defaults(), new Cancellation()), u.getValue());
            assertEquals(SedmlException.Kind.UNSUPPORTED, ex.kind(), ex.getMessage());
            assertEquals(1, ex.getMessage().lines().count());
            String element = u.getValue().substring(1, u.getValue().indexOf(' '));
            assertTrue(ex.getMessage().contains(element) || ex.getMessage().contains("resetModel"), ex.getMessage());
        }

        Files.writeString(bad, FOREIGN.replace("taskReference=\"t1\"/></listOfVariables>",
                "taskReference=\"nope\"/></listOfVariables>"));
        assertTrue(assertThrows(SedmlException.class, () -> SedmlExperiment.open(bad).run(SolverOptions.defaults(),
                new Cancellation())).getMessage().contains("'nope'"));

        Files.writeString(tmp.resolve("x.omex"), "not a zip");
        assertEquals(SedmlException.Kind.INVALID, assertThrows(SedmlException.class,
                () -> SedmlExperiment.open(tmp.resolve("x.omex"))).kind());
    }

    @Test
    void designsSedmlCannotExpressAreRefusedWithTheReason() {
        SavedDesign scanWithDrug = new SavedDesign(Kind.SCAN, null, List.of(), Map.of(), Map.of(),
                Map.of("rapamycin", 1.0), List.of(), List.of(), Scan.grid(List.of(new Scan.Axis("PIP2", 1, 2, 2,
                        false))), List.of("pS6K1"), ReadoutTime.DEFAULT, 1);
        SedmlException e = assertThrows(SedmlException.class, () -> SedmlWriter.write(scanWithDrug, sbml, model,
                DrugCatalogue.builtin(), CellContexts.builtin(), SolverOptions.defaults(), () -> false));
        assertEquals(SedmlException.Kind.UNSUPPORTED, e.kind());
        assertTrue(e.getMessage().contains("scan with drugs"), e.getMessage());
    }
}
