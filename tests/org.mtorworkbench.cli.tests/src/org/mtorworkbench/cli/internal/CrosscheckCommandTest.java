package org.mtorworkbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtorworkbench.tests.support.SampleModels;

/** crosscheck and bench --models: output formats and exit codes. */
class CrosscheckCommandTest {

    @TempDir
    Path tmp;

    private Cli run(String... args) {
        return Cli.run(tmp, args);
    }

    private void write(String name, String sbml) throws Exception {
        Files.writeString(tmp.resolve(name), sbml);
    }

    /** A -> B at a constant rate 1: A's amount 3 - t is negative after t = 3. */
    private static String constantConsumption() {
        return SampleModels.REVERSIBLE_AB.replaceFirst("<kineticLaw>.*</kineticLaw>",
                "<kineticLaw><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><cn>1</cn></math></kineticLaw>");
    }

    @Test
    void aModelThatFollowsTheTruthPasses() throws Exception {
        write("m.xml", SampleModels.REVERSIBLE_AB);
        Cli r = run("crosscheck", "m.xml", "--t-end", "10", "--points", "20");
        assertEquals(0, r.code(), r.out() + r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(CrosscheckCommand.HEADER, lines.get(0));
        assertEquals(2, lines.size(), r.out());
        String[] f = lines.get(1).split(",", -1);
        assertEquals(15, f.length, lines.get(1));
        assertTrue(f[0].endsWith("m.xml"), f[0]);
        assertEquals("2", f[1]);
        assertEquals(10.0, Double.parseDouble(f[2]));
        assertEquals("20", f[3]);
        assertTrue(f[4].equals("cvode rtol 1e-10") || f[4].equals("engine bdf rtol 1e-11"), f[4]);
        // atol 1e-14 times the largest initial amount, 3
        assertEquals(3e-14, Double.parseDouble(f[6]), 1e-27);
        assertTrue(Double.parseDouble(f[7]) < 1e-4, f[7]);
        assertEquals("PASS", f[13]);
    }

    @Test
    void withoutCvodeTheTruthIsTheEnginesBdfAndTheOutputSaysSo() throws Exception {
        write("m.xml", SampleModels.REVERSIBLE_AB);
        Cli r = run("crosscheck", "m.xml", "--no-cvode");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--no-cvode"), r.err());
        String[] f = r.out().lines().toList().get(1).split(",", -1);
        assertEquals("engine bdf rtol 1e-11", f[4]);
        assertEquals("gcc or SUNDIALS is not installed", f[5]);
        assertEquals(100.0, Double.parseDouble(f[2]));
    }

    @Test
    void aNegativeAmountFailsWithExitCode1() throws Exception {
        write("neg.xml", constantConsumption());
        write("m.xml", SampleModels.REVERSIBLE_AB);
        Cli r = run("crosscheck", "neg.xml", "m.xml", "--t-end", "5", "--points", "5");
        assertEquals(1, r.code(), r.out() + r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        String[] f = lines.get(1).split(",", -1);
        assertEquals("FAIL (negative amount)", f[13], lines.get(1));
        assertEquals(-2.0, Double.parseDouble(f[10]), 1e-9);
        assertEquals("A", f[11]);
        assertEquals(5.0, Double.parseDouble(f[12]));
        assertEquals("PASS", lines.get(2).split(",", -1)[13]);
    }

    @Test
    void unreadableModelsGetARowAndExitCode4AndBadUsage2() throws Exception {
        write("m.xml", SampleModels.REVERSIBLE_AB);
        Cli r = run("crosscheck", "absent.xml", "m.xml", "--points", "5");
        assertEquals(4, r.code(), r.out() + r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(1).contains("absent.xml,failed: "), lines.get(1));
        assertTrue(lines.get(2).contains("PASS"), lines.get(2));
        assertEquals(2, run("crosscheck").code());
        assertEquals(2, run("crosscheck", "m.xml", "--points", "0").code());
        assertEquals(2, run("crosscheck", "m.xml", "--t-end", "-1").code());
    }

    @Test
    void benchTimesTheModelsItIsGiven() throws Exception {
        write("m.xml", SampleModels.REVERSIBLE_AB);
        Cli r = run("bench", "--models", "m.xml", "--runs", "1", "--t-end", "5", "--no-cvode");
        assertEquals(0, r.code(), r.out() + r.err());
        List<String> rows = r.out().lines().filter(l -> l.contains("m.xml,")).toList();
        assertEquals(1, rows.size(), r.out());
        String[] f = rows.get(0).split(",", -1);
        assertEquals(22, f.length, rows.get(0));
        assertEquals("2", f[1]);
        assertTrue(Double.parseDouble(f[4]) > 0, rows.get(0));
        assertTrue(Long.parseLong(f[6]) > 0, rows.get(0));
        assertTrue(r.out().lines().noneMatch(l -> l.startsWith("builtin:mtor")), r.out());
        assertTrue(r.out().contains("t-end 5"), r.out());

        Cli missing = run("bench", "--models", "m.xml,absent.xml", "--runs", "1", "--no-cvode");
        assertEquals(4, missing.code(), missing.out());
        assertTrue(missing.out().contains("absent.xml,failed: "), missing.out());
        assertEquals(2, run("bench", "--models", ",").code());
    }
}
