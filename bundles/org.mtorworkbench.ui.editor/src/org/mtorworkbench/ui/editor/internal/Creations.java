package org.mtorworkbench.ui.editor.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mtorworkbench.diagram.GlyphKind;
import org.mtorworkbench.ui.editor.ElementKind;
import org.mtorworkbench.ui.editor.PaletteEntry;
import org.mtorworkbench.ui.editor.internal.InsertOperation.Insertion;
import org.sbml.jsbml.Compartment;
import org.sbml.jsbml.KineticLaw;
import org.sbml.jsbml.LocalParameter;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.ModifierSpeciesReference;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.SimpleSpeciesReference;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.SpeciesReference;
import org.sbml.jsbml.ext.layout.BoundingBox;
import org.sbml.jsbml.ext.layout.CompartmentGlyph;
import org.sbml.jsbml.ext.layout.Curve;
import org.sbml.jsbml.ext.layout.GraphicalObject;
import org.sbml.jsbml.ext.layout.Layout;
import org.sbml.jsbml.ext.layout.LineSegment;
import org.sbml.jsbml.ext.layout.ReactionGlyph;
import org.sbml.jsbml.ext.layout.SpeciesGlyph;
import org.sbml.jsbml.ext.layout.SpeciesReferenceGlyph;
import org.sbml.jsbml.ext.layout.SpeciesReferenceRole;
import org.sbml.jsbml.ext.layout.TextGlyph;

/**
 * Builds the operations of the palette: each creates the SBML element (with a unique id,
 * the entry's SBO term and default properties) and its layout glyph, in one undoable step.
 */
public final class Creations {

    /** Size of a new process node. */
    static final double PROCESS = 10;

    private final Layout layout;
    private final Model model;
    private final int level;
    private final int version;

    public Creations(Layout layout) {
        this.layout = layout;
        this.model = layout.getModel();
        this.level = model.getLevel();
        this.version = model.getVersion();
    }

    /**
     * A species (or compartment) centred at a point: in the compartment whose glyph holds the
     * point, else the model's first compartment, else a new compartment {@code default}.
     *
     * @throws IllegalArgumentException if the entry makes neither a species nor a compartment
     */
    public InsertOperation node(PaletteEntry entry, double cx, double cy) {
        return switch (entry.kind()) {
            case SPECIES -> species(entry, cx, cy);
            case COMPARTMENT -> compartment(entry, cx, cy);
            default -> throw new IllegalArgumentException(entry.label() + " connects two glyphs; it is not placed by one click");
        };
    }

    private String baseName(PaletteEntry entry) {
        return entry.get("name", entry.label().toLowerCase(Locale.ROOT));
    }

    private InsertOperation species(PaletteEntry entry, double cx, double cy) {
        Ids ids = new Ids(layout);
        List<Insertion> ins = new ArrayList<>();
        List<String> glyphs = new ArrayList<>();
        String cid = compartmentAt(cx, cy);
        if (cid == null) {
            Compartment c = new Compartment(ids.unique("default"), level, version);
            c.setSize(1);
            c.setConstant(true);
            if (level >= 3) {
                c.setSpatialDimensions(3);
            }
            ins.add(new Insertion(model.getListOfCompartments(), c));
            cid = c.getId();
        }
        String name = baseName(entry);
        Species s = new Species(ids.numbered(name), level, version);
        s.setName(s.getId());
        s.setCompartment(cid);
        if (entry.sboTerm() >= 0) {
            s.setSBOTerm(entry.sboTerm());
        }
        if (entry.defaults().containsKey("initialAmount")) {
            s.setInitialAmount(entry.number("initialAmount", 0));
        } else {
            s.setInitialConcentration(entry.number("initialConcentration", 0));
        }
        s.setBoundaryCondition(Boolean.parseBoolean(entry.get("boundaryCondition", "false")));
        if (level >= 3) {
            s.setHasOnlySubstanceUnits(false);
            s.setConstant(false);
        }
        ins.add(new Insertion(model.getListOfSpecies(), s));
        GlyphKind kind = GlyphKind.ofSpeciesSbo(entry.sboTerm());
        double w = entry.number("width", kind == GlyphKind.SOURCE_SINK ? 20 : kind == GlyphKind.SIMPLE_CHEMICAL ? 70 : 90);
        double h = entry.number("height", kind == GlyphKind.SOURCE_SINK ? 20
                : kind == GlyphKind.COMPLEX || kind == GlyphKind.PHENOTYPE ? 40 : 32);
        SpeciesGlyph g = new SpeciesGlyph(ids.unique("sg_" + s.getId()), level, version);
        g.setSpecies(s.getId());
        box(g, cx - w / 2, cy - h / 2, w, h);
        ins.add(new Insertion(layout.getListOfSpeciesGlyphs(), g));
        ins.add(new Insertion(layout.getListOfTextGlyphs(), label(ids, g, s.getId())));
        glyphs.add(g.getId());
        return new InsertOperation("Create " + entry.label(), ins, glyphs);
    }

    private TextGlyph label(Ids ids, GraphicalObject g, String origin) {
        TextGlyph t = new TextGlyph(ids.unique("tg_" + origin), level, version);
        t.setGraphicalObject(g.getId());
        t.setOriginOfText(origin);
        BoundingBox bb = g.getBoundingBox();
        box(t, bb.getPosition().getX(), bb.getPosition().getY(), bb.getDimensions().getWidth(),
                bb.getDimensions().getHeight());
        return t;
    }

    private InsertOperation compartment(PaletteEntry entry, double cx, double cy) {
        Ids ids = new Ids(layout);
        Compartment c = new Compartment(ids.numbered(baseName(entry)), level, version);
        c.setName(c.getId());
        c.setSize(entry.number("size", 1));
        c.setConstant(true);
        if (level >= 3) {
            c.setSpatialDimensions(3);
        }
        if (entry.sboTerm() >= 0) {
            c.setSBOTerm(entry.sboTerm());
        }
        double w = entry.number("width", 300);
        double h = entry.number("height", 200);
        CompartmentGlyph g = new CompartmentGlyph(ids.unique("cg_" + c.getId()), level, version);
        g.setCompartment(c.getId());
        box(g, cx - w / 2, cy - h / 2, w, h);
        List<Insertion> ins = List.of(new Insertion(model.getListOfCompartments(), c),
                new Insertion(layout.getListOfCompartmentGlyphs(), g));
        return new InsertOperation("Create " + entry.label(), ins, List.of(g.getId()));
    }

    /** @return the id of the smallest compartment whose glyph holds the point, else the model's first, else null */
    private String compartmentAt(double x, double y) {
        CompartmentGlyph best = null;
        for (CompartmentGlyph g : layout.getListOfCompartmentGlyphs()) {
            BoundingBox bb = g.getBoundingBox();
            if (g.isSetCompartment() && model.getCompartment(g.getCompartment()) != null && bb != null
                    && bb.isSetPosition() && bb.isSetDimensions() && contains(bb, x, y)
                    && (best == null || area(bb) < area(best.getBoundingBox()))) {
                best = g;
            }
        }
        if (best != null) {
            return best.getCompartment();
        }
        return model.getCompartmentCount() > 0 ? model.getCompartment(0).getId() : null;
    }

    private static boolean contains(BoundingBox bb, double x, double y) {
        double x0 = bb.getPosition().getX();
        double y0 = bb.getPosition().getY();
        return x >= x0 && y >= y0 && x <= x0 + bb.getDimensions().getWidth() && y <= y0 + bb.getDimensions().getHeight();
    }

    private static double area(BoundingBox bb) {
        return bb.getDimensions().getWidth() * bb.getDimensions().getHeight();
    }

    private static void box(GraphicalObject g, double x, double y, double w, double h) {
        g.createBoundingBox(w, h, 0).createPosition(x, y, 0);
    }

    /**
     * A reaction from a reactant to a product, its process node half-way between them.
     *
     * @param from a species glyph id, or null for a source (nothing consumed) at {@code fromPoint}
     * @param to a species glyph id, or null for a sink (nothing produced) at {@code toPoint}
     * @throws IllegalArgumentException when both ends are empty or a glyph id is not a species glyph
     */
    public InsertOperation reaction(PaletteEntry entry, String from, double[] fromPoint, String to, double[] toPoint) {
        SpeciesGlyph a = from == null ? null : speciesGlyph(from);
        SpeciesGlyph b = to == null ? null : speciesGlyph(to);
        if (a == null && b == null) {
            throw new IllegalArgumentException("a reaction needs a reactant or a product: click a species first or second");
        }
        double[] pa = a == null ? fromPoint : centre(a);
        double[] pb = b == null ? toPoint : centre(b);
        Ids ids = new Ids(layout);
        Reaction r = new Reaction(ids.numbered(entry.get("name", "r").isBlank() ? "r" : entry.get("name", "r")), level, version);
        r.setReversible(Boolean.parseBoolean(entry.get("reversible", "false")));
        if (level < 3 || version == 1) {
            r.setFast(false);
        }
        if (entry.sboTerm() >= 0) {
            r.setSBOTerm(entry.sboTerm());
        }
        double stoich = entry.number("stoichiometry", 1);
        SpeciesReference reactant = a == null ? null : reference(ids, r, a.getSpecies(), stoich, true);
        SpeciesReference product = b == null ? null : reference(ids, r, b.getSpecies(), stoich, false);
        KineticLaw kl = r.createKineticLaw();
        LocalParameter k = kl.createLocalParameter("k");
        k.setValue(entry.number("k", 0.1));
        String law = entry.defaults().get("kineticLaw");
        if (law == null) {
            law = reactant == null ? "k" : "k * " + reactant.getSpecies();
        }
        kl.setMath(Formulas.parse(law));
        ReactionGlyph rg = new ReactionGlyph(ids.unique("rg_" + r.getId()), level, version);
        rg.setReaction(r.getId());
        double mx = (pa[0] + pb[0]) / 2;
        double my = (pa[1] + pb[1]) / 2;
        box(rg, mx - PROCESS / 2, my - PROCESS / 2, PROCESS, PROCESS);
        if (reactant != null) {
            rg.getListOfSpeciesReferenceGlyphs().add(arcGlyph(ids, rg, a, reactant.getId(), SpeciesReferenceRole.SUBSTRATE, -1));
        }
        if (product != null) {
            rg.getListOfSpeciesReferenceGlyphs().add(arcGlyph(ids, rg, b, product.getId(), SpeciesReferenceRole.PRODUCT, -1));
        }
        List<Insertion> ins = List.of(new Insertion(model.getListOfReactions(), r),
                new Insertion(layout.getListOfReactionGlyphs(), rg));
        return new InsertOperation("Create " + entry.label(), ins, List.of(rg.getId()));
    }

    private SpeciesReference reference(Ids ids, Reaction r, String species, double stoich, boolean reactant) {
        SpeciesReference ref = new SpeciesReference(level, version);
        ref.setId(ids.unique(r.getId() + (reactant ? "_reactant_" : "_product_") + species));
        ref.setSpecies(species);
        ref.setStoichiometry(stoich);
        if (level >= 3) {
            ref.setConstant(true);
        }
        if (reactant) {
            r.getListOfReactants().add(ref);
        } else {
            r.getListOfProducts().add(ref);
        }
        return ref;
    }

    /**
     * An arc of an existing reaction: a reactant, product or modifier (by the entry's kind and
     * SBO term). The two glyphs may come in either order: one must be a species glyph, the
     * other a reaction glyph.
     *
     * @throws IllegalArgumentException when the glyphs are not a species and a reaction, or the
     *         species already has that role in the reaction
     */
    public InsertOperation arc(PaletteEntry entry, String first, String second) {
        SpeciesGlyph sg = speciesGlyphOrNull(first) != null ? speciesGlyphOrNull(first) : speciesGlyphOrNull(second);
        ReactionGlyph rg = layout.getReactionGlyph(first) != null ? layout.getReactionGlyph(first)
                : layout.getReactionGlyph(second);
        if (sg == null || rg == null || !sg.isSetSpecies() || !rg.isSetReaction()) {
            throw new IllegalArgumentException(entry.label() + " joins a species and a process node: click one of each");
        }
        Reaction r = model.getReaction(rg.getReaction());
        if (r == null || model.getSpecies(sg.getSpecies()) == null) {
            throw new IllegalArgumentException("the glyphs stand for no reaction or species of the model");
        }
        String sid = sg.getSpecies();
        Ids ids = new Ids(layout);
        SimpleSpeciesReference ref;
        SpeciesReferenceRole role;
        switch (entry.kind()) {
            case REACTANT, PRODUCT -> {
                boolean reactant = entry.kind() == ElementKind.REACTANT;
                if ((reactant ? r.getReactantForSpecies(sid) : r.getProductForSpecies(sid)) != null) {
                    throw new IllegalArgumentException(sid + " is already a " + (reactant ? "reactant" : "product") + " of "
                            + r.getId());
                }
                SpeciesReference sr = new SpeciesReference(level, version);
                sr.setId(ids.unique(r.getId() + (reactant ? "_reactant_" : "_product_") + sid));
                sr.setSpecies(sid);
                sr.setStoichiometry(entry.number("stoichiometry", 1));
                if (level >= 3) {
                    sr.setConstant(true);
                }
                ref = sr;
                role = reactant ? SpeciesReferenceRole.SUBSTRATE : SpeciesReferenceRole.PRODUCT;
            }
            case MODIFIER -> {
                if (r.getModifierForSpecies(sid) != null) {
                    throw new IllegalArgumentException(sid + " is already a modifier of " + r.getId());
                }
                ModifierSpeciesReference m = new ModifierSpeciesReference(level, version);
                if (level > 2 || version > 1) {
                    m.setId(ids.unique(r.getId() + "_modifier_" + sid));
                }
                m.setSpecies(sid);
                ref = m;
                role = switch (entry.sboTerm()) {
                    case 20, 206, 207, 536, 537 -> SpeciesReferenceRole.INHIBITOR;
                    case 13, 459, 460, 461, 462 -> SpeciesReferenceRole.ACTIVATOR;
                    default -> SpeciesReferenceRole.MODIFIER;
                };
            }
            default -> throw new IllegalArgumentException(entry.label() + " does not make an arc");
        }
        if (entry.sboTerm() >= 0) {
            ref.setSBOTerm(entry.sboTerm());
        }
        @SuppressWarnings("unchecked")
        org.sbml.jsbml.ListOf<? extends SimpleSpeciesReference> list = switch (entry.kind()) {
            case REACTANT -> r.getListOfReactants();
            case PRODUCT -> r.getListOfProducts();
            default -> r.getListOfModifiers();
        };
        SpeciesReferenceGlyph g = arcGlyph(ids, rg, sg, ref instanceof ModifierSpeciesReference ? null : ref.getId(), role,
                rg.getSpeciesReferenceGlyphCount());
        List<Insertion> ins = List.of(new Insertion(list, ref), new Insertion(rg.getListOfSpeciesReferenceGlyphs(), g));
        return new InsertOperation("Create " + entry.label(), ins, List.of(g.getId()));
    }

    private SpeciesReferenceGlyph arcGlyph(Ids ids, ReactionGlyph rg, SpeciesGlyph sg, String refId,
            SpeciesReferenceRole role, int index) {
        SpeciesReferenceGlyph g = new SpeciesReferenceGlyph(
                ids.unique(rg.getId() + "_" + (index < 0 ? rg.getSpeciesReferenceGlyphCount() : index)), level, version);
        g.setSpeciesGlyph(sg.getId());
        if (refId != null) {
            g.setSpeciesReference(refId);
        }
        g.setRole(role);
        double[] s = centre(sg);
        double[] p = centre(rg);
        boolean out = role == SpeciesReferenceRole.PRODUCT || role == SpeciesReferenceRole.SIDEPRODUCT;
        Curve c = new Curve(level, version);
        LineSegment seg = new LineSegment(level, version);
        seg.createStart(out ? p[0] : s[0], out ? p[1] : s[1], 0);
        seg.createEnd(out ? s[0] : p[0], out ? s[1] : p[1], 0);
        c.addCurveSegment(seg);
        g.setCurve(c);
        // the Layout package asks every graphical object for a box; the curve's is used
        box(g, Math.min(s[0], p[0]), Math.min(s[1], p[1]), Math.abs(s[0] - p[0]), Math.abs(s[1] - p[1]));
        return g;
    }

    private SpeciesGlyph speciesGlyphOrNull(String id) {
        return id == null ? null : layout.getSpeciesGlyph(id);
    }

    private SpeciesGlyph speciesGlyph(String id) {
        SpeciesGlyph g = layout.getSpeciesGlyph(id);
        if (g == null || !g.isSetSpecies()) {
            throw new IllegalArgumentException(id + " is not a species glyph");
        }
        return g;
    }

    static double[] centre(GraphicalObject g) {
        BoundingBox bb = g.getBoundingBox();
        double w = bb.isSetDimensions() ? bb.getDimensions().getWidth() : 0;
        double h = bb.isSetDimensions() ? bb.getDimensions().getHeight() : 0;
        return new double[] { bb.getPosition().getX() + w / 2, bb.getPosition().getY() + h / 2 };
    }
}
