package org.mtorworkbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtorworkbench.diagram.AutoLayout;
import org.mtorworkbench.diagram.Diagram;
import org.mtorworkbench.diagram.DiagramExport;
import org.mtorworkbench.network.BuiltinModels;
import org.mtorworkbench.tests.support.Architecture;
import org.mtorworkbench.tests.support.SampleModels;
import org.mtorworkbench.tests.support.SharedData;

/** {@code ./mtorwb render}: diagrams to SVG and PNG without a display, and its errors. */
class RenderCommandTest {

    @TempDir
    Path tmp;

    private Cli run(String... args) {
        return Cli.run(tmp, args);
    }

    @Test
    void theBuiltinModelIsDrawnToPngAndSvg() throws Exception {
        Diagram expected = Diagram.of(AutoLayout.find(BuiltinModels.open("builtin:mtor").orElseThrow().getModel(), null)
                .orElseThrow());
        long t0 = System.nanoTime();
        Cli png = run("render", "builtin:mtor", "--out", "mtor.png");
        long t1 = System.nanoTime();
        assertEquals(0, png.code(), png.err());
        assertTrue(png.err().contains("wrote " + tmp.resolve("mtor.png")), png.err());
        assertTrue(png.err().contains(expected.nodes().size() + " nodes, " + expected.arcs().size() + " arcs"), png.err());
        BufferedImage img = ImageIO.read(tmp.resolve("mtor.png").toFile());
        double w = expected.bounds().getWidth() + 2 * DiagramExport.MARGIN;
        assertEquals((int) Math.ceil(w * RenderCommand.PNG_SCALE), img.getWidth());

        Cli svg = run("render", "builtin:mtor", "--out", "out/mtor.svg", "--layout", "mtor_diagram");
        long t2 = System.nanoTime();
        assertEquals(0, svg.code(), svg.err());
        String text = Files.readString(tmp.resolve("out/mtor.svg"));
        assertTrue(text.contains("<svg"), "not SVG");
        assertTrue(text.contains("mTORC1"), "labels missing");
        System.out.printf("render builtin:mtor: PNG %.0f ms, SVG %.0f ms (open, draw and write)%n", (t1 - t0) / 1e6,
                (t2 - t1) / 1e6);
        Copy.toOutput(tmp.resolve("mtor.png"), "render-builtin-mtor.png");
    }

    @Test
    void aModelWithoutLayoutIsLaidOutAndTheFileIsUntouched() throws Exception {
        Path f = tmp.resolve("akt.xml");
        String xml = SampleModels.AKT_PHOSPHORYLATION;
        Files.writeString(f, xml);
        Cli r = run("render", "akt.xml", "--out", "akt.svg");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("has no layout; laid it out automatically"), r.err());
        assertTrue(r.err().contains("4 nodes, 2 arcs"), r.err());
        assertEquals(xml, Files.readString(f));
    }

    @Test
    void badUsageIsAOneLineErrorWithExitCode2Or4() throws Exception {
        Cli noOut = run("render", "builtin:mtor");
        assertEquals(2, noOut.code());
        assertTrue(noOut.err().contains("missing option --out"), noOut.err());
        Cli ext = run("render", "builtin:mtor", "--out", "x.pdf");
        assertEquals(2, ext.code());
        assertTrue(ext.err().contains("must end in .svg or .png"), ext.err());
        Cli layout = run("render", "builtin:mtor", "--out", "x.png", "--layout", "nope");
        assertEquals(2, layout.code());
        assertTrue(layout.err().contains("has no layout 'nope'; its layouts: mtor_diagram"), layout.err());
        Files.writeString(tmp.resolve("bad.xml"), "<sbml><model");
        Cli bad = run("render", "bad.xml", "--out", "x.png");
        assertEquals(4, bad.code());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        assertTrue(Files.notExists(tmp.resolve("x.png")));
        assertTrue(run("help", "render").out().startsWith("usage: ./mtorwb render MODEL --out FILE.svg|FILE.png"));
    }

    @Test
    void sharedBioModelsFilesRender() throws Exception {
        Path model = SharedData.require("models/BIOMD0000000010.xml");
        Cli r = run("render", model.toString(), "--out", "biomd10.png");
        assertEquals(0, r.code(), r.err());
        assertTrue(ImageIO.read(tmp.resolve("biomd10.png").toFile()).getWidth() > 100);
        Copy.toOutput(tmp.resolve("biomd10.png"), "render-BIOMD0000000010.png");
    }

    @Test
    void renderingKeepsTheCommandLineHeadless() {
        Architecture.assertHeadless("org.mtorworkbench.diagram");
        Architecture.assertHeadless("org.mtorworkbench.cli");
    }

    /** Keeps a picture in the test bundle's build output for people to look at. */
    private static final class Copy {
        static void toOutput(Path file, String name) throws java.io.IOException {
            Files.copy(file, SharedData.outputDir("render").resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
