package org.mtorworkbench.diagram;

/** The SBGN Process Description glyph a node is drawn as. */
public enum GlyphKind {
    /** A protein or other macromolecule (SBO:0000245 and its children): rounded rectangle. */
    MACROMOLECULE,
    /** A small molecule (SBO:0000247): circle or ellipse. */
    SIMPLE_CHEMICAL,
    /** A complex (SBO:0000253): rectangle with cut corners. */
    COMPLEX,
    /** A phenotype, a cellular outcome (SBO:0000358): hexagon. */
    PHENOTYPE,
    /** Nothing, the source of a synthesis or the sink of a degradation (SBO:0000291): circle struck through. */
    SOURCE_SINK,
    /** An entity of unknown kind (no SBO term, or one not recognised): ellipse. */
    UNSPECIFIED,
    /** A compartment: thick rounded box drawn behind its contents. */
    COMPARTMENT,
    /** A reaction's process node: small square. */
    PROCESS;

    /**
     * The glyph for a species of the given SBO term (-1 when it has none).
     */
    public static GlyphKind ofSpeciesSbo(int sbo) {
        return switch (sbo) {
            case 245, 246, 248, 249, 250, 251, 252, 278, 297 -> MACROMOLECULE;
            case 247, 327, 328 -> SIMPLE_CHEMICAL;
            case 253, 296 -> COMPLEX;
            case 358, 204 -> PHENOTYPE;
            case 291 -> SOURCE_SINK;
            default -> UNSPECIFIED;
        };
    }
}
