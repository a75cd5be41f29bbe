package org.mtorworkbench.calibration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.mtorworkbench.calibration.internal.BuiltinOptimizers;
import org.mtorworkbench.sbml.extension.TrackedServices;

/**
 * The {@link Optimizer} services of every active bundle, looked up at each call; the product's own
 * ({@code trust-region-lm}, {@code bfgs-box}, {@code bobyqa}, {@code nelder-mead}) are services too.
 * Outside OSGi only the product's own are known.
 *
 * @since 0.4
 */
public final class Optimizers {

    /** The id of the default optimiser. */
    public static final String DEFAULT = "trust-region-lm";

    private static final TrackedServices<Optimizer> TRACKED = new TrackedServices<>(Optimizers.class, Optimizer.class,
            Optimizer::id, BuiltinOptimizers.ALL);

    private Optimizers() {
    }

    /**
     * @return every optimiser: the product's own first (the default first of all), then the others in
     *         bundle installation order; the first of two with one id wins
     */
    public static List<Optimizer> all() {
        List<String> builtin = BuiltinOptimizers.ALL.stream().map(Optimizer::id).toList();
        List<Optimizer> out = new ArrayList<>(TRACKED.get());
        out.sort(Comparator.comparingInt(o -> {
            int i = builtin.indexOf(o.id());
            return i < 0 ? builtin.size() : i;
        }));
        return List.copyOf(out);
    }

    /** @return the optimiser with this id */
    public static Optional<Optimizer> byId(String id) {
        return all().stream().filter(o -> o.id().equals(id)).findFirst();
    }

    /** @return the ids of every optimiser, for messages */
    public static List<String> ids() {
        return all().stream().map(Optimizer::id).toList();
    }
}
