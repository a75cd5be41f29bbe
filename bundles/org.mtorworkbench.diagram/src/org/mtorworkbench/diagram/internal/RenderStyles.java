package org.mtorworkbench.diagram.internal;

import java.awt.Color;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sbml.jsbml.ext.layout.Layout;
import org.sbml.jsbml.ext.render.ColorDefinition;
import org.sbml.jsbml.ext.render.LocalRenderInformation;
import org.sbml.jsbml.ext.render.LocalStyle;
import org.sbml.jsbml.ext.render.RenderConstants;
import org.sbml.jsbml.ext.render.RenderGroup;
import org.sbml.jsbml.ext.render.RenderLayoutPlugin;
import org.sbml.jsbml.ext.render.Style;

/**
 * The fill, stroke and stroke width that a layout's local render information gives each
 * glyph, by glyph id (the style's id list) or by glyph type (its type list). Colours are
 * colour definitions or {@code #RRGGBB[AA]} values; gradients and line endings are not read.
 */
public final class RenderStyles {

    /** What a style says about one glyph; null fields mean "not said". */
    public record Paint(Color fill, Color stroke, Float strokeWidth) {
        static final Paint NONE = new Paint(null, null, null);
    }

    private final Map<String, Paint> byId = new HashMap<>();
    private final Map<String, Paint> byType = new HashMap<>();

    private RenderStyles() {
    }

    /** Reads the first local render information of a layout; none gives empty styles. */
    public static RenderStyles of(Layout layout) {
        RenderStyles styles = new RenderStyles();
        if (!layout.isSetPlugin(RenderConstants.shortLabel)) {
            return styles;
        }
        RenderLayoutPlugin rp = (RenderLayoutPlugin) layout.getPlugin(RenderConstants.shortLabel);
        if (rp.getListOfLocalRenderInformation().isEmpty()) {
            return styles;
        }
        LocalRenderInformation info = rp.getLocalRenderInformation(0);
        Map<String, Color> colours = new HashMap<>();
        for (ColorDefinition cd : info.getListOfColorDefinitions()) {
            if (cd.isSetId() && cd.getValue() != null) {
                colours.put(cd.getId(), cd.getValue());
            }
        }
        for (LocalStyle st : info.getListOfLocalStyles()) {
            if (!st.isSetGroup()) {
                continue;
            }
            RenderGroup g = st.getGroup();
            Paint p = new Paint(g.isSetFill() ? colour(g.getFill(), colours) : null,
                    g.isSetStroke() ? colour(g.getStroke(), colours) : null,
                    g.isSetStrokeWidth() ? g.getStrokeWidth().floatValue() : null);
            if (st.isSetIDList()) {
                st.getIDList().forEach(id -> styles.byId.put(id, p));
            }
            if (st.isSetTypeList()) {
                for (Style.Type t : st.getTypeList()) {
                    styles.byType.put(t.name(), p);
                }
            }
        }
        return styles;
    }

    private static Color colour(String value, Map<String, Color> colours) {
        Color c = colours.get(value);
        if (c != null || value == null || !value.startsWith("#")) {
            return c;
        }
        try {
            String hex = value.substring(1);
            if (hex.length() == 6) {
                return new Color(Integer.parseInt(hex, 16));
            }
            if (hex.length() == 8) {
                long v = Long.parseLong(hex, 16);
                return new Color((int) (v >> 24) & 0xFF, (int) (v >> 16) & 0xFF, (int) (v >> 8) & 0xFF, (int) v & 0xFF);
            }
        } catch (NumberFormatException e) {
            // an unreadable colour is treated as unset
        }
        return null;
    }

    /**
     * The paint of a glyph: its id's style, else its type's (types in order of preference), else none.
     */
    public Paint paint(String glyphId, List<String> types) {
        Paint p = byId.get(glyphId);
        if (p != null) {
            return p;
        }
        for (String t : types) {
            p = byType.get(t);
            if (p != null) {
                return p;
            }
        }
        return Paint.NONE;
    }
}
