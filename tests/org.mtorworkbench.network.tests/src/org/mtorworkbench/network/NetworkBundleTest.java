package org.mtorworkbench.network;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.tests.support.Architecture;

/** The network bundle sits on the SBML bundle only (DESIGN.md: may depend on .sbml). */
class NetworkBundleTest {

    @Test
    void resolvesAndDependsOnlyOnWhatTheDesignAllows() {
        Architecture.assertWiresOnlyTo("org.mtorworkbench.network", Set.of("org.mtorworkbench.sbml", "org.sbml.jsbml"));
    }

    @Test
    void neverReachesTheUserInterface() {
        Architecture.assertHeadless("org.mtorworkbench.network");
    }
}
