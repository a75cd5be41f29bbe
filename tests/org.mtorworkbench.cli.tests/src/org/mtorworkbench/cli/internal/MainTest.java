package org.mtorworkbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtorworkbench.tests.support.Architecture;
import org.mtorworkbench.tests.support.SharedData;

/** The command line's contract: commands, output, one-line errors and exit codes. */
class MainTest {

    @TempDir
    Path tmp;

    private Cli run(String... args) {
        return Cli.run(tmp, args);
    }

    @Test
    void anErrorInsideACommandEndsWithAMessageAndAFailureStatus() {
        Main main = new Main();
        main.register(new org.mtorworkbench.cli.Command() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public String synopsis() {
                return "broken";
            }

            @Override
            public String summary() {
                return "throws a linkage error, as a bundle of another version would";
            }

            @Override
            public String help() {
                return "";
            }

            @Override
            public org.mtorworkbench.cli.ExitCode run(List<String> args, org.mtorworkbench.cli.CommandIO io) {
                throw new NoSuchMethodError("org.example.Missing.method()");
            }
        });
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = main.run(new String[] { "broken" }, new java.io.PrintStream(out, true),
                new java.io.PrintStream(err, true), tmp);
        assertEquals(70, code);
        assertTrue(err.toString().contains("mtorwb broken: internal error: java.lang.NoSuchMethodError"),
                err.toString());
    }

    @Test
    void helpListsEveryCommand() {
        Cli r = run("help");
        assertEquals(0, r.code());
        for (String c : new String[] { "help [COMMAND]", "--version", "info MODEL" }) {
            assertTrue(r.out().contains(c), "help does not list " + c + ":\n" + r.out());
        }
        Cli one = run("help", "info");
        assertEquals(0, one.code());
        assertTrue(one.out().startsWith("usage: ./mtorwb info MODEL"), one.out());
    }

    @Test
    void versionPrintsTheInstalledBundleVersion() {
        Cli r = run("--version");
        assertEquals(0, r.code());
        String version = Architecture.bundle("org.mtorworkbench.cli").getVersion().toString();
        assertEquals("mTOR Workbench " + version, r.out().strip());
    }

    @Test
    void unknownCommandsAndBadArgumentsAreOneLineUsageErrors() {
        Cli unknown = run("frobnicate");
        assertEquals(2, unknown.code());
        assertEquals(1, unknown.err().strip().lines().count(), unknown.err());
        assertTrue(unknown.err().contains("unknown command 'frobnicate'"), unknown.err());

        Cli missing = run("info");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("missing argument MODEL"), missing.err());

        Cli option = run("info", "--bogus", "x.xml");
        assertEquals(2, option.code());
        assertTrue(option.err().contains("unknown option '--bogus'"), option.err());

        assertEquals(2, run().code());
    }

    @Test
    void infoPrintsLevelVersionIdAndCounts() throws Exception {
        Path f = tmp.resolve("m.xml");
        Files.writeString(f, """
                <?xml version="1.0" encoding="UTF-8"?>
                <sbml xmlns="http://www.sbml.org/sbml/level2/version4" level="2" version="4">
                  <model id="mtor_mini" name="mini">
                    <listOfCompartments><compartment id="c" size="1"/></listOfCompartments>
                    <listOfSpecies>
                      <species id="A" compartment="c" initialAmount="1"/>
                      <species id="B" compartment="c" initialAmount="0"/>
                    </listOfSpecies>
                    <listOfParameters><parameter id="k" value="0.1"/></listOfParameters>
                    <listOfRules><assignmentRule variable="k"><math xmlns="http://www.w3.org/1998/Math/MathML"><cn>2</cn></math></assignmentRule></listOfRules>
                    <listOfReactions>
                      <reaction id="r1" reversible="false">
                        <listOfReactants><speciesReference species="A"/></listOfReactants>
                        <listOfProducts><speciesReference species="B"/></listOfProducts>
                        <kineticLaw><math xmlns="http://www.w3.org/1998/Math/MathML">
                          <apply><times/><ci>k</ci><ci>A</ci></apply></math></kineticLaw>
                      </reaction>
                    </listOfReactions>
                  </model>
                </sbml>
                """);
        Cli r = run("info", "m.xml");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("sbml: level 2 version 4"), r.out());
        assertTrue(r.out().contains("model id: mtor_mini"), r.out());
        assertTrue(r.out().contains("compartments: 1\nspecies: 2\nreactions: 1\nparameters: 1\nrules: 1\nevents: 0"),
                r.out());
        assertTrue(r.out().contains("layout: no"), r.out());
    }

    @Test
    void infoOnBadInputIsOneLineWithExitCode4() throws Exception {
        Files.writeString(tmp.resolve("broken.xml"), "<?xml version=\"1.0\"?>\n<sbml xmlns=\"x\">\n<model>");
        Cli r = run("info", "broken.xml");
        assertEquals(4, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("broken.xml:"), r.err());
        Cli missing = run("info", "nope.xml");
        assertEquals(4, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }

    @Test
    void infoReadsTheCellDesignerDiagram() {
        Path f = SharedData.require("models/MODEL1012220003.xml");
        Cli r = run("info", f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("sbml: level 2 version 1"), r.out());
        assertTrue(r.out().contains("model id: Caron2010_mTORC1_UpstreamRegulators"), r.out());
    }

    @Test
    void infoOpensTheBuiltinNetwork() {
        Cli r = run("info", "builtin:mtor");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("file: builtin:mtor\nsbml: level 3 version 2\nmodel id: mtor_network"), r.out());
        Cli unknown = run("info", "builtin:nope");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("builtin:mtor"), unknown.err());
    }

    @Test
    void drugsAndContextsListTheCatalogueAsCsv() {
        Cli d = run("drugs");
        assertEquals(0, d.code(), d.err());
        List<String> lines = d.out().lines().toList();
        assertEquals("id,name,mechanism,targets,potency,review_section,model_effect", lines.get(0));
        assertEquals(22, lines.size(), d.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("azd8055,") && l.contains("IC50 0.8 nM")), d.out());
        Cli c = run("contexts");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("\npten_null,"), c.out());
        assertEquals(10, c.out().lines().count(), c.out());
        assertEquals(2, run("drugs", "extra").code());
    }

    private static double last(Cli r, int column) {
        List<String> rows = r.out().strip().lines().toList();
        return Double.parseDouble(rows.get(rows.size() - 1).split(",")[column]);
    }

    @Test
    void simulateAppliesDrugsContextsAndKnockouts() {
        Cli control = run("simulate", "builtin:mtor", "--t-end", "60", "--points", "2", "--equilibrate", "--ids",
                "pS6K1,PIP3");
        assertEquals(0, control.code(), control.err());
        assertEquals("time,pS6K1,PIP3", control.out().lines().findFirst().orElseThrow());
        Cli rapa = run("simulate", "builtin:mtor", "--t-end", "60", "--points", "2", "--equilibrate", "--drug",
                "rapamycin=10", "--ids", "pS6K1,PIP3");
        assertEquals(0, rapa.code(), rapa.err());
        assertTrue(last(rapa, 1) < 0.2 * last(control, 1), rapa.out());
        assertTrue(last(rapa, 2) > 1.2 * last(control, 2), "the S6K1 feedback is relieved: " + rapa.out());
        Cli pten = run("simulate", "builtin:mtor", "--t-end", "60", "--points", "2", "--equilibrate", "--context",
                "pten_null", "--ids", "pS6K1,PIP3");
        assertTrue(last(pten, 2) > 1.2 * last(control, 2), pten.out());
        Cli ko = run("simulate", "builtin:mtor", "--t-end", "60", "--points", "2", "--knockout", "PDK1", "--ids",
                "pAkt_T308");
        assertEquals(0, ko.code(), ko.err());
        assertEquals(0.0, last(ko, 1), 1e-12, ko.out());
        Cli ss = run("steady-state", "builtin:mtor", "--drug", "torin1=250", "--ids", "p4EBP1");
        assertEquals(0, ss.code(), ss.err());
    }

    @Test
    void badPerturbationsAreUsageErrors() throws Exception {
        assertTrue(run("simulate", "builtin:mtor", "--drug", "aspirin=5").err().contains("unknown drug 'aspirin'"));
        assertEquals(2, run("simulate", "builtin:mtor", "--drug", "rapamycin").code());
        assertEquals(2, run("simulate", "builtin:mtor", "--drug", "rapamycin=-1").code());
        assertEquals(2, run("simulate", "builtin:mtor", "--context", "mars").code());
        assertEquals(2, run("simulate", "builtin:mtor", "--knockout", "Godot").code());
        Path f = tmp.resolve("other.xml");
        Files.writeString(f, """
                <?xml version="1.0" encoding="UTF-8"?>
                <sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
                  <model id="other">
                    <listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
                    <listOfSpecies><species id="A" compartment="c" initialConcentration="1"
                        hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/></listOfSpecies>
                  </model>
                </sbml>
                """);
        Cli foreign = run("simulate", "other.xml", "--drug", "torin1=10");
        assertEquals(2, foreign.code());
        assertTrue(foreign.err().contains("builtin:mtor"), foreign.err());
    }

    @Test
    void experimentCommandsWriteTidyTablesAndSummaries() {
        Cli dr = run("dose-response", "builtin:mtor", "--drug", "rapamycin", "--doses", "0.001,0.01,0.1,1,10",
                "--readout", "pS6K1", "--t-end", "60", "--threads", "2");
        assertEquals(0, dr.code(), dr.err());
        assertEquals("run,context,drug,dose_nM,readout,time,value,fitted", dr.out().lines().findFirst().orElseThrow());
        assertEquals(7, dr.out().lines().count(), dr.out());
        assertTrue(dr.err().contains("rapamycin on pS6K1: IC50 "), dr.err());
        Cli combo = run("combination", "builtin:mtor", "--drug", "rapamycin", "--drug", "u0126", "--doses-a", "1,10",
                "--doses-b", "1000,10000", "--readout", "proliferation", "--synergy", "hsa", "--context", "pten_null");
        assertEquals(0, combo.code(), combo.err());
        assertEquals(10, combo.out().lines().count(), combo.out());
        assertTrue(combo.err().lines().findFirst().orElseThrow().contains(" hsa mean excess "), combo.err());
        assertTrue(combo.out().contains(",pten_null,"), combo.out());
        Cli scan = run("scan", "builtin:mtor", "--param", "GF=0:1:2", "--readout", "pAkt_T308", "--steady-state",
                "--drug", "torin1=100");
        assertEquals(0, scan.code(), scan.err());
        assertTrue(scan.out().contains(",torin1 100 nM,pAkt_T308,steady-state,"), scan.out());
        Cli sens = run("sensitivity", "builtin:mtor", "--readout", "pS6K1", "--method", "morris", "--trajectories", "2",
                "--t-end", "60");
        assertEquals(0, sens.code(), sens.err());
        assertTrue(sens.out().startsWith("parameter,value,readout,time,mu_star,sigma,trajectories\n"), sens.out());
        assertEquals(2, run("sensitivity", "builtin:mtor", "--readout", "pS6K1", "--method", "anova").code());
        assertEquals(2, run("dose-response", "builtin:mtor", "--doses", "1,2", "--readout", "pS6K1").code());
        assertEquals(2, run("combination", "builtin:mtor", "--drug", "rapamycin", "--doses-a", "1", "--doses-b", "1",
                "--readout", "pS6K1").code());
        assertEquals(2, run("scan", "builtin:mtor", "--param", "nope=0:1:2", "--readout", "pS6K1").code());
        assertEquals(2, run("dose-response", "builtin:mtor", "--drug", "rapamycin", "--doses", "1,2", "--readout",
                "pS6K1", "--t-end", "10", "--steady-state").code());
    }

    @Test
    void theBuiltinNetworkValidatesAndExportsForCellDesigner() throws Exception {
        Cli v = run("validate", "builtin:mtor");
        assertEquals(0, v.code(), v.err());
        assertTrue(v.err().contains("builtin:mtor: 0 errors"), v.err());
        Cli cd = run("convert", "builtin:mtor", "--to", "celldesigner", "--out", "mtor-cd.xml");
        assertEquals(0, cd.code(), cd.err());
        String xml = Files.readString(tmp.resolve("mtor-cd.xml"));
        assertTrue(xml.contains("celldesigner:speciesAlias"), "CellDesigner aliases");
        assertTrue(xml.contains("paint color=\"ffddeeff\""), "the render fill of proteins became CellDesigner paint");
        Cli back = run("info", "mtor-cd.xml");
        assertTrue(back.out().contains("sbml: level 2 version 4"), back.out());
        assertTrue(back.out().contains("layout: yes"), back.out());
    }

    @Test
    void findingsPrintsTheTableAndPasses() {
        Cli r = run("findings");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().startsWith("finding,section,readout,protocol,expected,simulated_ratio,result\n"), r.out());
        assertTrue(r.out().lines().skip(1).allMatch(l -> l.endsWith(",PASS")), r.out());
        assertTrue(r.err().contains(" failed"), r.err());
    }

    @Test
    void findingsRobustnessNeedsASampleCountAndSeedOnlyGoesWithIt() {
        Cli none = run("findings", "--robustness", "0");
        assertEquals(2, none.code(), none.err());
        assertTrue(none.err().contains("--robustness must be at least 1"), none.err());
        Cli seedAlone = run("findings", "--seed", "3");
        assertEquals(2, seedAlone.code(), seedAlone.err());
        assertTrue(seedAlone.err().contains("--seed applies to --robustness only"), seedAlone.err());
        Cli badSeed = run("findings", "--robustness", "2", "--seed", "x");
        assertEquals(2, badSeed.code(), badSeed.err());
        assertTrue(badSeed.err().contains("--seed needs a whole number"), badSeed.err());
    }

    @Test
    void theCommandLineBundleIsHeadless() {
        Architecture.assertHeadless("org.mtorworkbench.cli");
        Architecture.assertHeadless("org.mtorworkbench.sbml");
    }
}
