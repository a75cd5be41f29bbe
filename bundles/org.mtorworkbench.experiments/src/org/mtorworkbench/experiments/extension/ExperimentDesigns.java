package org.mtorworkbench.experiments.extension;

import java.util.List;
import java.util.Optional;

import org.mtorworkbench.experiments.internal.BuiltinDesigns;
import org.mtorworkbench.sbml.extension.TrackedServices;

/**
 * The experiment designs of every active bundle (see {@link ExperimentDesign}), looked up at
 * each call. Outside OSGi only the product's own are known.
 *
 * @since 0.2
 */
public final class ExperimentDesigns {

    /** The services of the active bundles, tracked with this bundle's context. */
    private static final TrackedServices<ExperimentDesign> TRACKED = new TrackedServices<>(ExperimentDesigns.class, ExperimentDesign.class,
            ExperimentDesign::id, BuiltinDesigns.ALL);

    private ExperimentDesigns() {
    }

    /**
     * @return every design: the product's own first, in the order of forms (time course, steady state,
     *         dose-response, combination, scan, sensitivity, context panel, knockout screen), then the
     *         others in bundle installation order; the first of two with one id wins
     */
    public static List<ExperimentDesign> all() {
        List<ExperimentDesign> all = new java.util.ArrayList<>(TRACKED.get());
        List<Class<?>> builtin = BuiltinDesigns.ALL.stream().<Class<?>>map(Object::getClass).toList();
        all.sort(java.util.Comparator.comparingInt(d -> builtin.contains(d.getClass()) ? builtin.indexOf(d.getClass())
                : builtin.size()));
        return List.copyOf(all);
    }

    /** @return the design with this id */
    public static Optional<ExperimentDesign> byId(String id) {
        return all().stream().filter(d -> d.id().equals(id)).findFirst();
    }
}
