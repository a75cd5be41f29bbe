package org.mtorworkbench.sbml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.tests.support.SharedData;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.ext.layout.BoundingBox;
import org.sbml.jsbml.ext.layout.Layout;
import org.sbml.jsbml.ext.layout.LayoutModelPlugin;
import org.sbml.jsbml.ext.layout.ReactionGlyph;
import org.sbml.jsbml.ext.layout.SpeciesGlyph;

/** A CellDesigner diagram becomes an SBML Layout with every alias where CellDesigner drew it. */
class CellDesignerLayoutTest {

    /** An alias element and its {@code celldesigner:bounds}, found in the raw file. */
    private static final Pattern ALIAS = Pattern.compile(
            "<celldesigner:(?:complexSpecies|species)Alias\\b[^>]*\\bid=\"([^\"]+)\"[^>]*>\\s*(?:<celldesigner:activity>[^<]*"
                    + "</celldesigner:activity>\\s*)?<celldesigner:bounds h=\"([^\"]+)\" w=\"([^\"]+)\" x=\"([^\"]+)\""
                    + " y=\"([^\"]+)\"");

    private static Layout layoutOf(SBMLDocument doc) {
        LayoutModelPlugin p = (LayoutModelPlugin) doc.getModel().getExtension("layout");
        assertNotNull(p, "no layout");
        assertEquals(1, p.getLayoutCount());
        return p.getLayout(0);
    }

    @Test
    void speciesAliasesBecomeSpeciesGlyphsAtTheDrawnPositions() throws Exception {
        Path f = SharedData.require("models/MODEL1012220003.xml");
        String text = Files.readString(f);
        Matcher m = ALIAS.matcher(text);
        List<String[]> aliases = new ArrayList<>();
        while (m.find()) {
            aliases.add(new String[] { m.group(1), m.group(2), m.group(3), m.group(4), m.group(5) });
        }
        assertTrue(aliases.size() > 200, "aliases found in the file: " + aliases.size());

        SBMLDocument doc = new SbmlReader().read(f);
        Layout layout = layoutOf(doc);
        assertEquals(255, layout.getSpeciesGlyphCount());
        assertEquals(3, layout.getCompartmentGlyphCount());
        assertEquals(doc.getModel().getReactionCount(), layout.getReactionGlyphCount());
        for (String[] a : aliases) {
            SpeciesGlyph g = layout.getSpeciesGlyph(a[0]);
            assertNotNull(g, "no glyph for alias " + a[0]);
            BoundingBox b = g.getBoundingBox();
            assertEquals(Double.parseDouble(a[1]), b.getDimensions().getHeight(), 1e-9, a[0]);
            assertEquals(Double.parseDouble(a[2]), b.getDimensions().getWidth(), 1e-9, a[0]);
            assertEquals(Double.parseDouble(a[3]), b.getPosition().getX(), 1e-9, a[0]);
            assertEquals(Double.parseDouble(a[4]), b.getPosition().getY(), 1e-9, a[0]);
        }
        SpeciesGlyph sa2 = layout.getSpeciesGlyph("sa2");
        assertEquals("s3563", sa2.getSpecies());
        ReactionGlyph re63 = layout.getReactionGlyph("rg_re63");
        assertEquals("re63", re63.getReaction());
        assertEquals("csa48", re63.getSpeciesReferenceGlyph(0).getSpeciesGlyph());

        // The CellDesigner annotations stay as they were, and the layout survives every target.
        assertTrue(doc.getModel().getAnnotation().getNonRDFannotationAsString().contains("listOfSpeciesAliases"));
        for (SbmlTarget t : SbmlTarget.values()) {
            SBMLDocument back = new SbmlReader().read(new SbmlWriter().withTarget(t).toBytes(doc, t.label()), t.label());
            assertEquals(List.of(), ModelComparison.compare(doc, back), t.label());
        }
        SBMLDocument without = new SbmlReader().withCellDesignerLayout(false).read(f);
        assertTrue(!ModelSummary.of(without).hasLayout());
    }
}
