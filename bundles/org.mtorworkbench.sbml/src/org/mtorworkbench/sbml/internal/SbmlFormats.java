package org.mtorworkbench.sbml.internal;

import java.nio.file.Path;
import java.util.List;

import org.mtorworkbench.sbml.SbmlException;
import org.mtorworkbench.sbml.SbmlReader;
import org.mtorworkbench.sbml.SbmlTarget;
import org.mtorworkbench.sbml.SbmlWriter;
import org.mtorworkbench.sbml.extension.ModelFormat;
import org.sbml.jsbml.SBMLDocument;

/** The product's own model formats, contributed as services like anyone else's. */
public final class SbmlFormats {

    /** The id of the SBML reader, which also reads files no other format claims. */
    public static final String SBML_ID = "sbml";

    /** Reads SBML of every level and version (CellDesigner diagrams become layouts). */
    public static final class Reader implements ModelFormat {
        @Override
        public String id() {
            return SBML_ID;
        }

        @Override
        public String description() {
            return "SBML, every level and version (reads; CellDesigner diagrams become SBML layouts)";
        }

        @Override
        public List<String> readExtensions() {
            return List.of(".xml", ".sbml");
        }

        @Override
        public SBMLDocument read(Path file) throws SbmlException {
            return new SbmlReader().read(file);
        }
    }

    /** Writes one SBML level and version, optionally with CellDesigner annotations. */
    abstract static class Writer implements ModelFormat {
        private final SbmlWriter writer;
        private final String id;
        private final String description;

        Writer(SbmlTarget target, boolean cellDesigner, String id, String description) {
            this.writer = new SbmlWriter().withTarget(target).withCellDesigner(cellDesigner);
            this.id = id;
            this.description = description;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public boolean canWrite() {
            return true;
        }

        @Override
        public byte[] write(SBMLDocument doc, String source) throws SbmlException {
            return writer.toBytes(doc, source);
        }
    }

    /** SBML Level 2 Version 4 with the L2 layout annotation. */
    public static final class L2V4 extends Writer {
        public L2V4() {
            super(SbmlTarget.L2V4, false, "l2v4", "SBML Level 2 Version 4 (layout as the L2 annotation COPASI reads)");
        }
    }

    /** SBML Level 3 Version 1 with the layout and render packages. */
    public static final class L3V1 extends Writer {
        public L3V1() {
            super(SbmlTarget.L3V1, false, "l3v1", "SBML Level 3 Version 1 (layout and render packages)");
        }
    }

    /** SBML Level 3 Version 2 with the layout and render packages. */
    public static final class L3V2 extends Writer {
        public L3V2() {
            super(SbmlTarget.L3V2, false, "l3v2", "SBML Level 3 Version 2 (layout and render packages)");
        }
    }

    /** SBML Level 2 Version 4 with CellDesigner 4 aliases at the layout's positions. */
    public static final class CellDesigner extends Writer {
        public CellDesigner() {
            super(SbmlTarget.L2V4, true, "celldesigner", "CellDesigner 4 (SBML L2V4 with CellDesigner aliases)");
        }
    }

    /** The product's formats, for use outside OSGi. */
    public static final List<ModelFormat> BUILTIN = List.of(new Reader(), new L2V4(), new L3V1(), new L3V2(),
            new CellDesigner());

    private SbmlFormats() {
    }
}
