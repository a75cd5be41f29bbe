package org.mtorworkbench.simulation;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.tests.support.Architecture;

/** The simulation bundle may depend on .sbml, commons-math3 and a code generator only. */
class SimulationBundleTest {

    @Test
    void resolvesAndDependsOnlyOnWhatTheDesignAllows() {
        Architecture.assertWiresOnlyTo("org.mtorworkbench.simulation", Set.of("org.mtorworkbench.sbml", "org.sbml.jsbml", "org.apache.commons.math3", "org.objectweb.asm"));
    }

    @Test
    void neverReachesTheUserInterface() {
        Architecture.assertHeadless("org.mtorworkbench.simulation");
    }
}
