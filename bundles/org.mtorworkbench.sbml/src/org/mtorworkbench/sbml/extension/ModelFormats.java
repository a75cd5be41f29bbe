package org.mtorworkbench.sbml.extension;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.mtorworkbench.sbml.internal.SbmlFormats;

/**
 * The model formats of every active bundle (see {@link ModelFormat}), looked up at each call.
 * Outside OSGi only the product's own are known.
 *
 * @since 0.2
 */
public final class ModelFormats {

    /** The formats of the active bundles, tracked with this bundle's context. */
    private static final TrackedServices<ModelFormat> FORMATS = new TrackedServices<>(ModelFormats.class,
            ModelFormat.class, ModelFormat::id, SbmlFormats.BUILTIN);

    private ModelFormats() {
    }

    /** @return every format, the product's own first */
    public static List<ModelFormat> all() {
        return FORMATS.get();
    }

    /** @return the format with this id (case-insensitive) */
    public static Optional<ModelFormat> byId(String id) {
        return all().stream().filter(f -> f.id().equalsIgnoreCase(id)).findFirst();
    }

    /** @return the ids of the formats that write, for messages */
    public static List<String> writerIds() {
        return all().stream().filter(ModelFormat::canWrite).map(ModelFormat::id).toList();
    }

    /**
     * @return the format that reads {@code file}, chosen by its extension; the SBML reader for
     *         files no other format claims
     */
    public static ModelFormat readerFor(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (ModelFormat f : all()) {
            for (String ext : f.readExtensions()) {
                if (name.endsWith(ext) && !SbmlFormats.SBML_ID.equals(f.id())) {
                    return f;
                }
            }
        }
        return byId(SbmlFormats.SBML_ID).orElse(SbmlFormats.BUILTIN.get(0));
    }
}
