package org.mtorworkbench.sbml.extension;

import java.nio.file.Path;
import java.util.List;

import org.mtorworkbench.sbml.SbmlException;
import org.sbml.jsbml.SBMLDocument;

/**
 * A file format models are imported from or exported to. Register an implementation as an
 * OSGi service (Declarative Services): {@code ./mtorwb convert --to ID} writes with it, and
 * files with one of its extensions are read with it wherever a model is opened (the command
 * line and the workbench). The product's own SBML reader and its L2V4, L3V1, L3V2 and
 * CellDesigner writers are contributed the same way.
 * <p>
 * Implementations are stateless and thread-safe.
 *
 * @since 0.2
 */
public interface ModelFormat {

    /** @return the id users type, e.g. {@code l3v1}; unique across all formats, lower case */
    String id();

    /** @return a one-line description for listings, e.g. {@code SBML Level 3 Version 1} */
    String description();

    /**
     * @return the file name extensions this format reads, lower case with the dot
     *         (e.g. {@code .xml}); empty when it only writes
     */
    default List<String> readExtensions() {
        return List.of();
    }

    /** @return whether {@link #write} is implemented */
    default boolean canWrite() {
        return false;
    }

    /**
     * Imports a file. Errors name the file, the line where known and what is wrong.
     *
     * @throws SbmlException when the file cannot be read or is not valid in this format
     */
    default SBMLDocument read(Path file) throws SbmlException {
        throw new UnsupportedOperationException(id() + " does not read files");
    }

    /**
     * Exports a model without modifying it.
     *
     * @param source the name used in messages (the file the model came from, or its title)
     * @return the file content; the caller saves it atomically
     * @throws SbmlException of kind {@link SbmlException.Kind#UNSUPPORTED} naming what the format
     *             cannot express; nothing is written then
     */
    default byte[] write(SBMLDocument doc, String source) throws SbmlException {
        throw new UnsupportedOperationException(id() + " does not write files");
    }
}
