package org.mtorworkbench.experiments.extension;

import java.util.List;
import java.util.Optional;

import org.mtorworkbench.experiments.internal.BuiltinPerturbations;
import org.mtorworkbench.sbml.extension.TrackedServices;

/**
 * The perturbation types of every active bundle (see {@link PerturbationType}), looked up at
 * each call. Outside OSGi only the product's own are known.
 *
 * @since 0.2
 */
public final class PerturbationTypes {

    /** The services of the active bundles, tracked with this bundle's context. */
    private static final TrackedServices<PerturbationType> TRACKED = new TrackedServices<>(PerturbationTypes.class, PerturbationType.class,
            PerturbationType::id, BuiltinPerturbations.ALL);

    private PerturbationTypes() {
    }

    /** @return every type, in bundle installation order; the first of two with one id wins */
    public static List<PerturbationType> all() {
        return TRACKED.get();
    }

    /** @return the type with this id */
    public static Optional<PerturbationType> byId(String id) {
        return all().stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
