package org.mtorworkbench.experiments.sedml;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXParseException;

/** Safe XML reading (no DTDs, no external entities) and writing for SED-ML and COMBINE manifests. */
final class Xml {

    static final String MATHML = "http://www.w3.org/1998/Math/MathML";

    private Xml() {
    }

    static Document newDocument() {
        try {
            return factory().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses namespace-aware with DOCTYPEs refused. */
    static Document parse(byte[] content, String source) throws SedmlException {
        try {
            DocumentBuilder b = factory().newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(content));
        } catch (SAXParseException e) {
            throw new SedmlException(SedmlException.Kind.INVALID, source + ":" + e.getLineNumber() + ":"
                    + e.getColumnNumber() + ": not well-formed XML (" + e.getMessage() + "); fix or re-export the file",
                    e);
        } catch (Exception e) {
            throw new SedmlException(SedmlException.Kind.INVALID, source + ": cannot be read as XML (" + e.getMessage()
                    + ")", e);
        }
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be made safe", e);
        }
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }

    static String toString(Document doc) {
        try {
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            doc.setXmlStandalone(true);
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(w));
            return w.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the child elements of {@code e} with that local name (any namespace) */
    static List<Element> children(Element e, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && (localName == null || localName.equals(c.getLocalName()))) {
                out.add(c);
            }
        }
        return out;
    }

    /** @return the single child with that local name, or null */
    static Element child(Element e, String localName) {
        List<Element> l = children(e, localName);
        return l.isEmpty() ? null : l.get(0);
    }

    /** @return the elements of {@code listOfX} under {@code e}, or none */
    static List<Element> list(Element e, String listName) {
        Element l = child(e, listName);
        return l == null ? List.of() : children(l, null);
    }

    /** @return an attribute, or null when absent */
    static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }
}
