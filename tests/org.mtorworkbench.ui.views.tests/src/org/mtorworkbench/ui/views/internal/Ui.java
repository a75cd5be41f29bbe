package org.mtorworkbench.ui.views.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.mtorworkbench.experiments.extension.ExperimentDesigns;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.mtorworkbench.ui.views.ViewIds;

/**
 * Drives the workbench as a user would, for the UI tests: shows views, sets the launcher's
 * widgets and posts their events, runs the event loop while waiting, and takes screenshots.
 */
final class Ui {

    static final long TIMEOUT_MS = 180_000;

    private Ui() {
    }

    static IWorkbenchWindow window() {
        IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        return w != null ? w : PlatformUI.getWorkbench().getWorkbenchWindows()[0];
    }

    static LauncherView launcher() throws Exception {
        IWorkbenchPage page = window().getActivePage();
        return assertInstanceOf(LauncherView.class, page.showView(ViewIds.LAUNCHER));
    }

    static void choose(Combo combo, String item) {
        int i = combo.indexOf(item);
        assertTrue(i >= 0, item + " is not offered");
        combo.select(i);
        combo.notifyListeners(SWT.Selection, new Event());
    }

    /**
     * Fills the launcher's form as a user would, for the built-in model in wild-type cells: the
     * design by its id, the drug (the varied one, or the treatment) and its doses, the readout
     * time in the preferences' unit (when the design has one) and the readouts.
     */
    static LauncherView.Widgets fill(LauncherView launcher, String design, String drug, String doses,
            String minutes, String... readouts) {
        LauncherView.Widgets w = launcher.widgets();
        choose(w.model(), "builtin:mtor");
        choose(w.design(), ExperimentDesigns.byId(design).orElseThrow().label());
        if (w.has("varied-drug")) {
            choose(w.combo("varied-drug"), drug);
            w.text(w.has("doses") ? "doses" : "doses-a").setText(doses);
        } else {
            choose(w.combo(LauncherView.DRUG), drug);
            if (!doses.isEmpty()) {
                w.text(LauncherView.DOSE).setText(doses);
            }
        }
        choose(w.combo(LauncherView.CONTEXT), "wildtype");
        if (w.has("t-end")) {
            w.text("t-end").setText(minutes);
            w.text("t-end").setEnabled(true);
        }
        if (w.has("steady-state")) {
            w.check("steady-state").setSelection(false);
        }
        w.list("readout").setSelection(readouts);
        w.list(LauncherView.KNOCKOUT).deselectAll();
        return w;
    }

    /** Clicks Run and waits for the result in the view of its kind and for the job to end with "Done.". */
    static ResultView run(LauncherView launcher, LauncherView.Widgets w, ResultKind design) {
        IWorkbenchPage page = window().getActivePage();
        var ref = page.findViewReference(ViewIds.RESULT, design.secondaryId());
        int before = ref == null || ref.getPart(false) == null ? 0 : ((ResultView) ref.getPart(false)).getRuns().size();
        click(w.run());
        assertNotNull(launcher.currentJob(), "Run did not start a job: " + w.status().getText());
        ResultView view = waitForResult(design, before + 1);
        waitUntil(() -> launcher.currentJob() == null);
        assertEquals("Done.", w.status().getText());
        return view;
    }

    /** @return nanoseconds from posting a runnable to the event loop until it ran */
    static long roundTrip(Display display) {
        long posted = System.nanoTime();
        AtomicLong ran = new AtomicLong();
        display.asyncExec(() -> ran.set(System.nanoTime()));
        while (ran.get() == 0) {
            dispatchOrSleep(display);
        }
        return ran.get() - posted;
    }

    static ResultView waitForResult(ResultKind design, int runs) {
        IWorkbenchPage page = window().getActivePage();
        waitUntil(() -> page.findViewReference(ViewIds.RESULT, design.secondaryId()) != null
                && page.findViewReference(ViewIds.RESULT, design.secondaryId()).getPart(false) instanceof ResultView v
                && v.getRuns().size() >= runs);
        return (ResultView) page.findViewReference(ViewIds.RESULT, design.secondaryId()).getPart(false);
    }

    /** Runs the event loop until the condition holds, polling it at least every 20 ms. */
    static void waitUntil(BooleanSupplier condition) {
        Display display = Display.getCurrent();
        long deadline = System.nanoTime() + TIMEOUT_MS * 1_000_000L;
        for (boolean met = condition.getAsBoolean(); !met; met = condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out after " + TIMEOUT_MS + " ms");
            display.timerExec(20, () -> { });
            dispatchOrSleep(display);
        }
        roundTrip(display);
    }

    static void dispatchOrSleep(Display display) {
        if (!display.readAndDispatch()) {
            display.sleep();
        }
    }

    /** Saves the workbench window as the user sees it, drawn by the window itself. */
    static void screenshot(Path png) {
        screenshot(window().getShell(), png);
    }

    /** Saves a shell (the window, a dialog) as drawn by itself. */
    static void screenshot(Shell shell, Path png) {
        Display display = shell.getDisplay();
        while (display.readAndDispatch()) {
            // finish pending paints first
        }
        Point size = shell.getSize();
        Image image = new Image(display, size.x, size.y);
        try {
            GC gc = new GC(image);
            try {
                assertTrue(shell.print(gc), "the window could not be drawn");
            } finally {
                gc.dispose();
            }
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { image.getImageData() };
            loader.save(png.toString(), SWT.IMAGE_PNG);
        } finally {
            image.dispose();
        }
    }

    /** @return the widgets of a type under a control, in the order of the tree (depth first) */
    static <T extends org.eclipse.swt.widgets.Control> java.util.List<T> find(org.eclipse.swt.widgets.Control root,
            Class<T> type) {
        java.util.List<T> out = new java.util.ArrayList<>();
        if (type.isInstance(root)) {
            out.add(type.cast(root));
        }
        if (root instanceof org.eclipse.swt.widgets.Composite c) {
            for (org.eclipse.swt.widgets.Control child : c.getChildren()) {
                out.addAll(find(child, type));
            }
        }
        return out;
    }

    /** Posts a selection event, as a click on a button does. */
    static void click(org.eclipse.swt.widgets.Widget w) {
        w.notifyListeners(SWT.Selection, new Event());
    }
}
