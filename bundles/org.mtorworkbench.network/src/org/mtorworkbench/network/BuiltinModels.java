package org.mtorworkbench.network;

import java.util.List;
import java.util.Optional;

import org.mtorworkbench.network.extension.Contributions;
import org.mtorworkbench.network.extension.ModelTemplate;
import org.sbml.jsbml.SBMLDocument;

/**
 * Models that ship with the product or with installed extensions, named
 * {@code builtin:<id>} on the command line (the model templates of {@link Contributions}).
 */
public final class BuiltinModels {

    /** The prefix of built-in model references. */
    public static final String PREFIX = "builtin:";

    private BuiltinModels() {
    }

    /** @return the ids of the built-in models */
    public static List<String> ids() {
        return Contributions.templates().stream().map(ModelTemplate::id).toList();
    }

    /** @return true if {@code reference} names a built-in model (starts with {@code builtin:}) */
    public static boolean isBuiltin(String reference) {
        return reference.startsWith(PREFIX);
    }

    /** @return a new document of the built-in model named by {@code builtin:<id>}, if it exists */
    public static Optional<SBMLDocument> open(String reference) {
        String id = reference.startsWith(PREFIX) ? reference.substring(PREFIX.length()) : reference;
        return Contributions.template(id).map(ModelTemplate::newDocument);
    }
}
