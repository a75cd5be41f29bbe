package org.mtorworkbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtorworkbench.tests.support.SampleModels;

/** {@code --sedml} on the design commands, {@code experiment}, and the one-line errors of bad input. */
class ExperimentCommandTest {

    @TempDir
    Path tmp;

    private Cli run(String... args) {
        return Cli.run(tmp, args);
    }

    @Test
    void savedDesignsRerunToTheSameTable() throws Exception {
        Cli dr = run("dose-response", "builtin:mtor", "--drug", "rapamycin", "--doses", "0.01,0.1,1,10",
                "--readout", "pS6K1", "--t-end", "60", "--context", "pten_null", "--drug", "u0126=100", "--sedml",
                "dr.omex");
        assertEquals(0, dr.code(), dr.err());
        assertTrue(dr.err().contains("dr.omex"), dr.err());
        Cli ex = run("experiment", "dr.omex", "--out", "res");
        assertEquals(0, ex.code(), ex.err());
        assertEquals(dr.out().strip(), Files.readString(tmp.resolve("res/dose-response.csv")).strip());

        Cli combo = run("combination", "builtin:mtor", "--drug", "rapamycin", "--drug", "pd0325901", "--doses-a",
                "1,10", "--doses-b", "3", "--readout", "proliferation", "--sedml", "c.omex", "--threads", "1");
        assertEquals(0, combo.code(), combo.err());
        assertEquals(0, run("experiment", "c.omex", "--out", "res").code());
        assertEquals(combo.out().strip(), Files.readString(tmp.resolve("res/combination.csv")).strip());

        Cli tc = run("simulate", "builtin:mtor", "--equilibrate", "--drug", "rapamycin=10", "--t-end", "60",
                "--points", "3", "--ids", "pAkt_S473", "--sedml", "tc.omex");
        assertEquals(0, tc.code(), tc.err());
        assertEquals(0, run("experiment", "tc.omex", "--out", "res").code());
        List<String> rerun = Files.readAllLines(tmp.resolve("res/time-course.csv"));
        List<String> direct = tc.out().strip().lines().toList();
        assertEquals(direct, rerun);

        assertEquals(0, run("scan", "builtin:mtor", "--param", "GF=0.5:1:2", "--readout", "pS6K1", "--t-end", "30",
                "--sedml", "s.omex").code());
        assertEquals(0, run("experiment", "s.omex", "--out", "res").code());
        assertEquals(3, Files.readAllLines(tmp.resolve("res/scan.csv")).size());
    }

    @Test
    void sobolIndicesOfChosenParameters() {
        Cli r = run("sensitivity", "builtin:mtor", "--readout", "pS6K1", "--method", "sobol", "--params",
                "GF,aminoacids", "--samples", "16", "--t-end", "60");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().strip().lines().toList();
        assertEquals("parameter,value,readout,time,first_order,first_order_low,first_order_high,total,total_low,"
                + "total_high,samples", lines.get(0));
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).startsWith("GF,1,pS6K1,60,"), lines.get(1));
        assertTrue(lines.get(1).endsWith(",16"), lines.get(1));
        Cli bad = run("sensitivity", "builtin:mtor", "--readout", "pS6K1", "--params", "GF,nope");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("'nope'"), bad.err());
    }

    @Test
    void designsSedmlCannotSayAreRefused() {
        Cli sens = run("sensitivity", "builtin:mtor", "--readout", "pS6K1", "--sedml", "x.omex");
        assertEquals(3, sens.code(), sens.err());
        assertTrue(sens.err().contains("cannot express a sensitivity"), sens.err());
        Cli plain = run("simulate", "builtin:mtor", "--sedml", "x.omex");
        assertEquals(2, plain.code(), plain.err());
        assertTrue(plain.err().contains("--equilibrate"), plain.err());
        assertFalse(Files.exists(tmp.resolve("x.omex")));
        assertEquals(2, run("dose-response", "builtin:mtor", "--drug", "rapamycin", "--doses", "1,2,3,4",
                "--readout", "pS6K1", "--sedml", "x.sedml").code());
    }

    @Test
    void plainSedmlFilesRunAndWriteTheirReports() throws Exception {
        Files.writeString(tmp.resolve("rev.xml"), SampleModels.REVERSIBLE_AB);
        Files.writeString(tmp.resolve("tc.sedml"), """
                <sedML xmlns="http://sed-ml.org/sed-ml/level1/version3" level="1" version="3">
                  <listOfSimulations><uniformTimeCourse id="s" initialTime="0" outputStartTime="0" outputEndTime="10" numberOfPoints="2"><algorithm kisaoID="KISAO:0000019"/></uniformTimeCourse></listOfSimulations>
                  <listOfModels><model id="m" language="urn:sedml:language:sbml.level-3.version-2" source="rev.xml"/></listOfModels>
                  <listOfTasks><task id="t" modelReference="m" simulationReference="s"/></listOfTasks>
                  <listOfDataGenerators>
                    <dataGenerator id="time"><listOfVariables><variable id="v" symbol="urn:sedml:symbol:time" taskReference="t"/></listOfVariables><math xmlns="http://www.w3.org/1998/Math/MathML"><ci>v</ci></math></dataGenerator>
                    <dataGenerator id="B"><listOfVariables><variable id="b" target="/sbml:sbml/sbml:model/sbml:listOfSpecies/sbml:species[@id='B']" taskReference="t"/></listOfVariables><math xmlns="http://www.w3.org/1998/Math/MathML"><ci>b</ci></math></dataGenerator>
                  </listOfDataGenerators>
                  <listOfOutputs><report id="r1"><listOfDataSets><dataSet id="a" label="time" dataReference="time"/><dataSet id="b" label="B" dataReference="B"/></listOfDataSets></report></listOfOutputs>
                </sedML>
                """);
        Cli r = run("experiment", "tc.sedml");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(tmp.resolve("r1.csv"));
        assertEquals("time,B", lines.get(0));
        assertEquals(4, lines.size());
        // B tends to 2 (kf = 2, kr = 1, A + B = 3)
        assertEquals(2.0, Double.parseDouble(lines.get(3).split(",")[1]), 1e-3);
    }

    @Test
    void badInputsGiveAOneLineErrorAndExitCode2() throws Exception {
        Files.writeString(tmp.resolve("bad.sedml"), "<sedML xmlns=\"http://sed-ml.org/sed-ml/level1/version3\">");
        String[][] cases = {
                { "dose-response", "builtin:mtor", "--drug", "aspirin", "--doses", "1,2,3,4", "--readout", "pS6K1" },
                { "dose-response", "builtin:mtor", "--drug", "rapamycin", "--doses", "-1,2,3,4", "--readout", "pS6K1" },
                { "dose-response", "builtin:mtor", "--drug", "rapamycin", "--doses", ",", "--readout", "pS6K1" },
                { "dose-response", "builtin:mtor", "--drug", "rapamycin", "--doses", "1,2,3,4", "--readout", "nope" },
                { "combination", "builtin:mtor", "--drug", "rapamycin", "--drug", "u0126", "--doses-a", "1",
                        "--doses-b", "-5", "--readout", "pS6K1" },
                { "scan", "builtin:mtor", "--param", "GF=0:1:0", "--readout", "pS6K1" },
                { "scan", "builtin:mtor", "--param", "GF=0:1:2", "--readout", "pS6K1", "--drug", "aspirin=1" },
                { "sensitivity", "builtin:mtor", "--readout", "nope" },
                { "sensitivity", "builtin:mtor", "--readout", "pS6K1", "--method", "anova" },
                { "experiment", "bad.sedml" },
                { "experiment", "missing.omex" } };
        for (String[] c : cases) {
            Cli r = run(c);
            String what = String.join(" ", c) + " -> " + r.err();
            assertEquals(2, r.code(), what);
            List<String> lines = r.err().strip().lines().toList();
            assertTrue(lines.size() <= 2, what);
            assertTrue(lines.get(0).startsWith("mtorwb " + c[0] + ": "), what);
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), what);
            if (lines.size() == 2) {
                assertTrue(lines.get(1).startsWith("usage: "), what);
            }
        }
    }
}
