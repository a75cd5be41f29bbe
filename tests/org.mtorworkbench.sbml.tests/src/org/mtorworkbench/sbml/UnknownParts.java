package org.mtorworkbench.sbml;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The parts of an SBML file in namespaces other than SBML core, MathML and the packages
 * JSBML reads, in a canonical form for structural comparison: per SBML element (named by
 * its path of element names and ids), its unknown attributes (namespace, name, value) and
 * its unknown child elements (each a canonical string of namespace, name, sorted
 * attributes, trimmed text and children).
 */
final class UnknownParts {

    private UnknownParts() {
    }

    static Map<String, List<String>> of(byte[] xml) throws Exception {
        Element root = parse(xml);
        Map<String, List<String>> out = new TreeMap<>();
        walk(root, "", root.getNamespaceURI(), out, null);
        return out;
    }

    /** @return per SBML element with unknown children, the names of all its element children in order */
    static Map<String, List<String>> order(byte[] xml) throws Exception {
        Element root = parse(xml);
        Map<String, List<String>> out = new TreeMap<>();
        walk(root, "", root.getNamespaceURI(), new TreeMap<>(), out);
        return out;
    }

    private static Element parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
    }

    private static boolean known(String ns, String core) {
        return ns == null || ns.isEmpty() || ns.equals(core) || ns.equals("http://www.w3.org/1998/Math/MathML")
                || ns.matches("http://www\\.sbml\\.org/sbml/level3/version\\d/(layout|render|comp|fbc|qual|groups)/version\\d")
                || ns.equals("http://www.w3.org/2000/xmlns/") || ns.equals("http://www.w3.org/2001/XMLSchema-instance");
    }

    private static void walk(Element e, String parentPath, String core, Map<String, List<String>> out,
            Map<String, List<String>> order) {
        String path = parentPath + "/" + e.getLocalName() + (e.hasAttribute("id") ? "[" + e.getAttribute("id") + "]" : "");
        List<String> parts = new ArrayList<>();
        NamedNodeMap atts = e.getAttributes();
        TreeMap<String, String> unknownAttrs = new TreeMap<>();
        for (int i = 0; i < atts.getLength(); i++) {
            Attr a = (Attr) atts.item(i);
            if (!known(a.getNamespaceURI(), core)) {
                unknownAttrs.put(a.getNamespaceURI() + "|" + a.getLocalName(), a.getValue());
            }
        }
        unknownAttrs.forEach((k, v) -> parts.add("@" + k + "=" + v));
        List<String> names = new ArrayList<>();
        boolean unknownChild = false;
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element c)) {
                continue;
            }
            String ln = c.getLocalName();
            if (!known(c.getNamespaceURI(), core)) {
                parts.add(canonical(c));
                names.add(c.getNamespaceURI() + "|" + ln);
                unknownChild = true;
            } else if (!"notes".equals(ln) && !"annotation".equals(ln)) {
                names.add(ln);
                if (!"math".equals(ln)) {
                    walk(c, path, core, out, order);
                }
            }
        }
        if (!parts.isEmpty()) {
            out.put(path, parts);
        }
        if (order != null && unknownChild) {
            order.put(path, names);
        }
    }

    private static String canonical(Element e) {
        StringBuilder sb = new StringBuilder("<").append(e.getNamespaceURI()).append('|').append(e.getLocalName());
        Map<String, String> attrs = new TreeMap<>();
        NamedNodeMap atts = e.getAttributes();
        for (int i = 0; i < atts.getLength(); i++) {
            Attr a = (Attr) atts.item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                attrs.put(a.getNamespaceURI() + "|" + a.getLocalName(), a.getValue());
            }
        }
        attrs.forEach((k, v) -> sb.append(' ').append(k).append("=\"").append(v).append('"'));
        sb.append('>');
        Map<Integer, String> children = new LinkedHashMap<>();
        int i = 0;
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                children.put(i++, canonical(c));
            } else if (n.getNodeType() == Node.TEXT_NODE && !n.getNodeValue().isBlank()) {
                children.put(i++, n.getNodeValue().strip());
            }
        }
        children.values().forEach(sb::append);
        return sb.append("</>").toString();
    }
}
