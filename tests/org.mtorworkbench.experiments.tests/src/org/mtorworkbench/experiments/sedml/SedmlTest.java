package org.mtorworkbench.experiments.sedml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import org.mtorworkbench.experiments.SavedDesign;
import org.mtorworkbench.experiments.Table;
import org.mtorworkbench.experiments.extension.DesignRequest;
import org.mtorworkbench.experiments.extension.ExperimentDesigns;
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

    /** A saved design: its id, option values as pairs (id, text, id, text, ...) and perturbations. */
    static SavedDesign design(String id, Map<String, List<String>> perturbations, String... options) {
        Map<String, List<String>> o = new LinkedHashMap<>();
        for (int i = 0; i < options.length; i += 2) {
            o.computeIfAbsent(options[i], k -> new ArrayList<>()).add(options[i + 1]);
        }
        return new SavedDesign(id, o, perturbations);
    }

    private static SavedDesign doseResponse(Map<String, Double> background) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("context", List.of("pten_null"));
        background.forEach((drug, nM) -> p.put("drug", List.of(drug + "=" + nM)));
        return design("dose-response", p, "varied-drug", "bez235", "doses", "1,10,100,1000", "readout", "pS6K1",
                "readout", "pAkt_S473", "t-end", "60");
    }

    private static DesignRequest request(SavedDesign d) {
        return DesignRequest.prepare(ExperimentDesigns.byId(d.design()).orElseThrow(), d, model,
                DrugCatalogue.builtin(), SolverOptions.defaults(), new BatchRunner(2), Progress.NONE,
                new Cancellation());
    }

    private static String sedml(SavedDesign d) throws Exception {
        return SedmlWriter.write(ExperimentDesigns.byId(d.design()).orElseThrow(), request(d), sbml, () -> false);
    }

    private Path archive(SavedDesign d) throws Exception {
        Path omex = tmp.resolve(d.design() + ".omex");
        CombineArchive.write(omex, new SbmlWriter().toBytes(sbml, "builtin:mtor"), "sbml.level-3.version-2", sedml(d));
        return omex;
    }

    private static Table run(SavedDesign d) throws Exception {
        return ExperimentDesigns.byId(d.design()).orElseThrow().run(request(d)).table();
    }

    @Test
    void designsRoundTripThroughAnArchive() throws Exception {
        SavedDesign d = doseResponse(Map.of("u0126", 500.0));
        SedmlExperiment x = SedmlExperiment.open(archive(d));
        SavedDesign back = x.design().orElseThrow();
        assertEquals(d, back, "the design's id, option values and perturbations");
        assertEquals("pten_null", back.perturbation("context").get(0));
        assertEquals(List.of("u0126=500.0"), back.perturbation("drug"));
        assertEquals("bez235", back.value("varied-drug"));
        assertEquals(List.of("pS6K1", "pAkt_S473"), back.values("readout"));
        assertEquals(run(d).rows(), run(back).rows());

        SavedDesign scan = design("scan", Map.of("knockout", List.of("PTEN"), "overexpress", List.of("S6K1=2"),
                "set", List.of("aminoacids=0.5")), "param", "PIP2=0.5:2:3", "readout", "pS6K1", "steady-state", "true");
        SavedDesign scanBack = SedmlExperiment.open(archive(scan)).design().orElseThrow();
        assertEquals(scan, scanBack);
        assertEquals(request(scan).cells(), request(scanBack).cells());
        assertTrue(request(scanBack).time().isSteadyState());
    }

    @Test
    void writtenFilesFollowTheL1V3StructureAndEveryReferenceResolves() throws Exception {
        for (SavedDesign d : List.of(doseResponse(Map.of()),
                design("combination", Map.of("drug", List.of("erlotinib=20")), "varied-drug", "rapamycin",
                        "varied-drug-b", "pd0325901", "doses-a", "1,10", "doses-b", "3", "readout", "proliferation"),
                design("time-course", Map.of("context", List.of("kras_mutant"), "drug", List.of("rapamycin=10")),
                        "readout", "pAkt_S473", "readout", "pERK", "t-end", "120", "points", "12"))) {
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
        SavedDesign scan = design("scan", Map.of("context", List.of("wildtype")), "param", "GF=0.5:1:2", "param",
                "aminoacids=0.2:0.8:2:log", "readout", "pS6K1", "t-end", "30");
        SavedDesign tc = design("time-course", Map.of("drug", List.of("azd8055=5")), "readout", "pAkt_T308", "t-end",
                "90", "points", "3");
        for (SavedDesign d : List.of(dr, scan, tc)) {
            String sedml = sedml(d).replaceAll("(?s)<annotation>.*</annotation>", "");
            Path dir = Files.createDirectories(tmp.resolve(d.design()));
            Files.write(dir.resolve("model.xml"), new SbmlWriter().toBytes(sbml, "builtin:mtor"));
            Files.writeString(dir.resolve("x.sedml"), sedml, StandardCharsets.UTF_8);
            SedmlExperiment x = SedmlExperiment.open(dir.resolve("x.sedml"));
            assertTrue(x.design().isEmpty());
            Table report = x.run(SolverOptions.defaults(), new Cancellation()).get(0).table();
            Table own = run(d);
            List<Double> plain = new ArrayList<>();
            List<Double> ours = new ArrayList<>();
            int valueCol = own.columns().indexOf("value");
            if (d.design().equals("time-course")) {
                for (List<Object> r : report.rows()) {
                    plain.add(((Number) r.get(report.columns().indexOf("pAkt_T308"))).doubleValue());
                }
                for (List<Object> r : own.rows()) {
                    ours.add(((Number) r.get(1)).doubleValue());
                }
            } else {
                String readout = d.value("readout");
                // a repeated task reports each iteration's time course; the readout is its last row
                List<List<Object>> rows = report.rows();
                int per = rows.size() / (d.design().equals("scan") ? 4 : 5);
                for (int i = per - 1; i < rows.size(); i += per) {
                    plain.add(((Number) rows.get(i).get(report.columns().indexOf(readout))).doubleValue());
                }
                for (List<Object> r : own.rows()) {
                    if (r.get(own.columns().indexOf("readout")).equals(readout)) {
                        ours.add(((Number) r.get(valueCol)).doubleValue());
                    }
                }
            }
            assertEquals(ours.size(), plain.size(), d.design());
            for (int i = 0; i < ours.size(); i++) {
                assertEquals(ours.get(i), plain.get(i), 1e-4 * Math.abs(ours.get(i)) + 1e-7,
                        d.design() + " row " + i);
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
        SavedDesign scanWithDrug = design("scan", Map.of("drug", List.of("rapamycin=1")), "param", "PIP2=1:2:2",
                "readout", "pS6K1");
        SedmlException e = assertThrows(SedmlException.class, () -> sedml(scanWithDrug));
        assertEquals(SedmlException.Kind.UNSUPPORTED, e.kind());
        assertTrue(e.getMessage().contains("scan with drugs"), e.getMessage());
    }
}
