package org.mtorworkbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtorworkbench.tests.support.SharedData;

/** {@code convert}, {@code validate} and the layout lines of {@code info}. */
class SbmlCommandsTest {

    private static final String L3_EVENT_PRIORITY = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" level="3" version="1">
              <model id="pulse" substanceUnits="mole" timeUnits="second" extentUnits="mole">
                <listOfCompartments><compartment id="cell" size="1" constant="true" spatialDimensions="3"/></listOfCompartments>
                <listOfParameters><parameter id="everolimus" value="0" constant="false"/></listOfParameters>
                <listOfEvents>
                  <event id="dose" useValuesFromTriggerTime="false">
                    <trigger initialValue="true" persistent="true"><math xmlns="http://www.w3.org/1998/Math/MathML">
                      <apply><gt/><csymbol encoding="text" definitionURL="http://www.sbml.org/sbml/symbols/time">t</csymbol><cn>60</cn></apply></math></trigger>
                    <priority><math xmlns="http://www.w3.org/1998/Math/MathML"><cn>5</cn></math></priority>
                    <listOfEventAssignments><eventAssignment variable="everolimus"><math xmlns="http://www.w3.org/1998/Math/MathML"><cn>20</cn></math></eventAssignment></listOfEventAssignments>
                  </event>
                </listOfEvents>
              </model>
            </sbml>
            """;

    private static final String INVALID = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" level="3" version="1">
              <model id="bad">
                <listOfCompartments><compartment id="c" size="1" constant="true" spatialDimensions="3"/></listOfCompartments>
                <listOfSpecies>
                  <species id="B" compartment="nucleus" initialConcentration="1" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
                </listOfSpecies>
                <listOfParameters><parameter id="k" value="NaN" constant="true"/></listOfParameters>
                <listOfReactions>
                  <reaction id="r1" reversible="false" fast="false">
                    <listOfReactants><speciesReference species="B" stoichiometry="1" constant="true"/></listOfReactants>
                    <kineticLaw><math xmlns="http://www.w3.org/1998/Math/MathML"><apply><times/><ci>k</ci><ci>kcat</ci></apply></math></kineticLaw>
                  </reaction>
                  <reaction id="r2" reversible="false" fast="false">
                    <listOfProducts><speciesReference species="B" stoichiometry="1" constant="true"/></listOfProducts>
                  </reaction>
                </listOfReactions>
              </model>
            </sbml>
            """;

    @TempDir
    Path tmp;

    private CliRun run(String... args) {
        return CliRun.of(tmp, args);
    }

    @Test
    void convertWritesEachTargetAndRefusesWhatL2CannotExpress() throws Exception {
        Files.writeString(tmp.resolve("pulse.xml"), L3_EVENT_PRIORITY);
        CliRun v2 = run("convert", "pulse.xml", "--to", "l3v2", "--out", "pulse-v2.xml");
        assertEquals(0, v2.code(), v2.err());
        assertTrue(Files.readString(tmp.resolve("pulse-v2.xml")).contains("level=\"3\" version=\"2\""));
        CliRun info = run("info", "pulse-v2.xml");
        assertTrue(info.out().contains("sbml: level 3 version 2"), info.out());

        Files.writeString(tmp.resolve("old.xml"), "keep me");
        CliRun l2 = run("convert", "pulse.xml", "--to", "l2v4", "--out", "old.xml");
        assertEquals(3, l2.code(), l2.err());
        assertEquals(1, l2.err().strip().lines().count(), l2.err());
        assertTrue(l2.err().contains("event 'dose': event priority"), l2.err());
        assertTrue(l2.err().contains("pulse.xml: cannot convert to l2v4 without losing 1 construct"), l2.err());
        assertArrayEquals("keep me".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(tmp.resolve("old.xml")));

        CliRun stdout = run("convert", "pulse.xml", "--to", "l3v1", "--out", "-");
        assertEquals(0, stdout.code(), stdout.err());
        assertTrue(stdout.out().startsWith("<?xml"), stdout.out());
    }

    @Test
    void convertUsageErrors() {
        assertEquals(2, run("convert", "m.xml", "--out", "x.xml").code());
        CliRun bad = run("convert", "m.xml", "--to", "l1v2", "--out", "x.xml");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("unknown target 'l1v2'"), bad.err());
        assertEquals(2, run("convert", "m.xml", "--to", "l3v1").code());
        CliRun missing = run("convert", "nope.xml", "--to", "l3v1", "--out", "x.xml");
        assertEquals(4, missing.code());
        assertFalse(Files.exists(tmp.resolve("x.xml")));
    }

    @Test
    void validateListsProblemsWithSeverityIdLineAndExitCode() throws Exception {
        Files.writeString(tmp.resolve("bad.xml"), INVALID);
        CliRun r = run("validate", "bad.xml");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().startsWith("severity,id,line,message\n"), r.out());
        assertTrue(r.out().contains("error,B,6,"), r.out());
        assertTrue(r.out().contains("'nucleus'"), r.out());
        assertTrue(r.out().contains("error,k,8,'k' has a non-finite value"), r.out());
        assertTrue(r.out().contains("uses 'kcat', which is not defined"), r.out());
        assertTrue(r.out().contains("warning,r2,"), r.out());
        assertTrue(r.err().contains("errors"), r.err());

        Files.writeString(tmp.resolve("dup.xml"), INVALID.replace("<parameter id=\"k\" value=\"NaN\"",
                "<parameter id=\"k\" value=\"1\" constant=\"true\"/><parameter id=\"k\" value=\"2\""));
        CliRun dup = run("validate", "dup.xml");
        assertTrue(dup.out().contains("the id 'k' of this <parameter> is already used by the <parameter> on line 8"),
                dup.out());

        Files.writeString(tmp.resolve("pulse.xml"), L3_EVENT_PRIORITY);
        CliRun ok = run("validate", "pulse.xml");
        assertEquals(0, ok.code(), ok.out() + ok.err());

        Files.writeString(tmp.resolve("broken.xml"), "<sbml");
        CliRun broken = run("validate", "broken.xml");
        assertEquals(4, broken.code());
        assertEquals(1, broken.err().strip().lines().count(), broken.err());
    }

    @Test
    void validateAcceptsTheSharedBioModelsFiles() {
        Path f = SharedData.require("models/BIOMD0000000010.xml");
        CliRun r = run("validate", f.toString());
        assertEquals(0, r.code(), r.out() + r.err());
    }

    @Test
    void theBuiltInModelConvertsToL2WithItsRenderInformation() throws Exception {
        CliRun c = run("convert", "builtin:mtor", "--to", "l2v4", "--out", "mtor-l2.xml");
        assertEquals(0, c.code(), c.err());
        String xml = Files.readString(tmp.resolve("mtor-l2.xml"));
        assertTrue(xml.contains("<listOfRenderInformation xmlns=\"http://projects.eml.org/bcb/sbml/render/level2\""));
        assertFalse(xml.contains("/level3/"), "an L2 file must not use an L3 namespace");
        CliRun info = run("info", "mtor-l2.xml");
        assertEquals(0, info.code(), info.err());
        assertTrue(info.out().contains("packages: layout, render"), info.out());
    }

    @Test
    void unknownPackagesAreListedKeptAndNotConverted() throws Exception {
        Files.writeString(tmp.resolve("foo.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <sbml xmlns="http://www.sbml.org/sbml/level3/version1/core"
                    xmlns:foo="http://www.example.org/sbml/level3/version1/foo/version1" foo:required="false" level="3" version="1">
                  <model id="m"><foo:listOfWidgets><foo:widget foo:id="w1"/></foo:listOfWidgets>
                    <listOfParameters><parameter id="p" value="1" constant="true" foo:isSpatial="false"/></listOfParameters>
                  </model>
                </sbml>
                """);
        CliRun info = run("info", "foo.xml");
        assertTrue(info.out().contains("packages: foo"), info.out());
        CliRun same = run("convert", "foo.xml", "--to", "l3v1", "--out", "foo-again.xml");
        assertEquals(0, same.code(), same.err());
        assertTrue(Files.readString(tmp.resolve("foo-again.xml")).contains("<foo:widget foo:id=\"w1\"/>"));
        CliRun down = run("convert", "foo.xml", "--to", "l2v4", "--out", "foo-l2.xml");
        assertEquals(3, down.code(), down.err());
        assertTrue(down.err().contains("element <foo:listOfWidgets>"), down.err());
        assertFalse(Files.exists(tmp.resolve("foo-l2.xml")));
    }

    @Test
    void infoAndConvertCarryTheCellDesignerDiagramAsALayout() throws Exception {
        Path f = SharedData.require("models/MODEL1012220003.xml");
        CliRun info = run("info", f.toString());
        assertEquals(0, info.code(), info.err());
        assertTrue(info.out().contains("layout: yes"), info.out());
        assertTrue(info.out().contains("layout celldesigner_diagram: 3 compartment, 255 species, 77 reaction"),
                info.out());
        for (String to : new String[] { "l2v4", "l3v1" }) {
            CliRun c = run("convert", f.toString(), "--to", to, "--out", "cd-" + to + ".xml");
            assertEquals(0, c.code(), c.err());
            CliRun back = run("info", "cd-" + to + ".xml");
            assertTrue(back.out().contains("layout celldesigner_diagram: 3 compartment, 255 species, 77 reaction"),
                    back.out());
        }
        assertTrue(Files.readString(tmp.resolve("cd-l2v4.xml")).contains("http://projects.eml.org/bcb/sbml/level2"));
        assertTrue(Files.readString(tmp.resolve("cd-l3v1.xml")).contains("layout:speciesGlyph"));
    }

    @Test
    void convertForCellDesignerWritesAliasesThatReadBackAsTheLayout() throws Exception {
        Path f = SharedData.require("models/BIOMD0000000010.xml");
        CliRun c = run("convert", f.toString(), "--to", "celldesigner", "--out", "cd.xml");
        assertEquals(0, c.code(), c.err());
        String xml = Files.readString(tmp.resolve("cd.xml"));
        assertTrue(xml.contains("http://www.sbml.org/sbml/level2/version4"), xml.substring(0, 300));
        int alias = xml.indexOf("<celldesigner:speciesAlias");
        assertTrue(alias > 0, "no species alias in:\n" + xml);
        assertTrue(xml.matches("(?s).*<celldesigner:speciesAlias[^>]*\\bid=\"sa_MKKK\".*"),
                xml.substring(alias, Math.min(xml.length(), alias + 400)));
        CliRun info = run("info", "cd.xml");
        assertTrue(info.out().contains("layout celldesigner_diagram: 0 compartment, 8 species, 10 reaction"),
                info.out());
    }
}
