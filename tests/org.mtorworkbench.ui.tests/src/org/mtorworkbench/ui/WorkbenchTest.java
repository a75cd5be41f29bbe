package org.mtorworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.FileStoreEditorInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtorworkbench.tests.support.SharedData;
import org.mtorworkbench.ui.internal.ModelEditor;

/**
 * Starts the real workbench application (under Xvfb in CI) and checks what a modeller sees
 * first: the window title, the modelling perspective with navigator, editor area and
 * results area, and a model file opening in the model editor. Leaves a screenshot in
 * {@code target/screenshots/} for inspection.
 */
class WorkbenchTest {

    private static final long TIMEOUT_MS = 30_000;

    @TempDir
    Path tmp;

    private static IWorkbenchWindow window() {
        IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (w == null) {
            w = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        }
        return w;
    }

    @Test
    void theWindowOpensTheModellingPerspective() {
        IWorkbenchWindow w = window();
        assertEquals(WorkbenchIds.TITLE, w.getShell().getText());
        IWorkbenchPage page = w.getActivePage();
        assertEquals(WorkbenchIds.PERSPECTIVE, page.getPerspective().getId());
        assertTrue(page.isEditorAreaVisible(), "the editor area is hidden");
        IViewPart navigator = page.findView(WorkbenchIds.NAVIGATOR);
        assertNotNull(navigator, "the model navigator (Project Explorer) is not open");
        assertNotNull(page.findView(org.eclipse.ui.IPageLayout.ID_PROBLEM_VIEW), "the results area is missing");
    }

    @Test
    void theFileMenuHasNoIdeLeftovers() {
        org.eclipse.swt.widgets.Menu bar = window().getShell().getMenuBar();
        org.eclipse.swt.widgets.Menu file = null;
        for (org.eclipse.swt.widgets.MenuItem item : bar.getItems()) {
            if (item.getText().replace("&", "").equals("File")) {
                file = item.getMenu();
            }
        }
        assertNotNull(file, "no File menu");
        // the menu fills when shown, as when the user opens it
        file.notifyListeners(SWT.Show, new org.eclipse.swt.widgets.Event());
        java.util.List<String> items = java.util.Arrays.stream(file.getItems()).map(i -> i.getText().replace("&", ""))
                .toList();
        file.notifyListeners(SWT.Hide, new org.eclipse.swt.widgets.Event());
        assertTrue(items.stream().anyMatch(t -> t.startsWith("Open Model")), "File has " + items);
        assertTrue(items.stream().noneMatch(t -> t.startsWith("Convert Line Delimiters") || t.startsWith("Open File")),
                "File has " + items);
    }

    @Test
    void aModelFileOpensInTheModelOverview() throws Exception {
        Path f = tmp.resolve("akt.xml");
        Files.writeString(f, """
                <?xml version="1.0" encoding="UTF-8"?>
                <sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
                  <model id="akt_model">
                    <listOfCompartments><compartment id="cell" size="1" constant="true"/></listOfCompartments>
                    <listOfSpecies>
                      <species id="Akt" compartment="cell" initialConcentration="1" hasOnlySubstanceUnits="false"
                          boundaryCondition="false" constant="false"/>
                      <species id="pAkt" compartment="cell" initialConcentration="0" hasOnlySubstanceUnits="false"
                          boundaryCondition="false" constant="false"/>
                    </listOfSpecies>
                  </model>
                </sbml>
                """);
        IWorkbenchPage page = window().getActivePage();
        // SBML files open in the pathway diagram by default; the overview is the second editor
        IEditorPart editor = page.openEditor(new FileStoreEditorInput(EFS.getLocalFileSystem().getStore(f.toUri())),
                WorkbenchIds.MODEL_EDITOR);
        ModelEditor model = assertInstanceOf(ModelEditor.class, editor);
        waitUntil(() -> model.getDocument() != null || model.getLoadError() != null);
        assertNull(model.getLoadError());
        assertEquals("akt_model", model.getDocument().getModel().getId());
        assertEquals(2, model.getDocument().getModel().getSpeciesCount());
        assertEquals("akt.xml", editor.getTitle());

        Path shots = SharedData.outputDir("screenshots");
        Path png = shots.resolve("workbench-model-open.png");
        screenshot(window().getShell(), png);
        assertTrue(Files.size(png) > 1000, "screenshot is empty");
        page.closeAllEditors(false);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        Display display = Display.getCurrent();
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out after " + TIMEOUT_MS + " ms");
            }
            if (!display.readAndDispatch()) {
                display.sleep();
                display.timerExec(20, () -> { });
            }
        }
        while (display.readAndDispatch()) {
            // flush pending paints before a screenshot
        }
    }

    private static void screenshot(Shell shell, Path png) {
        Display display = shell.getDisplay();
        shell.forceActive();
        while (display.readAndDispatch()) {
            // let the shell paint
        }
        Rectangle b = shell.getBounds();
        Image image = new Image(display, b.width, b.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, b.x, b.y);
            ImageLoader loader = new ImageLoader();
            loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
            loader.save(png.toString(), SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
