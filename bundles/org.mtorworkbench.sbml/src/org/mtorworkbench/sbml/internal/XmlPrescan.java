package org.mtorworkbench.sbml.internal;

import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.mtorworkbench.sbml.SbmlException;
import org.mtorworkbench.sbml.SbmlException.Kind;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A fast, safe well-formedness pass over a file before JSBML sees it. It refuses DOCTYPE
 * declarations (and with them external entities and entity expansion bombs), reports
 * malformed XML as {@code file:line:column: message}, and checks that the root element is
 * an SBML {@code <sbml>} element.
 */
public final class XmlPrescan {

    /** SBML namespaces all begin with this. */
    public static final String SBML_NS_PREFIX = "http://www.sbml.org/sbml/level";

    /**
     * What the scan learned: the root element's namespace, level and version, and where each
     * SBML id is declared, so problems found later can name a line.
     *
     * @param idLines the line of the first declaration of each id, per model scope
     * @param duplicates each id declared more than once in one scope, with the element and lines
     * @param unknown content the workbench cannot keep: elements and attributes of namespaces
     *            that neither SBML core nor a package JSBML reads defines, inside MathML
     * @param kept elements and attributes (outside notes, annotations and MathML) of such
     *            namespaces: the workbench keeps them verbatim ({@link UnknownContent}), but
     *            only a document written in this level and version can hold them
     * @param unknownPackages the prefixes of the L3 packages the root declares required or not
     *            ({@code prefix:required}) that JSBML does not read
     * @param mathShapes MathML written in shapes libSBML reads but JSBML misreads, which
     *            {@link MathMlShapes} rewrites before JSBML parses the file
     */
    public record Root(String namespace, int level, int version, java.util.Map<String, Integer> idLines,
            java.util.List<String> duplicates, java.util.List<String> unknown, java.util.List<String> kept,
            java.util.List<String> unknownPackages, java.util.List<MathMlShapes.Shape> mathShapes) {
        public Root {
            idLines = java.util.Map.copyOf(idLines);
            duplicates = java.util.List.copyOf(duplicates);
            unknown = java.util.List.copyOf(unknown);
            kept = java.util.List.copyOf(kept);
            unknownPackages = java.util.List.copyOf(unknownPackages);
            mathShapes = java.util.List.copyOf(mathShapes);
        }

        /** @return the line where {@code id} is declared, or -1 */
        public int lineOf(String id) {
            return id == null ? -1 : idLines.getOrDefault(id, -1);
        }
    }

    private static final String MATHML = "http://www.w3.org/1998/Math/MathML";
    /** The L3 packages JSBML reads (the bundle ships their parsers). */
    private static final java.util.regex.Pattern KNOWN_PACKAGE = java.util.regex.Pattern.compile(
            "http://www\\.sbml\\.org/sbml/level3/version\\d/(layout|render|comp|fbc|qual|groups)/version\\d");
    private static final int MAX_UNKNOWN = 20;

    private XmlPrescan() {
    }

    /**
     * @return whether JSBML reads elements and attributes of namespace {@code uri} in a document
     *         whose root is in {@code rootNamespace}: SBML core, MathML, or a package it ships
     */
    public static boolean isKnown(String uri, String rootNamespace) {
        return uri == null || uri.isEmpty() || uri.equals(rootNamespace) || MATHML.equals(uri)
                || KNOWN_PACKAGE.matcher(uri).matches();
    }

    /**
     * Scans the whole document.
     *
     * @param content the file's bytes
     * @param source the name used in messages
     * @return the SBML root element's namespace, level and version
     * @throws SbmlException if the content is not well-formed, unsafe, or not SBML
     */
    public static Root scan(byte[] content, String source) throws SbmlException {
        if (content.length == 0) {
            throw new SbmlException(Kind.MALFORMED_XML, source, -1, -1,
                    "the file is empty; an SBML file starts with <?xml ...?> and an <sbml> element", null);
        }
        RootHandler handler = new RootHandler(source);
        try {
            SAXParser parser = newFactory().newSAXParser();
            InputSource in = new InputSource(new ByteArrayInputStream(content));
            in.setSystemId(source);
            parser.parse(in, handler);
        } catch (StopScan stop) {
            throw stop.problem;
        } catch (SAXParseException e) {
            throw translate(e, source);
        } catch (CharConversionException e) {
            throw new SbmlException(Kind.MALFORMED_XML, source, handler.line(), handler.column(),
                    "the bytes are not valid in the file's declared encoding (" + e.getMessage()
                            + "); save the file as UTF-8",
                    e);
        } catch (SAXException | ParserConfigurationException e) {
            throw new SbmlException(Kind.MALFORMED_XML, source, handler.line(), handler.column(),
                    "cannot parse XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SbmlException(Kind.MALFORMED_XML, source, handler.line(), handler.column(),
                    "cannot read XML: " + e.getMessage() + "; check the file's encoding (UTF-8 expected)", e);
        }
        if (handler.rootNamespace == null) {
            throw new SbmlException(Kind.MALFORMED_XML, source, -1, -1, "the file has no root element", null);
        }
        return new Root(handler.rootNamespace, handler.level, handler.version, handler.idLines, handler.duplicates,
                handler.unknown, handler.kept, handler.unknownPackages, handler.mathShapes);
    }

    private static SAXParserFactory newFactory() throws ParserConfigurationException, SAXException {
        // The JDK's own parser, whatever else is on the class path.
        SAXParserFactory f = SAXParserFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setValidating(false);
        f.setXIncludeAware(false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f;
    }

    private static SbmlException translate(SAXParseException e, String source) {
        String msg = e.getMessage() == null ? "malformed XML" : e.getMessage();
        if (msg.contains("DOCTYPE")) {
            return new SbmlException(Kind.REFUSED, source, e.getLineNumber(), e.getColumnNumber(),
                    "refused: the file has a <!DOCTYPE> declaration; SBML needs none, and DTDs can pull in "
                            + "external files or expand entities without bound. Remove the declaration and retry.",
                    e);
        }
        if (msg.contains("Premature end of file") || msg.contains("must start and end within the same entity")
                || msg.contains("XML document structures must start")) {
            msg = msg + " (the file looks truncated)";
        }
        return new SbmlException(Kind.MALFORMED_XML, source, e.getLineNumber(), e.getColumnNumber(), msg, e);
    }

    /** Thrown from the handler to stop at the first non-SBML root. */
    private static final class StopScan extends SAXException {
        private static final long serialVersionUID = 1L;
        private final transient SbmlException problem;

        StopScan(SbmlException problem) {
            this.problem = problem;
        }
    }

    private static final class RootHandler extends DefaultHandler {
        private final String source;
        private Locator locator;
        private String rootNamespace;
        private int level;
        private int version;
        private final java.util.Map<String, Integer> idLines = new java.util.HashMap<>();
        private final java.util.Map<String, String> firstElement = new java.util.HashMap<>();
        private final java.util.List<String> duplicates = new java.util.ArrayList<>();
        private final java.util.List<String> unknown = new java.util.ArrayList<>();
        private final java.util.List<String> kept = new java.util.ArrayList<>();
        private final java.util.List<String> unknownPackages = new java.util.ArrayList<>();
        private int unknownDepth;
        private int mathDepth;
        /** One frame per open element inside MathML, innermost first. */
        private final java.util.ArrayDeque<MathMlShapes.Frame> mathFrames = new java.util.ArrayDeque<>();
        private final java.util.List<MathMlShapes.Shape> mathShapes = new java.util.ArrayList<>();
        /** The text of the integer {@code <cn>} being read, or null. */
        private StringBuilder integerCn;
        private int integerCnLine;
        private int integerCnColumn;
        RootHandler(String source) {
            this.source = source;
        }

        /** Model scopes (model, comp model definitions); kinetic laws' local ids have their own scope. */
        private int scope;
        private int kineticLawDepth;
        private int annotationDepth;

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        int line() {
            return locator == null ? -1 : locator.getLineNumber();
        }

        int column() {
            return locator == null ? -1 : locator.getColumnNumber();
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if (rootNamespace == null) {
                String src = source;
                if (!"sbml".equals(localName) || uri == null || !uri.startsWith(SBML_NS_PREFIX)) {
                    throw new StopScan(new SbmlException(Kind.NOT_SBML, src, line(), column(),
                            "the root element is <" + qName + ">" + (uri == null || uri.isEmpty() ? "" : " in namespace "
                                    + uri) + ", not an SBML <sbml> element: this is not an SBML file", null));
                }
                rootNamespace = uri;
                level = intAttr(atts, "level");
                version = intAttr(atts, "version");
                for (int i = 0; i < atts.getLength(); i++) {
                    String an = atts.getURI(i);
                    if (an != null && !an.isEmpty() && !known(an) && "required".equals(atts.getLocalName(i))) {
                        String q = atts.getQName(i);
                        unknownPackages.add(q.contains(":") ? q.substring(0, q.indexOf(':')) : an);
                    }
                }
                noteUnknownAttributes(atts, qName);
                return;
            }
            if (annotationDepth > 0 || "annotation".equals(localName) || "notes".equals(localName)) {
                annotationDepth++;
                return;
            }
            if (unknownDepth > 0 || !known(uri)) {
                if (unknownDepth++ == 0) {
                    noteUnknown("element <" + qName + "> (namespace " + uri + ")");
                }
                return;
            }
            if (mathDepth > 0 || MATHML.equals(uri)) {
                mathDepth++;
                MathMlShapes.Frame parent = mathFrames.peek();
                mathFrames.push(MathMlShapes.Frame.open(parent, MATHML.equals(uri) ? localName : "", line(), column()));
                if (MATHML.equals(uri) && "cn".equals(localName) && "integer".equals(atts.getValue("", "type"))) {
                    integerCn = new StringBuilder();
                    integerCnLine = line();
                    integerCnColumn = column();
                }
            }
            noteUnknownAttributes(atts, qName);
            if ("model".equals(localName) || "modelDefinition".equals(localName)) {
                scope++;
            }
            if ("kineticLaw".equals(localName)) {
                kineticLawDepth++;
            }
            if (!uri.equals(rootNamespace) || kineticLawDepth > 0 || "unitDefinition".equals(localName)
                    || "unit".equals(localName)) {
                return;
            }
            String id = atts.getValue("", "id");
            if (id == null || id.isEmpty()) {
                return;
            }
            String key = scope + ":" + id;
            Integer first = idLines.putIfAbsent(id, line());
            String firstEl = firstElement.putIfAbsent(key, localName + "@" + line());
            if (firstEl != null) {
                duplicates.add(id + "\t" + line() + "\tthe id '" + id + "' of this <" + localName
                        + "> is already used by the <" + firstEl.replace("@", "> on line ") + "; ids must be unique");
            } else if (first == null) {
                idLines.put(id, line());
            }
        }

        private boolean known(String uri) {
            return isKnown(uri, rootNamespace);
        }

        private void noteUnknownAttributes(Attributes atts, String qName) {
            for (int i = 0; i < atts.getLength(); i++) {
                String an = atts.getURI(i);
                if (an != null && !an.isEmpty() && !known(an) && !an.equals(XMLConstants.XML_NS_URI)
                        && !an.equals(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI)) {
                    noteUnknown("attribute " + atts.getQName(i) + " on <" + qName + "> (namespace " + an + ")");
                }
            }
        }

        /** Content outside MathML is kept verbatim; inside MathML JSBML has no place for it. */
        private void noteUnknown(String what) {
            java.util.List<String> list = mathDepth > 0 ? unknown : kept;
            if (list.size() < MAX_UNKNOWN) {
                list.add(what + " on line " + line());
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (integerCn != null && integerCn.length() < 64) {
                integerCn.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (annotationDepth > 0) {
                annotationDepth--;
                return;
            }
            if (unknownDepth > 0) {
                unknownDepth--;
                return;
            }
            if (mathDepth > 0) {
                mathDepth--;
                MathMlShapes.Frame frame = mathFrames.pop();
                frame.close(line(), column(), mathShapes);
                if (integerCn != null && "cn".equals(localName)) {
                    MathMlShapes.DecimalInteger d = MathMlShapes.DecimalInteger.of(integerCn.toString(), integerCnLine,
                            integerCnColumn);
                    if (d != null) {
                        mathShapes.add(d);
                    }
                    integerCn = null;
                }
            }
            if ("kineticLaw".equals(localName)) {
                kineticLawDepth--;
            }
        }

        private static int intAttr(Attributes atts, String name) {
            String v = atts.getValue("", name);
            if (v == null) {
                return -1;
            }
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }
}
