package org.mtorworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.network.extension.Contributions;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The example extension, installed in the workbench as a modeller would install it: its drug
 * and template are offered while the bundle runs and gone once it stops (its palette entry is
 * checked by the editor's tests, its template in File > New by the wizard test).
 */
class ExampleContributionsTest {

    private static final String EXAMPLE = "org.mtorworkbench.examples.bisteric";

    private static Bundle example() {
        for (Bundle b : FrameworkUtil.getBundle(ExampleContributionsTest.class).getBundleContext().getBundles()) {
            if (EXAMPLE.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    @Test
    void theExamplesDrugAndTemplateComeAndGoWithItsBundle() throws Exception {
        Bundle b = example();
        assertNotNull(b, "the example bundle is installed in the test workbench");
        assertTrue(Contributions.drugs().find("bisteric_mtorc1").isPresent());
        assertTrue(Contributions.template("example_feedback").isPresent());
        b.stop();
        try {
            assertFalse(Contributions.drugs().find("bisteric_mtorc1").isPresent(), "gone when the bundle stops");
            assertFalse(Contributions.template("example_feedback").isPresent());
            assertTrue(Contributions.drugs().find("rapamycin").isPresent(), "the product's own stay");
        } finally {
            b.start();
        }
        assertTrue(Contributions.drugs().find("bisteric_mtorc1").isPresent(), "back when it starts again");
    }
}
