package org.mtorworkbench.sbml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.tests.support.SharedData;
import org.sbml.jsbml.SBMLDocument;

/**
 * read, write, read gives the same model, in every target level the conversion is possible,
 * for every file in the shared models and the highest level/version file of every SBML Test
 * Suite case. Refused conversions are counted by reason and printed; any difference or
 * unexpected error fails the test with the full list.
 */
class RoundTripTest {

    /** Outcome counts for one target. */
    static final class Tally {
        int passed;
        int refused;
        final List<String> failures = new ArrayList<>();
    }

    static List<Path> sharedModels() throws IOException {
        Path dir = SharedData.require("models");
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".xml"))
                    .filter(p -> p.getParent().equals(dir) || p.getFileName().toString().startsWith("model_"))
                    .sorted().toList();
        }
    }

    /** @return the highest level/version SBML file of every test-suite case */
    static List<Path> testSuiteCases() throws IOException {
        Path dir = SharedData.require("sbml-test-suite/semantic");
        List<Path> out = new ArrayList<>();
        try (Stream<Path> cases = Files.list(dir)) {
            for (Path c : cases.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(c)) {
                    files.filter(p -> p.getFileName().toString().matches("\\d+-sbml-l\\dv\\d\\.xml")).sorted()
                            .reduce((a, b) -> b).ifPresent(out::add);
                }
            }
        }
        return out;
    }

    static Map<SbmlTarget, Tally> roundTrip(List<Path> files, Map<String, Integer> refusalReasons) {
        Map<SbmlTarget, Tally> tallies = new EnumMap<>(SbmlTarget.class);
        for (SbmlTarget t : SbmlTarget.values()) {
            tallies.put(t, new Tally());
        }
        for (Path f : files) {
            SBMLDocument doc;
            try {
                doc = new SbmlReader().read(f);
            } catch (SbmlException e) {
                for (Tally t : tallies.values()) {
                    t.failures.add("read: " + e.getMessage());
                }
                continue;
            }
            for (SbmlTarget t : SbmlTarget.values()) {
                Tally tally = tallies.get(t);
                try {
                    byte[] bytes = new SbmlWriter().withTarget(t).toBytes(doc, f.toString());
                    SBMLDocument back = new SbmlReader().read(bytes, f + " as " + t.label());
                    List<String> diffs = ModelComparison.compare(doc, back);
                    if (diffs.isEmpty()) {
                        tally.passed++;
                    } else {
                        tally.failures.add(f.getFileName() + " " + t.label() + ": " + diffs.size() + " differences: "
                                + diffs.subList(0, Math.min(5, diffs.size())));
                    }
                } catch (SbmlException e) {
                    if (e.kind() == SbmlException.Kind.UNSUPPORTED) {
                        tally.refused++;
                        // Each reason counts once per file.
                        java.util.Set<String> reasons = new java.util.TreeSet<>();
                        for (String p : e.problems()) {
                            reasons.add(t.label() + ": " + p.replaceAll("'[^']*'", "X")
                                    .replaceAll("\\((for|in) [^)]*\\)", "").replaceAll("\\s+", " "));
                        }
                        reasons.forEach(r -> refusalReasons.merge(r, 1, Integer::sum));
                    } else {
                        tally.failures.add(f.getFileName() + " " + t.label() + ": " + e.getMessage());
                    }
                } catch (RuntimeException e) {
                    tally.failures.add(f.getFileName() + " " + t.label() + ": " + e);
                }
            }
        }
        return tallies;
    }

    static String report(String title, int files, Map<SbmlTarget, Tally> tallies) {
        StringBuilder sb = new StringBuilder("[round trip] ").append(title).append(": ").append(files).append(" files");
        for (Map.Entry<SbmlTarget, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            sb.append("; ").append(e.getKey().label()).append(": ").append(t.passed).append(" same, ")
                    .append(t.refused).append(" refused, ").append(t.failures.size()).append(" failed");
        }
        return sb.toString();
    }

    private static List<String> allFailures(Map<SbmlTarget, Tally> tallies) {
        List<String> all = new ArrayList<>();
        tallies.values().forEach(t -> all.addAll(t.failures));
        return all;
    }

    @Test
    void everySharedModelSurvivesEveryTargetLevel() throws Exception {
        List<Path> files = sharedModels();
        assertTrue(files.size() >= 25, "expected the shared models, found " + files.size());
        Map<String, Integer> reasons = new TreeMap<>();
        Map<SbmlTarget, Tally> tallies = roundTrip(files, reasons);
        System.out.println(report("shared models", files.size(), tallies));
        reasons.forEach((r, n) -> System.out.println("[round trip]   files refused for " + r + ": " + n));
        assertEquals(List.of(), allFailures(tallies));
        for (Tally t : tallies.values()) {
            assertEquals(files.size(), t.passed, "every shared model converts to every target");
        }
    }

    @Test
    void theCellDesignerDiagramTravelsAsAnSbmlLayoutInEveryTarget() throws Exception {
        Path f = SharedData.require("models").resolve("MODEL1012220003.xml");
        SBMLDocument doc = new SbmlReader().read(f);
        for (SbmlTarget t : SbmlTarget.values()) {
            SBMLDocument back = new SbmlReader().withCellDesignerLayout(false)
                    .read(new SbmlWriter().withTarget(t).toBytes(doc, f.toString()), t.label());
            org.sbml.jsbml.ext.layout.Layout layout = ((org.sbml.jsbml.ext.layout.LayoutModelPlugin) back.getModel()
                    .getExtension("layout")).getLayout(0);
            assertEquals("celldesigner_diagram", layout.getId(), t.label());
            assertEquals(3, layout.getCompartmentGlyphCount(), t.label());
            assertEquals(255, layout.getSpeciesGlyphCount(), t.label());
            assertEquals(77, layout.getReactionGlyphCount(), t.label());
            assertEquals(List.of(), ModelComparison.compare(doc, back), t.label());
        }
    }

    @Test
    void everyTestSuiteCaseSurvivesEveryTargetItCanBeExpressedIn() throws Exception {
        List<Path> files = testSuiteCases();
        assertEquals(1821, files.size(), "test-suite cases");
        Map<String, Integer> reasons = new TreeMap<>();
        Map<SbmlTarget, Tally> tallies = roundTrip(files, reasons);
        System.out.println(report("SBML Test Suite (highest level/version of each case)", files.size(), tallies));
        reasons.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(40)
                .forEach(e -> System.out.println("[round trip]   files refused for " + e.getKey() + ": " + e.getValue()));
        assertEquals(List.of(), allFailures(tallies));
        // Nearly everything is L3V2; converting within L3 must almost always work.
        assertTrue(tallies.get(SbmlTarget.L3V2).passed > 1700, report("", files.size(), tallies));
        assertTrue(tallies.get(SbmlTarget.L3V1).passed > 1600, report("", files.size(), tallies));
        assertTrue(tallies.get(SbmlTarget.L2V4).passed > 1200, report("", files.size(), tallies));
    }
}
