package org.mtorworkbench.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.network.BuiltinModels;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.ext.layout.Curve;
import org.sbml.jsbml.ext.layout.Layout;
import org.sbml.jsbml.ext.layout.LineSegment;
import org.sbml.jsbml.ext.layout.ReactionGlyph;
import org.sbml.jsbml.ext.layout.SpeciesGlyph;
import org.sbml.jsbml.ext.layout.SpeciesReferenceGlyph;
import org.sbml.jsbml.ext.layout.TextGlyph;

/**
 * The readability of a layout (crossing edges, edges through glyphs they do not connect,
 * overlapping glyphs and labels) measured on the SBML Layout as exported, and the built-in
 * network's layout held to issue 17's goal.
 */
class LayoutQualityTest {

    /** Issue 17: at most 40 pairs of crossing edges. */
    static final int MAX_CROSSINGS = 40;
    /** Issue 17: at most 5 edges through glyphs they do not connect. */
    static final int MAX_THROUGH = 5;

    @Test
    void theBuiltinNetworkReadsWithFewCrossingsAndNoEdgeThroughOtherGlyphs() {
        SBMLDocument doc = BuiltinModels.open("builtin:mtor").orElseThrow();
        Layout layout = AutoLayout.find(doc.getModel(), null).orElseThrow();
        LayoutQuality q = LayoutQuality.of(layout);
        System.out.println("builtin:mtor layout: " + q);
        int refs = doc.getModel().getListOfReactions().stream()
                .mapToInt(r -> r.getReactantCount() + r.getProductCount() + r.getModifierCount()).sum();
        assertEquals(refs, q.edges(), "one routed edge per species reference");
        assertTrue(q.meets(MAX_CROSSINGS, MAX_THROUGH), q + "\n" + String.join("\n", q.problems()));
    }

    @Test
    void twoEdgesThatCrossCountOnceAndEdgesMeetingAtTheirReactionDoNot() {
        Layout l = new Layout(3, 2);
        species(l, "A", 0, 0);
        species(l, "B", 200, 0);
        species(l, "C", 0, 200);
        species(l, "D", 200, 200);
        // A -> r1 -> D and B -> r2 -> C: the diagonals cross once, in the middle
        reaction(l, "r1", 150, 150, "A", 20, 10, "D", 220, 210);
        reaction(l, "r2", 50, 150, "B", 220, 10, "C", 20, 210);
        LayoutQuality q = LayoutQuality.of(l);
        assertEquals(4, q.edges());
        assertEquals(1, q.crossings(), q.problems().toString());
        assertEquals(0, q.overlappingGlyphs());
    }

    @Test
    void anEdgeThroughAGlyphItDoesNotConnectIsCountedButOneAlongItsBorderIsNot() {
        Layout l = new Layout(3, 2);
        species(l, "A", 0, 0);
        species(l, "B", 100, 0);
        species(l, "C", 300, 0);
        // A to C straight through B
        reaction(l, "r1", 250, 10, "A", 20, 10, "C", 320, 10);
        // the same ends routed along B's top border (y = 0)
        ReactionGlyph r2 = l.createReactionGlyph("rg_r2");
        r2.createBoundingBox(2, 2, 0).createPosition(249, -1, 0);
        SpeciesReferenceGlyph e = r2.createSpeciesReferenceGlyph("r2_A");
        e.setSpeciesGlyph("sg_A");
        e.setCurve(polyline(20, 0, 250, 0));
        LayoutQuality q = LayoutQuality.of(l);
        assertEquals(1, q.edgesThroughGlyphs(), q.problems().toString());
        assertTrue(q.problems().stream().anyMatch(p -> p.contains("rg_r1_A") && p.contains("sg_B")), q.problems().toString());
    }

    @Test
    void overlappingGlyphsAndLabelsAreCountedByPair() {
        Layout l = new Layout(3, 2);
        species(l, "A", 0, 0);
        species(l, "B", 30, 10);
        species(l, "C", 35, 0);
        species(l, "D", 500, 0);
        LayoutQuality q = LayoutQuality.of(l);
        assertEquals(3, q.overlappingGlyphs(), q.problems().toString());
        assertEquals(3, q.overlappingLabels(), q.problems().toString());
        assertTrue(!q.meets(1000, 1000));
    }

    private static void species(Layout l, String id, double x, double y) {
        SpeciesGlyph g = l.createSpeciesGlyph("sg_" + id, id);
        g.createBoundingBox(40, 20, 0).createPosition(x, y, 0);
        TextGlyph t = l.createTextGlyph("tg_" + id);
        t.setGraphicalObject(g.getId());
        t.createBoundingBox(40, 20, 0).createPosition(x, y, 0);
    }

    private static void reaction(Layout l, String id, double x, double y, String from, double fx, double fy, String to,
            double tx, double ty) {
        ReactionGlyph rg = l.createReactionGlyph("rg_" + id);
        rg.createBoundingBox(2, 2, 0).createPosition(x - 1, y - 1, 0);
        SpeciesReferenceGlyph a = rg.createSpeciesReferenceGlyph(rg.getId() + "_" + from);
        a.setSpeciesGlyph("sg_" + from);
        a.setCurve(polyline(fx, fy, x, y));
        SpeciesReferenceGlyph b = rg.createSpeciesReferenceGlyph(rg.getId() + "_" + to);
        b.setSpeciesGlyph("sg_" + to);
        b.setCurve(polyline(x, y, tx, ty));
    }

    private static Curve polyline(double... xy) {
        Curve c = new Curve(3, 2);
        for (int i = 0; i + 3 < xy.length; i += 2) {
            LineSegment s = c.createLineSegment();
            s.createStart(xy[i], xy[i + 1], 0);
            s.createEnd(xy[i + 2], xy[i + 3], 0);
        }
        return c;
    }
}
