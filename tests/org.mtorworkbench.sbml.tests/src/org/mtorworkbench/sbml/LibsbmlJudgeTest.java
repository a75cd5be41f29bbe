package org.mtorworkbench.sbml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.tests.support.SharedData;
import org.sbml.jsbml.SBMLDocument;

/**
 * libSBML, the parser COPASI and CellDesigner are built on, judges what the workbench writes:
 * every export of every shared model and of every test-suite case, in each target level the
 * conversion is possible, must have no libSBML errors beyond those libSBML already reports for
 * the original file; the render sample in every target and the CellDesigner export of every
 * shared model must have none at all. Skipped, saying why, when libSBML for Python or the shared data is absent.
 */
class LibsbmlJudgeTest {

    private static final String SCRIPT = "/scripts/libsbml_check.py";

    /** The Python interpreters tried, Debian's first (python3-sbml5 installs there). */
    private static final String[] PYTHONS = { "/usr/bin/python3", "python3" };

    private static String python() {
        for (String p : PYTHONS) {
            try {
                Process proc = new ProcessBuilder(p, "-c", "import libsbml").redirectErrorStream(true).start();
                proc.getInputStream().readAllBytes();
                if (proc.waitFor(60, TimeUnit.SECONDS) && proc.exitValue() == 0) {
                    return p;
                }
            } catch (IOException | InterruptedException e) {
                // Try the next interpreter.
            }
        }
        return null;
    }

    private static Path script(Path dir) throws IOException {
        Path s = dir.resolve("libsbml_check.py");
        try (InputStream in = LibsbmlJudgeTest.class.getResourceAsStream(SCRIPT)) {
            if (in != null) {
                Files.copy(in, s, StandardCopyOption.REPLACE_EXISTING);
                return s;
            }
        }
        // Run from the build, the test bundle's folder is the working directory.
        Path inProject = Path.of(System.getProperty("user.dir"), SCRIPT.substring(1));
        if (!Files.isRegularFile(inProject)) {
            throw new IOException(SCRIPT + " is missing from the test bundle and from " + inProject);
        }
        return Files.copy(inProject, s, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Runs the script over {@code files}; @return file to (error count, messages) */
    private static Map<Path, String[]> judge(String python, Path script, List<Path> files) throws Exception {
        Process p = new ProcessBuilder(python, script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Thread feeder = new Thread(() -> {
            try (OutputStream os = p.getOutputStream()) {
                for (Path f : files) {
                    os.write((f.toAbsolutePath() + "\n").getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // The reader below notices the missing lines.
            }
        });
        feeder.start();
        Map<Path, String[]> out = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String version = r.readLine();
            System.out.println("[libsbml] " + version);
            String line;
            while ((line = r.readLine()) != null) {
                String[] parts = line.split("\t", 3);
                out.put(Path.of(parts[0]), new String[] { parts[1], parts.length > 2 ? parts[2] : "" });
            }
        }
        feeder.join();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "libSBML check did not finish");
        assertEquals(files.size(), out.size(), "libSBML judged every file");
        return out;
    }

    @Test
    void everyExportHasNoLibsbmlErrors() throws Exception {
        List<Path> originals = new ArrayList<>(RoundTripTest.sharedModels());
        originals.addAll(RoundTripTest.testSuiteCases());
        String python = python();
        assumeTrue(python != null, "skipped: libSBML for Python is not installed (Debian: apt-get install"
                + " python3-sbml5); this test runs where it is, as in CI");
        Path dir = SharedData.outputDir("libsbml-exports");
        Path script = script(dir);
        Map<SbmlTarget, List<Path>> exports = new EnumMap<>(SbmlTarget.class);
        Map<Path, Path> originalOf = new HashMap<>();
        for (Path f : originals) {
            SBMLDocument doc = new SbmlReader().read(f);
            Path caseDir = Files.createDirectories(dir.resolve(f.getParent().getFileName().toString()));
            copySiblings(f, caseDir);
            for (SbmlTarget t : SbmlTarget.values()) {
                try {
                    byte[] bytes = new SbmlWriter().withTarget(t).toBytes(doc, f.toString());
                    Path out = caseDir.resolve(f.getFileName().toString().replace(".xml", "") + "-as-" + t.label()
                            + ".xml");
                    Files.write(out, bytes);
                    exports.computeIfAbsent(t, k -> new ArrayList<>()).add(out);
                    originalOf.put(out, f);
                } catch (SbmlException e) {
                    assertEquals(SbmlException.Kind.UNSUPPORTED, e.kind(), e.getMessage());
                }
            }
        }
        // The render sample in every target (render as the L3 package, or the L2 render annotation)
        // and the CellDesigner export of every shared model and of the render sample.
        List<Path> extras = new ArrayList<>();
        Path renderDir = Files.createDirectories(dir.resolve("render-sample"));
        SBMLDocument styled = RenderSample.build();
        for (SbmlTarget t : SbmlTarget.values()) {
            Path out = renderDir.resolve("styled-as-" + t.label() + ".xml");
            Files.write(out, new SbmlWriter().withTarget(t).toBytes(styled, "styled"));
            extras.add(out);
        }
        Path cdDir = Files.createDirectories(dir.resolve("celldesigner"));
        Path styledCd = cdDir.resolve("styled-as-celldesigner.xml");
        Files.write(styledCd, new SbmlWriter().withCellDesigner(true).toBytes(styled, "styled"));
        extras.add(styledCd);
        for (Path f : RoundTripTest.sharedModels()) {
            // Two PEtab problems share a model file name: the folder name keeps them apart.
            Path out = cdDir.resolve(f.getParent().getFileName() + "-" + f.getFileName().toString().replace(".xml", "")
                    + "-as-celldesigner.xml");
            Files.write(out, new SbmlWriter().withCellDesigner(true).toBytes(new SbmlReader().read(f), f.toString()));
            extras.add(out);
        }
        List<Path> all = new ArrayList<>();
        exports.values().forEach(all::addAll);
        all.addAll(extras);
        Map<Path, String[]> verdicts = judge(python, script, all);
        Map<Path, String[]> originalVerdicts = judge(python, script, originals);
        List<String> failures = new ArrayList<>();
        int inheritedFromOriginal = 0;
        for (Map.Entry<SbmlTarget, List<Path>> e : exports.entrySet()) {
            int clean = 0;
            for (Path out : e.getValue()) {
                String[] v = verdicts.get(out.toAbsolutePath());
                if ("0".equals(v[0])) {
                    clean++;
                } else if (!"0".equals(originalVerdicts.get(originalOf.get(out).toAbsolutePath())[0])) {
                    inheritedFromOriginal++;
                } else {
                    failures.add(out.getFileName() + ": " + v[0] + " errors: " + v[1]);
                }
            }
            System.out.println("[libsbml] " + e.getKey().label() + ": " + e.getValue().size() + " exports, " + clean
                    + " without errors");
        }
        int extrasClean = 0;
        for (Path out : extras) {
            String[] v = verdicts.get(out.toAbsolutePath());
            if ("0".equals(v[0])) {
                extrasClean++;
            } else {
                failures.add(out.getFileName() + ": " + v[0] + " errors: " + v[1]);
            }
        }
        System.out.println("[libsbml] render sample (l2v4, l3v1, l3v2, celldesigner) and celldesigner exports of the"
                + " shared models: " + extras.size() + " exports, " + extrasClean + " without errors");
        System.out.println("[libsbml] " + inheritedFromOriginal + " exports of originals libSBML already finds invalid;"
                + " " + failures.size() + " exports with errors of their own");
        failures.forEach(f -> System.out.println("[libsbml]   " + f));
        assertTrue(all.size() >= 3 * 200, "exports judged: " + all.size());
        assertTrue(extras.size() >= 25, "render and CellDesigner exports judged: " + extras.size());
        assertEquals(List.of(), failures);
    }

    /** Test-suite comp cases refer to other files of their folder: they go beside the export. */
    private static void copySiblings(Path original, Path dir) throws IOException {
        try (Stream<Path> s = Files.list(original.getParent())) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".xml") && !n.matches("\\d+-sbml-.*") && !p.equals(original)) {
                    Files.copy(p, dir.resolve(n), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
