package org.mtorworkbench.calibration.internal;

import java.util.List;

import org.mtorworkbench.calibration.Optimizer;

/** The product's own optimisers, as registered by its service components (and used outside OSGi). */
public final class BuiltinOptimizers {

    /** In the order they are listed: the default first. */
    public static final List<Optimizer> ALL = List.of(new TrustRegionLm(), new BoxBfgs(), new DerivativeFree.Bobyqa(),
            new DerivativeFree.NelderMead());

    private BuiltinOptimizers() {
    }
}
