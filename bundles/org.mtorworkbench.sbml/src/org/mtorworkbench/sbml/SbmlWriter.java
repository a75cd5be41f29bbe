package org.mtorworkbench.sbml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamException;

import org.mtorworkbench.sbml.SbmlException.Kind;
import org.mtorworkbench.sbml.internal.CellDesignerExport;
import org.mtorworkbench.sbml.internal.ExactNumbers;
import org.mtorworkbench.sbml.internal.Jsbml;
import org.mtorworkbench.sbml.internal.L2LayoutAnnotation;
import org.mtorworkbench.sbml.internal.L2RenderAnnotation;
import org.mtorworkbench.sbml.internal.LevelConversion;
import org.mtorworkbench.sbml.internal.UnknownContent;
import org.mtorworkbench.sbml.internal.XmlPrescan;
import org.sbml.jsbml.SBMLDocument;

/**
 * Writes a JSBML {@link SBMLDocument} as SBML L2V4, L3V1 or L3V2. The document is never
 * modified: conversion works on a copy. Converting refuses, with an {@link SbmlException}
 * of kind {@link Kind#UNSUPPORTED} listing each element and construct, whatever the target
 * cannot express; it never drops content silently. Notes, annotations (MIRIAM, COPASI,
 * CellDesigner, other tools'), SBO terms and the layout travel with the model; the layout
 * is written as the L3 Layout package for L3 targets and as the L2 layout annotation COPASI
 * reads for L2V4. Saving to a file is atomic: a temporary file in the same directory is
 * written, flushed and then moved over the target, so a failed save leaves the old file.
 * Immutable and thread-safe; configure with the {@code withX} methods.
 */
public final class SbmlWriter {

    /** Unless configured, a document is written in its own level and version when that is a target. */
    public static final SbmlTarget DEFAULT_TARGET = null;

    /** By default no CellDesigner annotations are added. */
    public static final boolean DEFAULT_CELLDESIGNER = false;

    private final SbmlTarget target;
    private final boolean cellDesigner;

    /** A writer that keeps each document's level and version (L2V4, L3V1 or L3V2). */
    public SbmlWriter() {
        this(DEFAULT_TARGET, DEFAULT_CELLDESIGNER);
    }

    private SbmlWriter(SbmlTarget target, boolean cellDesigner) {
        this.target = target;
        this.cellDesigner = cellDesigner;
    }

    /** @return a copy of this writer that converts to {@code target} (null: keep the document's own) */
    public SbmlWriter withTarget(SbmlTarget target) {
        return new SbmlWriter(target, cellDesigner);
    }

    /**
     * @return a copy of this writer that writes for CellDesigner (or not): L2V4, whatever the
     *         target, with {@code celldesigner:extension} annotations placing compartment and
     *         species aliases at the layout's glyphs (a grid for species without one) and
     *         describing each reaction; a model that already has a CellDesigner diagram keeps it
     */
    public SbmlWriter withCellDesigner(boolean forCellDesigner) {
        return new SbmlWriter(target, forCellDesigner);
    }

    /** @return whether this writer writes for CellDesigner */
    public boolean cellDesigner() {
        return cellDesigner;
    }

    /** @return the configured target, or null when each document keeps its own level and version */
    public SbmlTarget target() {
        return target;
    }

    /**
     * Returns a copy of {@code doc} converted to the target; {@code doc} is not modified.
     *
     * @param source the name used in messages (the file the document came from, or its title)
     * @throws SbmlException of kind {@link Kind#UNSUPPORTED} naming every element and construct
     *             the target cannot express
     */
    public SBMLDocument convert(SBMLDocument doc, String source) throws SbmlException {
        SbmlTarget to = resolveTarget(doc, source);
        if (doc.getUserObject(SbmlReader.SOURCE_KEY) instanceof XmlPrescan.Root r) {
            if (!r.unknown().isEmpty()) {
                throw new SbmlException(Kind.UNSUPPORTED, source, -1, -1, "the file this model was read from holds "
                        + "content of SBML packages or extensions the workbench cannot keep (" + String.join("; ",
                                r.unknown()) + "); writing would lose it, so nothing was written", r.unknown(), null);
            }
            if (!r.kept().isEmpty() && (to.level() != doc.getLevel() || to.version() != doc.getVersion())) {
                // Content of an unknown package is kept verbatim; its meaning in another level is unknown.
                List<String> problems = new java.util.ArrayList<>();
                for (String k : r.kept()) {
                    problems.add(k +  ": not interpreted, kept verbatim, and only L"
                            + doc.getLevel() + "V" + doc.getVersion() + " can hold it as it is");
                }
                throw unsupported(source, to, problems);
            }
        }
        SBMLDocument copy;
        List<String> problems;
        try {
            copy = doc.clone();
            // CellDesigner keeps a diagram's colours in its own annotations: carry the render
            // fills over to them as well.
            Map<String, String> fills = cellDesigner
                    ? CellDesignerExport.speciesFills(CellDesignerExport.firstLayout(copy.getModel())) : Map.of();
            // L2 holds render information as an annotation of the layout annotation: take it in
            // its L2 form while the model is still in its own level, then convert without it.
            L2RenderAnnotation.Xml render = null;
            L2RenderAnnotation.Stash stash = null;
            if (to.level() == 2 && L2RenderAnnotation.hasRender(copy.getModel())) {
                render = L2RenderAnnotation.toL2(copy.getModel());
                L2RenderAnnotation.removeAll(copy.getModel());
            } else if ((to.level() != copy.getLevel() || to.version() != copy.getVersion())
                    && L2RenderAnnotation.hasRender(copy.getModel())) {
                stash = L2RenderAnnotation.takeOut(copy.getModel());
            }
            problems = Jsbml.call(() -> LevelConversion.convert(copy, to));
            if (problems.isEmpty() && stash != null) {
                L2RenderAnnotation.putBack(copy.getModel(), stash);
            }
            if (problems.isEmpty() && cellDesigner) {
                CellDesignerExport.annotate(copy, CellDesignerExport.firstLayout(copy.getModel()), fills);
            }
            if (problems.isEmpty() && to.level() == 2) {
                L2LayoutAnnotation.moveLayoutsToAnnotation(copy, render);
            }
        } catch (Exception | StackOverflowError e) {
            // JSBML rejects some inconsistent models (duplicate ids, dangling references) mid-way.
            throw new SbmlException(Kind.UNSUPPORTED, source, -1, -1, "cannot convert to " + to.label() + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); check the model with"
                    + " './mtorwb validate'", e);
        }
        if (!problems.isEmpty()) {
            throw unsupported(source, to, problems);
        }
        return copy;
    }

    /** @return the SBML text of {@code doc} in the target level and version, UTF-8 encoded */
    public byte[] toBytes(SBMLDocument doc, String source) throws SbmlException {
        SBMLDocument converted = convert(doc, source);
        // JSBML would write some numbers inexactly (tiny MathML reals, negative zeros): mark them.
        ExactNumbers.Marks exact = ExactNumbers.mark(converted);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        serialize(converted, out, source);
        byte[] bytes = exact.restore(out.toByteArray());
        if (converted.getLevel() == 3) {
            bytes = L2RenderAnnotation.renameGlobalItems(bytes, true);
        }
        if (UnknownContent.hasParked(bytes)) {
            try {
                bytes = UnknownContent.restore(bytes);
            } catch (Exception e) {
                throw new SbmlException(Kind.IO, source, -1, -1, "cannot put the content of unknown packages back ("
                        + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
            }
        }
        return bytes;
    }

    /**
     * Saves {@code doc} to {@code file} atomically; on any failure the previous content of
     * {@code file} (if any) is left as it was and no temporary file remains.
     */
    public void write(SBMLDocument doc, Path file) throws SbmlException {
        byte[] bytes = toBytes(doc, file.toString());
        writeAtomically(bytes, file);
    }

    /** Replaces {@code file}'s content with {@code bytes} atomically. */
    public static void writeAtomically(byte[] bytes, Path file) throws SbmlException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            if (Files.isDirectory(abs)) {
                throw new SbmlException(Kind.IO, file, "is a directory; give a file name to save to", null);
            }
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".part");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                    OutputStream os = java.nio.channels.Channels.newOutputStream(ch)) {
                os.write(bytes);
                os.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new SbmlException(Kind.IO, file, "cannot save (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); the previous file, if any, is unchanged. Check the directory exists"
                    + " and is writable", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // Best effort: the temporary file is hidden and named after the target.
                }
            }
        }
    }

    private SbmlTarget resolveTarget(SBMLDocument doc, String source) throws SbmlException {
        if (cellDesigner) {
            return SbmlTarget.L2V4;
        }
        if (target != null) {
            return target;
        }
        SbmlTarget own = SbmlTarget.of(doc.getLevel(), doc.getVersion());
        if (own == null) {
            throw new SbmlException(Kind.UNSUPPORTED, source, -1, -1, "the document is SBML level " + doc.getLevel()
                    + " version " + doc.getVersion() + ", which the workbench reads but does not write; choose"
                    + " l2v4, l3v1 or l3v2", null);
        }
        return own;
    }

    private static void serialize(SBMLDocument doc, OutputStream out, String source) throws SbmlException {
        try {
            Jsbml.call(() -> {
                new org.sbml.jsbml.SBMLWriter().write(doc, out);
                return null;
            });
        } catch (XMLStreamException | RuntimeException | StackOverflowError e) {
            throw new SbmlException(Kind.IO, source, -1, -1, "cannot write the SBML (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")", e);
        } catch (Exception e) {
            throw new SbmlException(Kind.IO, source, -1, -1, "cannot write the SBML: " + e.getMessage(), e);
        }
    }

    /** At most this many problems are spelled out in a message; the count says how many more. */
    private static final int MAX_LISTED = 20;

    private static SbmlException unsupported(String source, SbmlTarget to, List<String> problems) {
        StringBuilder sb = new StringBuilder("cannot convert to ").append(to.label()).append(" without losing ")
                .append(problems.size()).append(problems.size() == 1 ? " construct" : " constructs")
                .append(" (nothing was written; keep a level that expresses them): ");
        for (int i = 0; i < Math.min(MAX_LISTED, problems.size()); i++) {
            sb.append(i == 0 ? "" : "; ").append(problems.get(i));
        }
        if (problems.size() > MAX_LISTED) {
            sb.append("; and ").append(problems.size() - MAX_LISTED).append(" more");
        }
        return new SbmlException(Kind.UNSUPPORTED, source, -1, -1, sb.toString(), problems, null);
    }
}
