package org.mtorworkbench.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtorworkbench.ui.editor.UiTesting.click;
import static org.mtorworkbench.ui.editor.UiTesting.flush;
import static org.mtorworkbench.ui.editor.UiTesting.open;
import static org.mtorworkbench.ui.editor.UiTesting.openBuiltin;
import static org.mtorworkbench.ui.editor.UiTesting.page;
import static org.mtorworkbench.ui.editor.UiTesting.screenshot;
import static org.mtorworkbench.ui.editor.UiTesting.shown;
import static org.mtorworkbench.ui.editor.UiTesting.waitUntil;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.views.properties.IPropertySource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtorworkbench.diagram.AutoLayout;
import org.mtorworkbench.diagram.GlyphKind;
import org.mtorworkbench.diagram.NodeFigure;
import org.mtorworkbench.sbml.SbmlReader;
import org.mtorworkbench.tests.support.SampleModels;
import org.mtorworkbench.ui.editor.internal.DiagramCanvas;
import org.mtorworkbench.ui.editor.internal.ElementProperties;
import org.mtorworkbench.ui.editor.internal.ProblemMarkers;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.ext.layout.Layout;

/**
 * Drawing with the palette in the real workbench, by posted events: a species and a reaction
 * are created, undone, redone, saved and read back; the Properties view's source edits and
 * undoes; copy/paste and rename in place; problem markers on a workspace file; colouring by a
 * simulation. Leaves screenshots in {@code target/screenshots/}.
 */
class PaletteEditingTest {

    @TempDir
    Path tmp;

    private final IOperationHistory history = PlatformUI.getWorkbench().getOperationSupport().getOperationHistory();

    @AfterEach
    void close() {
        page().closeAllEditors(false);
    }

    private static void pick(PathwayEditor editor, String entryId) {
        ToolItem item = editor.getPaletteItem(entryId);
        assertNotNull(item, "no palette tool " + entryId);
        item.setSelection(true);
        item.notifyListeners(SWT.Selection, new Event());
        flush();
    }

    private static String entryId(PathwayEditor editor, String label) {
        return editor.getPalette().stream().filter(e -> e.label().equals(label)).findFirst().orElseThrow().id();
    }

    @Test
    void aSpeciesAndAReactionAreDrawnUndoneRedoneSavedAndReadBack() throws Exception {
        PathwayEditor editor = openBuiltin(tmp);
        Path f = tmp.resolve("mtor.xml");
        DiagramCanvas canvas = editor.getCanvas();
        canvas.setZoom(0.5);
        flush();
        Model model = editor.getDocument().getModel();
        int species = model.getSpeciesCount();
        int reactions = model.getReactionCount();
        assertTrue(editor.getPalette().size() >= 12, "the workbench's 12 tools at least");
        assertNotNull(editor.getPaletteItem("select"));

        // a macromolecule where the canvas is empty
        canvas.getHorizontalBar().setSelection(canvas.getHorizontalBar().getMaximum());
        flush();
        pick(editor, entryId(editor, "Macromolecule"));
        assertNotNull(canvas.getTool());
        Point at = new Point(canvas.getClientArea().width - 120, canvas.getClientArea().height / 2);
        double[] where = canvas.toLayout(at.x, at.y);
        click(canvas, at.x, at.y);
        assertNull(canvas.getTool(), "back to selection after placing");
        assertEquals(species + 1, model.getSpeciesCount());
        Species created = model.getSpecies(model.getSpeciesCount() - 1);
        assertEquals(245, created.getSBOTerm());
        String glyph = editor.getLayout().getListOfSpeciesGlyphs().stream()
                .filter(g -> created.getId().equals(g.getSpecies())).findFirst().orElseThrow().getId();
        NodeFigure node = canvas.getDiagram().node(glyph).orElseThrow();
        assertEquals(GlyphKind.MACROMOLECULE, node.kind());
        assertEquals(where[0], node.centerX(), 1.5 / canvas.getZoom());
        assertEquals(Set.of(glyph), canvas.getSelection(), "the new glyph is selected");
        assertTrue(editor.isDirty());

        // a reaction from PDK1 to the new species: two clicks
        NodeFigure pdk1 = canvas.getDiagram().node("sg_PDK1").orElseThrow();
        canvas.setSelection(Set.of("sg_PDK1"));
        flush();
        Point a = canvas.toCanvas(pdk1.centerX(), pdk1.centerY());
        pick(editor, entryId(editor, "Reaction"));
        click(canvas, a.x, a.y);
        assertTrue(canvas.isConnecting());
        node = canvas.getDiagram().node(glyph).orElseThrow();
        Point b = canvas.toCanvas(node.centerX(), node.centerY());
        UiTesting.post(canvas, SWT.MouseMove, b.x, b.y);
        click(canvas, b.x, b.y);
        assertEquals(reactions + 1, model.getReactionCount());
        Reaction r = model.getReaction(model.getReactionCount() - 1);
        assertEquals("PDK1", r.getReactant(0).getSpecies());
        assertEquals(created.getId(), r.getProduct(0).getSpecies());
        String rid = r.getId();
        screenshot(editor, "pathway-editor-palette.png", false);

        assertTrue(history.undo(editor.getUndoContext(), null, null).isOK());
        flush();
        assertNull(model.getReaction(rid), "undo takes the reaction away");
        assertEquals(species + 1, model.getSpeciesCount());
        assertTrue(history.undo(editor.getUndoContext(), null, null).isOK());
        flush();
        assertEquals(species, model.getSpeciesCount());
        assertFalse(editor.isDirty(), "back at the saved state");
        assertTrue(history.redo(editor.getUndoContext(), null, null).isOK());
        assertTrue(history.redo(editor.getUndoContext(), null, null).isOK());
        flush();
        assertNotNull(model.getReaction(rid));
        page().saveEditor(editor, false);
        assertFalse(editor.isDirty());

        SBMLDocument saved = new SbmlReader().read(f);
        Model m = saved.getModel();
        assertNotNull(m.getSpecies(created.getId()));
        assertEquals(245, m.getSpecies(created.getId()).getSBOTerm());
        Reaction rr = m.getReaction(rid);
        assertEquals("PDK1", rr.getReactant(0).getSpecies());
        assertNotNull(rr.getKineticLaw());
        Layout l = AutoLayout.find(m, null).orElseThrow();
        assertNotNull(l.getSpeciesGlyph(glyph), "the saved layout has the new glyph");
        assertEquals(node.x(), l.getSpeciesGlyph(glyph).getBoundingBox().getPosition().getX(), 1e-9);
        assertEquals(2, l.getListOfReactionGlyphs().stream().filter(g -> rid.equals(g.getReaction())).findFirst()
                .orElseThrow().getSpeciesReferenceGlyphCount());

        page().closeAllEditors(false);
        PathwayEditor again = open(f);
        assertTrue(again.getCanvas().getDiagram().node(glyph).isPresent(), "the reopened diagram shows the new species");
    }

    @Test
    void thePropertiesSourceOfTheSelectionEditsAndUndoes() throws Exception {
        PathwayEditor editor = openBuiltin(tmp);
        org.eclipse.ui.IViewPart sheet = page().showView(org.eclipse.ui.IPageLayout.ID_PROP_SHEET);
        page().activate(editor);
        editor.getCanvas().setSelection(Set.of("sg_PTEN"));
        flush();
        org.eclipse.swt.widgets.Tree tree = findTree(((org.eclipse.ui.part.PageBookView) sheet).getCurrentPage().getControl());
        assertNotNull(tree, "the Properties view shows a tree");
        waitUntil(() -> rowValue(tree.getItems(), "Id") != null);
        assertEquals("PTEN", rowValue(tree.getItems(), "Id"), "the Properties view shows the selected species");
        IStructuredSelection sel = (IStructuredSelection) editor.getSite().getSelectionProvider().getSelection();
        IPropertySource props = assertInstanceOf(IPropertySource.class, sel.getFirstElement());
        assertTrue(Arrays.stream(props.getPropertyDescriptors()).anyMatch(d -> d.getId().equals(ElementProperties.INITIAL)));
        props.setPropertyValue(ElementProperties.ID, "PTEN_phosphatase");
        flush();
        Model model = editor.getDocument().getModel();
        assertNotNull(model.getSpecies("PTEN_phosphatase"));
        assertTrue(editor.isDirty());
        props.setPropertyValue(ElementProperties.INITIAL, "0.75");
        assertEquals(0.75, model.getSpecies("PTEN_phosphatase").getInitialConcentration(), 0);
        props.setPropertyValue(ElementProperties.INITIAL, "not a number");
        assertEquals(0.75, model.getSpecies("PTEN_phosphatase").getInitialConcentration(), 0, "invalid values are refused");
        history.undo(editor.getUndoContext(), null, null);
        history.undo(editor.getUndoContext(), null, null);
        flush();
        assertNotNull(model.getSpecies("PTEN"));
        assertFalse(editor.isDirty());

        // rename in place: a double-click opens a field over the label
        NodeFigure n = editor.getCanvas().getDiagram().node("sg_PTEN").orElseThrow();
        editor.getCanvas().setZoom(1);
        editor.getCanvas().setSelection(Set.of("sg_PTEN"));
        flush();
        Point p = editor.getCanvas().toCanvas(n.centerX(), n.centerY());
        UiTesting.post(editor.getCanvas(), SWT.MouseDoubleClick, p.x, p.y);
        flush();
        org.eclipse.swt.widgets.Text field = Arrays.stream(editor.getCanvas().getChildren())
                .filter(c -> c instanceof org.eclipse.swt.widgets.Text).map(c -> (org.eclipse.swt.widgets.Text) c).findFirst()
                .orElseThrow(() -> new AssertionError("no text field over the label"));
        field.setText("phosphatase and tensin homologue");
        field.notifyListeners(SWT.DefaultSelection, new Event());
        flush();
        assertEquals("phosphatase and tensin homologue", model.getSpecies("PTEN").getName());
        assertEquals("phosphatase and tensin homologue", editor.getCanvas().getDiagram().node("sg_PTEN").orElseThrow().label());

        // copy and paste
        int species = model.getSpeciesCount();
        editor.getCanvas().setSelection(Set.of("sg_PTEN", "sg_PDK1"));
        editor.copySelection();
        editor.paste();
        flush();
        assertEquals(species + 2, model.getSpeciesCount());
        assertNotNull(model.getSpecies("PTEN_2"));
        assertEquals(2, editor.getCanvas().getSelection().size(), "the pasted glyphs are selected");
        assertFalse(editor.getCanvas().getSelection().contains("sg_PTEN"));
        history.undo(editor.getUndoContext(), null, null);
        flush();
        assertEquals(species, model.getSpeciesCount());
    }

    private static org.eclipse.swt.widgets.Tree findTree(org.eclipse.swt.widgets.Control c) {
        if (c instanceof org.eclipse.swt.widgets.Tree t) {
            return t;
        }
        if (c instanceof org.eclipse.swt.widgets.Composite comp) {
            for (org.eclipse.swt.widgets.Control child : comp.getChildren()) {
                org.eclipse.swt.widgets.Tree t = findTree(child);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    /** @return the value column of the row with that name, at any depth, or null */
    private static String rowValue(org.eclipse.swt.widgets.TreeItem[] items, String name) {
        for (org.eclipse.swt.widgets.TreeItem i : items) {
            if (name.equals(i.getText(0))) {
                return i.getText(1);
            }
            i.setExpanded(true);
            String v = rowValue(i.getItems(), name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    @Test
    void validationProblemsAreMarkersOnTheFileAndBadgesOnTheGlyphs() throws Exception {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("markers");
        if (!project.exists()) {
            project.create(null);
        }
        project.open(null);
        IFile file = project.getFile("akt.xml");
        if (file.exists()) {
            file.delete(true, null);
        }
        file.create(new java.io.ByteArrayInputStream(SampleModels.AKT_PHOSPHORYLATION.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), true, null);
        PathwayEditor editor = shown(IDE.openEditor(page(), file));
        waitUntil(() -> !editor.getProblems().isEmpty() && !editor.getCanvas().getDecorations().isEmpty());
        IMarker[] markers = file.findMarkers(ProblemMarkers.TYPE, true, IResource.DEPTH_ZERO);
        assertTrue(markers.length > 0);
        assertTrue(Arrays.stream(markers).anyMatch(mk -> mk.getAttribute(IMarker.MESSAGE, "").contains("phos")
                && mk.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_WARNING), "the missing rate law is a warning");
        String rg = editor.getLayout().getListOfReactionGlyphs().get(0).getId();
        assertEquals(DiagramCanvas.Decoration.WARNING, editor.getCanvas().getDecorations().get(rg));

        // give the reaction a rate law and save: the warning goes
        editor.getCanvas().setSelection(Set.of(rg));
        flush();
        IPropertySource props = (IPropertySource) ((IStructuredSelection) editor.getSite().getSelectionProvider()
                .getSelection()).getFirstElement();
        props.setPropertyValue(ElementProperties.KINETIC_LAW, "0.1 * Akt");
        List<org.mtorworkbench.sbml.SbmlProblem> before = editor.getProblems();
        page().saveEditor(editor, false);
        waitUntil(() -> editor.getProblems() != before);
        assertFalse(editor.getCanvas().getDecorations().containsKey(rg), "refreshed on save: "
                + editor.getProblems());
        assertTrue(Arrays.stream(file.findMarkers(ProblemMarkers.TYPE, true, IResource.DEPTH_ZERO))
                .noneMatch(mk -> mk.getAttribute(IMarker.MESSAGE, "").contains("kinetic law")));

        // colour by a simulation, scrub the slider
        editor.simulate(50, 50);
        waitUntil(() -> editor.getResults() != null);
        DiagramCanvas canvas = editor.getCanvas();
        String akt = editor.getLayout().getListOfSpeciesGlyphs().stream().filter(g -> g.getSpecies().equals("pAkt"))
                .findFirst().orElseThrow().getId();
        var end = canvas.getFills().get(akt);
        editor.showTime(0);
        flush();
        assertNotEquals(end, canvas.getFills().get(akt), "pAkt changes colour over time");
        assertNotNull(canvas.getLegend());
        assertNotNull(canvas.getLegend().arcs(), "the legend explains the arc widths");
        String rgId = editor.getLayout().getListOfReactionGlyphs().get(0).getId();
        String arc = canvas.getDiagram().arcs().stream().filter(a -> rgId.equals(a.processId())).findFirst()
                .orElseThrow().id();
        float atStart = canvas.getArcStyles().get(arc).width();
        editor.showTime(25);
        flush();
        float atMiddle = canvas.getArcStyles().get(arc).width();
        assertTrue(atMiddle < atStart, "the arc narrows as the flux 0.1 Akt falls: " + atStart + " -> " + atMiddle);
        screenshot(editor, "pathway-editor-result-colouring.png", true);
    }
}
