package org.mtorworkbench.experiments.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtorworkbench.experiments.BatchRunner;
import org.mtorworkbench.experiments.Cancellation;
import org.mtorworkbench.experiments.PreparedModel;
import org.mtorworkbench.experiments.Progress;
import org.mtorworkbench.experiments.SavedDesign;
import org.mtorworkbench.experiments.Scan;
import org.mtorworkbench.experiments.sedml.SedmlExperiment;
import org.mtorworkbench.experiments.sedml.SedmlWriter;
import org.mtorworkbench.network.DrugCatalogue;
import org.mtorworkbench.network.NetworkModel;
import org.mtorworkbench.simulation.SolverOptions;

/**
 * The experiment designs as one model: every built-in design is a service with typed option
 * descriptors, option values read back exactly, saved designs are checked against their
 * descriptors, run specifications are plain data, and files saved before designs were option
 * values still read as the same design.
 */
class ExperimentDesignsTest {

    private static PreparedModel model;

    @TempDir
    Path tmp;

    @BeforeAll
    static void compile() throws Exception {
        model = PreparedModel.of(NetworkModel.newDocument());
    }

    private static SavedDesign design(String id, Map<String, List<String>> perturbations, String... options) {
        Map<String, List<String>> o = new LinkedHashMap<>();
        for (int i = 0; i < options.length; i += 2) {
            o.computeIfAbsent(options[i], k -> new ArrayList<>()).add(options[i + 1]);
        }
        return new SavedDesign(id, o, perturbations);
    }

    private static DesignRequest prepare(SavedDesign d) {
        return DesignRequest.prepare(ExperimentDesigns.byId(d.design()).orElseThrow(), d, model,
                DrugCatalogue.builtin(), SolverOptions.defaults(), new BatchRunner(1), Progress.NONE,
                new Cancellation());
    }

    @Test
    void everyBuiltinDesignIsAServiceDescribingItsOptions() {
        List<String> ids = ExperimentDesigns.all().stream().map(ExperimentDesign::id).toList();
        assertEquals(List.of("time-course", "steady-state", "dose-response", "combination", "scan", "sensitivity",
                "context-panel", "knockout-screen"), ids.subList(0, 8), "the product's designs first, in form order");
        for (ExperimentDesign d : ExperimentDesigns.all()) {
            assertFalse(d.label().isBlank(), d.id());
            Set<String> seen = new HashSet<>();
            for (DesignOption<?> o : d.options()) {
                assertTrue(seen.add(o.id()), d.id() + ": option ids are unique: " + o.id());
                assertFalse(o.help().isBlank(), d.id() + " " + o.id() + " has help");
                assertFalse(o.label().isBlank(), d.id() + " " + o.id() + " has a label");
                assertTrue(o.flag().startsWith("--"), o.flag());
                if (o.defaultValue() != null) {
                    assertEquals(o.defaultValue(), roundTrip(o), d.id() + " " + o.id() + ": the default reads back");
                }
            }
        }
    }

    private static <T> T roundTrip(DesignOption<T> o) {
        return o.parse(o.format(o.defaultValue()));
    }

    @Test
    void optionValuesReadBackAsTheSameValue() {
        Random random = new Random(14);
        List<Double> special = List.of(0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e15, 1e15 + 1, 1 / 3.0,
                0.1 + 0.2, -2.5e-300, 123456789.123456789);
        List<Double> values = new ArrayList<>(special);
        for (int i = 0; i < 10_000; i++) {
            values.add(Double.longBitsToDouble(random.nextLong()));
            values.add(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
        }
        for (double x : values) {
            if (!Double.isFinite(x)) {
                continue;
            }
            double back = OptionType.NUMBER.parse(OptionType.NUMBER.format(x));
            assertEquals(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(back), "number " + x);
        }
        List<Double> list = values.stream().filter(Double::isFinite).limit(50).toList();
        assertEquals(list, OptionType.NUMBERS.parse(OptionType.NUMBERS.format(list)));
        Scan.Axis axis = new Scan.Axis("GF", 0.1 + 0.2, 1 / 3.0 * 30, 7, true);
        assertEquals(axis, OptionType.AXIS.parse(OptionType.AXIS.format(axis)));
        assertEquals(13, OptionType.DOSES.parse("0.0001:100:13").size(), "LOW:HIGH:N doses");
        assertThrows(IllegalArgumentException.class, () -> OptionType.DOSES.parse("-1,2"));
        assertThrows(IllegalArgumentException.class, () -> OptionType.choice("a", "b").parse("c"));
    }

    @Test
    void savedDesignsAreCheckedAgainstTheirDescriptorsNamingTheOption() {
        String ok = "rapamycin";
        assertTrue(message(design("dose-response", Map.of(), "varied-drug", ok, "dose", "1", "readout", "pS6K1"))
                .contains("has no option 'dose'"));
        assertEquals("missing --doses LIST", message(design("dose-response", Map.of(), "varied-drug", ok,
                "readout", "pS6K1")));
        assertEquals("option --readout is given twice", message(design("combination", Map.of(), "varied-drug", ok,
                "varied-drug-b", "u0126", "doses-a", "1", "doses-b", "2", "readout", "pS6K1", "readout", "pERK")));
        assertTrue(message(design("dose-response", Map.of(), "varied-drug", ok, "doses", "1,2", "readout", "pS6K1",
                "t-end", "-5")).startsWith("--t-end: -5 is below"));
        assertEquals("--readout: model has no id 'nope'", message(design("time-course", Map.of(), "readout", "nope")));
        assertTrue(message(design("time-course", Map.of("scale", List.of("k=2")), "readout", "pS6K1"))
                .contains("'--scale'"));
        assertEquals("give --t-end or --steady-state, not both", message(design("scan", Map.of(), "param",
                "GF=1:2:2", "readout", "pS6K1", "t-end", "5", "steady-state", "true")));
        DesignRequest r = prepare(design("scan", Map.of("drug", List.of("rapamycin=1", "rapamycin=2")), "param",
                "GF=1:2:2", "readout", "pS6K1", "t-end", "5"));
        assertEquals(Map.of("rapamycin", 3.0), r.doses(), "doses of one drug add up");
        assertEquals(5, r.time().minutes());
    }

    private static String message(SavedDesign d) {
        return assertThrows(IllegalArgumentException.class, () -> prepare(d)).getMessage();
    }

    @Test
    void runSpecificationsArePlainDataABatchEngineCanShip() throws Exception {
        SavedDesign combination = design("combination", Map.of(), "varied-drug", "rapamycin", "varied-drug-b",
                "u0126", "doses-a", "1,10", "doses-b", "3", "readout", "pS6K1");
        DesignRequest r = prepare(combination);
        RunSpecification spec = ExperimentDesigns.byId("combination").orElseThrow().specification(r);
        List<RunSpecification.Run> runs = spec.runs();
        assertEquals(6, runs.size(), "3 doses of A (the control added) x 2 of B");
        assertEquals(Map.of("rapamycin", 0.0, "u0126", 0.0), runs.get(0).doses());
        assertEquals(Map.of("rapamycin", 10.0, "u0126", 3.0), runs.get(5).doses());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(combination);
            out.writeObject(new ArrayList<>(runs));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(combination, in.readObject());
            assertEquals(runs, in.readObject());
        }
        SavedDesign scan = design("scan", Map.of(), "param", "GF=1:2:3", "param", "aminoacids=0.1:1:2:log",
                "readout", "pS6K1");
        assertEquals(6, ExperimentDesigns.byId("scan").orElseThrow().specification(prepare(scan)).runs().size());
        assertThrows(UnsupportedOperationException.class, () -> ExperimentDesigns.byId("sensitivity").orElseThrow()
                .specification(prepare(design("sensitivity", Map.of(), "readout", "pS6K1"))));
    }

    @Test
    void filesSavedBeforeDesignsWereOptionValuesReadAsTheSameDesign() throws Exception {
        String legacy = "<sedML xmlns=\"http://sed-ml.org/sed-ml/level1/version3\" level=\"1\" version=\"3\">"
                + "<annotation><mtorwb:design xmlns:mtorwb=\"" + SedmlWriter.NS + "\" kind=\"%s\" %s>%s"
                + "</mtorwb:design></annotation></sedML>";
        Path dr = tmp.resolve("dr.sedml");
        Files.writeString(dr, String.format(legacy, "dose-response", "context=\"pten_null\" time=\"60\"",
                "<mtorwb:knockout id=\"PTEN\"/><mtorwb:drug id=\"u0126\" nM=\"500\"/>"
                        + "<mtorwb:vary drug=\"bez235\" doses=\"1,10,100,1000\"/><mtorwb:readout id=\"pS6K1\"/>"));
        assertEquals(design("dose-response", Map.of("context", List.of("pten_null"), "knockout", List.of("PTEN"),
                "drug", List.of("u0126=500")), "t-end", "60", "varied-drug", "bez235", "doses", "1,10,100,1000",
                "readout", "pS6K1"), SedmlExperiment.open(dr).design().orElseThrow());
        Path scan = tmp.resolve("scan.sedml");
        Files.writeString(scan, String.format(legacy, "scan", "time=\"steady-state\"",
                "<mtorwb:readout id=\"pS6K1\"/><mtorwb:points ids=\"GF,PIP2\">0.5,1;2,1.5</mtorwb:points>"));
        SavedDesign back = SedmlExperiment.open(scan).design().orElseThrow();
        assertEquals(List.of("GF=0.5,PIP2=1", "GF=2,PIP2=1.5"), back.values("point"));
        RunSpecification spec = ExperimentDesigns.byId("scan").orElseThrow().specification(prepare(back));
        assertEquals(List.of(Map.of("GF", 0.5, "PIP2", 1.0), Map.of("GF", 2.0, "PIP2", 1.5)), spec.points());
        assertTrue(prepare(back).time().isSteadyState());
    }
}
