package org.mtorworkbench.diagram.internal;

import java.util.ArrayList;
import java.util.List;

import org.sbml.jsbml.SBase;
import org.sbml.jsbml.xml.XMLNode;

/** Reading CellDesigner 4 annotations (elements in CellDesigner's namespaces). */
final class CellDesignerXml {

    private static final String NS_PREFIX = "http://www.sbml.org/2001/ns/celldesigner";

    private CellDesignerXml() {
    }

    /** @return the element's annotation without its RDF part, or null */
    static XMLNode nonRdf(SBase e) {
        return e.isSetAnnotation() && e.getAnnotation().isSetNonRDFannotation() ? e.getAnnotation().getNonRDFannotation()
                : null;
    }

    /** Every CellDesigner element named {@code name} below {@code root}, outermost first, not looking inside matches. */
    static List<XMLNode> find(XMLNode root, String name) {
        return find(root, name, null);
    }

    /** As {@link #find(XMLNode, String)}, not looking inside elements named {@code skip}. */
    static List<XMLNode> find(XMLNode root, String name, String skip) {
        List<XMLNode> out = new ArrayList<>();
        collect(root, name, skip, out);
        return out;
    }

    /** @return the first match of {@link #find(XMLNode, String)}, or null */
    static XMLNode first(XMLNode root, String name) {
        List<XMLNode> all = find(root, name);
        return all.isEmpty() ? null : all.get(0);
    }

    private static void collect(XMLNode node, String name, String skip, List<XMLNode> out) {
        for (int i = 0; i < node.getChildCount(); i++) {
            XMLNode c = node.getChildAt(i);
            if (!c.isElement()) {
                continue;
            }
            boolean ours = c.getURI() != null && c.getURI().startsWith(NS_PREFIX);
            if (ours && name.equals(c.getName())) {
                out.add(c);
            } else if (!(ours && c.getName().equals(skip))) {
                collect(c, name, skip, out);
            }
        }
    }

    /** @return the element's text content, stripped */
    static String text(XMLNode n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n.getChildCount(); i++) {
            if (n.getChildAt(i).isText()) {
                b.append(n.getChildAt(i).getCharacters());
            }
        }
        return b.toString().strip();
    }
}
