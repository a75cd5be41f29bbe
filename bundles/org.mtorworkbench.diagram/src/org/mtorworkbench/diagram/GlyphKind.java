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
    PROCESS,
    /** A receptor (CellDesigner RECEPTOR, SBO:0000244): a box notched at the top, pointed at the bottom. */
    RECEPTOR,
    /** An ion channel (CellDesigner ION_CHANNEL, SBO:0000284): a rounded box with a narrow gate on its right. */
    ION_CHANNEL,
    /** A truncated protein (CellDesigner TRUNCATED): a rounded box cut off on its right. */
    TRUNCATED,
    /** A gene (CellDesigner GENE, SBO:0000243): rectangle. */
    GENE,
    /** An RNA (CellDesigner RNA, SBO:0000278): parallelogram leaning right. */
    RNA,
    /** An antisense RNA (CellDesigner ANTISENSE_RNA, SBO:0000317): parallelogram leaning left. */
    ANTISENSE_RNA,
    /** An ion (CellDesigner ION, SBO:0000327): small circle. */
    ION,
    /** A drug (CellDesigner DRUG, SBO:0000298): a capsule with a double outline. */
    DRUG;

    /**
     * The glyph CellDesigner draws for a {@code celldesigner:class} value, if it is a species
     * class CellDesigner knows.
     */
    public static java.util.Optional<GlyphKind> ofCellDesignerClass(String cls) {
        GlyphKind k = switch (cls == null ? "" : cls.strip()) {
            case "PROTEIN", "GENERIC" -> MACROMOLECULE;
            case "RECEPTOR" -> RECEPTOR;
            case "ION_CHANNEL" -> ION_CHANNEL;
            case "TRUNCATED" -> TRUNCATED;
            case "GENE" -> GENE;
            case "RNA" -> RNA;
            case "ANTISENSE_RNA" -> ANTISENSE_RNA;
            case "SIMPLE_MOLECULE" -> SIMPLE_CHEMICAL;
            case "ION" -> ION;
            case "DRUG" -> DRUG;
            case "PHENOTYPE" -> PHENOTYPE;
            case "DEGRADED" -> SOURCE_SINK;
            case "UNKNOWN" -> UNSPECIFIED;
            case "COMPLEX" -> COMPLEX;
            default -> null;
        };
        return java.util.Optional.ofNullable(k);
    }

    /**
     * The glyph for a species of the given SBO term (-1 when it has none).
     */
    public static GlyphKind ofSpeciesSbo(int sbo) {
        return switch (sbo) {
            case 245, 246, 248, 249, 250, 251, 252, 297 -> MACROMOLECULE;
            case 244 -> RECEPTOR;
            case 284 -> ION_CHANNEL;
            case 243 -> GENE;
            case 278 -> RNA;
            case 317 -> ANTISENSE_RNA;
            case 298 -> DRUG;
            case 247, 328 -> SIMPLE_CHEMICAL;
            case 327 -> ION;
            case 253, 296 -> COMPLEX;
            case 358, 204 -> PHENOTYPE;
            case 291 -> SOURCE_SINK;
            default -> UNSPECIFIED;
        };
    }
}
