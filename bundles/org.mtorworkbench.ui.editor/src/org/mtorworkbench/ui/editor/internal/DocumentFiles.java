package org.mtorworkbench.ui.editor.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.mtorworkbench.sbml.SbmlException;
import org.mtorworkbench.sbml.SbmlWriter;
import org.sbml.jsbml.SBMLDocument;

/**
 * Saves an edited document with the product's SBML writer, in the document's own level and
 * version: the layout (as the L3 package, or the L2 annotation COPASI reads), render
 * information, annotations and the content of unknown packages go back as they came, and the
 * save is atomic (a temporary file beside the target, then moved over it), so a failed save
 * leaves the old file as it was.
 */
public final class DocumentFiles {

    private DocumentFiles() {
    }

    /** Writes the document to {@code file} atomically. */
    public static void save(SBMLDocument doc, Path file) throws IOException {
        try {
            new SbmlWriter().write(doc, file);
        } catch (SbmlException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
