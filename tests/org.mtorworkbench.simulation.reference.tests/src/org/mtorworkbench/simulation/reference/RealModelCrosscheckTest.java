package org.mtorworkbench.simulation.reference;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mtorworkbench.sbml.SbmlReader;
import org.mtorworkbench.simulation.CompiledModel;
import org.mtorworkbench.simulation.Simulation;
import org.mtorworkbench.tests.support.SharedData;

/**
 * The oracle on real models: every SBML file of the shared models folder (the PEtab problems'
 * models included, at the nominal values of their parameter tables and to the last time of
 * their measurement tables; the others as they are, to t = 100) runs
 * with the default options within {@link Crosscheck#BOUND} of the truth (CVODE at rtol 1e-10,
 * or the engine's BDF at rtol 1e-11 where CVODE cannot run the model), and never with a species
 * amount below -atol. One test per model; the table of numbers is written to
 * {@code crosscheck.csv} in the test output folder.
 */
class RealModelCrosscheckTest {

    private static final double DEFAULT_T_END = 100;
    private static final int POINTS = 100;

    /** @return the last measurement time of the PEtab problem in the model's folder, or {@link #DEFAULT_T_END} */
    static double tEnd(Path model) throws IOException {
        double last = Double.NaN;
        for (Path p : tables(model, "measurementData")) {
            List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
            int col = List.of(lines.get(0).split("\t", -1)).indexOf("time");
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                if (col >= 0 && col < f.length && !f[col].isBlank()) {
                    double t = Double.parseDouble(f[col].strip());
                    if (Double.isFinite(t) && !(t <= last)) {
                        last = t;
                    }
                }
            }
        }
        return Double.isNaN(last) || last <= 0 ? DEFAULT_T_END : last;
    }

    /** @return the TSV files of the PEtab problem in the model's folder whose names start with {@code prefix} */
    private static List<Path> tables(Path model, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(model.getParent())) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(".tsv")).sorted().toList();
        }
    }

    /** @return the model's simulation at the nominal values of its PEtab parameter table, if it has one */
    static Simulation nominal(CompiledModel m, Path model) throws IOException {
        Simulation sim = m.newSimulation();
        for (Path p : tables(model, "parameters")) {
            List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
            List<String> head = List.of(lines.get(0).split("\t", -1));
            int id = head.indexOf("parameterId");
            int value = head.indexOf("nominalValue");
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                if (id >= 0 && value >= 0 && value < f.length && m.parameterIds().contains(f[id].strip())
                        && !f[value].isBlank()) {
                    try {
                        sim = sim.withValue(f[id].strip(), Double.parseDouble(f[value].strip()));
                    } catch (IllegalArgumentException e) {
                        // a parameter a rule defines keeps its rule
                    }
                }
            }
        }
        return sim;
    }

    @TestFactory
    Stream<DynamicTest> everySharedModelIsWithinTheBoundOfTheTruth() throws IOException {
        Path root = SharedData.require("models");
        List<Path> models;
        try (Stream<Path> walk = Files.walk(root)) {
            models = walk.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
        }
        assertFalse(models.isEmpty(), "no SBML files in " + root);
        CvodeReference.Availability a = CvodeReference.locate();
        System.out.println("crosscheck truth: " + (a.available() ? "CVODE" : "engine BDF only (" + a.problem() + ")"));
        Path table = SharedData.outputDir("crosscheck").resolve("crosscheck.csv");
        List<String> rows = new ArrayList<>();
        rows.add("model,states,t-end,truth,truth note,max deviation,at state,at time,min amount,at species,ms");
        Files.write(table, rows, StandardCharsets.UTF_8);
        return models.stream().map(file -> DynamicTest.dynamicTest(root.relativize(file).toString(), () -> {
            double tEnd = tEnd(file);
            CompiledModel m = CompiledModel.compile(new SbmlReader().read(file));
            Crosscheck.Report r = Crosscheck.run(nominal(m, file), tEnd, POINTS, a.available() ? a.toolchain() : null);
            String row = String.format(Locale.ROOT, "%s,%d,%s,%s,%s,%.3g,%s,%s,%.3g,%s,%.0f", root.relativize(file),
                    r.states(), r.tEnd(), r.truth(), r.truthNote().replace(',', ';'), r.deviation(),
                    r.deviationState(), r.deviationTime(), r.minimumAmount(), r.minimumState(), r.millis());
            System.out.println("crosscheck " + row);
            Files.writeString(table, row + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            assertTrue(r.deviation() <= Crosscheck.BOUND, file.getFileName() + ": the default run deviates "
                    + r.deviation() + " (of the state's peak) from the truth (" + r.truth() + ") at " + r.deviationState()
                    + ", t = " + r.deviationTime());
            assertFalse(r.negative(), file.getFileName() + ": species " + r.minimumState() + " reaches "
                    + r.minimumAmount() + " at t = " + r.minimumTime() + ", below -atol = -" + r.runAtol());
        }));
    }
}
