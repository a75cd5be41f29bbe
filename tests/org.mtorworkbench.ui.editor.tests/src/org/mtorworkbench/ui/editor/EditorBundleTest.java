package org.mtorworkbench.ui.editor;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.tests.support.Architecture;

/**
 * The editor may depend on .ui, the headless diagram and SBML bundles it draws, Eclipse UI
 * and the JFree SWT bridge, and the simulation bundle for colouring the diagram by a time course.
 * The network bundle is wired by this test fragment, for builtin:mtor.
 */
class EditorBundleTest {

    @Test
    void resolvesAndDependsOnlyOnWhatTheDesignAllows() {
        Architecture.assertWiresOnlyTo("org.mtorworkbench.ui.editor", Set.of("org.mtorworkbench.ui", "org.mtorworkbench.diagram",
                "org.mtorworkbench.sbml", "org.mtorworkbench.simulation", "org.sbml.jsbml", "org.eclipse.", "org.jfree", "wrapped.org.jfree", "com.google.guava",
                "org.mtorworkbench.network"));
    }
}
