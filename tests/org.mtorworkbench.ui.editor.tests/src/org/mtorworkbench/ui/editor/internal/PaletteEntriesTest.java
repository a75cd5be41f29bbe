package org.mtorworkbench.ui.editor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IContributor;
import org.junit.jupiter.api.Test;
import org.mtorworkbench.ui.editor.ElementKind;
import org.mtorworkbench.ui.editor.PaletteEntry;

/**
 * Reading palette entries from configuration elements: well-formed entries become
 * {@link PaletteEntry} records (the editor bundle's first), each malformed one is left out
 * with a message naming the bundle, the entry and what to fix.
 */
class PaletteEntriesTest {

    /** A configuration element of a bundle with attributes and {@code <property>} children. */
    private static IConfigurationElement element(String bundle, Map<String, String> attrs, Map<String, String> props) {
        IContributor contributor = (IContributor) Proxy.newProxyInstance(PaletteEntriesTest.class.getClassLoader(),
                new Class<?>[] { IContributor.class }, (p, m, a) -> "getName".equals(m.getName()) ? bundle : null);
        IConfigurationElement[] children = props.entrySet().stream()
                .map(e -> simple("property", Map.of("name", e.getKey(), "value", e.getValue()), contributor))
                .toArray(IConfigurationElement[]::new);
        return (IConfigurationElement) Proxy.newProxyInstance(PaletteEntriesTest.class.getClassLoader(),
                new Class<?>[] { IConfigurationElement.class }, (p, m, a) -> switch (m.getName()) {
                    case "getName" -> "entry";
                    case "getAttribute" -> attrs.get((String) a[0]);
                    case "getContributor" -> contributor;
                    case "getChildren" -> a != null && a.length == 1 && !"property".equals(a[0])
                            ? new IConfigurationElement[0] : children;
                    default -> null;
                });
    }

    private static IConfigurationElement simple(String name, Map<String, String> attrs, IContributor c) {
        return (IConfigurationElement) Proxy.newProxyInstance(PaletteEntriesTest.class.getClassLoader(),
                new Class<?>[] { IConfigurationElement.class }, (p, m, a) -> switch (m.getName()) {
                    case "getName" -> name;
                    case "getAttribute" -> attrs.get((String) a[0]);
                    case "getContributor" -> c;
                    case "getChildren" -> new IConfigurationElement[0];
                    default -> null;
                });
    }

    @Test
    void wellFormedEntriesAreReadTheEditorsOwnFirst() {
        var r = PaletteEntries.read(new IConfigurationElement[] {
                element("org.example.kinases", Map.of("id", "org.example.kinase", "label", "Kinase", "kind", "species",
                        "sboTerm", "252"), Map.of("initialConcentration", "0.5", "name", "kinase")),
                element("org.mtorworkbench.ui.editor", Map.of("id", "own.catalysis", "label", "Catalysis", "kind", "modifier",
                        "sboTerm", "SBO:0000013"), Map.of()) });
        assertEquals(List.of(), r.problems());
        assertEquals(List.of("Catalysis", "Kinase"), r.entries().stream().map(PaletteEntry::label).toList());
        PaletteEntry kinase = r.entries().get(1);
        assertEquals(252, kinase.sboTerm());
        assertEquals(ElementKind.SPECIES, kinase.kind());
        assertEquals(0.5, kinase.number("initialConcentration", 0));
        assertEquals("org.example.kinases", kinase.contributor());
    }

    @Test
    void malformedEntriesAreLeftOutWithTheReason() {
        var r = PaletteEntries.read(new IConfigurationElement[] {
                element("org.example.bad", Map.of("id", "a", "label", "A", "kind", "enzyme"), Map.of()),
                element("org.example.bad", Map.of("id", "b", "label", "B", "kind", "species", "sboTerm", "SBO:kinase"), Map.of()),
                element("org.example.bad", Map.of("id", "c", "label", "C", "kind", "species"), Map.of("colour", "red")),
                element("org.example.bad", Map.of("id", "d", "label", "D", "kind", "species"), Map.of("initialAmount", "lots")),
                element("org.example.bad", Map.of("id", "e", "label", "E", "kind", "reaction"), Map.of("kineticLaw", "k * (A")),
                element("org.example.bad", Map.of("id", "f", "kind", "species"), Map.of()),
                element("org.example.ok", Map.of("id", "g", "label", "G", "kind", "species"), Map.of()),
                element("org.example.ok", Map.of("id", "g", "label", "G again", "kind", "species"), Map.of()) });
        assertEquals(List.of("G"), r.entries().stream().map(PaletteEntry::label).toList());
        List<String> p = r.problems();
        assertEquals(7, p.size(), p.toString());
        assertTrue(p.get(0).contains("'a' of bundle org.example.bad") && p.get(0).contains("kind 'enzyme'"), p.get(0));
        assertTrue(p.get(1).contains("SBO:kinase"), p.get(1));
        assertTrue(p.get(2).contains("property 'colour'"), p.get(2));
        assertTrue(p.get(3).contains("not a finite number"), p.get(3));
        assertTrue(p.get(4).contains("kineticLaw"), p.get(4));
        assertTrue(p.get(5).contains("'label'") && p.get(5).contains("missing"), p.get(5));
        assertTrue(p.get(6).contains("already taken"), p.get(6));
    }
}
