package org.mtorworkbench.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mtorworkbench.ui.editor.UiTesting.drag;
import static org.mtorworkbench.ui.editor.UiTesting.flush;
import static org.mtorworkbench.ui.editor.UiTesting.open;
import static org.mtorworkbench.ui.editor.UiTesting.openBuiltin;
import static org.mtorworkbench.ui.editor.UiTesting.page;
import static org.mtorworkbench.ui.editor.UiTesting.screenshot;
import static org.mtorworkbench.ui.editor.UiTesting.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.ui.PlatformUI;
import org.eclipse.swt.graphics.Point;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtorworkbench.diagram.AutoLayout;
import org.mtorworkbench.diagram.Diagram;
import org.mtorworkbench.diagram.GlyphKind;
import org.mtorworkbench.diagram.NodeFigure;
import org.mtorworkbench.sbml.SbmlReader;
import org.mtorworkbench.tests.support.SampleModels;
import org.mtorworkbench.tests.support.SharedData;
import org.mtorworkbench.ui.editor.internal.DiagramCanvas;
import org.sbml.jsbml.SBMLDocument;

/**
 * The pathway editor in the real workbench (under Xvfb in CI): SBML files open in it by
 * default; a drag posted to the canvas moves a species through the operation history,
 * undo and redo follow the dirty state, Save writes the layout, Delete removes a species
 * with its reactions. Leaves a screenshot of builtin:mtor in {@code target/screenshots/}.
 */
class PathwayEditorTest {

    @TempDir
    Path tmp;

    @AfterEach
    void close() {
        page().closeAllEditors(false);
    }

    @Test
    void theBuiltinModelIsEditedWithUndoRedoAndSaved() throws Exception {
        PathwayEditor editor = openBuiltin(tmp);
        Path f = tmp.resolve("mtor.xml");
        DiagramCanvas canvas = editor.getCanvas();
        Diagram d = canvas.getDiagram();
        assertEquals(editor.getLayout().getSpeciesGlyphCount() + editor.getLayout().getReactionGlyphCount()
                + editor.getLayout().getCompartmentGlyphCount(),
                d.nodes().stream().filter(n -> n.kind() != GlyphKind.SOURCE_SINK || n.elementId() != null).count());
        assertFalse(editor.isDirty());

        measureFrames(editor);
        canvas.setZoom(1);
        flush();
        NodeFigure pdk1 = d.node("sg_PDK1").orElseThrow();
        canvas.setSelection(Set.of(pdk1.id()));
        flush();
        Point at = canvas.toCanvas(pdk1.centerX(), pdk1.centerY());
        drag(canvas, at.x, at.y, at.x + 40, at.y + 25);
        NodeFigure moved = canvas.getDiagram().node("sg_PDK1").orElseThrow();
        assertEquals(pdk1.x() + 40, moved.x(), 1.0, "the drag moved PDK1 by 40 pixels at 100%");
        assertEquals(pdk1.y() + 25, moved.y(), 1.0);
        assertTrue(editor.isDirty());

        IOperationHistory history = PlatformUI.getWorkbench().getOperationSupport().getOperationHistory();
        assertTrue(history.undo(editor.getUndoContext(), null, null).isOK());
        flush();
        assertEquals(pdk1.x(), canvas.getDiagram().node("sg_PDK1").orElseThrow().x(), 1e-9);
        assertFalse(editor.isDirty(), "undone back to the saved state");
        assertTrue(history.redo(editor.getUndoContext(), null, null).isOK());
        flush();
        assertTrue(editor.isDirty());
        page().saveEditor(editor, false);
        assertFalse(editor.isDirty());
        SBMLDocument saved = new SbmlReader().read(f);
        NodeFigure reread = Diagram.of(AutoLayout.find(saved.getModel(), null).orElseThrow()).node("sg_PDK1").orElseThrow();
        assertEquals(moved.x(), reread.x(), 1e-9, "the saved file has the moved glyph");

        screenshot(editor, "pathway-editor-builtin-mtor.png", true);

        int species = editor.getDocument().getModel().getSpeciesCount();
        canvas.setSelection(Set.of("sg_PDK1"));
        editor.deleteSelection(false);
        flush();
        assertEquals(species - 1, editor.getDocument().getModel().getSpeciesCount());
        assertTrue(canvas.getDiagram().node("sg_PDK1").isEmpty());
        assertTrue(editor.isDirty());
        history.undo(editor.getUndoContext(), null, null);
        flush();
        assertEquals(species, editor.getDocument().getModel().getSpeciesCount());
        assertFalse(editor.isDirty());
    }

    @Test
    void everyToolHasAnIconAndATooltipAndTheCommandsZoomAndFit() throws Exception {
        PathwayEditor editor = openBuiltin(tmp);
        DiagramCanvas canvas = editor.getCanvas();
        java.util.List<org.eclipse.swt.widgets.ToolItem> items = new java.util.ArrayList<>();
        collectToolItems(canvas.getParent(), items);
        assertTrue(items.size() >= 8 + 1 + editor.getPalette().size(), "tool items: " + items.size());
        for (org.eclipse.swt.widgets.ToolItem item : items) {
            assertTrue(item.getImage() != null, "no icon: " + item.getToolTipText());
            assertTrue(item.getToolTipText() != null && !item.getToolTipText().isBlank(), "no tooltip on a tool");
            assertEquals(16, item.getImage().getBounds().width, item.getToolTipText());
        }
        // a palette tool's icon is the glyph it creates: the macromolecule's is its blue fill, the compartment's grey
        org.eclipse.swt.graphics.ImageData protein = editor.getPaletteItem("org.mtorworkbench.palette.macromolecule")
                .getImage().getImageData();
        org.eclipse.swt.graphics.RGB middle = protein.palette.getRGB(protein.getPixel(8, 8));
        assertEquals(new org.eclipse.swt.graphics.RGB(0xDD, 0xEE, 0xFF), middle, "macromolecule icon fill");

        // the editor's commands, as the key bindings run them
        org.eclipse.ui.handlers.IHandlerService handlers = editor.getSite().getService(
                org.eclipse.ui.handlers.IHandlerService.class);
        canvas.setZoom(1);
        handlers.executeCommand("org.mtorworkbench.ui.editor.zoomIn", null);
        assertEquals(1.25, canvas.getZoom(), 1e-9);
        handlers.executeCommand("org.mtorworkbench.ui.editor.zoomOut", null);
        assertEquals(1, canvas.getZoom(), 1e-9);
        handlers.executeCommand("org.mtorworkbench.ui.editor.fit", null);
        assertTrue(Math.abs(canvas.getZoom() - 1) > 1e-6, "fit changes the zoom of the whole network");
        handlers.executeCommand("org.mtorworkbench.ui.editor.actualSize", null);
        assertEquals(1, canvas.getZoom(), 1e-9);
        org.eclipse.jface.bindings.TriggerSequence[] keys = PlatformUI.getWorkbench()
                .getService(org.eclipse.ui.keys.IBindingService.class)
                .getActiveBindingsFor("org.mtorworkbench.ui.editor.simulate");
        assertTrue(keys.length > 0, "Simulate... has a key binding while the editor is active");
    }

    private static void collectToolItems(org.eclipse.swt.widgets.Control c, java.util.List<org.eclipse.swt.widgets.ToolItem> out) {
        if (c instanceof org.eclipse.swt.widgets.ToolBar bar) {
            out.addAll(java.util.Arrays.asList(bar.getItems()));
        }
        if (c instanceof org.eclipse.swt.widgets.Composite comp) {
            for (org.eclipse.swt.widgets.Control child : comp.getChildren()) {
                collectToolItems(child, out);
            }
        }
    }

    @Test
    void aModelWithoutLayoutIsLaidOutAndSavingKeepsTheLayout() throws Exception {
        Path f = tmp.resolve("akt.xml");
        Files.writeString(f, SampleModels.AKT_PHOSPHORYLATION);
        PathwayEditor editor = open(f);
        assertEquals(3, editor.getCanvas().getDiagram().nodes().size() - 1, "two species, one process, one compartment");
        assertTrue(editor.isDirty(), "the new layout is unsaved");
        Path copy = tmp.resolve("akt-laid-out.xml");
        editor.saveAs(copy);
        assertFalse(editor.isDirty());
        assertEquals("akt-laid-out.xml", editor.getTitle());
        assertNotNull(AutoLayout.find(new SbmlReader().read(copy).getModel(), null).orElse(null));
    }

    @Test
    void theChenModelOpensAndPansSmoothly() throws Exception {
        Path f = SharedData.require("models/petab/Chen_MSB2009/model_Chen_MSB2009.xml");
        long t0 = System.nanoTime();
        PathwayEditor editor = open(f);
        double openSeconds = (System.nanoTime() - t0) / 1e9;
        int before = editor.getCanvas().frameCount();
        editor.getCanvas().redraw();
        waitUntil(() -> editor.getCanvas().frameCount() > before);
        double paintedSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("editor: Chen_MSB2009 (%d nodes) read, laid out and shown in %.2f s, painted in %.2f s"
                + " (first frame %.0f ms); %s%n", editor.getCanvas().getDiagram().nodes().size(), openSeconds,
                paintedSeconds, editor.getCanvas().lastFrameMillis(), editor.getLoadTimes());
        measureFrames(editor);
    }

    /** Repaints at several zooms and scroll positions and prints the frame times. */
    private static void measureFrames(PathwayEditor editor) {
        // the validation that starts when the file opens would compete for the processor
        waitUntil(() -> editor.getValidationJob() != null
                && editor.getValidationJob().getState() == org.eclipse.core.runtime.jobs.Job.NONE, 300_000);
        DiagramCanvas canvas = editor.getCanvas();
        java.util.List<Double> times = new java.util.ArrayList<>();
        for (double z : new double[] { 0.1, 0.25, 0.5, 1, 2, 8 }) {
            canvas.setZoom(z);
            for (int step = 0; step < 8; step++) {
                canvas.getHorizontalBar().setSelection(canvas.getHorizontalBar().getSelection() + 60);
                int before = canvas.frameCount();
                canvas.redraw();
                waitUntil(() -> canvas.frameCount() > before);
                times.add(canvas.lastFrameMillis());
            }
        }
        java.util.Collections.sort(times);
        System.out.printf("frame time over %d repaints (zoom 10%%-800%%, panning): median %.1f ms, 90th percentile %.1f ms,"
                + " worst %.1f ms%n", times.size(), times.get(times.size() / 2), times.get(times.size() * 9 / 10),
                times.get(times.size() - 1));
        canvas.fit();
        flush();
    }
}
