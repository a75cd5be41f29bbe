package org.mtorworkbench.ui.editor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;

import org.eclipse.core.commands.operations.IUndoableOperation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtorworkbench.diagram.AutoLayout;
import org.mtorworkbench.diagram.Diagram;
import org.mtorworkbench.diagram.NodeFigure;
import org.mtorworkbench.network.BuiltinModels;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.ext.layout.Layout;
import org.sbml.jsbml.ext.layout.SpeciesReferenceGlyph;

/**
 * Every edit, run through an operation history: execute changes the document, undo gives
 * back exactly the document before (as written SBML), redo exactly the document after, and
 * the saved file reads back the same.
 */
class OperationsTest {

    @TempDir
    Path tmp;

    private SBMLDocument doc;
    private Layout layout;
    private HistoryFixture fixture;

    @BeforeEach
    void open() {
        doc = BuiltinModels.open("builtin:mtor").orElseThrow();
        fixture = new HistoryFixture(doc, tmp);
        layout = fixture.layout;
    }

    private String roundTrip(IUndoableOperation op) throws Exception {
        return fixture.roundTrip(op);
    }

    @Test
    void moveShiftsTheGlyphItsLabelAndTheEndsOfItsArcs() throws Exception {
        Diagram d = Diagram.of(layout);
        NodeFigure akt = d.node("sg_Akt_T308").orElseThrow();
        // The end of each of Akt's arcs at Akt (arcs are routed from the glyph's border, so the end
        // nearer to its centre), before the move.
        java.util.Map<String, double[]> ends = new java.util.LinkedHashMap<>();
        for (var rg : layout.getListOfReactionGlyphs()) {
            for (SpeciesReferenceGlyph s : rg.getListOfSpeciesReferenceGlyphs()) {
                if ("sg_Akt_T308".equals(s.getSpeciesGlyph())) {
                    ends.put(s.getId(), endAt(s, akt.centerX(), akt.centerY()));
                }
            }
        }
        assertTrue(!ends.isEmpty(), "Akt has arcs");
        roundTrip(new MoveOperation(layout, Set.of("sg_Akt_T308"), 30, -12));
        Diagram moved = Diagram.of(layout);
        NodeFigure now = moved.node("sg_Akt_T308").orElseThrow();
        assertEquals(akt.x() + 30, now.x(), 1e-9);
        assertEquals(akt.y() - 12, now.y(), 1e-9);
        assertEquals(akt.x() + 30, layout.getTextGlyph("tg_Akt_T308").getBoundingBox().getPosition().getX(), 1e-9);
        for (var rg : layout.getListOfReactionGlyphs()) {
            for (SpeciesReferenceGlyph s : rg.getListOfSpeciesReferenceGlyphs()) {
                if ("sg_Akt_T308".equals(s.getSpeciesGlyph())) {
                    double[] before = ends.get(s.getId());
                    assertTrue(before != null, "the arc " + s.getId() + " is the one before the move");
                    double[] after = endAt(s, now.centerX(), now.centerY());
                    assertEquals(before[0] + 30, after[0], 1e-6, "an arc of Akt did not follow it in x");
                    assertEquals(before[1] - 12, after[1], 1e-6, "an arc of Akt did not follow it in y");
                }
            }
        }
    }

    /** @return the end of an arc's curve nearer to a point (its first start or its last end) */
    private static double[] endAt(SpeciesReferenceGlyph s, double x, double y) {
        var first = s.getCurve().getCurveSegment(0).getStart();
        var last = s.getCurve().getCurveSegment(s.getCurve().getCurveSegmentCount() - 1).getEnd();
        var p = Math.hypot(first.getX() - x, first.getY() - y) <= Math.hypot(last.getX() - x, last.getY() - y)
                ? first : last;
        return new double[] { p.getX(), p.getY() };
    }

    @Test
    void movingAReactionAndItsSpeciesMovesTheirArcsWhole() throws Exception {
        String rg = layout.getListOfReactionGlyphs().get(0).getId();
        var first = layout.getReactionGlyph(rg).getListOfSpeciesReferenceGlyphs().get(0);
        Set<String> ids = Set.of(rg, first.getSpeciesGlyph());
        double x0 = first.getCurve().getCurveSegment(0).getStart().getX();
        roundTrip(new MoveOperation(layout, ids, -20, 40));
        assertEquals(x0 - 20, first.getCurve().getCurveSegment(0).getStart().getX(), 1e-9);
    }

    @Test
    void deletingASpeciesTakesItsReactionsAndGlyphsAndUndoPutsThemBack() throws Exception {
        int species = doc.getModel().getSpeciesCount();
        int reactions = doc.getModel().getReactionCount();
        long involved = doc.getModel().getListOfReactions().stream().filter(r -> r.getReactantForSpecies("PTEN") != null
                || r.getProductForSpecies("PTEN") != null || r.getModifierForSpecies("PTEN") != null).count();
        assertTrue(involved > 0);
        DeleteOperation op = new DeleteOperation(layout, Set.of("sg_PTEN"));
        assertTrue(op.describe().contains("1 species, " + involved + " reaction(s)"), op.describe());
        roundTrip(op);
        assertEquals(species - 1, doc.getModel().getSpeciesCount());
        assertEquals(reactions - involved, doc.getModel().getReactionCount());
        assertNull(layout.getSpeciesGlyph("sg_PTEN"));
        assertNull(layout.getTextGlyph("tg_PTEN"));
        fixture.undo();
        assertNotNull(doc.getModel().getSpecies("PTEN"));
        assertNotNull(layout.getSpeciesGlyph("sg_PTEN"));
        assertEquals(reactions, doc.getModel().getReactionCount());
    }

    @Test
    void deletingAnArcRemovesOnlyThatSpeciesReference() throws Exception {
        var rg = layout.getListOfReactionGlyphs().stream().filter(r -> r.getSpeciesReferenceGlyphCount() > 2).findFirst()
                .orElseThrow();
        var arc = rg.getListOfSpeciesReferenceGlyphs().get(rg.getSpeciesReferenceGlyphCount() - 1);
        var reaction = doc.getModel().getReaction(rg.getReaction());
        int refs = reaction.getReactantCount() + reaction.getProductCount() + reaction.getModifierCount();
        roundTrip(new DeleteOperation(layout, Set.of(arc.getId())));
        assertEquals(refs - 1, reaction.getReactantCount() + reaction.getProductCount() + reaction.getModifierCount());
        assertNotNull(doc.getModel().getReaction(rg.getReaction()), "the reaction stays");
    }

    @Test
    void deletingACompartmentTakesItsSpecies() throws Exception {
        String cg = layout.getListOfCompartmentGlyphs().get(layout.getCompartmentGlyphCount() - 1).getId();
        String cid = layout.getCompartmentGlyph(cg).getCompartment();
        long inside = doc.getModel().getListOfSpecies().stream().filter(s -> cid.equals(s.getCompartment())).count();
        int species = doc.getModel().getSpeciesCount();
        roundTrip(new DeleteOperation(layout, Set.of(cg)));
        assertNull(doc.getModel().getCompartment(cid));
        assertEquals(species - inside, doc.getModel().getSpeciesCount());
    }

    @Test
    void relayoutPlacesEveryGlyphWithoutOverlapsAndUndoPutsThemBack() throws Exception {
        int layouts = AutoLayout.layouts(doc.getModel()).size();
        roundTrip(new RelayoutOperation(layout));
        assertEquals(layouts, AutoLayout.layouts(doc.getModel()).size(), "the scratch layout was left in the document");
        Diagram d = Diagram.of(layout);
        org.mtorworkbench.diagram.DiagramExport.write(d,
                org.mtorworkbench.tests.support.SharedData.outputDir("diagrams").resolve("builtin-mtor-relayout.png"), 1);
        var nodes = d.nodes().stream().filter(n -> n.kind() != org.mtorworkbench.diagram.GlyphKind.COMPARTMENT
                && n.elementId() != null).toList();
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                assertFalse(nodes.get(i).bounds().intersects(nodes.get(j).bounds()),
                        nodes.get(i).id() + " overlaps " + nodes.get(j).id() + " after the re-layout");
            }
        }
    }

    @Test
    void operationsThatWouldDoNothingCannotExecute() {
        assertFalse(new MoveOperation(layout, Set.of("sg_Akt_T308"), 0, 0).canExecute());
        assertFalse(new MoveOperation(layout, Set.of("no_such_glyph"), 5, 5).canExecute());
        assertFalse(new DeleteOperation(layout, Set.of("no_such_glyph")).canExecute());
    }
}
