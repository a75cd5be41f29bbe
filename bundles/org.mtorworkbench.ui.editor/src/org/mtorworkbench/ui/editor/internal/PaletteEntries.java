package org.mtorworkbench.ui.editor.internal;

import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.mtorworkbench.ui.editor.ElementKind;
import org.mtorworkbench.ui.editor.PaletteEntry;
import org.osgi.framework.Bundle;

/**
 * Reads the palette from the extension point {@code org.mtorworkbench.ui.editor.paletteEntries}.
 * An entry that is not well formed is left out, and the reason (bundle, entry, attribute, what
 * to do) goes to the error log.
 */
public final class PaletteEntries {

    /** The extension point's id. */
    public static final String EXTENSION_POINT = "org.mtorworkbench.ui.editor.paletteEntries";
    /** This bundle, whose entries come first. */
    static final String OWN_BUNDLE = "org.mtorworkbench.ui.editor";

    /** The entries read and the problems found. */
    public record Result(List<PaletteEntry> entries, List<String> problems) {
    }

    private PaletteEntries() {
    }

    /** @return the palette of every installed bundle, problems logged */
    public static List<PaletteEntry> installed() {
        Result r = read(Platform.getExtensionRegistry().getConfigurationElementsFor(EXTENSION_POINT));
        ILog log = ILog.of(PaletteEntries.class);
        r.problems().forEach(p -> log.log(new Status(IStatus.ERROR, OWN_BUNDLE, p)));
        return r.entries();
    }

    /** Reads entries from configuration elements: the editor's own first, then the others in registry order. */
    public static Result read(IConfigurationElement[] elements) {
        List<PaletteEntry> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (IConfigurationElement e : elements) {
            if (!"entry".equals(e.getName())) {
                continue;
            }
            String bundle = e.getContributor().getName();
            try {
                PaletteEntry p = entry(e, bundle);
                if (!ids.add(p.id())) {
                    throw new IllegalArgumentException("the id '" + p.id() + "' is already taken; choose another id");
                }
                out.add(p);
            } catch (IllegalArgumentException ex) {
                problems.add("palette entry '" + e.getAttribute("id") + "' of bundle " + bundle + " (plugin.xml) is left out: "
                        + ex.getMessage());
            }
        }
        out.sort(Comparator.comparing((PaletteEntry p) -> !OWN_BUNDLE.equals(p.contributor())));
        return new Result(List.copyOf(out), List.copyOf(problems));
    }

    private static PaletteEntry entry(IConfigurationElement e, String bundle) {
        String id = required(e, "id");
        String label = required(e, "label");
        String kindName = required(e, "kind");
        ElementKind kind = ElementKind.ofXmlName(kindName).orElseThrow(() -> new IllegalArgumentException(
                "kind '" + kindName + "' is not one of species, compartment, reaction, reactant, product, modifier"));
        int sbo = sbo(e.getAttribute("sboTerm"));
        Map<String, String> defaults = new LinkedHashMap<>();
        for (IConfigurationElement p : e.getChildren("property")) {
            String name = required(p, "name");
            String value = p.getAttribute("value") == null ? "" : p.getAttribute("value");
            if (!PaletteEntry.PROPERTIES.contains(name)) {
                throw new IllegalArgumentException("property '" + name + "' is not one of " + new java.util.TreeSet<>(
                        PaletteEntry.PROPERTIES));
            }
            if (Set.of("initialConcentration", "initialAmount", "size", "width", "height", "k", "stoichiometry")
                    .contains(name)) {
                try {
                    double d = Double.parseDouble(value);
                    if (!Double.isFinite(d)) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException("property '" + name + "' has value '" + value
                            + "', which is not a finite number");
                }
            }
            defaults.put(name, value);
        }
        if (defaults.containsKey("kineticLaw")) {
            String err = Formulas.syntaxError(defaults.get("kineticLaw"));
            if (err != null) {
                throw new IllegalArgumentException("kineticLaw '" + defaults.get("kineticLaw") + "': " + err);
            }
        }
        return new PaletteEntry(id, label, icon(bundle, e.getAttribute("icon")), sbo, kind, defaults, bundle);
    }

    private static String required(IConfigurationElement e, String attribute) {
        String v = e.getAttribute(attribute);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("the attribute '" + attribute + "' of <" + e.getName()
                    + "> is missing; add it");
        }
        return v.trim();
    }

    /** Parses {@code SBO:0000245}, {@code 0000245} or {@code 245}; empty means none. */
    static int sbo(String text) {
        if (text == null || text.isBlank()) {
            return -1;
        }
        String t = text.trim();
        if (t.regionMatches(true, 0, "SBO:", 0, 4)) {
            t = t.substring(4);
        }
        try {
            int n = Integer.parseInt(t);
            if (n < 0 || n > 9_999_999) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("sboTerm '" + text + "' is not an SBO term such as SBO:0000245");
        }
    }

    private static URL icon(String bundle, String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        Bundle b = Platform.getBundle(bundle);
        return b == null ? null : FileLocator.find(b, new org.eclipse.core.runtime.Path(path), null);
    }
}
