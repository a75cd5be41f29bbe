package org.mtorworkbench.diagram;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Paints a {@link Diagram} on any {@link Graphics2D} in layout coordinates: the workbench
 * editor (through SWT), SVG and PNG exports all use this one painter, so they show the
 * same picture. The caller sets the transform (zoom, scroll, export margin).
 */
public final class DiagramPainter {

    /** Colour of selection outlines and handles. */
    public static final Color SELECTION = new Color(0xFF8F00);
    /** Side of a selection handle, in layout units at 100% zoom. */
    public static final double HANDLE = 6;

    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font COMPARTMENT_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final Font STATE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 8);
    private static final double STATE_HEIGHT = 12;
    private static final float MIN_FONT = 6f;
    private static final double HEAD = 9;

    private DiagramPainter() {
    }

    /** Paints the diagram with no selection. */
    public static void paint(Graphics2D g, Diagram d) {
        paint(g, d, Set.of(), null);
    }

    /**
     * Paints the diagram.
     *
     * @param selected ids of figures drawn as selected
     * @param clip the part of the diagram (layout coordinates) that needs painting, or null for all
     */
    public static void paint(Graphics2D g, Diagram d, Set<String> selected, Rectangle2D clip) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        for (NodeFigure n : d.nodes()) {
            if (n.kind() == GlyphKind.COMPARTMENT && visible(n.bounds(), clip)) {
                paintNode(g, n);
            }
        }
        for (ArcFigure a : d.arcs()) {
            if (visible(a.bounds(), clip)) {
                paintArc(g, a);
            }
        }
        for (NodeFigure n : d.nodes()) {
            if (n.kind() != GlyphKind.COMPARTMENT && visible(n.bounds(), clip)) {
                paintNode(g, n);
            }
        }
        for (String id : selected) {
            d.node(id).ifPresent(n -> paintSelection(g, n.bounds()));
            d.arc(id).ifPresent(a -> paintArcSelection(g, a));
        }
    }

    private static boolean visible(Rectangle2D r, Rectangle2D clip) {
        if (clip == null) {
            return true;
        }
        Rectangle2D grown = new Rectangle2D.Double(r.getX() - HEAD, r.getY() - HEAD, r.getWidth() + 2 * HEAD,
                r.getHeight() + 2 * HEAD);
        return grown.intersects(clip);
    }

    /** @return the outline of a node's glyph */
    public static Shape shape(NodeFigure n) {
        double x = n.x();
        double y = n.y();
        double w = n.width();
        double h = n.height();
        return switch (n.kind()) {
            case MACROMOLECULE -> {
                double arc = Math.min(Math.min(w, h) * 0.5, 16);
                yield new RoundRectangle2D.Double(x, y, w, h, arc, arc);
            }
            case COMPARTMENT -> {
                double arc = Math.min(Math.min(w, h) * 0.3, 30);
                yield new RoundRectangle2D.Double(x, y, w, h, arc, arc);
            }
            case SIMPLE_CHEMICAL, UNSPECIFIED, SOURCE_SINK -> new Ellipse2D.Double(x, y, w, h);
            case COMPLEX -> {
                double c = Math.min(Math.min(w, h) * 0.25, 10);
                Path2D.Double p = new Path2D.Double();
                p.moveTo(x + c, y);
                p.lineTo(x + w - c, y);
                p.lineTo(x + w, y + c);
                p.lineTo(x + w, y + h - c);
                p.lineTo(x + w - c, y + h);
                p.lineTo(x + c, y + h);
                p.lineTo(x, y + h - c);
                p.lineTo(x, y + c);
                p.closePath();
                yield p;
            }
            case PHENOTYPE -> {
                double c = Math.min(h / 2, w / 4);
                Path2D.Double p = new Path2D.Double();
                p.moveTo(x, y + h / 2);
                p.lineTo(x + c, y);
                p.lineTo(x + w - c, y);
                p.lineTo(x + w, y + h / 2);
                p.lineTo(x + w - c, y + h);
                p.lineTo(x + c, y + h);
                p.closePath();
                yield p;
            }
            case PROCESS, GENE -> new Rectangle2D.Double(x, y, w, h);
            case RECEPTOR -> {
                Path2D.Double p = new Path2D.Double();
                p.moveTo(x, y);
                p.lineTo(x + w / 2, y + h * 0.2);
                p.lineTo(x + w, y);
                p.lineTo(x + w, y + h * 0.8);
                p.lineTo(x + w / 2, y + h);
                p.lineTo(x, y + h * 0.8);
                p.closePath();
                yield p;
            }
            case ION_CHANNEL -> {
                double arc = Math.min(Math.min(w, h) * 0.5, 12);
                Path2D.Double p = new Path2D.Double();
                p.append(new RoundRectangle2D.Double(x, y, w * 0.75, h, arc, arc), false);
                p.append(new RoundRectangle2D.Double(x + w * 0.75, y, w * 0.25, h, arc, arc), false);
                yield p;
            }
            case TRUNCATED -> {
                double r = Math.min(Math.min(w, h) * 0.25, 8);
                Path2D.Double p = new Path2D.Double();
                p.moveTo(x + r, y);
                p.lineTo(x + w, y);
                p.lineTo(x + w, y + h * 0.6);
                p.lineTo(x + w * 0.85, y + h * 0.4);
                p.lineTo(x + w * 0.85, y + h);
                p.lineTo(x + r, y + h);
                p.quadTo(x, y + h, x, y + h - r);
                p.lineTo(x, y + r);
                p.quadTo(x, y, x + r, y);
                p.closePath();
                yield p;
            }
            case RNA, ANTISENSE_RNA -> {
                double s = w * 0.2;
                boolean right = n.kind() == GlyphKind.RNA;
                Path2D.Double p = new Path2D.Double();
                p.moveTo(x + (right ? s : 0), y);
                p.lineTo(x + w - (right ? 0 : s), y);
                p.lineTo(x + w - (right ? s : 0), y + h);
                p.lineTo(x + (right ? 0 : s), y + h);
                p.closePath();
                yield p;
            }
            case ION -> {
                double d = Math.min(w, h);
                yield new Ellipse2D.Double(x + (w - d) / 2, y + (h - d) / 2, d, d);
            }
            case DRUG -> new RoundRectangle2D.Double(x, y, w, h, Math.min(w, h), Math.min(w, h));
        };
    }

    /** Height above which a complex is taken to show its members, and its name goes to its bottom. */
    static final double COMPLEX_WITH_MEMBERS = 60;

    /** Offset of the copy drawn behind a multimer (a homodimer and larger). */
    public static final double MULTIMER_OFFSET = 6;

    private static void paintNode(Graphics2D g, NodeFigure n) {
        if (n.multimer() > 1) {
            // a homodimer (or larger) is drawn as the glyph stacked on a copy of itself
            double d = MULTIMER_OFFSET;
            NodeFigure back = new NodeFigure(n.id(), n.elementId(), n.kind(), n.x() + d, n.y() + d, n.width() - d,
                    n.height() - d, "", n.fill(), n.stroke(), n.strokeWidth());
            paintOutline(g, back, shape(back));
            n = new NodeFigure(n.id(), n.elementId(), n.kind(), n.x(), n.y(), n.width() - d, n.height() - d, n.label(),
                    n.fill(), n.stroke(), n.strokeWidth(), n.stateVariables());
        }
        paintOutline(g, n, shape(n));
        if (n.kind() == GlyphKind.DRUG) {
            double i = Math.min(3, Math.min(n.width(), n.height()) / 6);
            double r = Math.min(n.width(), n.height()) - 2 * i;
            g.draw(new RoundRectangle2D.Double(n.x() + i, n.y() + i, n.width() - 2 * i, n.height() - 2 * i, r, r));
        }
        if (n.kind() == GlyphKind.SOURCE_SINK) {
            g.draw(new Line2D.Double(n.x() + n.width() * 0.85, n.y() + n.height() * 0.15, n.x() + n.width() * 0.15,
                    n.y() + n.height() * 0.85));
        }
        if (!n.label().isEmpty()) {
            paintLabel(g, n);
        }
        if (!n.stateVariables().isEmpty()) {
            paintStateVariables(g, n);
        }
    }

    private static void paintOutline(Graphics2D g, NodeFigure n, Shape s) {
        g.setColor(n.fill());
        g.fill(s);
        g.setColor(n.stroke());
        g.setStroke(new BasicStroke(n.strokeWidth()));
        g.draw(s);
    }

    /**
     * @return the ellipse of each of a node's state variables, in order: centred on the top
     *         border from the left, continuing on the bottom border when the top is full
     */
    public static List<Ellipse2D> stateVariableShapes(NodeFigure n, FontMetrics fm) {
        List<Ellipse2D> out = new ArrayList<>();
        double h = STATE_HEIGHT;
        double x = n.x() + 6;
        double y = n.y();
        for (String v : n.stateVariables()) {
            double w = Math.max(h, fm.stringWidth(v) + 8);
            if (x + w > n.x() + n.width() - 4 && y == n.y() && x > n.x() + 6) {
                x = n.x() + 6;
                y = n.y() + n.height();
            }
            out.add(new Ellipse2D.Double(x, y - h / 2, w, h));
            x += w + 3;
        }
        return out;
    }

    private static void paintStateVariables(Graphics2D g, NodeFigure n) {
        g.setFont(STATE_FONT);
        FontMetrics fm = g.getFontMetrics();
        List<Ellipse2D> shapes = stateVariableShapes(n, fm);
        g.setStroke(new BasicStroke(Math.max(0.75f, n.strokeWidth() * 0.75f)));
        for (int i = 0; i < shapes.size(); i++) {
            Ellipse2D e = shapes.get(i);
            String v = n.stateVariables().get(i);
            g.setColor(Color.WHITE);
            g.fill(e);
            g.setColor(n.stroke());
            g.draw(e);
            g.setColor(Color.BLACK);
            g.drawString(v, (float) (e.getCenterX() - fm.stringWidth(v) / 2.0),
                    (float) (e.getCenterY() + (fm.getAscent() - fm.getDescent()) / 2.0));
        }
    }

    private static void paintLabel(Graphics2D g, NodeFigure n) {
        g.setColor(Color.BLACK);
        if (n.kind() == GlyphKind.COMPARTMENT) {
            g.setFont(COMPARTMENT_FONT);
            FontMetrics fm = g.getFontMetrics();
            g.drawString(n.label(), (float) (n.x() + 10), (float) (n.y() + 6 + fm.getAscent()));
            return;
        }
        // a complex large enough to hold its members' glyphs has its name at the bottom, as CellDesigner draws it
        boolean bottom = n.kind() == GlyphKind.COMPLEX && n.height() > COMPLEX_WITH_MEMBERS;
        double room = Math.max(1, n.width() - 6);
        double height = bottom ? LABEL_FONT.getSize2D() * 1.4 : Math.max(1, n.height() - 4);
        Font font = LABEL_FONT;
        List<String> lines = List.of(n.label());
        FontMetrics fm = g.getFontMetrics(font);
        for (float size = LABEL_FONT.getSize2D(); size >= MIN_FONT; size -= 1f) {
            font = LABEL_FONT.deriveFont(size);
            fm = g.getFontMetrics(font);
            lines = wrap(n.label(), fm, room);
            if (lines.size() * fm.getHeight() <= height && widest(lines, fm) <= room) {
                break;
            }
        }
        g.setFont(font);
        FontMetrics used = g.getFontMetrics();
        double top = bottom ? n.y() + n.height() - 3 - lines.size() * used.getHeight()
                : n.centerY() - lines.size() * used.getHeight() / 2.0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            float tx = (float) (n.centerX() - used.stringWidth(line) / 2.0);
            float ty = (float) (top + i * used.getHeight() + used.getAscent());
            g.drawString(line, tx, ty);
        }
    }

    private static int widest(List<String> lines, FontMetrics fm) {
        int w = 0;
        for (String l : lines) {
            w = Math.max(w, fm.stringWidth(l));
        }
        return w;
    }

    /** Breaks a label into lines no wider than {@code room} where it has spaces. */
    static List<String> wrap(String text, FontMetrics fm, double room) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && fm.stringWidth(line + " " + word) > room) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static void paintArc(Graphics2D g, ArcFigure a) {
        Path2D.Double line = new Path2D.Double();
        line.moveTo(a.x(0), a.y(0));
        for (int i = 1; i < a.pointCount(); i++) {
            line.lineTo(a.x(i), a.y(i));
        }
        g.setColor(a.stroke());
        g.setStroke(new BasicStroke(a.strokeWidth(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        int last = a.pointCount() - 1;
        double ex = a.x(last);
        double ey = a.y(last);
        double dx = ex - a.x(last - 1);
        double dy = ey - a.y(last - 1);
        double len = Math.hypot(dx, dy);
        if (len < 1e-9) {
            g.draw(line);
            return;
        }
        double ux = dx / len;
        double uy = dy / len;
        // the line stops where the head begins, so open heads stay open
        double back = switch (a.kind()) {
            case PRODUCTION, STIMULATION -> HEAD;
            case CATALYSIS -> HEAD * 0.9;
            case MODULATION -> HEAD * 1.6;
            default -> 0;
        };
        if (back > 0 && back < len) {
            Path2D.Double shortened = new Path2D.Double();
            shortened.moveTo(a.x(0), a.y(0));
            for (int i = 1; i < last; i++) {
                shortened.lineTo(a.x(i), a.y(i));
            }
            shortened.lineTo(ex - ux * back, ey - uy * back);
            line = shortened;
        }
        g.draw(line);
        Stroke headStroke = new BasicStroke(Math.max(1f, a.strokeWidth()));
        g.setStroke(headStroke);
        double px = -uy;
        double py = ux;
        switch (a.kind()) {
            case PRODUCTION -> g.fill(triangle(ex, ey, ux, uy, px, py));
            case STIMULATION -> {
                Shape t = triangle(ex, ey, ux, uy, px, py);
                g.setColor(Color.WHITE);
                g.fill(t);
                g.setColor(a.stroke());
                g.draw(t);
            }
            case CATALYSIS -> {
                double r = HEAD * 0.45;
                Shape c = new Ellipse2D.Double(ex - ux * r - r, ey - uy * r - r, 2 * r, 2 * r);
                g.setColor(Color.WHITE);
                g.fill(c);
                g.setColor(a.stroke());
                g.draw(c);
            }
            case INHIBITION -> {
                g.setStroke(new BasicStroke(Math.max(2f, a.strokeWidth() * 1.5f)));
                double half = HEAD * 0.7;
                g.draw(new Line2D.Double(ex + px * half, ey + py * half, ex - px * half, ey - py * half));
            }
            case MODULATION -> {
                double l = HEAD * 0.8;
                double wv = HEAD * 0.45;
                Path2D.Double dmd = new Path2D.Double();
                dmd.moveTo(ex, ey);
                dmd.lineTo(ex - ux * l + px * wv, ey - uy * l + py * wv);
                dmd.lineTo(ex - ux * 2 * l, ey - uy * 2 * l);
                dmd.lineTo(ex - ux * l - px * wv, ey - uy * l - py * wv);
                dmd.closePath();
                g.setColor(Color.WHITE);
                g.fill(dmd);
                g.setColor(a.stroke());
                g.draw(dmd);
            }
            case CONSUMPTION -> {
                // a plain line
            }
        }
    }

    private static Shape triangle(double ex, double ey, double ux, double uy, double px, double py) {
        double w = HEAD * 0.45;
        Path2D.Double t = new Path2D.Double();
        t.moveTo(ex, ey);
        t.lineTo(ex - ux * HEAD + px * w, ey - uy * HEAD + py * w);
        t.lineTo(ex - ux * HEAD - px * w, ey - uy * HEAD - py * w);
        t.closePath();
        return t;
    }

    private static void paintSelection(Graphics2D g, Rectangle2D r) {
        g.setColor(SELECTION);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] { 4f, 3f }, 0f));
        g.draw(new Rectangle2D.Double(r.getX() - 2, r.getY() - 2, r.getWidth() + 4, r.getHeight() + 4));
        g.setStroke(new BasicStroke(1f));
        double h = HANDLE;
        for (double[] c : new double[][] { { r.getMinX(), r.getMinY() }, { r.getMaxX(), r.getMinY() },
                { r.getMinX(), r.getMaxY() }, { r.getMaxX(), r.getMaxY() } }) {
            Rectangle2D handle = new Rectangle2D.Double(c[0] - h / 2, c[1] - h / 2, h, h);
            g.setColor(Color.WHITE);
            g.fill(handle);
            g.setColor(SELECTION);
            g.draw(handle);
        }
    }

    private static void paintArcSelection(Graphics2D g, ArcFigure a) {
        g.setColor(SELECTION);
        g.setStroke(new BasicStroke(a.strokeWidth() + 3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D.Double line = new Path2D.Double();
        line.moveTo(a.x(0), a.y(0));
        for (int i = 1; i < a.pointCount(); i++) {
            line.lineTo(a.x(i), a.y(i));
        }
        g.draw(line);
    }
}
