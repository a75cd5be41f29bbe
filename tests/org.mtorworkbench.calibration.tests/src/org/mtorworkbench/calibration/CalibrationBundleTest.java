package org.mtorworkbench.calibration;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.tests.support.Architecture;

/** The calibration bundle may depend on .simulation and .experiments (and what they stand on) only. */
class CalibrationBundleTest {

    @Test
    void resolvesAndDependsOnlyOnWhatTheDesignAllows() {
        Architecture.assertWiresOnlyTo("org.mtorworkbench.calibration", Set.of("org.mtorworkbench.simulation",
                "org.mtorworkbench.experiments", "org.mtorworkbench.network", "org.mtorworkbench.sbml", "org.sbml.jsbml",
                "org.apache.commons.math3"));
    }

    @Test
    void neverReachesTheUserInterface() {
        Architecture.assertHeadless("org.mtorworkbench.calibration");
    }
}
