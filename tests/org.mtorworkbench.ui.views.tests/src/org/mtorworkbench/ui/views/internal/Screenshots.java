package org.mtorworkbench.ui.views.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.mtorworkbench.tests.support.SharedData;

/**
 * The screenshots of the main screens for the guides: each is taken at {@value #WIDTH} x
 * {@value #HEIGHT} into the test output ({@code target/screenshots/}) and, when the system
 * property {@value #PROPERTY} names a folder (e.g. {@code -Dmtorwb.screenshots=docs/images},
 * relative to the checkout; {@code off}, the build's default, for none), there too, so a normal build
 * never rewrites the repository's images.
 * Each is checked to be of that size and not blank.
 */
final class Screenshots {

    static final String PROPERTY = "mtorwb.screenshots";
    static final int WIDTH = 1280;
    static final int HEIGHT = 800;

    private Screenshots() {
    }

    /** @return the folder the guides' screenshots go to, or null when none was given */
    static Path docsFolder() {
        String dir = System.getProperty(PROPERTY, "").strip();
        if (dir.isEmpty() || dir.equals("off")) {
            return null;
        }
        Path p = Path.of(dir);
        String repo = System.getProperty("mtorwb.repo");
        return p.isAbsolute() || repo == null ? p : Path.of(repo).resolve(p);
    }

    /** Sizes the window to {@value #WIDTH} x {@value #HEIGHT}, lets it lay out and paint, and saves it. */
    static Path take(String name, Shell shell) throws Exception {
        if (shell.getMaximized()) {
            shell.setMaximized(false);
        }
        shell.setSize(WIDTH, HEIGHT);
        shell.layout(true, true);
        Display display = shell.getDisplay();
        long until = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < until) {
            // let the views lay out, the charts and the diagram repaint at the new size
            display.timerExec(20, () -> { });
            Ui.dispatchOrSleep(display);
        }
        Path png = SharedData.outputDir("screenshots").resolve(name + ".png");
        Ui.screenshot(shell, png);
        ImageData image = new ImageLoader().load(png.toString())[0];
        assertEquals(WIDTH, image.width, name + ": width");
        assertEquals(HEIGHT, image.height, name + ": height");
        assertNotBlank(name, image);
        Path docs = docsFolder();
        if (docs != null) {
            Files.createDirectories(docs);
            Files.copy(png, docs.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            System.out.println("screenshot " + docs.resolve(name + ".png"));
        }
        return png;
    }

    /** Maximizes a part in the window (as a double-click on its tab does), saves the window, restores the part. */
    static Path takeMaximized(String name, org.eclipse.ui.IWorkbenchPart part) throws Exception {
        org.eclipse.ui.IWorkbenchPage page = part.getSite().getPage();
        page.toggleZoom(page.getReference(part));
        try {
            return take(name, page.getWorkbenchWindow().getShell());
        } finally {
            page.toggleZoom(page.getReference(part));
        }
    }

    /** Fails for an image of one colour, or nearly so (a window that was not drawn). */
    static void assertNotBlank(String name, ImageData image) {
        Map<Integer, Integer> counts = new HashMap<>();
        int samples = 0;
        for (int y = 0; y < image.height; y += 4) {
            for (int x = 0; x < image.width; x += 4) {
                RGB rgb = image.palette.getRGB(image.getPixel(x, y));
                counts.merge((rgb.red << 16) | (rgb.green << 8) | rgb.blue, 1, Integer::sum);
                samples++;
            }
        }
        int most = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        System.out.printf("screenshot %s: %d colours, the commonest covers %.1f%%%n", name, counts.size(),
                100.0 * most / samples);
        assertTrue(counts.size() >= 16, name + " has " + counts.size() + " colours: blank?");
        assertTrue(most < 0.95 * samples, name + " is " + (100 * most / samples) + "% one colour: blank?");
    }
}
