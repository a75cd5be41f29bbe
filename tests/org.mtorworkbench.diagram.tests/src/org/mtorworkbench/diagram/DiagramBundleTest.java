package org.mtorworkbench.diagram;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.tests.support.Architecture;

/**
 * The diagram bundle is headless: SBML, ELK (with EMF and Guava, which ELK needs) and
 * JFreeSVG only. The network bundle is wired by this test fragment, for builtin:mtor.
 */
class DiagramBundleTest {

    @Test
    void resolvesAndDependsOnlyOnWhatItsRowAllows() {
        Architecture.assertWiresOnlyTo("org.mtorworkbench.diagram", Set.of("org.mtorworkbench.sbml", "org.sbml.jsbml",
                "org.eclipse.elk.", "org.eclipse.emf.", "com.google.guava", "org.eclipse.xtext.xbase.lib",
                "wrapped.org.jfree", "org.jfree", "org.mtorworkbench.network"));
    }

    @Test
    void neverReachesTheUserInterface() {
        Architecture.assertHeadless("org.mtorworkbench.diagram");
    }
}
