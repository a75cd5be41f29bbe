package org.mtorworkbench.diagram.internal;

import java.awt.Color;

import org.mtorworkbench.diagram.ArcKind;
import org.mtorworkbench.diagram.GlyphKind;

/** The colours used where a layout's render information says nothing. */
public final class Palette {

    /** Outline of nodes and plain arcs. */
    public static final Color OUTLINE = new Color(0x37474F);
    /** Inhibition arcs. */
    public static final Color INHIBITION = new Color(0xC62828);
    /** Stimulation, catalysis and modulation arcs. */
    public static final Color MODULATION = new Color(0x1565C0);

    private Palette() {
    }

    /** @return the default fill of a glyph */
    public static Color fill(GlyphKind kind) {
        return switch (kind) {
            case MACROMOLECULE, RECEPTOR, ION_CHANNEL, TRUNCATED -> new Color(0xDDEEFF);
            case GENE, RNA, ANTISENSE_RNA -> new Color(0xFFF9E0);
            case ION -> new Color(0xE8F0FF);
            case DRUG -> new Color(0xFFE8F0);
            case COMPLEX -> new Color(0xDFF2DC);
            case SIMPLE_CHEMICAL -> new Color(0xFFF4C2);
            case PHENOTYPE -> new Color(0xF9DDE6);
            case COMPARTMENT -> new Color(0xF7F7F7);
            case UNSPECIFIED -> new Color(0xEEEEEE);
            case SOURCE_SINK, PROCESS -> Color.WHITE;
        };
    }

    /** @return the default stroke of an arc */
    public static Color stroke(ArcKind kind) {
        return switch (kind) {
            case INHIBITION -> INHIBITION;
            case STIMULATION, CATALYSIS, MODULATION -> MODULATION;
            default -> OUTLINE;
        };
    }
}
