package org.mtorworkbench.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.sbml.SbmlReader;
import org.mtorworkbench.tests.support.SharedData;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.ext.layout.Layout;

/** BioModels files of the shared data set: laid out when they have no layout, drawn, exported. */
class SharedModelsDiagramTest {

    @Test
    void cellDesignerModificationStatesAreDrawnAsStateVariables() throws Exception {
        Path f = SharedData.require("models/MODEL1012220003.xml");
        SBMLDocument doc = new SbmlReader().read(f);
        Diagram d = Diagram.of(AutoLayout.firstOrCreate(doc, AutoLayoutOptions.DEFAULTS));
        // IRS-1 (s1): residues rs1 S639, rs2 S309, rs3 (no name), rs4 S636, all phosphorylated.
        List<String> irs1 = d.nodes().stream().filter(n -> "s1".equals(n.elementId())).findFirst().orElseThrow()
                .stateVariables();
        assertEquals(List.of("P@S639", "P@S309", "P@rs3", "P@S636"), irs1);
        long withStates = d.nodes().stream().filter(n -> !n.stateVariables().isEmpty()).count();
        assertTrue(withStates >= 20, "species glyphs with modification states: " + withStates);
        assertTrue(new SbmlReader().read(f).getModel().getSpecies("s1").getAnnotation().getNonRDFannotation()
                .toXMLString().equals(doc.getModel().getSpecies("s1").getAnnotation().getNonRDFannotation()
                        .toXMLString()), "the CellDesigner annotation is left as it was");
    }

    @Test
    void everyBioModelsFileIsDrawnWithAGlyphPerElement() throws Exception {
        Path dir = SharedData.require("models");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
        }
        assertTrue(files.size() > 5, "too few models in " + dir);
        Path out = SharedData.outputDir("diagrams/models");
        List<String> failures = new ArrayList<>();
        for (Path f : files) {
            try {
                SBMLDocument doc = new SbmlReader().read(f);
                Model m = doc.getModel();
                boolean had = !AutoLayout.layouts(m).isEmpty();
                Layout l = AutoLayout.firstOrCreate(doc, AutoLayoutOptions.DEFAULTS);
                Diagram d = Diagram.of(l);
                if (!had) {
                    assertEquals(m.getSpeciesCount(), l.getSpeciesGlyphCount(), "species glyphs");
                    assertEquals(m.getReactionCount(), d.count(GlyphKind.PROCESS), "process nodes");
                    AutoLayoutTest.assertNoOverlaps(d);
                }
                assertEquals(l.getSpeciesGlyphCount() + d.nodes().stream().filter(BuiltinDiagramTest::derived).count()
                        + l.getCompartmentGlyphCount() + l.getReactionGlyphCount(), d.nodes().size(), "nodes");
                String name = f.getFileName().toString().replace(".xml", "");
                DiagramExport.write(d, out.resolve(name + ".svg"), 1);
                BufferedImage img = DiagramExport.image(d, 0.25);
                assertTrue(d.nodes().isEmpty() || BuiltinDiagramTest.inkFraction(img) > 0.001, "empty picture");
            } catch (Exception | AssertionError e) {
                failures.add(f.getFileName() + ": " + e);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void the500SpeciesChenModelOpensAndIsLaidOutQuickly() throws Exception {
        Path f = SharedData.require("models/petab/Chen_MSB2009/model_Chen_MSB2009.xml");
        // warm up class loading and the JIT once, as a user's second open would be
        Diagram.of(AutoLayout.create(new SbmlReader().read(f), AutoLayoutOptions.DEFAULTS));
        long t0 = System.nanoTime();
        SBMLDocument doc = new SbmlReader().read(f);
        long t1 = System.nanoTime();
        Layout l = AutoLayout.firstOrCreate(doc, AutoLayoutOptions.DEFAULTS);
        long t2 = System.nanoTime();
        Diagram d = Diagram.of(l);
        long t3 = System.nanoTime();
        Path png = SharedData.outputDir("diagrams").resolve("Chen_MSB2009.png");
        DiagramExport.write(d, png, 0.25);
        long t4 = System.nanoTime();
        BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        System.out.printf("Chen_MSB2009: %d species, %d reactions; read %.0f ms, ELK layout %.0f ms, diagram %.0f ms,"
                + " PNG %dx%d written in %.0f ms; open + layout %.2f s (target: under 3 s)%n", doc.getModel().getSpeciesCount(),
                doc.getModel().getReactionCount(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, img.getWidth(),
                img.getHeight(), (t4 - t3) / 1e6, (t2 - t0) / 1e9);
        assertEquals(500, l.getSpeciesGlyphCount());
        assertEquals(doc.getModel().getReactionCount(), d.count(GlyphKind.PROCESS));
    }
}
