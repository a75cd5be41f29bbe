package org.mtorworkbench.network.extension;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mtorworkbench.network.CellContext;
import org.mtorworkbench.network.CellContexts;
import org.mtorworkbench.network.Drug;
import org.mtorworkbench.network.DrugCatalogue;
import org.mtorworkbench.network.internal.MtorTemplate;
import org.mtorworkbench.sbml.extension.TrackedServices;

/**
 * What all bundles contribute right now: drugs, cell contexts and model templates, read
 * from the OSGi service registry at each call (so a bundle that stops takes its
 * contributions with it). The product's own drugs, contexts and {@code builtin:mtor} come
 * through the same services. Outside OSGi (plain Java) only the product's own are known.
 * When two contributions share an id, the one of the bundle installed first wins.
 *
 * @since 0.1
 */
public final class Contributions {

    private static final TrackedServices<DrugProvider> DRUGS = new TrackedServices<>(Contributions.class,
            DrugProvider.class, null, List.of());
    private static final TrackedServices<CellContextProvider> CONTEXTS = new TrackedServices<>(Contributions.class,
            CellContextProvider.class, null, List.of());
    private static final TrackedServices<ModelTemplate> TEMPLATES = new TrackedServices<>(Contributions.class,
            ModelTemplate.class, ModelTemplate::id, List.of(new MtorTemplate()));

    private Contributions() {
    }

    /** @return the drug catalogue of every active provider */
    public static DrugCatalogue drugs() {
        if (!DRUGS.available()) {
            return DrugCatalogue.builtin();
        }
        Map<String, Drug> byId = new LinkedHashMap<>();
        for (DrugProvider p : DRUGS.get()) {
            for (Drug d : p.drugs()) {
                byId.putIfAbsent(d.id(), d);
            }
        }
        return DrugCatalogue.of(new ArrayList<>(byId.values()));
    }

    /** @return the cell contexts of every active provider */
    public static CellContexts contexts() {
        if (!CONTEXTS.available()) {
            return CellContexts.builtin();
        }
        Map<String, CellContext> byId = new LinkedHashMap<>();
        for (CellContextProvider p : CONTEXTS.get()) {
            for (CellContext c : p.contexts()) {
                byId.putIfAbsent(c.id(), c);
            }
        }
        return CellContexts.of(new ArrayList<>(byId.values()));
    }

    /** @return the model templates of every active bundle, by id */
    public static List<ModelTemplate> templates() {
        return TEMPLATES.get();
    }

    /** @return the template with this id */
    public static Optional<ModelTemplate> template(String id) {
        return templates().stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
