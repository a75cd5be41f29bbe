package org.mtorworkbench.sbml.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


import org.sbml.jsbml.Model;
import org.sbml.jsbml.ext.layout.BoundingBox;
import org.sbml.jsbml.ext.layout.CompartmentGlyph;
import org.sbml.jsbml.ext.layout.CubicBezier;
import org.sbml.jsbml.ext.layout.Curve;
import org.sbml.jsbml.ext.layout.GraphicalObject;
import org.sbml.jsbml.ext.layout.Layout;
import org.sbml.jsbml.ext.layout.LayoutConstants;
import org.sbml.jsbml.ext.layout.LayoutModelPlugin;
import org.sbml.jsbml.ext.layout.LineSegment;
import org.sbml.jsbml.ext.layout.ReactionGlyph;
import org.sbml.jsbml.ext.layout.SpeciesGlyph;
import org.sbml.jsbml.ext.layout.SpeciesReferenceGlyph;
import org.sbml.jsbml.ext.layout.SpeciesReferenceRole;
import org.sbml.jsbml.ext.layout.TextGlyph;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads the Level 2 layout annotation ({@code <listOfLayouts
 * xmlns="http://projects.eml.org/bcb/sbml/level2">}, as COPASI and CellDesigner write it)
 * into the model's SBML Layout, with the render information it holds ({@link
 * L2RenderAnnotation}). JSBML 1.6.1 recognises that annotation but loses its content, so the
 * workbench takes it out of the bytes before JSBML parses them and builds the layout itself.
 */
public final class L2LayoutReader {

    private static final Pattern START = Pattern.compile(
            "<(\\w+:)?listOfLayouts\\b[^>]*" + Pattern.quote(L2LayoutAnnotation.NS) + "[^>]*>");
    private static final byte[] MARKER = L2LayoutAnnotation.NS.getBytes(StandardCharsets.US_ASCII);

    /** The annotation taken out of a file, to be added to the model once JSBML has read it. */
    public record Extracted(byte[] remaining, String annotation) {
    }

    private L2LayoutReader() {
    }

    /**
     * Takes the model's L2 layout annotation out of {@code content}.
     *
     * @return the content without it and the annotation, or null when there is none
     */
    public static Extracted extract(byte[] content) {
        if (indexOf(content, MARKER) < 0) {
            return null;
        }
        String text = new String(content, StandardCharsets.UTF_8);
        Matcher m = START.matcher(text);
        if (!m.find()) {
            return null;
        }
        String prefix = m.group(1) == null ? "" : m.group(1);
        String close = "</" + prefix + "listOfLayouts>";
        int end = text.indexOf(close, m.end());
        if (end < 0) {
            return null;
        }
        end += close.length();
        String annotation = text.substring(m.start(), end);
        String rest = text.substring(0, m.start()) + text.substring(end);
        return new Extracted(rest.getBytes(StandardCharsets.UTF_8), annotation);
    }

    /**
     * Builds the layouts of {@code annotation} into {@code model}'s Layout plugin.
     *
     * @throws IllegalArgumentException if the annotation is not well-formed
     */
    public static void addTo(Model model, String annotation) throws Exception {
        String wrapped = "<wrap xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">" + annotation + "</wrap>";
        Element wrap = SafeDom.parse(wrapped.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        Element root = child(wrap, "listOfLayouts");
        if (root == null) {
            return;
        }
        LayoutModelPlugin lmp = (LayoutModelPlugin) model.getPlugin(LayoutConstants.shortLabel);
        for (Element le : children(root, "layout")) {
            Layout layout = lmp.createLayout(attr(le, "id"));
            Element dims = child(le, "dimensions");
            if (dims != null) {
                layout.createDimensions(num(dims, "width"), num(dims, "height"), num(dims, "depth"));
            }
            for (Element e : children(child(le, "listOfCompartmentGlyphs"), "compartmentGlyph")) {
                CompartmentGlyph g = layout.createCompartmentGlyph(attr(e, "id"));
                setIfPresent(e, "compartment", g::setCompartment);
                common(g, e);
            }
            for (Element e : children(child(le, "listOfSpeciesGlyphs"), "speciesGlyph")) {
                SpeciesGlyph g = layout.createSpeciesGlyph(attr(e, "id"));
                setIfPresent(e, "species", g::setSpecies);
                common(g, e);
            }
            for (Element e : children(child(le, "listOfReactionGlyphs"), "reactionGlyph")) {
                ReactionGlyph g = layout.createReactionGlyph(attr(e, "id"));
                setIfPresent(e, "reaction", g::setReaction);
                common(g, e);
                curve(e, g::setCurve);
                // The Layout package requires the list even when it is empty (a reaction from a source to a sink).
                g.getListOfSpeciesReferenceGlyphs();
                for (Element re : children(child(e, "listOfSpeciesReferenceGlyphs"), "speciesReferenceGlyph")) {
                    SpeciesReferenceGlyph r = g.createSpeciesReferenceGlyph(attr(re, "id"));
                    setIfPresent(re, "speciesReference", r::setSpeciesReference);
                    setIfPresent(re, "speciesGlyph", r::setSpeciesGlyph);
                    String role = attr(re, "role");
                    if (role != null) {
                        try {
                            r.setRole(SpeciesReferenceRole.valueOf(role.toUpperCase(Locale.ROOT)));
                        } catch (IllegalArgumentException unknownRole) {
                            r.setRole(SpeciesReferenceRole.UNDEFINED);
                        }
                    }
                    common(r, re);
                    curve(re, r::setCurve);
                }
            }
            for (Element e : children(child(le, "listOfTextGlyphs"), "textGlyph")) {
                TextGlyph g = layout.createTextGlyph(attr(e, "id"));
                setIfPresent(e, "graphicalObject", g::setGraphicalObject);
                setIfPresent(e, "text", g::setText);
                setIfPresent(e, "originOfText", g::setOriginOfText);
                common(g, e);
            }
            for (Element e : children(child(le, "listOfAdditionalGraphicalObjects"), "graphicalObject")) {
                GraphicalObject g = new GraphicalObject(attr(e, "id"), model.getLevel(), model.getVersion());
                layout.addAdditionalGraphicalObject(g);
                common(g, e);
            }
        }
        L2RenderAnnotation.readInto(model, root);
    }

    private static void common(GraphicalObject g, Element e) {
        setIfPresent(e, "metaid", g::setMetaId);
        Element bb = child(e, "boundingBox");
        if (bb != null) {
            BoundingBox box = g.createBoundingBox();
            Element pos = child(bb, "position");
            if (pos != null) {
                box.createPosition(num(pos, "x"), num(pos, "y"), num(pos, "z"));
            }
            Element d = child(bb, "dimensions");
            if (d != null) {
                box.createDimensions(num(d, "width"), num(d, "height"), num(d, "depth"));
            }
        }
    }

    private static void curve(Element e, java.util.function.Consumer<Curve> set) {
        Element c = child(e, "curve");
        if (c == null) {
            return;
        }
        Curve curve = new Curve();
        for (Element s : children(child(c, "listOfCurveSegments"), "curveSegment")) {
            String type = s.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type");
            LineSegment seg = type.endsWith("CubicBezier") ? new CubicBezier() : new LineSegment();
            double[] start = xyz(child(s, "start"));
            double[] end = xyz(child(s, "end"));
            seg.createStart(start[0], start[1], start[2]);
            seg.createEnd(end[0], end[1], end[2]);
            if (seg instanceof CubicBezier cb) {
                double[] b1 = xyz(child(s, "basePoint1"));
                double[] b2 = xyz(child(s, "basePoint2"));
                cb.createBasePoint1(b1[0], b1[1], b1[2]);
                cb.createBasePoint2(b2[0], b2[1], b2[2]);
            }
            curve.addCurveSegment(seg);
        }
        set.accept(curve);
    }

    /** @return the x, y and z of a point element (0 for what is missing) */
    private static double[] xyz(Element e) {
        return e == null ? new double[3] : new double[] { num(e, "x"), num(e, "y"), num(e, "z") };
    }

    private static void setIfPresent(Element e, String name, java.util.function.Consumer<String> set) {
        String v = attr(e, name);
        if (v != null) {
            set.accept(v);
        }
    }

    private static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    private static double num(Element e, String name) {
        String v = attr(e, name);
        if (v == null) {
            return 0;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException bad) {
            return 0;
        }
    }

    private static Element child(Element parent, String name) {
        List<Element> c = children(parent, name);
        return c.isEmpty() ? null : c.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer: for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
