package org.mtorworkbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtorworkbench.cli.internal.Cli.Result;
import org.mtorworkbench.tests.support.Architecture;
import org.mtorworkbench.tests.support.SharedData;

/** The command line's contract: commands, output, one-line errors and exit codes. */
class MainTest {

    @TempDir
    Path tmp;

    private Result run(String... args) {
        return Cli.run(tmp, args);
    }

    @Test
    void helpListsEveryCommand() {
        Result r = run("help");
        assertEquals(0, r.code());
        for (String c : new String[] { "help [COMMAND]", "--version", "info MODEL" }) {
            assertTrue(r.out().contains(c), "help does not list " + c + ":\n" + r.out());
        }
        Result one = run("help", "info");
        assertEquals(0, one.code());
        assertTrue(one.out().startsWith("usage: ./mtorwb info MODEL"), one.out());
    }

    @Test
    void versionPrintsTheInstalledBundleVersion() {
        Result r = run("--version");
        assertEquals(0, r.code());
        String version = Architecture.bundle("org.mtorworkbench.cli").getVersion().toString();
        assertEquals("mTOR Workbench " + version, r.out().strip());
    }

    @Test
    void unknownCommandsAndBadArgumentsAreOneLineUsageErrors() {
        Result unknown = run("frobnicate");
        assertEquals(2, unknown.code());
        assertEquals(1, unknown.err().strip().lines().count(), unknown.err());
        assertTrue(unknown.err().contains("unknown command 'frobnicate'"), unknown.err());

        Result missing = run("info");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("missing argument MODEL"), missing.err());

        Result option = run("info", "--bogus", "x.xml");
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
        Result r = run("info", "m.xml");
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
        Result r = run("info", "broken.xml");
        assertEquals(4, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("broken.xml:"), r.err());
        Result missing = run("info", "nope.xml");
        assertEquals(4, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }

    @Test
    void infoReadsTheCellDesignerDiagram() {
        Path f = SharedData.require("models/MODEL1012220003.xml");
        Result r = run("info", f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("sbml: level 2 version 1"), r.out());
        assertTrue(r.out().contains("model id: Caron2010_mTORC1_UpstreamRegulators"), r.out());
    }

    @Test
    void infoOpensTheBuiltinNetwork() {
        Result r = run("info", "builtin:mtor");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("file: builtin:mtor\nsbml: level 3 version 2\nmodel id: mtor_network"), r.out());
        Result unknown = run("info", "builtin:nope");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("builtin:mtor"), unknown.err());
    }

    @Test
    void drugsAndContextsListTheCatalogueAsCsv() {
        Result d = run("drugs");
        assertEquals(0, d.code(), d.err());
        List<String> lines = d.out().lines().toList();
        assertEquals("id,name,mechanism,targets,potency,review_section,model_effect", lines.get(0));
        assertEquals(21, lines.size(), d.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("azd8055,") && l.contains("IC50 0.8 nM")), d.out());
        Result c = run("contexts");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("\npten_null,"), c.out());
        assertEquals(10, c.out().lines().count(), c.out());
        assertEquals(2, run("drugs", "extra").code());
    }

    @Test
    void theCommandLineBundleIsHeadless() {
        Architecture.assertHeadless("org.mtorworkbench.cli");
        Architecture.assertHeadless("org.mtorworkbench.sbml");
    }
}
