package org.mtorworkbench.ui.editor.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import javax.xml.stream.XMLStreamException;

import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.SBMLException;
import org.sbml.jsbml.SBMLWriter;

/**
 * Saves a JSBML document with its layout: to a temporary file beside the target, then moved
 * over it, so a failed save leaves the old file as it was.
 */
public final class DocumentFiles {

    private DocumentFiles() {
    }

    /** Writes the document to {@code file} atomically. */
    public static void save(SBMLDocument doc, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        // JSBML finds its package writers with ServiceLoader through the context class loader
        t.setContextClassLoader(SBMLWriter.class.getClassLoader());
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                new SBMLWriter().write(doc, out);
            } catch (XMLStreamException | SBMLException e) {
                throw new IOException(target + ": the model could not be written as SBML: " + e.getMessage(), e);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            t.setContextClassLoader(previous);
            Files.deleteIfExists(tmp);
        }
    }
}
