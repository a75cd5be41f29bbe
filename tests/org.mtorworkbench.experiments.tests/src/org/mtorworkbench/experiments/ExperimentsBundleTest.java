package org.mtorworkbench.experiments;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.tests.support.Architecture;

/** The experiments bundle may depend on .simulation and .network only. */
class ExperimentsBundleTest {

    @Test
    void resolvesAndDependsOnlyOnWhatTheDesignAllows() {
        Architecture.assertWiresOnlyTo("org.mtorworkbench.experiments", Set.of("org.mtorworkbench.simulation", "org.mtorworkbench.network", "org.mtorworkbench.sbml", "org.sbml.jsbml", "org.apache.commons.math3"));
    }

    @Test
    void neverReachesTheUserInterface() {
        Architecture.assertHeadless("org.mtorworkbench.experiments");
    }
}
