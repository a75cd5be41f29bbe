package org.mtorworkbench.ui.editor.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

import org.eclipse.swt.graphics.ImageData;
import org.mtorworkbench.diagram.ArcKind;
import org.mtorworkbench.diagram.GlyphIcons;
import org.mtorworkbench.diagram.GlyphKind;
import org.mtorworkbench.ui.DrawnIcons;
import org.mtorworkbench.ui.editor.ElementKind;
import org.mtorworkbench.ui.editor.PaletteEntry;

/**
 * The editor's icons, drawn by code: each palette tool shows the SBGN glyph or arc it creates
 * (painted by the diagram painter), each toolbar action a small picture of what it does.
 */
public final class Icons {

    /** Icon size in pixels. */
    public static final int SIZE = DrawnIcons.SIZE;

    /** The editor's toolbar actions. */
    public enum Action {
        ZOOM_OUT, ZOOM_IN, ACTUAL_SIZE, FIT, LAYOUT, LAYOUT_SELECTION, ALIGN, SIMULATE, SELECT
    }

    private static final Color INK = DrawnIcons.INK;
    private static final Color GO = new Color(0x2E7D32);

    private Icons() {
    }

    /** @return the picture of what the palette entry creates */
    public static ImageData palette(PaletteEntry entry) {
        BufferedImage img = switch (entry.kind()) {
            case SPECIES -> GlyphIcons.node(GlyphKind.ofSpeciesSbo(entry.sboTerm()), SIZE);
            case COMPARTMENT -> GlyphIcons.node(GlyphKind.COMPARTMENT, SIZE);
            case REACTION -> GlyphIcons.reaction(SIZE);
            case REACTANT -> GlyphIcons.arc(ArcKind.CONSUMPTION, SIZE);
            case PRODUCT -> GlyphIcons.arc(ArcKind.PRODUCTION, SIZE);
            case MODIFIER -> GlyphIcons.arc(ArcKind.ofModifierSbo(entry.sboTerm(), ArcKind.MODULATION), SIZE);
        };
        return DrawnIcons.toImageData(img);
    }

    /** @return the icon of a toolbar action */
    public static ImageData action(Action a) {
        ImageData shared = DrawnIcons.shared(a.name());
        return shared != null ? shared : DrawnIcons.draw(g -> {
            switch (a) {
                case LAYOUT, LAYOUT_SELECTION -> {
                    if (a == Action.LAYOUT_SELECTION) {
                        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                                new float[] { 2f, 1.5f }, 0f));
                        g.draw(new Rectangle2D.Double(0.5, 0.5, 15, 15));
                        g.setStroke(new BasicStroke(1.3f));
                    }
                    g.draw(new Line2D.Double(8, 5, 4, 11));
                    g.draw(new Line2D.Double(8, 5, 12, 11));
                    box(g, 5.5, 2, 5, 3.5);
                    box(g, 1.5, 10.5, 5, 3.5);
                    box(g, 9.5, 10.5, 5, 3.5);
                }
                case ALIGN -> {
                    g.draw(new Line2D.Double(2.5, 1, 2.5, 15));
                    box(g, 3.5, 3, 10, 3.5);
                    box(g, 3.5, 9.5, 6, 3.5);
                }
                case SIMULATE -> {
                    Path2D.Double p = new Path2D.Double();
                    p.moveTo(4, 2);
                    p.lineTo(14, 8);
                    p.lineTo(4, 14);
                    p.closePath();
                    g.setColor(GO);
                    g.fill(p);
                    g.setColor(GO.darker());
                    g.draw(p);
                }
                case SELECT -> {
                    Path2D.Double p = new Path2D.Double();
                    p.moveTo(4, 1.5);
                    p.lineTo(4, 13);
                    p.lineTo(6.8, 10.5);
                    p.lineTo(9, 15);
                    p.lineTo(10.8, 14);
                    p.lineTo(8.6, 9.6);
                    p.lineTo(12.2, 9.4);
                    p.closePath();
                    g.setColor(Color.WHITE);
                    g.fill(p);
                    g.setColor(INK);
                    g.draw(p);
                }
                default -> throw new IllegalArgumentException("a shared picture: " + a);
            }
        });
    }

    private static void box(Graphics2D g, double x, double y, double w, double h) {
        RoundRectangle2D r = new RoundRectangle2D.Double(x, y, w, h, 2, 2);
        g.setColor(new Color(0xDDEEFF));
        g.fill(r);
        g.setColor(INK);
        g.draw(r);
    }
}
