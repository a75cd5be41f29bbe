package org.mtorworkbench.ui;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.tests.support.Architecture;

/**
 * The workbench bundle may depend on the headless bundles it shows (SBML for the model
 * overview, the network for model templates) and on Eclipse; never on the views or the editor.
 */
class UiBundleTest {

    @Test
    void resolvesAndDependsOnlyOnWhatTheDesignAllows() {
        Architecture.assertWiresOnlyTo("org.mtorworkbench.ui", Set.of("org.mtorworkbench.sbml",
                "org.mtorworkbench.network", "org.sbml.jsbml", "org.eclipse."));
    }
}
