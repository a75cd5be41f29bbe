package org.mtorworkbench.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.core.filesystem.EFS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtorworkbench.diagram.AutoLayout;
import org.mtorworkbench.diagram.Diagram;
import org.mtorworkbench.diagram.GlyphKind;
import org.mtorworkbench.diagram.NodeFigure;
import org.mtorworkbench.network.BuiltinModels;
import org.mtorworkbench.sbml.SbmlReader;
import org.mtorworkbench.tests.support.SampleModels;
import org.mtorworkbench.tests.support.SharedData;
import org.mtorworkbench.ui.editor.internal.DiagramCanvas;
import org.mtorworkbench.ui.editor.internal.DocumentFiles;
import org.sbml.jsbml.SBMLDocument;

/**
 * The pathway editor in the real workbench (under Xvfb in CI): SBML files open in it by
 * default; a drag posted to the canvas moves a species through the operation history,
 * undo and redo follow the dirty state, Save writes the layout, Delete removes a species
 * with its reactions. Leaves a screenshot of builtin:mtor in {@code target/screenshots/}.
 */
class PathwayEditorTest {

    private static final long TIMEOUT_MS = 60_000;

    @TempDir
    Path tmp;

    private static IWorkbenchPage page() {
        IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        return (w != null ? w : PlatformUI.getWorkbench().getWorkbenchWindows()[0]).getActivePage();
    }

    @AfterEach
    void close() {
        page().closeAllEditors(false);
    }

    private PathwayEditor open(Path f) throws Exception {
        IEditorPart part = IDE.openEditorOnFileStore(page(), EFS.getLocalFileSystem().getStore(f.toUri()));
        PathwayEditor editor = assertInstanceOf(PathwayEditor.class, part, "SBML files open in the pathway editor");
        waitUntil(() -> editor.getDocument() != null || editor.getLoadError() != null);
        assertNull(editor.getLoadError());
        return editor;
    }

    @Test
    void theBuiltinModelIsEditedWithUndoRedoAndSaved() throws Exception {
        Path f = tmp.resolve("mtor.xml");
        DocumentFiles.save(BuiltinModels.open("builtin:mtor").orElseThrow(), f);
        PathwayEditor editor = open(f);
        DiagramCanvas canvas = editor.getCanvas();
        Diagram d = canvas.getDiagram();
        assertEquals(editor.getLayout().getSpeciesGlyphCount() + editor.getLayout().getReactionGlyphCount()
                + editor.getLayout().getCompartmentGlyphCount(),
                d.nodes().stream().filter(n -> n.kind() != GlyphKind.SOURCE_SINK || n.elementId() != null).count());
        assertFalse(editor.isDirty());

        measureFrames(canvas);
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

        screenshot(editor, "pathway-editor-builtin-mtor.png");

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
        flush();
        System.out.printf("editor: Chen_MSB2009 (%d nodes) read, laid out and shown in %.2f s%n",
                editor.getCanvas().getDiagram().nodes().size(), openSeconds);
        measureFrames(editor.getCanvas());
    }

    /** Repaints at several zooms and scroll positions and prints the frame times. */
    private static void measureFrames(DiagramCanvas canvas) {
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

    private static void drag(DiagramCanvas canvas, int x0, int y0, int x1, int y1) {
        post(canvas, SWT.MouseDown, x0, y0);
        post(canvas, SWT.MouseMove, (x0 + x1) / 2, (y0 + y1) / 2);
        post(canvas, SWT.MouseMove, x1, y1);
        post(canvas, SWT.MouseUp, x1, y1);
        flush();
    }

    private static void post(DiagramCanvas canvas, int type, int x, int y) {
        Event e = new Event();
        e.type = type;
        e.button = type == SWT.MouseMove ? 0 : 1;
        e.x = x;
        e.y = y;
        canvas.notifyListeners(type, e);
    }

    private static void flush() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // run pending events and paints
        }
    }

    private static void waitUntil(BooleanSupplier condition) {
        Display display = Display.getCurrent();
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out after " + TIMEOUT_MS + " ms");
            }
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> { });
                display.sleep();
            }
        }
        flush();
    }

    private static void screenshot(PathwayEditor editor, String name) throws Exception {
        Shell shell = editor.getSite().getShell();
        shell.forceActive();
        editor.getSite().getPage().setPartState(editor.getSite().getPage().getReference(editor),
                org.eclipse.ui.IWorkbenchPage.STATE_MAXIMIZED);
        editor.getCanvas().fit();
        flush();
        Display display = shell.getDisplay();
        Rectangle b = shell.getBounds();
        Image image = new Image(display, b.width, b.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, b.x, b.y);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { image.getImageData() };
            Path png = SharedData.outputDir("screenshots").resolve(name);
            loader.save(png.toString(), SWT.IMAGE_PNG);
            assertTrue(Files.size(png) > 10_000, "the screenshot is nearly empty");
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
