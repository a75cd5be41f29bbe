package org.mtorworkbench.sbml.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Carries content of SBML packages (and other extensions) JSBML does not read through a
 * read and a write unchanged. JSBML drops such elements and attributes, so before JSBML
 * parses a file they are parked in the annotation of the element that holds them, inside a
 * {@code <wbk:unknownContent>} element of the workbench's namespace; JSBML keeps
 * annotations verbatim and moves them with their element through cloning and editing.
 * After JSBML has written a document, {@link #restore} puts the attributes back on their
 * element and the elements back among its children, at their original position.
 */
public final class UnknownContent {

    /** The namespace of the parking element. */
    public static final String NS = "https://mtorworkbench.org/ns/sbml-unknown-content/1";
    private static final String PREFIX = "wbk";
    private static final String PARKED = "unknownContent";
    /** Where each parked child element stood among its parent's element children, in order. */
    private static final String POSITIONS = "positions";
    private static final String MATHML = "http://www.w3.org/1998/Math/MathML";
    private static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    private static final byte[] MARKER = NS.getBytes(StandardCharsets.US_ASCII);

    private UnknownContent() {
    }

    /**
     * Parks every element and attribute in a namespace for which {@code known} is false (and
     * that is not inside notes, annotations or MathML) in the annotation of its element.
     *
     * @param content the document's bytes, already checked by {@link XmlPrescan}
     * @param known whether a namespace is SBML core or a package JSBML reads
     * @return the document to give JSBML
     */
    public static byte[] park(byte[] content, Predicate<String> known) throws Exception {
        Document doc = SafeDom.parse(content);
        Element root = doc.getDocumentElement();
        String core = root.getNamespaceURI();
        parkIn(root, core, known);
        return serialize(doc);
    }

    private static void parkIn(Element e, String core, Predicate<String> known) {
        List<Attr> attrs = new ArrayList<>();
        NamedNodeMap map = e.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            Attr a = (Attr) map.item(i);
            String ns = a.getNamespaceURI();
            if (ns != null && !ns.isEmpty() && !XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(ns)
                    && !XMLConstants.XML_NS_URI.equals(ns) && !XSI.equals(ns) && !known.test(ns)) {
                attrs.add(a);
            }
        }
        List<Element> elements = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        int index = 0;
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element c)) {
                continue;
            }
            String ns = c.getNamespaceURI();
            if (!known.test(ns == null ? "" : ns) && !MATHML.equals(ns)) {
                elements.add(c);
                positions.add(index);
            } else if (!"notes".equals(c.getLocalName()) && !"annotation".equals(c.getLocalName())
                    && !MATHML.equals(ns)) {
                parkIn(c, core, known);
            }
            index++;
        }
        if (attrs.isEmpty() && elements.isEmpty()) {
            return;
        }
        Document doc = e.getOwnerDocument();
        Element parked = doc.createElementNS(NS, PREFIX + ":" + PARKED);
        parked.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + PREFIX, NS);
        for (Attr a : attrs) {
            declare(parked, a.getPrefix(), a.getNamespaceURI());
            parked.setAttributeNS(a.getNamespaceURI(), a.getName(), a.getValue());
            e.removeAttributeNode(a);
        }
        if (!positions.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            positions.forEach(p -> sb.append(sb.length() == 0 ? "" : " ").append(p));
            parked.setAttributeNS(NS, PREFIX + ":" + POSITIONS, sb.toString());
        }
        for (Element c : elements) {
            declareUsed(c, c);
            e.removeChild(c);
            parked.appendChild(c);
        }
        annotationOf(e, core).appendChild(parked);
    }

    /** Declares on {@code target} every namespace {@code subtree} uses, as bound where it stood. */
    private static void declareUsed(Element subtree, Element target) {
        Map<String, String> used = new LinkedHashMap<>();
        collect(subtree, used);
        used.forEach((prefix, uri) -> declare(target, prefix, uri));
    }

    private static void collect(Element e, Map<String, String> used) {
        used.putIfAbsent(e.getPrefix() == null ? "" : e.getPrefix(), e.getNamespaceURI() == null ? "" : e.getNamespaceURI());
        NamedNodeMap map = e.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            Attr a = (Attr) map.item(i);
            if (a.getPrefix() != null && !XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())
                    && !XMLConstants.XML_NS_URI.equals(a.getNamespaceURI())) {
                used.putIfAbsent(a.getPrefix(), a.getNamespaceURI());
            }
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                collect(c, used);
            }
        }
    }

    private static void declare(Element e, String prefix, String uri) {
        if (uri == null || uri.isEmpty()) {
            return;
        }
        String p = prefix == null ? "" : prefix;
        String current = e.lookupNamespaceURI(p.isEmpty() ? null : p);
        if (uri.equals(current) && e.hasAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, p.isEmpty() ? "xmlns" : p)) {
            return;
        }
        e.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, p.isEmpty() ? "xmlns" : "xmlns:" + p, uri);
    }

    /** @return {@code e}'s annotation, made (after its notes) if it has none */
    private static Element annotationOf(Element e, String core) {
        Node afterNotes = e.getFirstChild();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                if ("annotation".equals(c.getLocalName()) && core.equals(c.getNamespaceURI())) {
                    return c;
                }
                if ("notes".equals(c.getLocalName()) && core.equals(c.getNamespaceURI())) {
                    afterNotes = c.getNextSibling();
                }
            }
        }
        Element a = e.getOwnerDocument().createElementNS(core, "annotation");
        if (core.equals(e.getNamespaceURI()) && e.getPrefix() != null) {
            a.setPrefix(e.getPrefix());
        }
        e.insertBefore(a, afterNotes);
        return a;
    }

    /** @return whether {@code written} holds parked content */
    public static boolean hasParked(byte[] written) {
        outer: for (int i = 0; i <= written.length - MARKER.length; i++) {
            for (int j = 0; j < MARKER.length; j++) {
                if (written[i + j] != MARKER[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * Puts parked content back where it was: attributes on the element whose annotation
     * holds them, elements among its children at their original positions. An annotation
     * left empty is removed.
     */
    public static byte[] restore(byte[] written) throws Exception {
        Document doc = SafeDom.parse(written);
        List<Element> parked = new ArrayList<>();
        var found = doc.getElementsByTagNameNS(NS, PARKED);
        for (int i = 0; i < found.getLength(); i++) {
            parked.add((Element) found.item(i));
        }
        for (Element p : parked) {
            Element annotation = (Element) p.getParentNode();
            Element owner = (Element) annotation.getParentNode();
            annotation.removeChild(p);
            // Positions count the owner's children as they were, without an annotation made for parking.
            if (!hasElementChild(annotation)) {
                removeWithIndent(owner, annotation);
            }
            NamedNodeMap map = p.getAttributes();
            for (int i = 0; i < map.getLength(); i++) {
                Attr a = (Attr) map.item(i);
                String ns = a.getNamespaceURI();
                if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(ns) || NS.equals(ns)) {
                    continue;
                }
                declare(owner, a.getPrefix(), ns);
                owner.setAttributeNS(ns, a.getName(), a.getValue());
            }
            String[] positions = p.getAttributeNS(NS, POSITIONS).isBlank() ? new String[0]
                    : p.getAttributeNS(NS, POSITIONS).trim().split("\\s+");
            int k = 0;
            for (Node n = p.getFirstChild(); n != null;) {
                Node next = n.getNextSibling();
                if (n instanceof Element c) {
                    p.removeChild(c);
                    int at = k < positions.length ? Integer.parseInt(positions[k]) : Integer.MAX_VALUE;
                    insertAt(owner, c, at);
                    k++;
                }
                n = next;
            }
        }
        return serialize(doc);
    }

    /** Inserts {@code c} as element child number {@code at}, never before notes or annotation. */
    private static void insertAt(Element owner, Element c, int at) {
        int index = 0;
        for (Node n = owner.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                boolean header = "notes".equals(e.getLocalName()) || "annotation".equals(e.getLocalName());
                if (index >= at && !header) {
                    owner.insertBefore(c, e);
                    return;
                }
                index++;
            }
        }
        owner.appendChild(c);
    }

    private static void removeWithIndent(Element owner, Element child) {
        Node before = child.getPreviousSibling();
        if (before != null && before.getNodeType() == Node.TEXT_NODE && before.getNodeValue().isBlank()) {
            owner.removeChild(before);
        }
        owner.removeChild(child);
    }

    private static boolean hasElementChild(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                return true;
            }
        }
        return false;
    }

    private static byte[] serialize(Document doc) throws Exception {
        TransformerFactory tf = TransformerFactory.newDefaultInstance();
        tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Transformer t = tf.newTransformer();
        t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        t.setOutputProperty(OutputKeys.METHOD, "xml");
        doc.setXmlStandalone(true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }
}
