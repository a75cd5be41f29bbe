package org.mtorworkbench.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtorworkbench.sbml.SbmlReader;
import org.mtorworkbench.tests.support.SharedData;
import org.sbml.jsbml.SBMLDocument;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * CellDesigner maps drawn as CellDesigner draws them: every alias's glyph and fill, read
 * from the rendered diagram and its PNG, compared with the file's own annotations (parsed
 * here with the JDK's DOM, independently of the product's reader).
 */
class CellDesignerDiagramTest {

    private static final String CD = "http://www.sbml.org/2001/ns/celldesigner";

    @TempDir
    Path tmp;

    /** CellDesigner's species classes and the glyph each must give (the table of issue 17). */
    static final Map<String, GlyphKind> CLASSES = Map.ofEntries(Map.entry("PROTEIN", GlyphKind.MACROMOLECULE),
            Map.entry("RECEPTOR", GlyphKind.RECEPTOR), Map.entry("ION_CHANNEL", GlyphKind.ION_CHANNEL),
            Map.entry("TRUNCATED", GlyphKind.TRUNCATED), Map.entry("GENE", GlyphKind.GENE),
            Map.entry("RNA", GlyphKind.RNA), Map.entry("ANTISENSE_RNA", GlyphKind.ANTISENSE_RNA),
            Map.entry("SIMPLE_MOLECULE", GlyphKind.SIMPLE_CHEMICAL), Map.entry("ION", GlyphKind.ION),
            Map.entry("DRUG", GlyphKind.DRUG), Map.entry("PHENOTYPE", GlyphKind.PHENOTYPE),
            Map.entry("DEGRADED", GlyphKind.SOURCE_SINK), Map.entry("UNKNOWN", GlyphKind.UNSPECIFIED),
            Map.entry("COMPLEX", GlyphKind.COMPLEX));

    @Test
    void theMtorMapsAliasesHaveTheirCellDesignerGlyphsAndColoursOnScreenAndInThePng() throws Exception {
        Path f = SharedData.require("models/MODEL1012220003.xml");
        Map<String, Expected> expected = expected(f);
        SBMLDocument doc = new SbmlReader().read(f);
        Diagram d = Diagram.of(AutoLayout.find(doc.getModel(), null).orElseThrow());
        Path png = SharedData.outputDir("diagrams").resolve("MODEL1012220003-celldesigner.png");
        DiagramExport.write(d, png, 1);
        BufferedImage img = ImageIO.read(png.toFile());
        double x0 = d.bounds().getMinX() - DiagramExport.MARGIN;
        double y0 = d.bounds().getMinY() - DiagramExport.MARGIN;

        List<String> wrong = new ArrayList<>();
        Set<Integer> colours = new HashSet<>();
        int proteins = 0;
        int sampled = 0;
        int samePixel = 0;
        for (Map.Entry<String, Expected> e : expected.entrySet()) {
            NodeFigure n = d.node(e.getKey()).orElse(null);
            if (n == null) {
                wrong.add(e.getKey() + ": no glyph");
                continue;
            }
            Expected x = e.getValue();
            if (n.kind() != x.kind()) {
                wrong.add(e.getKey() + ": " + n.kind() + ", CellDesigner class gives " + x.kind());
            }
            if ((n.fill().getRGB() & 0xFFFFFF) != (x.fill().getRGB() & 0xFFFFFF)) {
                wrong.add(e.getKey() + String.format(": fill %06X, paint %06X", n.fill().getRGB() & 0xFFFFFF,
                        x.fill().getRGB() & 0xFFFFFF));
            }
            if (x.kind() == GlyphKind.MACROMOLECULE) {
                proteins++;
                colours.add(n.fill().getRGB() & 0xFFFFFF);
            }
            // the rendered pixel just inside the left border, where the glyph is on top
            double px = n.x() + 4;
            double py = n.y() + n.height() / 2;
            if (x.kind() == GlyphKind.MACROMOLECULE && d.hit(px, py, 0).orElse("").equals(n.id())) {
                sampled++;
                int rgb = img.getRGB((int) Math.round(px - x0), (int) Math.round(py - y0)) & 0xFFFFFF;
                if (rgb == (x.fill().getRGB() & 0xFFFFFF)) {
                    samePixel++;
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " aliases drawn otherwise than CellDesigner:\n" + String.join("\n", wrong));
        assertTrue(expected.size() >= 200, "aliases compared: " + expected.size());
        assertTrue(proteins >= 103, "proteins: " + proteins);
        assertTrue(colours.size() >= 15, "the proteins' distinct fills: " + colours.size());
        assertTrue(sampled >= 100 && samePixel >= sampled * 0.95,
                "protein glyphs whose PNG pixel has the CellDesigner colour: " + samePixel + " of " + sampled);
    }

    @Test
    void theMtorMapsReactionsRunThroughTheirEditPointsInTheirLineColours() throws Exception {
        Path f = SharedData.require("models/MODEL1012220003.xml");
        SBMLDocument doc = new SbmlReader().read(f);
        Diagram d = Diagram.of(AutoLayout.find(doc.getModel(), null).orElseThrow());
        // re2: Leucine (sa15, anchor W) to sa17 (anchor N) through three edit points, line ff00cc00 width 3;
        // in the layout its substrate and product lines have the three edit points between them (the
        // first lies inside the reactant's glyph, so the drawn arc starts after it)
        org.sbml.jsbml.ext.layout.ReactionGlyph rg = AutoLayout.find(doc.getModel(), null).orElseThrow()
                .getReactionGlyph("rg_re2");
        int segments = rg.getListOfSpeciesReferenceGlyphs().stream().filter(g -> g.getRole() == null
                || g.getRole() == org.sbml.jsbml.ext.layout.SpeciesReferenceRole.SUBSTRATE
                || g.getRole() == org.sbml.jsbml.ext.layout.SpeciesReferenceRole.PRODUCT)
                .mapToInt(g -> g.getCurve().getCurveSegmentCount()).sum();
        assertEquals(3 + 2, segments, "reactant, three edit points, process node, product: five segments");
        List<ArcFigure> re2 = d.arcs().stream().filter(a -> a.processId().equals("rg_re2")).toList();
        assertTrue(!re2.isEmpty(), "re2 has no arcs");
        int bends = re2.stream().filter(a -> !a.kind().isModifier()).mapToInt(a -> a.pointCount() - 2).sum();
        assertEquals(2, bends, "the drawn arcs bend at the two edit points outside the reactant's glyph");
        for (ArcFigure a : re2.stream().filter(a -> !a.kind().isModifier()).toList()) {
            assertEquals(0x00CC00, a.stroke().getRGB() & 0xFFFFFF, a.id());
            assertEquals(3f, a.strokeWidth(), a.id());
        }
        // re1's modification of type CATALYSIS is drawn as catalysis
        assertTrue(d.arcs().stream().anyMatch(a -> a.processId().equals("rg_re1") && a.kind() == ArcKind.CATALYSIS));
    }

    @Test
    void everyCellDesignerClassHomodimersAndEditPointsOfASmallMap() throws Exception {
        StringBuilder species = new StringBuilder();
        StringBuilder aliases = new StringBuilder();
        int i = 0;
        for (String cls : CLASSES.keySet().stream().sorted().toList()) {
            if (cls.equals("COMPLEX")) {
                continue;
            }
            i++;
            String homodimer = cls.equals("PROTEIN") ? "<celldesigner:state><celldesigner:homodimer>2</celldesigner:homodimer></celldesigner:state>" : "";
            species.append("<species id=\"s").append(i).append("\" name=\"").append(cls).append("\" compartment=\"c\" initialAmount=\"1\">")
                    .append("<annotation><celldesigner:extension><celldesigner:speciesIdentity><celldesigner:class>")
                    .append(cls).append("</celldesigner:class>").append(homodimer)
                    .append("</celldesigner:speciesIdentity></celldesigner:extension></annotation></species>\n");
            aliases.append("<celldesigner:speciesAlias id=\"sa").append(i).append("\" species=\"s").append(i)
                    .append("\"><celldesigner:bounds x=\"").append(i * 200).append("\" y=\"0\" w=\"100\" h=\"40\"/>")
                    .append("<celldesigner:usualView><celldesigner:paint color=\"ff").append(String.format("%02x", 10 * i))
                    .append("8040\" scheme=\"Color\"/></celldesigner:usualView></celldesigner:speciesAlias>\n");
        }
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <sbml xmlns="http://www.sbml.org/sbml/level2/version4" xmlns:celldesigner="http://www.sbml.org/2001/ns/celldesigner" level="2" version="4">
                <model id="classes"><annotation><celldesigner:extension>
                <celldesigner:modelVersion>4.0</celldesigner:modelVersion>
                <celldesigner:modelDisplay sizeX="3000" sizeY="400"/>
                <celldesigner:listOfSpeciesAliases>
                ALIASES</celldesigner:listOfSpeciesAliases>
                </celldesigner:extension></annotation>
                <listOfCompartments><compartment id="c" size="1"/></listOfCompartments>
                <listOfSpecies>
                SPECIES</listOfSpecies>
                <listOfReactions><reaction id="r1" reversible="false"><annotation><celldesigner:extension>
                <celldesigner:reactionType>STATE_TRANSITION</celldesigner:reactionType>
                <celldesigner:baseReactants><celldesigner:baseReactant alias="sa1" species="s1"><celldesigner:linkAnchor position="S"/></celldesigner:baseReactant></celldesigner:baseReactants>
                <celldesigner:baseProducts><celldesigner:baseProduct alias="sa2" species="s2"/></celldesigner:baseProducts>
                <celldesigner:connectScheme connectPolicy="direct" rectangleIndex="1"/>
                <celldesigner:editPoints>0.25,0.5 0.75,0.5</celldesigner:editPoints>
                <celldesigner:line width="2.0" color="ff336699"/>
                </celldesigner:extension></annotation>
                <listOfReactants><speciesReference species="s1"/></listOfReactants>
                <listOfProducts><speciesReference species="s2"/></listOfProducts></reaction></listOfReactions>
                </model></sbml>
                """.replace("ALIASES", aliases).replace("SPECIES", species);
        Path f = tmp.resolve("classes.xml");
        Files.writeString(f, xml);
        Diagram d = Diagram.of(AutoLayout.find(new SbmlReader().read(f).getModel(), null).orElseThrow());
        Map<String, Expected> expected = expected(f);
        assertEquals(13, expected.size());
        for (Map.Entry<String, Expected> e : expected.entrySet()) {
            NodeFigure n = d.node(e.getKey()).orElseThrow();
            assertEquals(e.getValue().kind(), n.kind(), e.getKey() + " " + n.label());
            assertEquals(e.getValue().fill().getRGB() & 0xFFFFFF, n.fill().getRGB() & 0xFFFFFF, e.getKey());
            assertEquals(n.label().equals("PROTEIN") ? 2 : 1, n.multimer(), n.label());
        }
        // sa1 is (200..300, 0..40), sa2 (400..500, 0..40): the frame runs from (250, 20) to (450, 20),
        // so (0.25, 0.5) is (300, 120) and (0.75, 0.5) is (400, 120), below the line; the process sits
        // in the middle of segment 1, at (350, 120)
        ArcFigure in = d.arcs().stream().filter(a -> a.processId().equals("rg_r1") && a.kind() == ArcKind.CONSUMPTION)
                .findFirst().orElseThrow();
        assertEquals(250, in.x(0), 1e-9, "starts at sa1's south anchor");
        assertEquals(40, in.y(0), 1e-9);
        assertEquals(300, in.x(1), 1e-9);
        assertEquals(120, in.y(1), 1e-9);
        NodeFigure process = d.node("rg_r1").orElseThrow();
        assertEquals(350, process.centerX(), 1e-9);
        assertEquals(120, process.centerY(), 1e-9);
        assertEquals(0x336699, in.stroke().getRGB() & 0xFFFFFF);
        // the stacked homodimer and the other shapes are drawn without failing
        DiagramExport.write(d, tmp.resolve("classes.png"), 1);
        DiagramExport.write(d, SharedData.outputDir("diagrams").resolve("celldesigner-classes.png"), 1);
    }

    @Test
    void theBuiltinNetworkExportedToCellDesignerKeepsItsClassesAndItsRoutes() throws Exception {
        SBMLDocument doc = org.mtorworkbench.network.BuiltinModels.open("builtin:mtor").orElseThrow();
        org.sbml.jsbml.ext.layout.Layout layout = AutoLayout.find(doc.getModel(), null).orElseThrow();
        byte[] bytes = new org.mtorworkbench.sbml.SbmlWriter().withTarget(org.mtorworkbench.sbml.SbmlTarget.of(2, 4))
                .withCellDesigner(true).toBytes(doc, "builtin:mtor");
        String xml = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        // CellDesigner reads only its own annotations: drop the SBML layout and read the diagram back from them
        String cellDesignerOnly = xml.replaceAll("(?s)<listOfLayouts.*?</listOfLayouts>", "");
        assertTrue(cellDesignerOnly.length() < xml.length(), "the export has no SBML layout to drop");
        Path f = tmp.resolve("mtor-celldesigner.xml");
        Files.writeString(f, cellDesignerOnly);
        Map<String, Expected> classes = expected(f);
        SBMLDocument back = new SbmlReader().read(f);
        Diagram d = Diagram.of(AutoLayout.find(back.getModel(), null).orElseThrow());
        assertEquals(GlyphKind.MACROMOLECULE, kindOf(d, "pAkt_T308"));
        assertEquals(GlyphKind.COMPLEX, kindOf(d, "mTORC1"));
        assertEquals(GlyphKind.SIMPLE_CHEMICAL, kindOf(d, "PIP3"));
        assertEquals(GlyphKind.PHENOTYPE, kindOf(d, "proliferation"));
        assertTrue(classes.size() >= back.getModel().getSpeciesCount(), "every species has a class and a paint");
        assertTrue(d.arcs().stream().anyMatch(a -> a.processId().equals("rg_mtorc1_rapalog_binding")
                && a.kind() == ArcKind.INHIBITION), "FKBP12-rapalog inhibits as an inhibition");
        // every one-reactant one-product reaction: process node and bends where the layout has them
        Diagram original = Diagram.of(layout);
        int compared = 0;
        for (org.sbml.jsbml.Reaction r : doc.getModel().getListOfReactions()) {
            if (r.getReactantCount() != 1 || r.getProductCount() != 1) {
                continue;
            }
            NodeFigure was = original.node("rg_" + r.getId()).orElseThrow();
            NodeFigure now = d.node("rg_" + r.getId()).orElseThrow();
            assertEquals(was.centerX(), now.centerX(), 1.0, r.getId());
            assertEquals(was.centerY(), now.centerY(), 1.0, r.getId());
            ArcFigure wasIn = original.arcs().stream().filter(a -> a.processId().equals(was.id())
                    && a.kind() == ArcKind.CONSUMPTION).findFirst().orElseThrow();
            ArcFigure nowIn = d.arcs().stream().filter(a -> a.processId().equals(now.id())
                    && a.kind() == ArcKind.CONSUMPTION).findFirst().orElseThrow();
            for (int i = 1; i < wasIn.pointCount() - 1; i++) {
                final int k = i;
                boolean found = java.util.stream.IntStream.range(0, nowIn.pointCount()).anyMatch(
                        j -> Math.abs(nowIn.x(j) - wasIn.x(k)) < 1e-6 && Math.abs(nowIn.y(j) - wasIn.y(k)) < 1e-6);
                assertTrue(found, r.getId() + ": bend (" + wasIn.x(k) + ", " + wasIn.y(k) + ") lost");
            }
            compared++;
        }
        assertTrue(compared >= 50, "reactions compared: " + compared);
    }

    private static GlyphKind kindOf(Diagram d, String species) {
        return d.nodes().stream().filter(n -> species.equals(n.elementId())).findFirst().orElseThrow().kind();
    }

    private record Expected(GlyphKind kind, Color fill) {
    }

    /** The glyph and fill of every alias, from the file's CellDesigner annotations. */
    private static Map<String, Expected> expected(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(file.toFile());
        Map<String, String> classes = new HashMap<>();
        NodeList identities = doc.getElementsByTagNameNS(CD, "speciesIdentity");
        for (int i = 0; i < identities.getLength(); i++) {
            Element identity = (Element) identities.item(i);
            String species = owner(identity);
            NodeList cls = identity.getElementsByTagNameNS(CD, "class");
            if (species != null && cls.getLength() > 0) {
                classes.putIfAbsent(species, cls.item(0).getTextContent().strip());
            }
        }
        Map<String, Expected> out = new java.util.LinkedHashMap<>();
        for (String tag : new String[] { "speciesAlias", "complexSpeciesAlias" }) {
            NodeList aliases = doc.getElementsByTagNameNS(CD, tag);
            for (int i = 0; i < aliases.getLength(); i++) {
                Element a = (Element) aliases.item(i);
                Element usual = (Element) a.getElementsByTagNameNS(CD, "usualView").item(0);
                Element paint = usual == null ? null : (Element) usual.getElementsByTagNameNS(CD, "paint").item(0);
                String cls = classes.get(a.getAttribute("species"));
                if (paint == null || cls == null || !CLASSES.containsKey(cls)) {
                    continue;
                }
                long argb = Long.parseLong(paint.getAttribute("color"), 16);
                out.put(a.getAttribute("id"), new Expected(CLASSES.get(cls), new Color((int) (argb & 0xFFFFFF))));
            }
        }
        return out;
    }

    /** The id of the SBML species or CellDesigner included species whose annotation holds the element. */
    private static String owner(Element e) {
        for (org.w3c.dom.Node n = e.getParentNode(); n instanceof Element p; n = p.getParentNode()) {
            if (p.getLocalName().equals("species") && p.hasAttribute("id")) {
                return p.getAttribute("id");
            }
        }
        return null;
    }
}
