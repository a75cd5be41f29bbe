package org.mtorworkbench.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.geom.Rectangle2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mtorworkbench.network.BuiltinModels;
import org.mtorworkbench.tests.support.SharedData;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.ext.layout.Layout;
import org.sbml.jsbml.ext.layout.ReactionGlyph;

/** The built-in network's layout drawn as SBGN glyphs, to PNG and SVG. */
class BuiltinDiagramTest {

    private static SBMLDocument doc;
    private static Layout layout;
    private static Diagram diagram;

    @BeforeAll
    static void open() {
        doc = BuiltinModels.open("builtin:mtor").orElseThrow();
        layout = AutoLayout.find(doc.getModel(), null).orElseThrow();
        diagram = Diagram.of(layout);
    }

    @Test
    void everyGlyphOfTheLayoutBecomesOneFigure() {
        Map<GlyphKind, Integer> counts = diagram.countsByKind();
        long speciesNodes = diagram.nodes().stream().filter(n -> n.kind() != GlyphKind.COMPARTMENT
                && n.kind() != GlyphKind.PROCESS && !derived(n)).count();
        assertEquals(layout.getSpeciesGlyphCount(), speciesNodes);
        assertEquals(layout.getCompartmentGlyphCount(), diagram.count(GlyphKind.COMPARTMENT));
        assertEquals(layout.getReactionGlyphCount(), diagram.count(GlyphKind.PROCESS));
        int refGlyphs = layout.getListOfReactionGlyphs().stream().mapToInt(ReactionGlyph::getSpeciesReferenceGlyphCount).sum();
        assertEquals(refGlyphs + diagram.nodes().stream().filter(BuiltinDiagramTest::derived).count(), diagram.arcs().size(),
                "one arc per species reference glyph, plus one per derived source/sink");
        // the review's network has proteins, complexes, small molecules and phenotypes
        for (GlyphKind k : new GlyphKind[] { GlyphKind.MACROMOLECULE, GlyphKind.COMPLEX, GlyphKind.SIMPLE_CHEMICAL,
                GlyphKind.PHENOTYPE }) {
            assertTrue(counts.getOrDefault(k, 0) > 0, "no " + k + " glyph in " + counts);
        }
        for (ArcKind k : new ArcKind[] { ArcKind.CONSUMPTION, ArcKind.PRODUCTION, ArcKind.INHIBITION }) {
            assertTrue(diagram.arcs().stream().anyMatch(a -> a.kind() == k), "no " + k + " arc");
        }
        assertTrue(diagram.arcs().stream().anyMatch(a -> a.kind() == ArcKind.CATALYSIS || a.kind() == ArcKind.STIMULATION),
                "no catalysis or stimulation arc");
    }

    @Test
    void renderColoursComeFromTheLayoutsRenderInformation() {
        NodeFigure complex = diagram.nodes().stream().filter(n -> n.kind() == GlyphKind.COMPLEX).findFirst().orElseThrow();
        assertEquals(0xDFF2DC, complex.fill().getRGB() & 0xFFFFFF, "complex fill of the render style");
        ArcFigure inhibition = diagram.arcs().stream().filter(a -> a.kind() == ArcKind.INHIBITION).findFirst().orElseThrow();
        assertEquals(0xC62828, inhibition.stroke().getRGB() & 0xFFFFFF);
    }

    @Test
    void arcsStartAndEndOnTheOutlinesNotInsideTheNodes() {
        for (ArcFigure a : diagram.arcs()) {
            NodeFigure species = diagram.node(a.nodeId()).orElseThrow();
            NodeFigure process = diagram.node(a.processId()).orElseThrow();
            if (species.bounds().intersects(process.bounds())) {
                continue; // the layout puts the process on the species: there is no outline to end on
            }
            int i = a.kind() == ArcKind.PRODUCTION ? a.pointCount() - 1 : 0;
            Rectangle2D inner = new Rectangle2D.Double(species.x() + 1, species.y() + 1, species.width() - 2, species.height() - 2);
            assertTrue(!inner.contains(a.x(i), a.y(i)), a + " ends inside " + species.id());
        }
    }

    @Test
    void hitTestingFindsTheTopmostFigure() {
        NodeFigure akt = diagram.nodes().stream().filter(n -> n.kind() == GlyphKind.MACROMOLECULE).findFirst().orElseThrow();
        assertEquals(akt.id(), diagram.hit(akt.centerX(), akt.centerY(), 3).orElseThrow());
        NodeFigure process = diagram.nodes().stream().filter(n -> n.kind() == GlyphKind.PROCESS)
                .filter(p -> diagram.nodes().stream().noneMatch(o -> o != p && o.kind() != GlyphKind.COMPARTMENT
                        && o.bounds().intersects(p.bounds())))
                .findFirst().orElseThrow();
        assertEquals(process.id(), diagram.hit(process.centerX(), process.centerY(), 3).orElseThrow());
        ArcFigure arc = diagram.arcs().stream().filter(a -> a.distanceTo((a.x(0) + a.x(1)) / 2, (a.y(0) + a.y(1)) / 2) < 1e-9
                && diagram.hit((a.x(0) + a.x(1)) / 2, (a.y(0) + a.y(1)) / 2, 3).orElse("").equals(a.id())).findFirst()
                .orElseThrow(() -> new AssertionError("no arc is hit at its midpoint"));
        assertTrue(diagram.arc(arc.id()).isPresent());
        Rectangle2D b = diagram.bounds();
        assertTrue(diagram.hit(b.getMinX() - 50, b.getMinY() - 50, 3).isEmpty());
        assertTrue(diagram.nodesInside(b).size() >= layout.getSpeciesGlyphCount() + layout.getReactionGlyphCount());
    }

    @Test
    void pngAndSvgShowTheWholeDiagramWithStableBounds() throws Exception {
        Path out = SharedData.outputDir("diagrams");
        Path png = out.resolve("builtin-mtor.png");
        Path svg = out.resolve("builtin-mtor.svg");
        long t0 = System.nanoTime();
        DiagramExport.write(diagram, png, 1.5);
        long t1 = System.nanoTime();
        DiagramExport.write(diagram, svg, 1);
        long t2 = System.nanoTime();
        System.out.printf("builtin:mtor: %d nodes, %d arcs; PNG %.0f ms, SVG %.0f ms%n", diagram.nodes().size(),
                diagram.arcs().size(), (t1 - t0) / 1e6, (t2 - t1) / 1e6);

        Rectangle2D b = diagram.bounds();
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals((int) Math.ceil((b.getWidth() + 2 * DiagramExport.MARGIN) * 1.5), img.getWidth());
        assertEquals((int) Math.ceil((b.getHeight() + 2 * DiagramExport.MARGIN) * 1.5), img.getHeight());
        assertTrue(inkFraction(img) > 0.05, "the PNG is nearly empty: ink " + inkFraction(img));

        String text = Files.readString(svg);
        assertTrue(text.startsWith("<svg") || text.contains("<svg"), "not an SVG document");
        Matcher m = Pattern.compile("<svg[^>]* width='([0-9.]+)'").matcher(text);
        assertTrue(m.find(), "the SVG has no width");
        assertEquals(Math.ceil(b.getWidth() + 2 * DiagramExport.MARGIN), Double.parseDouble(m.group(1)));
        for (NodeFigure n : diagram.nodes()) {
            for (String word : n.label().split(" ")) {
                assertTrue(text.contains(xml(word)), "label " + n.label() + " is missing from the SVG");
            }
        }
        assertEquals(b, Diagram.of(layout).bounds(), "bounds change between two builds of one layout");
        assertEquals(diagram.nodes(), Diagram.of(layout).nodes());
    }

    /** @return true for the source/sink nodes the diagram adds to reactions without reactants or products */
    static boolean derived(NodeFigure n) {
        return n.kind() == GlyphKind.SOURCE_SINK && n.elementId() == null;
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** @return the share of pixels that are not white */
    static double inkFraction(BufferedImage img) {
        long ink = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        return ink / (double) ((long) img.getWidth() * img.getHeight());
    }
}
