package org.mtorworkbench.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The example extension, installed as a modeller would install it, contributes a palette
 * entry: the editor's palette has it, parsed from its plugin.xml, after the editor's own tools.
 */
class ExamplePaletteEntryTest {

    private static final String EXAMPLE = "org.mtorworkbench.examples.bisteric";

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
        int at = palette.indexOf(bisteric);
        assertTrue(at >= 12 && palette.subList(0, at).stream()
                .allMatch(e -> e.contributor().equals("org.mtorworkbench.ui.editor")),
                "the editor's twelve tools come first: " + palette);
    }
}
