package org.mtorworkbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtorworkbench.tests.support.SampleModels;
import org.mtorworkbench.tests.support.SharedData;

/** simulate, steady-state, testsuite and bench: output formats and exit codes. */
class SimulationCommandsTest {

    private static final String MATH = "xmlns=\"http://www.w3.org/1998/Math/MathML\"";

    @TempDir
    Path tmp;

    private Cli run(String... args) {
        return Cli.run(tmp, args);
    }

    /** A <-> B with kf = 2, kr = 1 in a unit compartment: A + B is conserved, steady state B = 2 A. */
    private Path model(String extraParameters, String rules) throws Exception {
        Path f = tmp.resolve("m.xml");
        String kr = "<parameter id=\"kr\" value=\"1\" constant=\"true\"/>";
        Files.writeString(f, SampleModels.REVERSIBLE_AB.replace(kr + "</listOfParameters>",
                kr + extraParameters + "</listOfParameters>" + rules));
        return f;
    }

    @Test
    void simulatePrintsTimeAndIdsAsCsv() throws Exception {
        model("", "");
        Cli r = run("simulate", "m.xml", "--t-end", "10", "--points", "5");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("time,A,B", lines.get(0));
        assertEquals(7, lines.size(), r.out());
        assertTrue(lines.get(1).startsWith("0,3,0"), lines.get(1));
        String[] last = lines.get(6).split(",");
        assertEquals(10.0, Double.parseDouble(last[0]));
        assertEquals(1.0, Double.parseDouble(last[1]), 1e-4);
        assertEquals(2.0, Double.parseDouble(last[2]), 1e-4);
    }

    @Test
    void simulateAppliesPerturbationsAndWritesFiles() throws Exception {
        model("", "");
        Cli r = run("simulate", "m.xml", "--t-end", "50", "--points", "1", "--set", "kr=2", "--set", "A=4",
                "--ids", "B", "--out", "tc.csv");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(tmp.resolve("tc.csv"));
        assertEquals("time,B", lines.get(0));
        assertEquals(2.0, Double.parseDouble(lines.get(2).split(",")[1]), 1e-4);
    }

    @Test
    void steadyStateHoldsConservedTotals() throws Exception {
        model("", "");
        Cli r = run("steady-state", "m.xml");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("A,B", lines.get(0));
        String[] v = lines.get(1).split(",");
        assertEquals(1.0, Double.parseDouble(v[0]), 1e-5);
        assertEquals(2.0, Double.parseDouble(v[1]), 1e-5);
        assertTrue(r.err().contains("1 conservation laws"), r.err());
    }

    @Test
    void benchComparesWithTheCvodeReferenceOrSaysWhyNot() throws Exception {
        Path emptyShared = Files.createDirectories(tmp.resolve("no-shared"));
        Cli r = run("bench", "--shared", emptyShared.toString(), "--runs", "1");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        String refLine = lines.stream().filter(l -> l.startsWith("CVODE reference: ")).findFirst().orElse(null);
        assertTrue(refLine != null, r.out());
        String row = lines.stream().filter(l -> l.startsWith("builtin:mtor")).findFirst().orElseThrow();
        String[] f = row.split(",", -1);
        assertEquals(22, f.length, row);
        if (org.mtorworkbench.simulation.reference.CvodeReference.locate().available()) {
            assertTrue(Double.parseDouble(f[12]) > 0, row);
            assertTrue(Double.parseDouble(f[17]) > 0, row);
            // both solvers at rtol 1e-6, relative to each state's peak
            assertTrue(Double.parseDouble(f[19]) < 1e-4, row);
            assertTrue(Double.parseDouble(f[20]) < 1e-4, row);
        } else {
            assertTrue(refLine.contains("n/a") && refLine.contains("sundials.sh"), refLine);
            assertEquals("n/a", f[12], row);
        }
        assertTrue(r.out().contains("BIOMD0000000448.xml,skipped"), r.out());
        assertEquals(2, run("bench", "--cvode-solver", "fast").code());
    }

    @Test
    void badUsageUnsupportedFeaturesBadInputAndNumericalFailuresHaveTheirExitCodes() throws Exception {
        model("", "");
        Cli unknownId = run("simulate", "m.xml", "--set", "nope=1");
        assertEquals(2, unknownId.code());
        assertTrue(unknownId.err().contains("'nope'"), unknownId.err());
        assertEquals(2, run("simulate", "m.xml", "--points", "zero").code());
        assertEquals(2, run("simulate", "m.xml", "--ids", "A,Q").code());

        Cli missing = run("simulate", "absent.xml");
        assertEquals(4, missing.code());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());

        Path rateOfRule = model("<parameter id=\"p\" constant=\"false\"/><parameter id=\"q\" constant=\"false\"/>",
                "<listOfRules><assignmentRule variable=\"p\"><math " + MATH + "><ci>A</ci></math></assignmentRule>"
                        + "<assignmentRule variable=\"q\"><math " + MATH + "><apply><csymbol encoding=\"text\" "
                        + "definitionURL=\"http://www.sbml.org/sbml/symbols/rateOf\">rateOf</csymbol><ci>p</ci></apply>"
                        + "</math></assignmentRule></listOfRules>");
        Cli unsupported = run("simulate", rateOfRule.toString());
        assertEquals(3, unsupported.code(), unsupported.err());
        assertTrue(unsupported.err().contains("rateOf('p')"), unsupported.err());

        model("<parameter id=\"x\" value=\"1\" constant=\"false\"/>", "<listOfRules><rateRule variable=\"x\"><math "
                + MATH + "><apply><times/><ci>x</ci><ci>x</ci></apply></math></rateRule></listOfRules>");
        Cli blowUp = run("simulate", "m.xml", "--t-end", "2", "--solver", "bdf");
        assertEquals(5, blowUp.code(), blowUp.err());
        assertTrue(blowUp.err().contains("time"), blowUp.err());
    }

    @Test
    void testsuiteEndsWithTheCounts() throws Exception {
        Path suite = SharedData.require("sbml-test-suite/semantic");
        // A copy of two cases, the second with a wrong expected value, so one fails whatever the engine supports.
        Path mine = tmp.resolve("suite");
        for (String c : List.of("00001", "00002")) {
            Files.createDirectories(mine.resolve(c));
            try (var files = Files.list(suite.resolve(c))) {
                for (Path f : files.toList()) {
                    Files.copy(f, mine.resolve(c).resolve(f.getFileName()));
                }
            }
        }
        Path results = mine.resolve("00002/00002-results.csv");
        Files.writeString(results, Files.readString(results).replaceFirst("\n0,0.0015,", "\n0,0.0025,"));
        Cli r = run("testsuite", mine.toString(), "--cases", "1-2", "--out", "results.csv");
        assertEquals(1, r.code(), "case 2 (altered) fails: " + r.out());
        List<String> lines = r.out().lines().toList();
        assertEquals("1 passed, 1 failed, 0 skipped", lines.get(lines.size() - 1));
        assertTrue(r.out().contains("00002 failed: "), r.out());
        assertTrue(Files.exists(tmp.resolve("results.csv")));
        assertEquals(2, run("testsuite", suite.toString(), "--cases", "x-y").code());
    }

    @Test
    void benchReportsAbsentModelsAsSkipped() throws Exception {
        Files.createDirectories(tmp.resolve("empty"));
        Cli r = run("bench", "--shared", "empty");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("BIOMD0000000448.xml,skipped"), r.out());
        assertTrue(r.out().contains("model_Chen_MSB2009.xml,skipped"), r.out());
    }

    @Test
    void helpListsTheSimulationCommands() {
        Cli r = run("help");
        for (String c : new String[] { "simulate MODEL", "steady-state MODEL", "testsuite DIR", "bench" }) {
            assertTrue(r.out().contains(c), r.out());
        }
    }
}
