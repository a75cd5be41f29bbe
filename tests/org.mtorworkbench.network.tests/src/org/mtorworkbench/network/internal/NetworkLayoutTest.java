package org.mtorworkbench.network.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.ext.layout.BoundingBox;
import org.sbml.jsbml.ext.layout.CurveSegment;
import org.sbml.jsbml.ext.layout.Layout;
import org.sbml.jsbml.ext.layout.LayoutConstants;
import org.sbml.jsbml.ext.layout.LayoutModelPlugin;
import org.sbml.jsbml.ext.layout.ReactionGlyph;
import org.sbml.jsbml.ext.layout.SpeciesGlyph;
import org.sbml.jsbml.ext.layout.SpeciesReferenceGlyph;

/** The network's layout data: a mechanism added without layout lines is placed and routed too. */
class NetworkLayoutTest {

    @Test
    void aNewSpeciesWithoutALayoutLineIsPlacedInItsCompartmentClearOfTheOthersAndItsArcsAreRouted() throws Exception {
        String text;
        try (InputStream in = ModelSpec.class.getResourceAsStream(ModelSpec.RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // DEPTOR, an mTORC1 inhibitor of the review's Figure 1, as a network engineer would add it
        text += """
                species | DEPTOR  | cytosol | 1 | DEPTOR | SBO:0000245 | uniprot:Q8TB45
                species | pDEPTOR | cytosol | 0 | DEPTOR phosphorylated by mTORC1 | SBO:0000245 | uniprot:Q8TB45
                parameter | k_deptor | 0.1 | per_min | DEPTOR phosphorylation by mTORC1 | calibrated
                reaction | deptor_phos | DEPTOR -> pDEPTOR | k_deptor * mTORC1 * DEPTOR | mTORC1:catalyst | SBO:0000216 | mTORC1 phosphorylates DEPTOR
                """;
        ModelSpec spec = ModelSpec.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test");
        SBMLDocument doc = NetworkSbmlBuilder.build(spec, "extended", "extended network");
        Layout layout = ((LayoutModelPlugin) doc.getModel().getPlugin(LayoutConstants.shortLabel)).getLayout(0);
        Rectangle2D cytosol = box(layout.getCompartmentGlyph("cg_cytosol").getBoundingBox());
        Rectangle2D lysosome = box(layout.getCompartmentGlyph("cg_lysosome").getBoundingBox());
        for (String id : new String[] { "DEPTOR", "pDEPTOR" }) {
            SpeciesGlyph g = layout.getSpeciesGlyph("sg_" + id);
            assertNotNull(g, id + " has no glyph");
            Rectangle2D b = box(g.getBoundingBox());
            assertTrue(cytosol.contains(b) && !lysosome.intersects(b), id + " is placed outside its compartment: " + b);
            for (SpeciesGlyph other : layout.getListOfSpeciesGlyphs()) {
                if (other != g) {
                    Rectangle2D o = box(other.getBoundingBox());
                    Rectangle2D grown = new Rectangle2D.Double(o.getX() - 20, o.getY() - 20, o.getWidth() + 40,
                            o.getHeight() + 40);
                    assertTrue(!grown.intersects(b), id + " is placed on or against " + other.getId());
                }
            }
        }
        ReactionGlyph rg = layout.getReactionGlyph("rg_deptor_phos");
        assertEquals(3, rg.getSpeciesReferenceGlyphCount(), "substrate, product and catalyst arcs");
        for (SpeciesReferenceGlyph srg : rg.getListOfSpeciesReferenceGlyphs()) {
            assertTrue(srg.getCurve().getCurveSegmentCount() >= 1, srg.getId());
            for (CurveSegment s : srg.getCurve().getListOfCurveSegments()) {
                assertTrue(s.getStart().getX() == s.getEnd().getX() || s.getStart().getY() == s.getEnd().getY(),
                        srg.getId() + " has a segment that is neither horizontal nor vertical");
            }
        }
    }

    private static Rectangle2D box(BoundingBox b) {
        return new Rectangle2D.Double(b.getPosition().getX(), b.getPosition().getY(), b.getDimensions().getWidth(),
                b.getDimensions().getHeight());
    }
}
