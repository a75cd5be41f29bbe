package org.mtorworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.network.extension.Contributions;
import org.mtorworkbench.ui.editor.ElementKind;
import org.mtorworkbench.ui.editor.PaletteEntry;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The example extension, installed in the workbench as a modeller would install it: its
 * palette entry is in the pathway editor's palette after the editor's own tools, and its drug
 * and template are offered while the bundle runs and gone once it stops.
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
    void theExamplesPaletteEntryFollowsTheEditorsOwnTools() {
        List<PaletteEntry> palette = PaletteEntry.installed();
        PaletteEntry bisteric = palette.stream().filter(e -> e.contributor().equals(EXAMPLE)).findFirst()
                .orElse(null);
        assertNotNull(bisteric, "the example's entry is in the palette: " + palette);
        assertEquals("Bi-steric Inhibitor", bisteric.label());
        assertEquals(ElementKind.SPECIES, bisteric.kind());
        assertEquals(247, bisteric.sboTerm());
        assertEquals("true", bisteric.get("boundaryCondition", ""));
        int first = palette.indexOf(bisteric);
        assertTrue(first > 0 && palette.subList(0, first).stream()
                .allMatch(e -> e.contributor().equals("org.mtorworkbench.ui.editor")),
                "the editor's own tools come first: " + palette);
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
