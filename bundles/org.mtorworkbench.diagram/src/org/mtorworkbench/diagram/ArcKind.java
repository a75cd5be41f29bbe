package org.mtorworkbench.diagram;

/** The SBGN arc between a species and a process node, and the head drawn at the process or species end. */
public enum ArcKind {
    /** Substrate to process: plain line. */
    CONSUMPTION,
    /** Process to product: filled arrowhead on the product. */
    PRODUCTION,
    /** A stimulator (SBO:0000459): open arrowhead on the process. */
    STIMULATION,
    /** A catalyst (SBO:0000013): open circle on the process. */
    CATALYSIS,
    /** An inhibitor (SBO:0000020): bar on the process. */
    INHIBITION,
    /** A modifier of unknown effect: open diamond on the process. */
    MODULATION;

    /**
     * The arc for a modifier with the given SBO term (-1 when it has none).
     *
     * @param fallback the kind to use when the SBO term says nothing more specific
     */
    public static ArcKind ofModifierSbo(int sbo, ArcKind fallback) {
        return switch (sbo) {
            case 13, 460 -> CATALYSIS;
            case 20, 206, 207, 536, 537 -> INHIBITION;
            case 459, 461, 462 -> STIMULATION;
            default -> fallback;
        };
    }

    /** @return true for the arcs of modifiers, which end on the process node */
    public boolean isModifier() {
        return this != CONSUMPTION && this != PRODUCTION;
    }
}
