package org.mtorworkbench.ui.views.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.swt.graphics.ImageData;
import org.mtorworkbench.ui.DrawnIcons;

/**
 * The result views' toolbar icons, drawn by code in the workbench's icon style
 * ({@link DrawnIcons}): the axes' scales, zoom, the exports, copy, clear, synergy, the next
 * heatmap, and the findings view's refresh and robustness.
 */
final class ViewIcons {

    /** The result views' toolbar actions. */
    enum Picture {
        LOG_X, LOG_Y, ZOOM_IN, ZOOM_OUT, FIT, PNG, SVG, CSV, COPY, CLEAR, SYNERGY, NEXT, REFRESH, ROBUSTNESS
    }

    private static final Color PAPER = new Color(0xFAFAFA);
    private static final Color RED = new Color(0xC62828);

    private ViewIcons() {
    }

    /** @return the descriptor of a picture (one resolution, the icons are drawn at 16 pixels) */
    static ImageDescriptor descriptor(Picture p) {
        ImageData data = picture(p);
        return ImageDescriptor.createFromImageDataProvider(zoom -> zoom == 100 ? data : null);
    }

    /** @return the pixels of a picture */
    static ImageData picture(Picture p) {
        ImageData shared = DrawnIcons.shared(p.name());
        return shared != null ? shared : DrawnIcons.draw(g -> {
            switch (p) {
                case LOG_X, LOG_Y -> {
                    axes(g);
                    g.setColor(DrawnIcons.ACCENT);
                    Path2D.Double c = new Path2D.Double();
                    if (p == Picture.LOG_X) {
                        c.moveTo(3, 13);
                        c.curveTo(4, 5, 7, 3.5, 14.5, 3);
                    } else {
                        c.moveTo(3, 13);
                        c.curveTo(10, 12.5, 12, 10, 13, 2);
                    }
                    g.draw(c);
                    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 6));
                    g.setColor(DrawnIcons.INK);
                    g.drawString(p == Picture.LOG_X ? "x" : "y", p == Picture.LOG_X ? 11 : 4, p == Picture.LOG_X ? 12
                            : 6);
                }
                case PNG, SVG -> {
                    sheet(g, 2.5, 1.5, 11, 13);
                    g.setColor(DrawnIcons.ACCENT);
                    if (p == Picture.PNG) {
                        g.fill(new Rectangle2D.Double(4.5, 8, 2, 4));
                        g.fill(new Rectangle2D.Double(7.5, 5, 2, 7));
                        g.fill(new Rectangle2D.Double(10.5, 9.5, 2, 2.5));
                    } else {
                        Path2D.Double c = new Path2D.Double();
                        c.moveTo(4, 12);
                        c.curveTo(6, 2, 9, 2, 12.5, 11);
                        g.draw(c);
                    }
                    arrowDown(g, 12.5, 9.5);
                }
                case CSV -> {
                    sheet(g, 1.5, 2.5, 13, 11);
                    g.setStroke(new BasicStroke(1f));
                    for (double y = 6; y < 13; y += 3) {
                        g.draw(new Line2D.Double(1.5, y, 14.5, y));
                    }
                    g.draw(new Line2D.Double(6, 2.5, 6, 13.5));
                    g.draw(new Line2D.Double(10.5, 2.5, 10.5, 13.5));
                }
                case COPY -> {
                    sheet(g, 1.5, 1.5, 8.5, 10);
                    sheet(g, 6, 4.5, 8.5, 10);
                }
                case CLEAR -> {
                    axes(g);
                    g.setColor(RED);
                    g.setStroke(new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    g.draw(new Line2D.Double(6, 4, 13, 11));
                    g.draw(new Line2D.Double(13, 4, 6, 11));
                }
                case SYNERGY -> {
                    g.setColor(new Color(0x661565C0, true));
                    g.fill(new Ellipse2D.Double(1.5, 3.5, 9, 9));
                    g.setColor(new Color(0x66C62828, true));
                    g.fill(new Ellipse2D.Double(5.5, 3.5, 9, 9));
                    g.setColor(DrawnIcons.INK);
                    g.draw(new Ellipse2D.Double(1.5, 3.5, 9, 9));
                    g.draw(new Ellipse2D.Double(5.5, 3.5, 9, 9));
                }
                case NEXT -> {
                    for (int i = 0; i < 3; i++) {
                        for (int j = 0; j < 3; j++) {
                            g.setColor(new Color(0xDDEEFF - 0x221100 * ((i + j) % 3)));
                            g.fill(new Rectangle2D.Double(1.5 + 3 * i, 3.5 + 3 * j, 3, 3));
                        }
                    }
                    g.setColor(DrawnIcons.INK);
                    g.draw(new Rectangle2D.Double(1.5, 3.5, 9, 9));
                    Path2D.Double a = new Path2D.Double();
                    a.moveTo(11.5, 5);
                    a.lineTo(15, 8);
                    a.lineTo(11.5, 11);
                    g.setColor(DrawnIcons.ACCENT);
                    g.draw(a);
                }
                case REFRESH -> {
                    g.setColor(DrawnIcons.ACCENT);
                    g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    g.draw(new java.awt.geom.Arc2D.Double(2.5, 2.5, 11, 11, 60, 280, java.awt.geom.Arc2D.OPEN));
                    Path2D.Double head = new Path2D.Double();
                    head.moveTo(10.5, 1);
                    head.lineTo(11.2, 3.6);
                    head.lineTo(8.6, 4.6);
                    g.draw(head);
                }
                case ROBUSTNESS -> {
                    double[][] dots = { { 3, 4 }, { 6, 10 }, { 9, 3 }, { 12, 8 }, { 4, 13 }, { 13, 13 }, { 8, 7 } };
                    for (double[] d : dots) {
                        g.setColor(DrawnIcons.ACCENT);
                        g.fill(new Ellipse2D.Double(d[0] - 1.4, d[1] - 1.4, 2.8, 2.8));
                    }
                    g.setColor(new Color(0x2E7D32));
                    g.setStroke(new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    Path2D.Double tick = new Path2D.Double();
                    tick.moveTo(7, 12);
                    tick.lineTo(9.5, 14.5);
                    tick.lineTo(15, 8.5);
                    g.draw(tick);
                }
                default -> throw new IllegalArgumentException("a shared picture: " + p);
            }
        });
    }

    private static void axes(Graphics2D g) {
        g.draw(new Line2D.Double(2.5, 1.5, 2.5, 13.5));
        g.draw(new Line2D.Double(2.5, 13.5, 14.5, 13.5));
    }

    private static void sheet(Graphics2D g, double x, double y, double w, double h) {
        Rectangle2D r = new Rectangle2D.Double(x, y, w, h);
        g.setColor(PAPER);
        g.fill(r);
        g.setColor(DrawnIcons.INK);
        g.draw(r);
    }

    private static void arrowDown(Graphics2D g, double x, double y) {
        g.setColor(new Color(0x2E7D32));
        g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(x, y, x, y + 5.5));
        Path2D.Double head = new Path2D.Double();
        head.moveTo(x - 2.5, y + 3);
        head.lineTo(x, y + 5.5);
        head.lineTo(x + 2.5, y + 3);
        g.draw(head);
        g.setStroke(new BasicStroke(1.3f));
        g.setColor(DrawnIcons.INK);
    }
}
