package org.mtorworkbench.cli.internal;

import org.mtorworkbench.cli.CommandException;
import org.mtorworkbench.cli.CommandIO;
import org.mtorworkbench.cli.ExitCode;
import org.mtorworkbench.network.BuiltinModels;
import org.mtorworkbench.sbml.SbmlException;
import org.mtorworkbench.sbml.SbmlProblem;
import org.mtorworkbench.sbml.SbmlReader;
import org.mtorworkbench.sbml.SbmlWriter;
import org.mtorworkbench.sbml.extension.ModelFormats;
import org.sbml.jsbml.SBMLDocument;

/**
 * Opens the MODEL argument of a command: a file path (read by the model format that claims its
 * extension, SBML otherwise) or {@code builtin:<id>}.
 */
final class Models {

    private Models() {
    }

    static SBMLDocument open(String reference, CommandIO io) throws CommandException {
        if (BuiltinModels.isBuiltin(reference)) {
            return BuiltinModels.open(reference).orElseThrow(() -> CommandException.usage("unknown built-in model '"
                    + reference + "'; built-in models: " + String.join(", ",
                            BuiltinModels.ids().stream().map(id -> BuiltinModels.PREFIX + id).toList())));
        }
        java.nio.file.Path file = io.resolve(reference);
        try {
            SBMLDocument doc = ModelFormats.readerFor(file).read(file);
            for (SbmlProblem w : SbmlReader.warnings(doc)) {
                io.err().println("mtorwb: warning: " + file + ": " + w.message());
            }
            return doc;
        } catch (SbmlException e) {
            throw new CommandException(ExitCode.BAD_INPUT, e.getMessage(), e);
        }
    }

    /**
     * Opens a model as it would be read from its SBML file: a built-in model is written
     * (SBML L3V2) and parsed back, so validation and conversion see exactly what an export
     * holds.
     */
    static SBMLDocument openAsFile(String reference, CommandIO io) throws CommandException {
        if (!BuiltinModels.isBuiltin(reference)) {
            return open(reference, io);
        }
        SBMLDocument doc = open(reference, io);
        try {
            return new SbmlReader().read(new SbmlWriter().toBytes(doc, reference), reference);
        } catch (SbmlException e) {
            throw new CommandException(ExitCode.BAD_INPUT, e.getMessage(), e);
        }
    }

    /** @return how a model reference is shown in output: the resolved path, or the builtin name */
    static String describe(String reference, CommandIO io) {
        return BuiltinModels.isBuiltin(reference) ? reference : io.resolve(reference).toString();
    }
}
