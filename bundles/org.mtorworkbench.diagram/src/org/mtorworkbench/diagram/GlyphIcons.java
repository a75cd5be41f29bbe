package org.mtorworkbench.diagram;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

import org.mtorworkbench.diagram.internal.Palette;

/**
 * Small pictures of SBGN glyphs and arcs, drawn by {@link DiagramPainter} itself, for tools that
 * create them (the editor's palette): a tool shows exactly the glyph it puts on the diagram.
 * Images have a transparent background.
 */
public final class GlyphIcons {

    /** The figures are laid out in a square of this many layout units, then scaled to the icon. */
    private static final double UNITS = 48;

    private GlyphIcons() {
    }

    /** @return a node glyph of the kind, as the diagram draws it with its default fill, {@code size} pixels square */
    public static BufferedImage node(GlyphKind kind, int size) {
        NodeFigure n = switch (kind) {
            case COMPARTMENT -> figure("c", kind, 3, 3, 42, 42, 3f);
            case SIMPLE_CHEMICAL, ION, SOURCE_SINK -> figure("n", kind, 8, 8, 32, 32, 2.5f);
            case PROCESS -> figure("n", kind, 14, 14, 20, 20, 2.5f);
            default -> figure("n", kind, 2, 10, 44, 28, 2.5f);
        };
        return paint(new Diagram("icon", List.of(n), List.of()), size);
    }

    /** @return an arc of the kind ending on a process node (or, for production, leaving one), {@code size} pixels square */
    public static BufferedImage arc(ArcKind kind, int size) {
        boolean production = kind == ArcKind.PRODUCTION;
        NodeFigure process = figure("p", GlyphKind.PROCESS, production ? 3 : 33, 18, 12, 12, 2.5f);
        double[] pts = production ? new double[] { 15, 24, 46, 24 } : new double[] { 2, 24, 33, 24 };
        ArcFigure a = new ArcFigure("a", "p", "n", kind, pts, Palette.stroke(kind), 3f);
        return paint(new Diagram("icon", List.of(process), List.of(a)), size);
    }

    /** @return a reaction: a process node between a consumption and a production arc, {@code size} pixels square */
    public static BufferedImage reaction(int size) {
        NodeFigure process = figure("p", GlyphKind.PROCESS, 18, 18, 12, 12, 2.5f);
        ArcFigure in = new ArcFigure("in", "p", "s", ArcKind.CONSUMPTION, new double[] { 1, 24, 18, 24 },
                Palette.OUTLINE, 3f);
        ArcFigure out = new ArcFigure("out", "p", "t", ArcKind.PRODUCTION, new double[] { 30, 24, 47, 24 },
                Palette.OUTLINE, 3f);
        return paint(new Diagram("icon", List.of(process), List.of(in, out)), size);
    }

    private static NodeFigure figure(String id, GlyphKind kind, double x, double y, double w, double h, float stroke) {
        Color fill = kind == GlyphKind.PROCESS ? Color.WHITE : Palette.fill(kind);
        return new NodeFigure(id, null, kind, x, y, w, h, "", fill, Palette.OUTLINE, stroke);
    }

    private static BufferedImage paint(Diagram d, int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.scale(size / UNITS, size / UNITS);
            DiagramPainter.paint(g, d);
        } finally {
            g.dispose();
        }
        return img;
    }
}
