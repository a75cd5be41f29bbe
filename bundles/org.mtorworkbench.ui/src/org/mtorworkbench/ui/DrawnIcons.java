package org.mtorworkbench.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;

/**
 * The workbench's toolbar icons, drawn by code at {@value #SIZE} pixels in one style (a dark
 * ink, a blue accent), and the pictures the editor's and the result views' toolbars share
 * (zoom, fit). Each part draws its own pictures with {@link #draw}.
 *
 * @since 0.2
 */
public final class DrawnIcons {

    /** Icon size in pixels. */
    public static final int SIZE = 16;
    /** The colour of lines and outlines. */
    public static final Color INK = new Color(0x37474F);
    /** The colour of what an icon points at. */
    public static final Color ACCENT = new Color(0x1565C0);

    /** Pictures of actions more than one toolbar has. */
    public enum Shared {
        ZOOM_IN, ZOOM_OUT, ACTUAL_SIZE, FIT
    }

    private DrawnIcons() {
    }

    /**
     * @param name an action's name, e.g. {@code ZOOM_IN}
     * @return the shared picture of that name, or null when there is none (the part draws its own)
     */
    public static ImageData shared(String name) {
        for (Shared s : Shared.values()) {
            if (s.name().equals(name)) {
                return shared(s);
            }
        }
        return null;
    }

    /** @return a shared picture */
    public static ImageData shared(Shared picture) {
        return draw(g -> {
            switch (picture) {
                case ZOOM_OUT, ZOOM_IN -> {
                    magnifier(g);
                    g.draw(new Line2D.Double(3.5, 6.5, 9.5, 6.5));
                    if (picture == Shared.ZOOM_IN) {
                        g.draw(new Line2D.Double(6.5, 3.5, 6.5, 9.5));
                    }
                }
                case ACTUAL_SIZE -> {
                    magnifier(g);
                    g.setStroke(new BasicStroke(1.2f));
                    g.draw(new Line2D.Double(5, 4.5, 5, 8.5));
                    g.draw(new Line2D.Double(8, 4.5, 8, 8.5));
                }
                case FIT -> {
                    g.draw(new Rectangle2D.Double(4.5, 4.5, 7, 7));
                    corner(g, 1, 1, 1, 1);
                    corner(g, 15, 1, -1, 1);
                    corner(g, 1, 15, 1, -1);
                    corner(g, 15, 15, -1, -1);
                }
            }
        });
    }

    private static void magnifier(Graphics2D g) {
        g.draw(new Ellipse2D.Double(1.5, 1.5, 10, 10));
        g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(10.5, 10.5, 14.5, 14.5));
        g.setStroke(new BasicStroke(1.3f));
    }

    private static void corner(Graphics2D g, double x, double y, double dx, double dy) {
        g.setColor(ACCENT);
        g.draw(new Line2D.Double(x, y, x + 3.5 * dx, y));
        g.draw(new Line2D.Double(x, y, x, y + 3.5 * dy));
        g.draw(new Line2D.Double(x, y, x + 3 * dx, y + 3 * dy));
        g.setColor(INK);
    }

    /**
     * Draws a picture on a transparent {@value #SIZE}-pixel square, antialiased, with the ink
     * colour and a 1.3-pixel stroke set.
     *
     * @return its pixels for an SWT image
     */
    public static ImageData draw(Consumer<Graphics2D> picture) {
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(INK);
            g.setStroke(new BasicStroke(1.3f));
            picture.accept(g);
        } finally {
            g.dispose();
        }
        return toImageData(img);
    }

    /** @return the pixels of an ARGB image as SWT image data with its alpha channel */
    public static ImageData toImageData(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        ImageData data = new ImageData(w, h, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
        byte[] alpha = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = img.getRGB(x, y);
                data.setPixel(x, y, p & 0xFFFFFF);
                alpha[y * w + x] = (byte) (p >>> 24);
            }
        }
        data.alphaData = alpha;
        return data;
    }
}
