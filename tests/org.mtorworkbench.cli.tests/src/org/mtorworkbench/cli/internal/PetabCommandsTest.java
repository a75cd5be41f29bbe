package org.mtorworkbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtorworkbench.tests.support.SharedData;

/** The PEtab commands: objective, petab-testsuite and --petab on the designs. */
class PetabCommandsTest {

    @TempDir
    Path tmp;

    @Test
    void objectivePrintsLlhChi2AndTimeAndWritesTheSimulations() throws Exception {
        Path yaml = SharedData.require("models/petab/Fiedler_BMCSystBiol2016/Fiedler_BMCSystBiol2016.yaml");
        Cli r = Cli.run(tmp, "objective", yaml.toString(), "--out", "sims");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().strip().lines().toList();
        assertEquals(3, lines.size(), r.out());
        double llh = Double.parseDouble(lines.get(0).substring("llh = ".length()));
        assertEquals(58.58390161681, llh, 1e-3 * 58.58390161681, r.out());
        assertTrue(lines.get(1).matches("chi2 = [0-9.E+-]+"), r.out());
        assertTrue(lines.get(2).matches("objective: [0-9]+\\.[0-9]{3} ms"), r.out());
        List<String> sims = Files.readAllLines(tmp.resolve("sims/simulations.tsv"));
        assertEquals(Files.readAllLines(yaml.resolveSibling("measurementData_Fiedler_BMCSystBiol2016.tsv")).size(),
                sims.size());

        // The nominal values given as a two-column file change nothing; an unknown id is named.
        Files.writeString(tmp.resolve("p.tsv"), "id\tvalue\nK_1\t1.0000122099653E-05\n");
        Cli same = Cli.run(tmp, "objective", yaml.toString(), "--parameters", "p.tsv");
        assertEquals(lines.get(0), same.out().lines().findFirst().orElseThrow());
        Files.writeString(tmp.resolve("bad.tsv"), "nope\t1\n");
        Cli bad = Cli.run(tmp, "objective", yaml.toString(), "--parameters", "bad.tsv");
        assertEquals(4, bad.code());
        assertTrue(bad.err().contains("'nope' is not in the problem's parameter table"), bad.err());
    }

    @Test
    void objectiveWithGradientTimesItAndWritesTheGradientTable() throws Exception {
        Path yaml = SharedData.require("models/petab/Fiedler_BMCSystBiol2016/Fiedler_BMCSystBiol2016.yaml");
        Cli r = Cli.run(tmp, "objective", yaml.toString(), "--gradient", "--out", "g");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().strip().lines().toList();
        assertEquals(4, lines.size(), r.out());
        assertTrue(lines.get(2).matches("objective: [0-9]+\\.[0-9]{3} ms"), r.out());
        assertTrue(lines.get(3).matches("gradient: [0-9]+\\.[0-9]{3} ms"), r.out());
        List<String> table = Files.readAllLines(tmp.resolve("g/gradient.tsv"));
        assertEquals("parameterId\tparameterScale\tvalue\tgradient", table.get(0));
        // One row per estimated parameter (Fiedler estimates 22), each value the nominal on its scale.
        assertEquals(23, table.size(), String.join("\n", table));
        for (String row : table.subList(1, table.size())) {
            String[] f = row.split("\t");
            assertEquals(4, f.length, row);
            assertEquals("log10", f[1], row);
            assertTrue(Double.isFinite(Double.parseDouble(f[3])), row);
        }
        assertTrue(table.stream().anyMatch(l -> l.startsWith("K_1\tlog10\t")), String.join("\n", table));
    }

    @Test
    void petabTestsuiteCountsCasesAndFailsOnBadFolders() {
        Path dir = SharedData.require("petab-test-suite/v1.0.0/sbml");
        Cli r = Cli.run(tmp, "petab-testsuite", dir.toString(), "--cases", "1-3,9");
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("4 passed, 0 failed, 0 skipped", r.out().strip());
        Cli missing = Cli.run(tmp, "petab-testsuite", tmp.resolve("nowhere").toString());
        assertEquals(4, missing.code());
        assertTrue(missing.err().contains("no such folder"), missing.err());
    }

    @Test
    void aMissingProblemFileIsOneLineWithExitCode4() {
        Cli r = Cli.run(tmp, "objective", "absent.yaml");
        assertEquals(4, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("absent.yaml: no such file"), r.err());
    }

    @Test
    void aDoseResponseIsSavedAsAPetabProblem() throws Exception {
        Cli r = Cli.run(tmp, "dose-response", "builtin:mtor", "--drug", "azd8055", "--doses", "1,10,100,1000",
                "--readout", "pS6K1", "--t-end", "60", "--petab", "azd");
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("problem.yaml", "model.xml", "conditions.tsv", "observables.tsv", "parameters.tsv",
                "measurements.tsv")) {
            assertTrue(Files.isRegularFile(tmp.resolve("azd").resolve(f)), f);
        }
        List<String> conditions = Files.readAllLines(tmp.resolve("azd/conditions.tsv"));
        assertEquals(List.of("cells", "azd8055_0nM", "azd8055_1nM", "azd8055_10nM", "azd8055_100nM", "azd8055_1000nM"),
                conditions.stream().skip(1).map(l -> l.split("\t")[0]).toList());
    }
}
