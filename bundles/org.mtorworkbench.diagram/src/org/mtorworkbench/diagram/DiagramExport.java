package org.mtorworkbench.diagram;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a diagram to SVG (JFreeSVG) or PNG (a {@link BufferedImage}) with
 * {@link DiagramPainter}: the picture the editor shows, on a white background with a margin.
 * Files are written to a temporary file beside the target and then moved over it.
 */
public final class DiagramExport {

    /** Margin around the diagram, in layout units. */
    public static final double MARGIN = 20;
    /** The largest PNG side in pixels; bigger diagrams are scaled down to fit. */
    public static final int MAX_PNG_SIDE = 8000;

    /** The file formats. */
    public enum Format {
        SVG, PNG;

        /** @return the format named by a file's extension (.svg or .png, any case), or null */
        public static Format ofFile(Path file) {
            String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
            return n.endsWith(".svg") ? SVG : n.endsWith(".png") ? PNG : null;
        }
    }

    private DiagramExport() {
    }

    /** @return the diagram as an SVG document */
    public static String svg(Diagram d) {
        Rectangle2D b = d.bounds();
        int w = (int) Math.ceil(b.getWidth() + 2 * MARGIN);
        int h = (int) Math.ceil(b.getHeight() + 2 * MARGIN);
        SVGGraphics2D g = new SVGGraphics2D(w, h);
        paintPage(g, d, w, h, 1);
        return g.getSVGDocument();
    }

    /**
     * @param scale pixels per layout unit (reduced if the image would exceed {@link #MAX_PNG_SIDE})
     * @return the diagram as an image
     */
    public static BufferedImage image(Diagram d, double scale) {
        Rectangle2D b = d.bounds();
        double s = Math.min(scale, MAX_PNG_SIDE / Math.max(1, Math.max(b.getWidth(), b.getHeight()) + 2 * MARGIN));
        int w = Math.max(1, (int) Math.ceil((b.getWidth() + 2 * MARGIN) * s));
        int h = Math.max(1, (int) Math.ceil((b.getHeight() + 2 * MARGIN) * s));
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            paintPage(g, d, w, h, s);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void paintPage(Graphics2D g, Diagram d, int w, int h, double scale) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        Rectangle2D b = d.bounds();
        g.scale(scale, scale);
        g.translate(MARGIN - b.getX(), MARGIN - b.getY());
        DiagramPainter.paint(g, d);
    }

    /**
     * Writes the diagram in the format the file's extension names.
     *
     * @param scale pixels per layout unit for PNG
     * @throws IllegalArgumentException if the extension is neither .svg nor .png
     */
    public static void write(Diagram d, Path file, double scale) throws IOException {
        Format f = Format.ofFile(file);
        if (f == null) {
            throw new IllegalArgumentException(file + ": the file name must end in .svg or .png");
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                if (f == Format.SVG) {
                    out.write(svg(d).getBytes(StandardCharsets.UTF_8));
                } else if (!ImageIO.write(image(d, scale), "png", out)) {
                    throw new IOException("no PNG writer is available in this Java runtime");
                }
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
