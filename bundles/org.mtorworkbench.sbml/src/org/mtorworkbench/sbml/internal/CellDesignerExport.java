package org.mtorworkbench.sbml.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mtorworkbench.sbml.NumberText;
import org.sbml.jsbml.Compartment;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.ModifierSpeciesReference;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.SBase;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.SpeciesReference;
import org.sbml.jsbml.ext.layout.BoundingBox;
import org.sbml.jsbml.ext.layout.CompartmentGlyph;
import org.sbml.jsbml.ext.layout.Layout;
import org.sbml.jsbml.ext.layout.LayoutConstants;
import org.sbml.jsbml.ext.layout.LayoutModelPlugin;
import org.sbml.jsbml.ext.layout.SpeciesGlyph;
import org.sbml.jsbml.xml.XMLAttributes;
import org.sbml.jsbml.xml.XMLNode;
import org.sbml.jsbml.xml.XMLTriple;

/**
 * Adds CellDesigner 4 annotations to an L2V4 document, so CellDesigner draws the model as
 * laid out: the model gets a {@code celldesigner:extension} with compartment and species
 * aliases placed at the layout's glyphs, each species its identity, each reaction its base
 * reactants and products and its modifications. Species get the CellDesigner class of their
 * SBO term (proteins with a protein entry, complexes as complex aliases), modifications the type
 * of theirs; a reaction's line and its modifiers' lines keep the layout's routes as CellDesigner
 * edit points ({@link ReactionLine}). Species without a glyph are placed on a grid below the
 * diagram. A model that already carries a CellDesigner diagram keeps it unchanged.
 */
public final class CellDesignerExport {

    private static final String NS = LevelConversion.CELLDESIGNER_NS;
    private static final String P = "celldesigner";
    private static final double SPECIES_W = 80;
    private static final double SPECIES_H = 40;
    private static final double GRID = 120;
    private static final int GRID_COLUMNS = 10;

    private CellDesignerExport() {
    }

    /**
     * @param doc an L2V4 copy being written (modified)
     * @param layout the layout to draw from, or null to place every species on a grid
     */
    public static void annotate(SBMLDocument doc, Layout layout) {
        annotate(doc, layout, Map.of());
    }

    /**
     * @param doc an L2V4 copy being written (modified)
     * @param layout the layout to draw from, or null to place every species on a grid
     * @param fills species id to CellDesigner colour (AARRGGBB), taken from the layout's render
     *        information before it was removed; species without one get the default colour
     */
    public static void annotate(SBMLDocument doc, Layout layout, Map<String, String> fills) {
        Model m = doc.getModel();
        if (m == null || hasDiagram(m)) {
            return;
        }
        Map<String, String> compartmentAlias = new HashMap<>();
        Map<String, String> speciesAlias = new HashMap<>();
        XMLNode ext = extension();
        text(ext, "modelVersion", "4.0");
        double width = layout != null && layout.isSetDimensions() ? layout.getDimensions().getWidth() : 0;
        double height = layout != null && layout.isSetDimensions() ? layout.getDimensions().getHeight() : 0;

        XMLNode compartments = el("listOfCompartmentAliases");
        if (layout != null) {
            for (CompartmentGlyph g : layout.getListOfCompartmentGlyphs()) {
                if (!g.isSetCompartment() || m.getCompartment(g.getCompartment()) == null || !g.isSetBoundingBox()
                        || compartmentAlias.containsKey(g.getCompartment())) {
                    continue;
                }
                String id = "ca_" + g.getId();
                compartmentAlias.put(g.getCompartment(), id);
                XMLNode a = child(compartments, "compartmentAlias");
                a.addAttr("id", id);
                a.addAttr("compartment", g.getCompartment());
                text(a, "class", "SQUARE");
                bounds(a, g.getBoundingBox());
                XMLNode paint = child(a, "paint");
                paint.addAttr("color", "ffcccc00");
                paint.addAttr("scheme", "Color");
            }
        }
        XMLNode species = el("listOfSpeciesAliases");
        XMLNode complexes = el("listOfComplexSpeciesAliases");
        Map<String, double[]> boxes = new HashMap<>();
        if (layout != null) {
            for (SpeciesGlyph g : layout.getListOfSpeciesGlyphs()) {
                if (g.isSetSpecies() && m.getSpecies(g.getSpecies()) != null && g.isSetBoundingBox()
                        && !speciesAlias.containsKey(g.getSpecies())) {
                    BoundingBox b = g.getBoundingBox();
                    Species s = m.getSpecies(g.getSpecies());
                    speciesAlias(isComplex(s) ? complexes : species, isComplex(s) ? "csa_" + g.getId() : "sa_" + g.getId(),
                            s, compartmentAlias, speciesAlias, x(b), y(b), w(b), h(b), fills);
                    boxes.put(s.getId(), new double[] { x(b), y(b), w(b), h(b) });
                }
            }
        }
        int placed = 0;
        for (Species s : m.getListOfSpecies()) {
            if (!speciesAlias.containsKey(s.getId())) {
                double x = 20 + (placed % GRID_COLUMNS) * GRID;
                double y = height + 20 + (placed / GRID_COLUMNS) * GRID;
                placed++;
                speciesAlias(isComplex(s) ? complexes : species, (isComplex(s) ? "csa_" : "sa_") + s.getId(), s,
                        compartmentAlias, speciesAlias, x, y, SPECIES_W, SPECIES_H, fills);
                boxes.put(s.getId(), new double[] { x, y, SPECIES_W, SPECIES_H });
                width = Math.max(width, x + SPECIES_W + 20);
                height = Math.max(height, y + SPECIES_H + 20);
            }
        }
        XMLNode display = child(ext, "modelDisplay");
        display.addAttr("sizeX", num(Math.max(width, 600)));
        display.addAttr("sizeY", num(Math.max(height, 400)));
        ext.addChild(compartments);
        ext.addChild(complexes);
        ext.addChild(species);
        ext.addChild(el("listOfGroups"));
        XMLNode proteins = child(ext, "listOfProteins");
        for (Species s : m.getListOfSpecies()) {
            String cls = cellDesignerClass(s);
            if (cls.equals("PROTEIN") || cls.equals("RECEPTOR")) {
                XMLNode protein = child(proteins, "protein");
                protein.addAttr("id", "pr_" + s.getId());
                protein.addAttr("name", s.isSetName() ? s.getName() : s.getId());
                protein.addAttr("type", cls.equals("RECEPTOR") ? "RECEPTOR" : "GENERIC");
            }
        }
        for (String empty : List.of("listOfGenes", "listOfRNAs", "listOfAntisenseRNAs", "listOfLayers",
                "listOfBlockDiagrams")) {
            ext.addChild(el(empty));
        }
        m.getAnnotation().appendNonRDFAnnotation(ext);

        for (Compartment c : m.getListOfCompartments()) {
            XMLNode ce = extension();
            text(ce, "name", c.isSetName() ? c.getName() : c.getId());
            c.getAnnotation().appendNonRDFAnnotation(ce);
        }
        for (Species s : m.getListOfSpecies()) {
            XMLNode se = extension();
            text(se, "positionToCompartment", "inside");
            XMLNode identity = child(se, "speciesIdentity");
            String cls = cellDesignerClass(s);
            text(identity, "class", cls);
            if (cls.equals("PROTEIN") || cls.equals("RECEPTOR")) {
                text(identity, "proteinReference", "pr_" + s.getId());
            } else {
                text(identity, "name", s.isSetName() ? s.getName() : s.getId());
            }
            s.getAnnotation().appendNonRDFAnnotation(se);
        }
        for (Reaction r : m.getListOfReactions()) {
            reaction(r, speciesAlias, boxes, layout);
        }
    }

    /** @return CellDesigner's species class for the species' SBO term (SIMPLE_MOLECULE without one) */
    static String cellDesignerClass(Species s) {
        int sbo = s.isSetSBOTerm() ? s.getSBOTerm() : -1;
        return switch (sbo) {
            case 245, 246, 248, 249, 250, 251, 252, 297 -> "PROTEIN";
            case 244 -> "RECEPTOR";
            case 253, 296 -> "COMPLEX";
            case 327 -> "ION";
            case 298 -> "DRUG";
            case 358, 204 -> "PHENOTYPE";
            case 291 -> "DEGRADED";
            case 285 -> "UNKNOWN";
            default -> "SIMPLE_MOLECULE";
        };
    }

    private static boolean isComplex(Species s) {
        return "COMPLEX".equals(cellDesignerClass(s));
    }

    /** @return CellDesigner's modification type for a modifier's SBO term */
    private static String modificationType(ModifierSpeciesReference msr) {
        int sbo = msr.isSetSBOTerm() ? msr.getSBOTerm() : -1;
        return switch (sbo) {
            case 20, 206, 207, 536, 537 -> "INHIBITION";
            case 459, 461, 462 -> "PHYSICAL_STIMULATION";
            case 594, 168 -> "MODULATION";
            default -> "CATALYSIS";
        };
    }

    private static void reaction(Reaction r, Map<String, String> speciesAlias, Map<String, double[]> boxes,
            Layout layout) {
        ReactionLine line = layout == null ? null : ReactionLine.of(layout, r, boxes);
        XMLNode re = extension();
        text(re, "reactionType", "STATE_TRANSITION");
        XMLNode reactants = child(re, "baseReactants");
        for (SpeciesReference sr : r.getListOfReactants()) {
            base(reactants, "baseReactant", sr.getSpecies(), speciesAlias);
        }
        XMLNode products = child(re, "baseProducts");
        for (SpeciesReference sr : r.getListOfProducts()) {
            base(products, "baseProduct", sr.getSpecies(), speciesAlias);
        }
        XMLNode scheme = child(re, "connectScheme");
        scheme.addAttr("connectPolicy", "direct");
        if (line != null) {
            scheme.addAttr("rectangleIndex", Integer.toString(line.segment()));
            if (!line.editPoints().isEmpty()) {
                text(re, "editPoints", line.editPoints());
            }
        }
        if (r.getModifierCount() > 0) {
            XMLNode mods = child(re, "listOfModification");
            for (ModifierSpeciesReference msr : r.getListOfModifiers()) {
                String alias = speciesAlias.get(msr.getSpecies());
                if (alias == null) {
                    continue;
                }
                XMLNode mod = child(mods, "modification");
                mod.addAttr("type", modificationType(msr));
                mod.addAttr("modifiers", msr.getSpecies());
                mod.addAttr("aliases", alias);
                String edit = line == null ? "" : line.modifierEditPoints(msr.getSpecies());
                if (!edit.isEmpty()) {
                    mod.addAttr("editPoints", edit);
                }
            }
        }
        XMLNode lineStyle = child(re, "line");
        lineStyle.addAttr("width", "1.0");
        lineStyle.addAttr("color", "ff000000");
        r.getAnnotation().appendNonRDFAnnotation(re);
    }

    private static void base(XMLNode parent, String name, String species, Map<String, String> speciesAlias) {
        String alias = speciesAlias.get(species);
        if (alias == null) {
            return;
        }
        XMLNode b = child(parent, name);
        b.addAttr("species", species);
        b.addAttr("alias", alias);
    }

    private static void speciesAlias(XMLNode list, String id, Species s, Map<String, String> compartmentAlias,
            Map<String, String> speciesAlias, double x, double y, double w, double h, Map<String, String> fills) {
        speciesAlias.put(s.getId(), id);
        XMLNode a = child(list, "speciesAlias");
        a.addAttr("id", id);
        a.addAttr("species", s.getId());
        String ca = compartmentAlias.get(s.getCompartment());
        if (ca != null) {
            a.addAttr("compartmentAlias", ca);
        }
        text(a, "activity", "inactive");
        XMLNode b = child(a, "bounds");
        b.addAttr("x", num(x));
        b.addAttr("y", num(y));
        b.addAttr("w", num(w));
        b.addAttr("h", num(h));
        XMLNode font = child(a, "font");
        font.addAttr("size", "12");
        child(a, "view").addAttr("state", "usual");
        XMLNode usual = child(a, "usualView");
        XMLNode inner = child(usual, "innerPosition");
        inner.addAttr("x", "0.0");
        inner.addAttr("y", "0.0");
        XMLNode box = child(usual, "boxSize");
        box.addAttr("width", num(w));
        box.addAttr("height", num(h));
        child(usual, "singleLine").addAttr("width", "1.0");
        XMLNode paint = child(usual, "paint");
        paint.addAttr("color", fills.getOrDefault(s.getId(), "ffccff66"));
        paint.addAttr("scheme", "Color");
    }

    /** Whether the model already carries a CellDesigner diagram (it is then kept as it is). */
    private static boolean hasDiagram(SBase m) {
        if (!m.isSetAnnotation() || !m.getAnnotation().isSetNonRDFannotation()) {
            return false;
        }
        String xml = m.getAnnotation().getNonRDFannotationAsString();
        return xml != null && xml.contains("listOfSpeciesAliases");
    }

    private static void bounds(XMLNode parent, BoundingBox b) {
        XMLNode e = child(parent, "bounds");
        e.addAttr("x", num(x(b)));
        e.addAttr("y", num(y(b)));
        e.addAttr("w", num(w(b)));
        e.addAttr("h", num(h(b)));
    }

    private static double x(BoundingBox b) {
        return b.isSetPosition() ? b.getPosition().getX() : 0;
    }

    private static double y(BoundingBox b) {
        return b.isSetPosition() ? b.getPosition().getY() : 0;
    }

    private static double w(BoundingBox b) {
        return b.isSetDimensions() ? b.getDimensions().getWidth() : SPECIES_W;
    }

    private static double h(BoundingBox b) {
        return b.isSetDimensions() ? b.getDimensions().getHeight() : SPECIES_H;
    }

    private static String num(double v) {
        return NumberText.xml(Double.isFinite(v) ? v : 0);
    }

    private static XMLNode el(String name) {
        return new XMLNode(new XMLTriple(name, NS, P), new XMLAttributes());
    }

    /** A top-level {@code celldesigner:extension}, declaring CellDesigner's namespace. */
    private static XMLNode extension() {
        XMLNode e = el("extension");
        e.addNamespace(NS, P);
        return e;
    }

    private static XMLNode child(XMLNode parent, String name) {
        XMLNode c = el(name);
        parent.addChild(c);
        return c;
    }

    private static void text(XMLNode parent, String name, String value) {
        child(parent, name).addChild(new XMLNode(value));
    }

    /**
     * The fill colour of each species glyph in the layout's local render information, as
     * CellDesigner's AARRGGBB, by species id (the first glyph of a species wins).
     */
    public static Map<String, String> speciesFills(Layout layout) {
        Map<String, String> out = new HashMap<>();
        if (layout == null || !(layout.getExtension("render") instanceof org.sbml.jsbml.ext.render.RenderLayoutPlugin rp)
                || !rp.isSetListOfLocalRenderInformation()) {
            return out;
        }
        Map<String, String> glyphSpecies = new HashMap<>();
        for (org.sbml.jsbml.ext.layout.SpeciesGlyph g : layout.getListOfSpeciesGlyphs()) {
            if (g.isSetSpecies()) {
                glyphSpecies.put(g.getId(), g.getSpecies());
            }
        }
        for (org.sbml.jsbml.ext.render.LocalRenderInformation info : rp.getListOfLocalRenderInformation()) {
            Map<String, java.awt.Color> colours = new HashMap<>();
            for (org.sbml.jsbml.ext.render.ColorDefinition cd : info.getListOfColorDefinitions()) {
                if (cd.isSetValue()) {
                    colours.put(cd.getId(), cd.getValue());
                }
            }
            for (org.sbml.jsbml.ext.render.LocalStyle st : info.getListOfLocalStyles()) {
                if (st.getGroup() == null || !st.getGroup().isSetFill() || st.getIDList() == null) {
                    continue;
                }
                String fill = st.getGroup().getFill();
                java.awt.Color c = colours.get(fill);
                if (c == null && fill.matches("#[0-9A-Fa-f]{6}")) {
                    c = java.awt.Color.decode(fill);
                }
                if (c == null) {
                    continue;
                }
                String argb = String.format("ff%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
                for (String glyph : st.getIDList()) {
                    String species = glyphSpecies.get(glyph);
                    if (species != null) {
                        out.putIfAbsent(species, argb);
                    }
                }
            }
        }
        return out;
    }

    /** @return the first layout of the model, or null */
    public static Layout firstLayout(Model m) {
        if (m != null && m.getExtension(LayoutConstants.shortLabel) instanceof LayoutModelPlugin p
                && p.getLayoutCount() > 0) {
            return p.getLayout(0);
        }
        return null;
    }
}
