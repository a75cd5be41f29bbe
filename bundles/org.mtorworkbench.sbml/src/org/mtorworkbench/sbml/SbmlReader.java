package org.mtorworkbench.sbml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

import org.mtorworkbench.sbml.SbmlException.Kind;
import org.mtorworkbench.sbml.internal.CellDesignerLayout;
import org.mtorworkbench.sbml.internal.Jsbml;
import org.mtorworkbench.sbml.internal.L2LayoutReader;
import org.mtorworkbench.sbml.internal.L2RenderAnnotation;
import org.mtorworkbench.sbml.internal.MathMlShapes;
import org.mtorworkbench.sbml.internal.UnknownContent;
import org.mtorworkbench.sbml.internal.XmlPrescan;
import org.sbml.jsbml.SBMLDocument;

/**
 * Reads SBML of any level and version into a JSBML {@link SBMLDocument}, safely: inputs
 * over a size limit are refused, DOCTYPEs (and with them external entities and entity
 * bombs) are refused, and every failure is an {@link SbmlException} naming file, line and
 * column. Immutable and thread-safe; configure with the {@code withX} methods.
 */
public final class SbmlReader {

    /** Files larger than this are refused unless configured otherwise: 256 MiB. */
    public static final long DEFAULT_MAX_BYTES = 256L << 20;

    /**
     * Key of the user object a read document carries: where each id is declared in the
     * file, so {@link SbmlValidator} can give line numbers.
     */
    public static final String SOURCE_KEY = "org.mtorworkbench.sbml.source";

    /** By default a CellDesigner diagram without an SBML Layout is turned into one. */
    public static final boolean DEFAULT_CELLDESIGNER_LAYOUT = true;

    private final long maxBytes;
    private final boolean cellDesignerLayout;

    /** A reader with the default limits. */
    public SbmlReader() {
        this(DEFAULT_MAX_BYTES, DEFAULT_CELLDESIGNER_LAYOUT);
    }

    private SbmlReader(long maxBytes, boolean cellDesignerLayout) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.cellDesignerLayout = cellDesignerLayout;
    }

    /** @return a copy of this reader that refuses inputs larger than {@code bytes} */
    public SbmlReader withMaxBytes(long bytes) {
        return new SbmlReader(bytes, cellDesignerLayout);
    }

    /**
     * @return a copy of this reader that does (or does not) turn a CellDesigner diagram
     *         ({@code celldesigner:extension} aliases) into an SBML Layout when the model has none
     */
    public SbmlReader withCellDesignerLayout(boolean convert) {
        return new SbmlReader(maxBytes, convert);
    }

    /** @return whether CellDesigner diagrams become SBML Layouts */
    public boolean cellDesignerLayout() {
        return cellDesignerLayout;
    }

    /** @return the size limit in bytes */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Reads a file.
     *
     * @throws SbmlException if the file cannot be read, is unsafe, malformed or not SBML
     */
    public SBMLDocument read(Path file) throws SbmlException {
        String source = file.toString();
        byte[] content;
        try {
            if (Files.isDirectory(file)) {
                throw new SbmlException(Kind.IO, file, "is a directory, not an SBML file", null);
            }
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new SbmlException(Kind.REFUSED, file, "refused: the file has " + size
                        + " bytes, more than the limit of " + maxBytes + " bytes; raise the limit if it is genuine",
                        null);
            }
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SbmlException(Kind.IO, file, "no such file; check the path", e);
        } catch (IOException e) {
            throw new SbmlException(Kind.IO, file, "cannot read: " + e.getMessage(), e);
        }
        SBMLDocument doc = read(content, source);
        // Where the document came from: references to other files (external model definitions) resolve against it.
        doc.setLocationURI(file.toAbsolutePath().toUri().toString());
        return doc;
    }

    /**
     * Reads a stream fully (up to the size limit) and parses it.
     *
     * @param in the stream; not closed
     * @param source the name used in messages
     */
    public SBMLDocument read(InputStream in, String source) throws SbmlException {
        byte[] content;
        try {
            content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new SbmlException(Kind.IO, source, -1, -1, "cannot read: " + e.getMessage(), e);
        }
        if (content.length > maxBytes) {
            throw new SbmlException(Kind.REFUSED, source, -1, -1,
                    "refused: the input is larger than the limit of " + maxBytes + " bytes", null);
        }
        return read(content, source);
    }

    /**
     * Parses SBML held in memory.
     *
     * @param content the document's bytes
     * @param source the name used in messages
     */
    public SBMLDocument read(byte[] content, String source) throws SbmlException {
        if (content.length > maxBytes) {
            throw new SbmlException(Kind.REFUSED, source, -1, -1,
                    "refused: the input has " + content.length + " bytes, more than the limit of " + maxBytes, null);
        }
        XmlPrescan.Root root = XmlPrescan.scan(content, source);
        // MathML libSBML reads but JSBML misreads: rewritten in place, lines and columns kept.
        content = MathMlShapes.rewrite(content, root.mathShapes());
        // JSBML loses the content of the L2 layout annotation: the workbench reads that itself.
        L2LayoutReader.Extracted l2Layout = root.level() == 2 ? L2LayoutReader.extract(content) : null;
        byte[] withoutLayout = l2Layout == null ? content : l2Layout.remaining();
        if (root.level() == 3) {
            // JSBML reads global render information under its own element name.
            withoutLayout = L2RenderAnnotation.renameGlobalItems(withoutLayout, false);
        }
        byte[] forJsbml;
        if (root.kept().isEmpty()) {
            forJsbml = withoutLayout;
        } else {
            // JSBML drops content of packages it does not read: park it in annotations first.
            String rootNamespace = root.namespace();
            try {
                forJsbml = UnknownContent.park(withoutLayout, uri -> XmlPrescan.isKnown(uri, rootNamespace));
            } catch (Exception e) {
                throw new SbmlException(Kind.NOT_SBML, source, -1, -1, "cannot keep the content of unknown packages ("
                        + e.getClass().getSimpleName() + ": " + firstLine(e) + ")", e);
            }
        }
        try {
            SBMLDocument doc = Jsbml.call(
                    () -> new org.sbml.jsbml.SBMLReader().readSBMLFromStream(new ByteArrayInputStream(forJsbml)));
            if (doc == null) {
                throw new SbmlException(Kind.NOT_SBML, source, -1, -1, "JSBML could not read the document", null);
            }
            doc.putUserObject(SOURCE_KEY, root);
            if (l2Layout != null && doc.getModel() != null) {
                try {
                    L2LayoutReader.addTo(doc.getModel(), l2Layout.annotation());
                } catch (Exception e) {
                    throw new SbmlException(Kind.NOT_SBML, source, -1, -1, "cannot read the L2 layout annotation ("
                            + e.getClass().getSimpleName() + ": " + firstLine(e) + ")", e);
                }
            }
            if (cellDesignerLayout && doc.getModel() != null) {
                try {
                    CellDesignerLayout.addIfPresent(doc.getModel());
                } catch (RuntimeException e) {
                    // A diagram CellDesigner itself could not have drawn: the model is read without a
                    // layout, and its CellDesigner annotations are kept as they are.
                }
            }
            return doc;
        } catch (XMLStreamException e) {
            Location loc = e.getLocation();
            throw new SbmlException(Kind.NOT_SBML, source, loc == null ? -1 : loc.getLineNumber(),
                    loc == null ? -1 : loc.getColumnNumber(), "cannot interpret the SBML: " + firstLine(e), e);
        } catch (RuntimeException | StackOverflowError e) {
            throw new SbmlException(Kind.NOT_SBML, source, -1, -1,
                    "cannot interpret the SBML (" + e.getClass().getSimpleName() + ": " + firstLine(e)
                            + "); check that it is valid SBML with './mtorwb validate'",
                    e);
        }
    }

    /**
     * @return what had to be interpreted to read {@code doc} (MathML in shapes libSBML accepts
     *         and JSBML does not: an {@code <apply>} as an {@code <apply>}'s operator, an integer
     *         {@code <cn>} with a decimal point; read as libSBML reads them), as warnings with their line; empty
     *         for a document not read by this class
     */
    public static List<SbmlProblem> warnings(SBMLDocument doc) {
        if (!(doc.getUserObject(SOURCE_KEY) instanceof XmlPrescan.Root root)) {
            return List.of();
        }
        List<SbmlProblem> out = new ArrayList<>();
        for (MathMlShapes.Shape s : root.mathShapes()) {
            out.add(new SbmlProblem(SbmlProblem.Severity.WARNING, "", s.line(), s.message(), "workbench"));
        }
        return List.copyOf(out);
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage();
        if (m == null) {
            return "no detail";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
