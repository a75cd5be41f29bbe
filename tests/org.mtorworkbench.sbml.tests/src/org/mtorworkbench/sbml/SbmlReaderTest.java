package org.mtorworkbench.sbml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtorworkbench.sbml.SbmlException.Kind;
import org.mtorworkbench.tests.support.SharedData;
import org.sbml.jsbml.SBMLDocument;

/** Reading: every level and version, and a clear error for every kind of bad input. */
class SbmlReaderTest {

    private static final String MINIMAL_L3 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" level="3" version="1">
              <model id="tiny">
                <listOfCompartments>
                  <compartment id="cell" size="1" constant="true" spatialDimensions="3"/>
                </listOfCompartments>
                <listOfSpecies>
                  <species id="S6K1" compartment="cell" initialConcentration="1" hasOnlySubstanceUnits="false"
                      boundaryCondition="false" constant="false"/>
                </listOfSpecies>
              </model>
            </sbml>
            """;

    @TempDir
    Path tmp;

    private static SbmlException fails(String content) {
        return assertThrows(SbmlException.class,
                () -> new SbmlReader().read(content.getBytes(StandardCharsets.UTF_8), "bad.xml"));
    }

    @Test
    void readsAMinimalModel() throws Exception {
        SBMLDocument doc = new SbmlReader().read(MINIMAL_L3.getBytes(StandardCharsets.UTF_8), "tiny.xml");
        ModelSummary s = ModelSummary.of(doc);
        assertEquals(3, s.level());
        assertEquals(1, s.version());
        assertEquals("tiny", s.modelId());
        assertEquals(1, s.compartments());
        assertEquals(1, s.species());
        assertEquals(List.of(), s.packages());
    }

    @Test
    void refusesADoctypeWithAnExternalEntityWithoutReadingIt() throws Exception {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE sbml [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<sbml xmlns=\"http://www.sbml.org/sbml/level3/version1/core\" level=\"3\" version=\"1\">"
                + "<model id=\"&x;\"/></sbml>";
        SbmlException e = fails(xxe);
        assertEquals(Kind.REFUSED, e.kind());
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith("bad.xml:2:"), e.getMessage());
        assertTrue(!e.getMessage().contains("TOP-SECRET"));
    }

    @Test
    void refusesABillionLaughsQuickly() {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i < 10; i++) {
            sb.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                sb.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            sb.append("\">\n");
        }
        sb.append("]>\n<sbml xmlns=\"http://www.sbml.org/sbml/level3/version1/core\" level=\"3\" version=\"1\">"
                + "<model id=\"m\" name=\"&lol9;\"/></sbml>");
        String bomb = sb.toString();
        SbmlException e = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> fails(bomb));
        assertEquals(Kind.REFUSED, e.kind());
    }

    @Test
    void reportsTruncatedFilesWithLineAndColumn() {
        String truncated = MINIMAL_L3.substring(0, MINIMAL_L3.indexOf("</listOfSpecies>"));
        SbmlException e = fails(truncated);
        assertEquals(Kind.MALFORMED_XML, e.kind());
        assertTrue(e.line() > 1, "line: " + e.line());
        assertTrue(e.getMessage().matches("bad\\.xml:\\d+:\\d+: .*"), e.getMessage());
    }

    @Test
    void reportsMalformedXmlAtItsLineAndColumn() {
        String mismatched = MINIMAL_L3.replace("</listOfSpecies>", "</listOfSpecie>");
        SbmlException e = fails(mismatched);
        assertEquals(Kind.MALFORMED_XML, e.kind());
        assertEquals(10, e.line());
        assertTrue(e.getMessage().startsWith("bad.xml:10:"), e.getMessage());
        assertTrue(e.getMessage().contains("listOfSpecies"), e.getMessage());
        SbmlException quote = fails(MINIMAL_L3.replace("size=\"1\"", "size=\"1"));
        assertEquals(Kind.MALFORMED_XML, quote.kind());
        assertEquals(5, quote.line(), quote.getMessage());
        assertTrue(quote.getMessage().matches("bad\\.xml:5:\\d+: .*"), quote.getMessage());
    }

    @Test
    void sbmlProblemsNameTheElementItsLineAndWhatIsWrong() throws Exception {
        SBMLDocument doc = new SbmlReader().read("""
                <?xml version="1.0" encoding="UTF-8"?>
                <sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" level="3" version="1">
                  <model id="bad">
                    <listOfCompartments>
                      <compartment id="cell" size="1" constant="true" spatialDimensions="3"/>
                    </listOfCompartments>
                    <listOfSpecies>
                      <species id="Akt" compartment="nucleus" initialConcentration="1" hasOnlySubstanceUnits="false"
                          boundaryCondition="false" constant="false"/>
                      <species id="Akt" compartment="cell" initialConcentration="1" hasOnlySubstanceUnits="false"
                          boundaryCondition="false" constant="false"/>
                    </listOfSpecies>
                    <listOfParameters><parameter id="k" value="INF" constant="true"/></listOfParameters>
                    <listOfReactions>
                      <reaction id="r1" reversible="false">
                        <listOfReactants><speciesReference species="Akt" stoichiometry="1" constant="true"/></listOfReactants>
                        <kineticLaw><math xmlns="http://www.w3.org/1998/Math/MathML">
                          <apply><times/><ci>kcat</ci><ci>Akt</ci></apply></math></kineticLaw>
                      </reaction>
                      <reaction id="r2" reversible="false">
                        <listOfReactants><speciesReference species="Akt" stoichiometry="1" constant="true"/></listOfReactants>
                      </reaction>
                    </listOfReactions>
                  </model>
                </sbml>
                """.getBytes(StandardCharsets.UTF_8), "bad.xml");
        List<SbmlProblem> problems = new SbmlValidator().withJsbmlChecks(false).validate(doc);
        assertTrue(problems.stream().anyMatch(p -> p.severity() == SbmlProblem.Severity.ERROR
                && "Akt".equals(p.elementId()) && p.line() == 11 && p.message().contains("already used")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.severity() == SbmlProblem.Severity.ERROR
                && "Akt".equals(p.elementId()) && p.message().contains("'nucleus'")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.severity() == SbmlProblem.Severity.ERROR
                && "k".equals(p.elementId()) && p.line() == 13 && p.message().contains("non-finite")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.severity() == SbmlProblem.Severity.ERROR
                && "r1".equals(p.elementId()) && p.line() == 15 && p.message().contains("'kcat'")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.severity() == SbmlProblem.Severity.WARNING
                && "r2".equals(p.elementId()) && p.line() == 20 && p.message().contains("no kinetic law")),
                problems.toString());
        assertEquals(SbmlProblem.Severity.ERROR, problems.get(0).severity(), "errors come first");
    }

    @Test
    void reportsEmptyGarbageNonSbmlAndBadEncoding() throws Exception {
        assertEquals(Kind.MALFORMED_XML, fails("").kind());
        assertEquals(Kind.MALFORMED_XML, assertThrows(SbmlException.class,
                () -> new SbmlReader().read(new byte[] { 0, 1, 2, (byte) 0xff, 0x7f, 9 }, "bin.xml")).kind());
        SbmlException notSbml = fails("<?xml version=\"1.0\"?>\n<html><body/></html>");
        assertEquals(Kind.NOT_SBML, notSbml.kind());
        assertTrue(notSbml.getMessage().contains("<html>"), notSbml.getMessage());
        byte[] latin1 = MINIMAL_L3.replace("id=\"tiny\"", "id=\"tiny\" name=\"Caf\u00e9\"")
                .getBytes(StandardCharsets.ISO_8859_1);
        SbmlException enc = assertThrows(SbmlException.class, () -> new SbmlReader().read(latin1, "latin1.xml"));
        assertEquals(Kind.MALFORMED_XML, enc.kind());
        assertTrue(enc.getMessage().contains("UTF-8"), enc.getMessage());
    }

    @Test
    void refusesFilesOverTheSizeLimitAndMissingFiles() throws IOException {
        Path f = tmp.resolve("m.xml");
        Files.writeString(f, MINIMAL_L3);
        SbmlException big = assertThrows(SbmlException.class, () -> new SbmlReader().withMaxBytes(100).read(f));
        assertEquals(Kind.REFUSED, big.kind());
        assertTrue(big.getMessage().contains("limit"), big.getMessage());
        SbmlException missing = assertThrows(SbmlException.class,
                () -> new SbmlReader().read(tmp.resolve("nope.xml")));
        assertEquals(Kind.IO, missing.kind());
    }

    @Test
    void readsEveryBioModelsFileInTheSharedSet() throws Exception {
        Path dir = SharedData.require("models");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        assertTrue(files.size() >= 20, "expected the BioModels files, found " + files.size());
        List<String> failures = new ArrayList<>();
        for (Path f : files) {
            try {
                ModelSummary s = ModelSummary.of(new SbmlReader().read(f));
                if (s.level() != 2 || s.species() == 0) {
                    failures.add(f.getFileName() + ": unexpected summary " + s);
                }
            } catch (SbmlException e) {
                failures.add(e.getMessage());
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void readsEveryLevelAndVersionOfEveryTestSuiteCase() throws Exception {
        Path dir = SharedData.require("sbml-test-suite/semantic");
        java.util.Map<String, Integer> read = new java.util.TreeMap<>();
        List<String> failures = new ArrayList<>();
        int cases = 0;
        try (Stream<Path> all = Files.list(dir)) {
            for (Path c : all.filter(Files::isDirectory).sorted().toList()) {
                cases++;
                try (Stream<Path> files = Files.list(c)) {
                    for (Path f : files.filter(p -> p.getFileName().toString().matches("\\d+-sbml-l\\dv\\d\\.xml"))
                            .sorted().toList()) {
                        String lv = f.getFileName().toString().replaceAll(".*-sbml-(l\\dv\\d)\\.xml", "$1");
                        try {
                            SBMLDocument doc = new SbmlReader().read(f);
                            assertEquals(lv, "l" + doc.getLevel() + "v" + doc.getVersion(), f.toString());
                            read.merge(lv, 1, Integer::sum);
                        } catch (SbmlException e) {
                            failures.add(e.getMessage());
                        }
                    }
                }
            }
        }
        System.out.println("[read] " + cases + " test-suite cases, files read per level and version: " + read
                + "; failed: " + failures.size());
        failures.forEach(f -> System.out.println("[read]   " + f));
        assertEquals(1821, cases);
        assertEquals(List.of(), failures);
        assertEquals(List.of("l1v2", "l2v1", "l2v2", "l2v3", "l2v4", "l2v5", "l3v1", "l3v2"), List.copyOf(read.keySet()));
    }

    @Test
    void readsEveryLevelAndVersionOfATestSuiteCase() throws Exception {
        Path dir = SharedData.require("sbml-test-suite/semantic/00001");
        String[] lv = { "l1v2", "l2v1", "l2v2", "l2v3", "l2v4", "l2v5", "l3v1", "l3v2" };
        for (String v : lv) {
            Path f = dir.resolve("00001-sbml-" + v + ".xml");
            ModelSummary s = ModelSummary.of(new SbmlReader().read(f));
            assertEquals(v.charAt(1) - '0', s.level(), v);
            assertEquals(v.charAt(3) - '0', s.version(), v);
            assertTrue(s.species() > 0 && s.reactions() > 0, v + ": " + s);
        }
    }
}
