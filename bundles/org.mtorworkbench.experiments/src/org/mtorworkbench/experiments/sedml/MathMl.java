package org.mtorworkbench.experiments.sedml;

import java.util.List;
import java.util.Map;

import org.mtorworkbench.sbml.NumberText;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The MathML that SED-ML changes and data generators use: written from small trees, and
 * evaluated for numbers, identifiers and the arithmetic and elementary functions
 * ({@code plus minus times divide power exp ln log root abs min max}).
 */
final class MathMl {

    private static final ThreadLocal<Document> DOC = new ThreadLocal<>();

    private MathMl() {
    }

    /** Wraps an expression built with {@link #ci}, {@link #cn}, {@link #apply} into {@code <math>} of {@code doc}. */
    static Element math(Document doc, Element expression) {
        Element m = doc.createElementNS(Xml.MATHML, "math");
        m.appendChild(doc.importNode(expression, true));
        return m;
    }

    /** @return the texts of a {@code <cn>} on either side of its {@code <sep/>} elements, stripped */
    private static List<String> separated(Element cn) {
        List<String> parts = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (org.w3c.dom.Node n = cn.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element sep && "sep".equals(sep.getLocalName())) {
                parts.add(current.toString().strip());
                current.setLength(0);
            } else if (n.getNodeType() == org.w3c.dom.Node.TEXT_NODE
                    || n.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
                current.append(n.getNodeValue());
            }
        }
        parts.add(current.toString().strip());
        return parts;
    }

    static Element ci(String id) {
        Element e = scratch().createElementNS(Xml.MATHML, "ci");
        e.setTextContent(id);
        return e;
    }

    static Element cn(double v) {
        if (Double.isNaN(v)) {
            return scratch().createElementNS(Xml.MATHML, "notanumber");
        }
        if (Double.isInfinite(v)) {
            Element inf = scratch().createElementNS(Xml.MATHML, "infinity");
            return v > 0 ? inf : apply("minus", inf);
        }
        Element e = scratch().createElementNS(Xml.MATHML, "cn");
        e.setTextContent(SedmlWriter.num(v));
        return e;
    }

    static Element apply(String operator, Element... args) {
        Document d = scratch();
        Element a = d.createElementNS(Xml.MATHML, "apply");
        a.appendChild(d.createElementNS(Xml.MATHML, operator));
        for (Element x : args) {
            a.appendChild(x.getOwnerDocument() == d ? x : d.importNode(x, true));
        }
        return a;
    }

    private static Document scratch() {
        Document d = DOC.get();
        if (d == null) {
            d = Xml.newDocument();
            DOC.set(d);
        }
        return d;
    }

    /**
     * Evaluates a {@code <math>} element or an expression inside it.
     *
     * @param values identifiers in scope
     * @param where the element's place, for messages
     */
    static double eval(Element e, Map<String, Double> values, String where) throws SedmlException {
        switch (e.getLocalName()) {
            case "math": {
                List<Element> c = Xml.children(e, null);
                if (c.size() != 1) {
                    throw unsupported(where, "a <math> element must hold exactly one expression");
                }
                return eval(c.get(0), values, where);
            }
            case "cn":
                try {
                    String type = Xml.attr(e, "type");
                    if ("e-notation".equals(type) || "rational".equals(type)) {
                        List<String> parts = separated(e);
                        if (parts.size() != 2) {
                            throw new NumberFormatException();
                        }
                        // e-notation: exactly the decimal written, not mantissa * 10^exponent rounded twice.
                        return "rational".equals(type) ? NumberText.parse(parts.get(0)) / NumberText.parse(parts.get(1))
                                : NumberText.parse(parts.get(0) + "e" + Integer.parseInt(parts.get(1).strip()));
                    }
                    return NumberText.parse(e.getTextContent());
                } catch (NumberFormatException ex) {
                    throw new SedmlException(SedmlException.Kind.INVALID, where + ": <cn>" + e.getTextContent()
                            + "</cn> is not a number");
                }
            case "ci": {
                String id = e.getTextContent().trim();
                Double v = values.get(id);
                if (v == null) {
                    throw new SedmlException(SedmlException.Kind.INVALID, where + ": <ci>" + id
                            + "</ci> names no variable, parameter or range in scope");
                }
                return v;
            }
            case "infinity":
                return Double.POSITIVE_INFINITY;
            case "notanumber":
                return Double.NaN;
            case "pi":
                return Math.PI;
            case "exponentiale":
                return Math.E;
            case "apply":
                return apply(e, values, where);
            default:
                throw unsupported(where, "MathML <" + e.getLocalName() + "> is not supported here");
        }
    }

    private static double apply(Element e, Map<String, Double> values, String where) throws SedmlException {
        List<Element> c = Xml.children(e, null);
        if (c.isEmpty()) {
            throw new SedmlException(SedmlException.Kind.INVALID, where + ": an empty <apply>");
        }
        String op = c.get(0).getLocalName();
        List<Element> argElems = c.subList(1, c.size());
        List<Element> plain = argElems.stream().filter(a -> !"logbase".equals(a.getLocalName())
                && !"degree".equals(a.getLocalName())).toList();
        double[] a = new double[plain.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = eval(plain.get(i), values, where);
        }
        switch (op) {
            case "plus": {
                double s = 0;
                for (double x : a) {
                    s += x;
                }
                return s;
            }
            case "times": {
                double p = 1;
                for (double x : a) {
                    p *= x;
                }
                return p;
            }
            case "minus":
                return a.length == 1 ? -a[0] : need(a, 2, op, where)[0] - a[1];
            case "divide":
                return need(a, 2, op, where)[0] / a[1];
            case "power":
                return Math.pow(need(a, 2, op, where)[0], a[1]);
            case "exp":
                return Math.exp(need(a, 1, op, where)[0]);
            case "ln":
                return Math.log(need(a, 1, op, where)[0]);
            case "abs":
                return Math.abs(need(a, 1, op, where)[0]);
            case "log": {
                Element base = Xml.child(e, "logbase");
                double b = base == null ? 10 : eval(Xml.children(base, null).get(0), values, where);
                return Math.log(need(a, 1, op, where)[0]) / Math.log(b);
            }
            case "root": {
                Element degree = Xml.child(e, "degree");
                double n = degree == null ? 2 : eval(Xml.children(degree, null).get(0), values, where);
                return Math.pow(need(a, 1, op, where)[0], 1 / n);
            }
            case "min":
            case "max": {
                if (a.length == 0) {
                    throw new SedmlException(SedmlException.Kind.INVALID, where + ": <" + op + "/> needs arguments");
                }
                double r = a[0];
                for (double x : a) {
                    r = op.equals("min") ? Math.min(r, x) : Math.max(r, x);
                }
                return r;
            }
            default:
                throw unsupported(where, "MathML <" + op + "/> is not supported");
        }
    }

    private static double[] need(double[] a, int n, String op, String where) throws SedmlException {
        if (a.length != n) {
            throw new SedmlException(SedmlException.Kind.INVALID, where + ": <" + op + "/> takes " + n
                    + " argument(s), not " + a.length);
        }
        return a;
    }

    private static SedmlException unsupported(String where, String what) {
        return new SedmlException(SedmlException.Kind.UNSUPPORTED, where + ": " + what
                + " (the workbench evaluates numbers, identifiers and arithmetic)");
    }
}
