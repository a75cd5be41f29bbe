package org.mtorworkbench.ui.editor;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.tests.support.Architecture;

/** The editor may depend on .ui, the headless bundles it draws, Eclipse UI, ELK and the JFree graphics bridges. */
class EditorBundleTest {

    @Test
    void resolvesAndDependsOnlyOnWhatTheDesignAllows() {
        Architecture.assertWiresOnlyTo("org.mtorworkbench.ui.editor", Set.of("org.mtorworkbench.ui", "org.mtorworkbench.sbml", "org.sbml.jsbml", "org.eclipse.", "org.jfree", "com.google.guava"));
    }
}
