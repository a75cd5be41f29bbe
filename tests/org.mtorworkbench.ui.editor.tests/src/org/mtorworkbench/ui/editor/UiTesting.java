package org.mtorworkbench.ui.editor;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.mtorworkbench.tests.support.SharedData;

/** Opening editors, posting mouse events, waiting for the UI and taking screenshots in UI tests. */
final class UiTesting {

    static final long TIMEOUT_MS = 60_000;

    private UiTesting() {
    }

    static IWorkbenchPage page() {
        IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        return (w != null ? w : PlatformUI.getWorkbench().getWorkbenchWindows()[0]).getActivePage();
    }

    /** The welcome page the workbench shows beside the editor area on a workspace's first start. */
    static final String WELCOME = "org.mtorworkbench.ui.views.welcome";

    /**
     * Opens a file outside the workspace and waits until the editor shows it. The first start's
     * welcome page is closed first: the tests place and click glyphs in an editor as wide as
     * the editor area of the perspective's layout.
     */
    static PathwayEditor open(Path f) throws Exception {
        org.eclipse.ui.IViewPart welcome = page().findView(WELCOME);
        if (welcome != null) {
            page().hideView(welcome);
        }
        return shown(IDE.openEditorOnFileStore(page(), EFS.getLocalFileSystem().getStore(f.toUri())));
    }

    /** Writes builtin:mtor to a file in a folder and opens it. */
    static PathwayEditor openBuiltin(Path dir) throws Exception {
        Path f = dir.resolve("mtor.xml");
        org.mtorworkbench.ui.editor.internal.DocumentFiles.save(
                org.mtorworkbench.network.BuiltinModels.open("builtin:mtor").orElseThrow(), f);
        return open(f);
    }

    /** Waits until an editor part, which must be a pathway editor, shows its document. */
    static PathwayEditor shown(IEditorPart part) {
        PathwayEditor editor = assertInstanceOf(PathwayEditor.class, part, "SBML files open in the pathway editor");
        waitUntil(() -> editor.getDocument() != null || editor.getLoadError() != null);
        assertNull(editor.getLoadError());
        return editor;
    }

    /** Posts a mouse event of a type (button 1 for presses and releases) to a control. */
    static void post(Control c, int type, int x, int y) {
        Event e = new Event();
        e.type = type;
        e.button = type == SWT.MouseMove ? 0 : 1;
        e.x = x;
        e.y = y;
        c.notifyListeners(type, e);
    }

    /** A press and release at one point. */
    static void click(Control c, int x, int y) {
        post(c, SWT.MouseDown, x, y);
        post(c, SWT.MouseUp, x, y);
        flush();
    }

    static void drag(Control c, int x0, int y0, int x1, int y1) {
        post(c, SWT.MouseDown, x0, y0);
        post(c, SWT.MouseMove, (x0 + x1) / 2, (y0 + y1) / 2);
        post(c, SWT.MouseMove, x1, y1);
        post(c, SWT.MouseUp, x1, y1);
        flush();
    }

    static void flush() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // run pending events and paints
        }
    }

    static void waitUntil(BooleanSupplier condition) {
        waitUntil(condition, TIMEOUT_MS);
    }

    static void waitUntil(BooleanSupplier condition, long timeoutMillis) {
        Display display = Display.getCurrent();
        long end = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out after " + timeoutMillis + " ms");
            }
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> { });
                display.sleep();
            }
        }
        flush();
    }

    /** Saves a picture of the editor's window, maximised, in {@code target/screenshots/}. */
    static void screenshot(PathwayEditor editor, String name, boolean fit) throws Exception {
        Shell shell = editor.getSite().getShell();
        shell.forceActive();
        editor.getSite().getPage().setPartState(editor.getSite().getPage().getReference(editor),
                IWorkbenchPage.STATE_MAXIMIZED);
        if (fit) {
            editor.getCanvas().fit();
        }
        flush();
        Display display = shell.getDisplay();
        Rectangle b = shell.getBounds();
        Image image = new Image(display, b.width, b.height);
        // draw the window into the image (reading back the X screen can give an earlier picture)
        GC gc = new GC(image);
        try {
            if (!shell.print(gc)) {
                gc.dispose();
                gc = new GC(display);
                gc.copyArea(image, b.x, b.y);
            }
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
