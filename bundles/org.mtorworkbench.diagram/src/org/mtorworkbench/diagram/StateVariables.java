package org.mtorworkbench.diagram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.xml.stream.XMLStreamException;

import org.sbml.jsbml.SBase;
import org.sbml.jsbml.xml.XMLNode;

/**
 * SBGN state variables of a species (e.g. phosphorylation sites {@code P@T308}), kept in the
 * species' annotation as
 * {@code <mtorwb:stateVariables xmlns:mtorwb="https://mtorworkbench.org/sbml/state-variables"
 * values="P@T308,P@S473"/>}: each value is drawn as a small ellipse on the glyph's border.
 * A value is usually {@code state@site}; any text without commas is allowed.
 */
public final class StateVariables {

    /** The namespace of the annotation element. */
    public static final String NS = "https://mtorworkbench.org/sbml/state-variables";
    /** The annotation element's name. */
    public static final String ELEMENT = "stateVariables";

    private StateVariables() {
    }

    /** @return the element's state variables in order, empty when it has none */
    public static List<String> of(SBase e) {
        XMLNode n = node(e);
        if (n == null) {
            return List.of();
        }
        String v = n.getAttrValue("values");
        return v == null ? List.of() : parse(v);
    }

    /** @return the state variables of a comma-separated list; blank entries are left out */
    public static List<String> parse(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** @return the state variables as the comma-separated list {@link #parse} reads */
    public static String format(List<String> values) {
        return String.join(", ", values);
    }

    /**
     * Sets the element's state variables, replacing any it had; an empty list removes the
     * annotation element. Other annotation content is kept.
     *
     * @throws IllegalArgumentException when a value holds a comma
     */
    public static void set(SBase e, List<String> values) {
        for (String v : values) {
            if (v.contains(",")) {
                throw new IllegalArgumentException("a state variable cannot hold a comma: " + v);
            }
        }
        XMLNode old = node(e);
        if (old != null) {
            XMLNode top = e.getAnnotation().getNonRDFannotation();
            for (int i = top.getChildCount() - 1; i >= 0; i--) {
                if (top.getChildAt(i) == old) {
                    top.removeChild(i);
                }
            }
        }
        List<String> clean = new ArrayList<>();
        values.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(clean::add);
        if (clean.isEmpty()) {
            if (old != null && !hasElements(e.getAnnotation().getNonRDFannotation())) {
                e.getAnnotation().unsetNonRDFannotation();
            }
            return;
        }
        String xml = "<mtorwb:" + ELEMENT + " xmlns:mtorwb=\"" + NS + "\" values=\"" + escape(String.join(",", clean))
                + "\"/>";
        try {
            e.getAnnotation().appendNonRDFAnnotation(xml);
        } catch (XMLStreamException ex) {
            throw new IllegalArgumentException("the state variables " + clean + " cannot be written: " + ex.getMessage(), ex);
        }
    }

    private static XMLNode node(SBase e) {
        if (!e.isSetAnnotation() || !e.getAnnotation().isSetNonRDFannotation()) {
            return null;
        }
        XMLNode top = e.getAnnotation().getNonRDFannotation();
        for (int i = 0; i < top.getChildCount(); i++) {
            XMLNode c = top.getChildAt(i);
            if (c.isElement() && ELEMENT.equals(c.getName()) && NS.equals(c.getURI())) {
                return c;
            }
        }
        return null;
    }

    private static boolean hasElements(XMLNode top) {
        for (int i = 0; i < top.getChildCount(); i++) {
            if (top.getChildAt(i).isElement()) {
                return true;
            }
        }
        return false;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
