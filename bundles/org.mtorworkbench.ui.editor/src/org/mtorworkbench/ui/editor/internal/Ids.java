package org.mtorworkbench.ui.editor.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.sbml.jsbml.Model;
import org.sbml.jsbml.ext.layout.Layout;

/**
 * Hands out ids that no element of a model or glyph of its layout has, nor any id handed out
 * earlier by the same instance (elements not yet added to the model).
 */
final class Ids {

    private static final Pattern SID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Model model;
    private final Layout layout;
    private final Set<String> reserved = new HashSet<>();

    Ids(Layout layout) {
        this.layout = layout;
        this.model = layout.getModel();
    }

    /** @return true when the text is an SBML SId */
    static boolean isSId(String s) {
        return s != null && SID.matcher(s).matches();
    }

    /** @return an SId made from free text: letters, digits and underscores, not starting with a digit */
    static String sanitize(String text) {
        String s = text == null ? "" : text.trim().replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        if (s.isEmpty()) {
            s = "e";
        }
        return Character.isDigit(s.charAt(0)) ? "_" + s : s;
    }

    /** @return true when some element or glyph has the id */
    static boolean taken(Model model, Layout layout, String id) {
        return model.findUniqueNamedSBase(id) != null || model.findNamedSBase(id) != null
                || model.getFunctionDefinition(id) != null || model.getUnitDefinition(id) != null
                || (layout != null && (MoveOperation.find(layout, id) != null || layout.getTextGlyph(id) != null
                        || layout.getListOfReactionGlyphs().stream().anyMatch(
                                rg -> rg.getListOfSpeciesReferenceGlyphs().stream().anyMatch(s -> id.equals(s.getId())))));
    }

    /** @return {@code base} if free, else {@code base_2}, {@code base_3}, ... */
    String unique(String base) {
        String b = sanitize(base);
        String id = b;
        for (int n = 2; reserved.contains(id) || taken(model, layout, id); n++) {
            id = b + "_" + n;
        }
        reserved.add(id);
        return id;
    }

    /** @return {@code base_1}, {@code base_2}, ...: the first free */
    String numbered(String base) {
        String b = sanitize(base);
        String id;
        int n = 1;
        do {
            id = b + "_" + n++;
        } while (reserved.contains(id) || taken(model, layout, id));
        reserved.add(id);
        return id;
    }
}
