package org.mtorworkbench.sbml.internal;

import java.util.Locale;

import org.mtorworkbench.sbml.NumberText;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.ext.SBasePlugin;
import org.sbml.jsbml.ext.layout.BoundingBox;
import org.sbml.jsbml.ext.layout.CompartmentGlyph;
import org.sbml.jsbml.ext.layout.CubicBezier;
import org.sbml.jsbml.ext.layout.Curve;
import org.sbml.jsbml.ext.layout.CurveSegment;
import org.sbml.jsbml.ext.layout.Dimensions;
import org.sbml.jsbml.ext.layout.GraphicalObject;
import org.sbml.jsbml.ext.layout.Layout;
import org.sbml.jsbml.ext.layout.LayoutConstants;
import org.sbml.jsbml.ext.layout.LayoutModelPlugin;
import org.sbml.jsbml.ext.layout.Point;
import org.sbml.jsbml.ext.layout.ReactionGlyph;
import org.sbml.jsbml.ext.layout.SpeciesGlyph;
import org.sbml.jsbml.ext.layout.SpeciesReferenceGlyph;
import org.sbml.jsbml.ext.layout.TextGlyph;
import org.sbml.jsbml.xml.XMLAttributes;
import org.sbml.jsbml.xml.XMLNode;
import org.sbml.jsbml.xml.XMLTriple;

/**
 * Writes SBML Layout as the Level 2 annotation ({@code <listOfLayouts
 * xmlns="http://projects.eml.org/bcb/sbml/level2">} in the model's annotation), the form
 * COPASI and CellDesigner read from L2 files. JSBML reads that annotation into the same
 * {@link LayoutModelPlugin} it uses for the L3 package, so a read after an L2 write gives
 * the same glyphs and bounds.
 */
public final class L2LayoutAnnotation {

    /** The namespace of the L2 layout annotation. */
    public static final String NS = "http://projects.eml.org/bcb/sbml/level2";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private L2LayoutAnnotation() {
    }

    /**
     * Moves the model's layouts (if any) from the L3 package into the L2 annotation, with
     * {@code render} (the render information in its L2 form, taken before the conversion to L2)
     * in the annotations of the list of layouts and of each layout, and removes the package
     * declarations, so an L2 document carries no L3 namespace.
     */
    public static void moveLayoutsToAnnotation(SBMLDocument doc, L2RenderAnnotation.Xml render) {
        Model m = doc.getModel();
        if (m != null) {
            SBasePlugin p = m.getExtension(LayoutConstants.shortLabel);
            if (p instanceof LayoutModelPlugin lmp && lmp.getLayoutCount() > 0) {
                m.getAnnotation().appendNonRDFAnnotation(toXml(lmp, render));
            }
            if (p != null) {
                m.unsetPlugin(LayoutConstants.shortLabel);
            }
        }
        doc.getSBMLDocumentAttributes().keySet().removeIf(a -> a.endsWith(":required"));
        doc.getDeclaredNamespaces().entrySet().removeIf(e -> e.getValue().contains("/level3/"));
    }

    /** Builds the annotation as an XML tree (a string would be re-parsed by JSBML's layout parser). */
    static XMLNode toXml(LayoutModelPlugin lmp, L2RenderAnnotation.Xml render) {
        XMLNode root = element("listOfLayouts");
        root.addNamespace(NS);
        root.addNamespace(XSI, "xsi");
        if (render != null && render.global() != null) {
            child(root, "annotation").addChild(render.global());
        }
        int index = 0;
        for (Layout l : lmp.getListOfLayouts()) {
            XMLNode layout = child(root, "layout");
            attr(layout, "id", l.getId());
            XMLNode local = render == null || index >= render.local().size() ? null : render.local().get(index);
            index++;
            if (local != null) {
                child(layout, "annotation").addChild(local);
            }
            if (l.isSetDimensions()) {
                dimensions(layout, l.getDimensions());
            }
            if (l.getCompartmentGlyphCount() > 0) {
                XMLNode list = child(layout, "listOfCompartmentGlyphs");
                for (CompartmentGlyph g : l.getListOfCompartmentGlyphs()) {
                    XMLNode e = glyph(list, "compartmentGlyph", g);
                    attr(e, "compartment", g.isSetCompartment() ? g.getCompartment() : null);
                    box(e, g);
                }
            }
            if (l.getSpeciesGlyphCount() > 0) {
                XMLNode list = child(layout, "listOfSpeciesGlyphs");
                for (SpeciesGlyph g : l.getListOfSpeciesGlyphs()) {
                    XMLNode e = glyph(list, "speciesGlyph", g);
                    attr(e, "species", g.isSetSpecies() ? g.getSpecies() : null);
                    box(e, g);
                }
            }
            if (l.getReactionGlyphCount() > 0) {
                XMLNode list = child(layout, "listOfReactionGlyphs");
                for (ReactionGlyph g : l.getListOfReactionGlyphs()) {
                    reaction(list, g);
                }
            }
            if (l.getTextGlyphCount() > 0) {
                XMLNode list = child(layout, "listOfTextGlyphs");
                for (TextGlyph g : l.getListOfTextGlyphs()) {
                    XMLNode e = glyph(list, "textGlyph", g);
                    attr(e, "graphicalObject", g.isSetGraphicalObject() ? g.getGraphicalObject() : null);
                    attr(e, "text", g.isSetText() ? g.getText() : null);
                    attr(e, "originOfText", g.isSetOriginOfText() ? g.getOriginOfText() : null);
                    box(e, g);
                }
            }
            if (l.getAdditionalGraphicalObjectCount() > 0) {
                XMLNode list = child(layout, "listOfAdditionalGraphicalObjects");
                for (GraphicalObject g : l.getListOfAdditionalGraphicalObjects()) {
                    box(glyph(list, "graphicalObject", g), g);
                }
            }
        }
        return root;
    }

    private static void reaction(XMLNode list, ReactionGlyph g) {
        XMLNode e = glyph(list, "reactionGlyph", g);
        attr(e, "reaction", g.isSetReaction() ? g.getReaction() : null);
        // A glyph may have both: the bounding box comes first, then the curve.
        box(e, g);
        if (g.isSetCurve() && g.getCurve().getCurveSegmentCount() > 0) {
            curve(e, g.getCurve());
        }
        if (g.getSpeciesReferenceGlyphCount() > 0) {
            XMLNode refs = child(e, "listOfSpeciesReferenceGlyphs");
            for (SpeciesReferenceGlyph r : g.getListOfSpeciesReferenceGlyphs()) {
                XMLNode re = glyph(refs, "speciesReferenceGlyph", r);
                attr(re, "speciesReference", r.isSetSpeciesReference() ? r.getSpeciesReference() : null);
                attr(re, "speciesGlyph", r.isSetSpeciesGlyph() ? r.getSpeciesGlyph() : null);
                // The L2 annotation spells roles in lower case: substrate, sidesubstrate, modifier, ...
                attr(re, "role", r.isSetSpeciesReferenceRole()
                        ? r.getSpeciesReferenceRole().name().toLowerCase(Locale.ROOT) : null);
                box(re, r);
                if (r.isSetCurve() && r.getCurve().getCurveSegmentCount() > 0) {
                    curve(re, r.getCurve());
                }
            }
        }
    }

    private static XMLNode glyph(XMLNode parent, String element, GraphicalObject g) {
        XMLNode e = child(parent, element);
        attr(e, "id", g.isSetId() ? g.getId() : null);
        attr(e, "metaid", g.isSetMetaId() ? g.getMetaId() : null);
        return e;
    }

    private static void curve(XMLNode parent, Curve c) {
        XMLNode segments = child(child(parent, "curve"), "listOfCurveSegments");
        for (CurveSegment s : c.getListOfCurveSegments()) {
            XMLNode seg = child(segments, "curveSegment");
            seg.addAttr("type", s instanceof CubicBezier ? "CubicBezier" : "LineSegment", XSI, "xsi");
            point(seg, "start", s.getStart());
            point(seg, "end", s.getEnd());
            if (s instanceof CubicBezier cb) {
                point(seg, "basePoint1", cb.getBasePoint1());
                point(seg, "basePoint2", cb.getBasePoint2());
            }
        }
    }

    private static void box(XMLNode parent, GraphicalObject g) {
        if (!g.isSetBoundingBox()) {
            return;
        }
        BoundingBox b = g.getBoundingBox();
        XMLNode box = child(parent, "boundingBox");
        point(box, "position", b.isSetPosition() ? b.getPosition() : null);
        if (b.isSetDimensions()) {
            dimensions(box, b.getDimensions());
        } else {
            XMLNode d = child(box, "dimensions");
            attr(d, "width", "0");
            attr(d, "height", "0");
        }
    }

    private static void point(XMLNode parent, String element, Point p) {
        XMLNode e = child(parent, element);
        attr(e, "x", num(p == null ? 0 : p.getX()));
        attr(e, "y", num(p == null ? 0 : p.getY()));
        if (p != null && p.isSetZ() && p.getZ() != 0 && !Double.isNaN(p.getZ())) {
            attr(e, "z", num(p.getZ()));
        }
    }

    private static void dimensions(XMLNode parent, Dimensions d) {
        XMLNode e = child(parent, "dimensions");
        attr(e, "width", num(d.getWidth()));
        attr(e, "height", num(d.getHeight()));
        if (d.isSetDepth() && d.getDepth() != 0 && !Double.isNaN(d.getDepth())) {
            attr(e, "depth", num(d.getDepth()));
        }
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "0";
        }
        return NumberText.xml(v);
    }

    private static XMLNode element(String name) {
        return new XMLNode(new XMLTriple(name, NS, ""), new XMLAttributes());
    }

    private static XMLNode child(XMLNode parent, String name) {
        XMLNode c = element(name);
        parent.addChild(c);
        return c;
    }

    private static void attr(XMLNode e, String name, String value) {
        if (value != null && !value.isEmpty()) {
            e.addAttr(name, value);
        }
    }
}
