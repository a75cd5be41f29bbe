package org.mtorworkbench.ui.views;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.tests.support.Architecture;

/** The views may depend on .ui, .experiments and the bundles below, Eclipse UI and JFreeChart. */
class ViewsBundleTest {

    @Test
    void resolvesAndDependsOnlyOnWhatTheDesignAllows() {
        Architecture.assertWiresOnlyTo("org.mtorworkbench.ui.views", Set.of("org.mtorworkbench.", "org.sbml.jsbml", "org.eclipse.", "org.jfree", "wrapped.org.jfree", "org.apache.commons.math3"));
    }
}
