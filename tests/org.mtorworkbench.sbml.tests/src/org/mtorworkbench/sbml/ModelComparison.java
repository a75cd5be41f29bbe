package org.mtorworkbench.sbml;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.xml.stream.XMLStreamException;

import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.AbstractNamedSBase;
import org.sbml.jsbml.CVTerm;
import org.sbml.jsbml.Compartment;
import org.sbml.jsbml.Constraint;
import org.sbml.jsbml.Event;
import org.sbml.jsbml.EventAssignment;
import org.sbml.jsbml.ExplicitRule;
import org.sbml.jsbml.FunctionDefinition;
import org.sbml.jsbml.InitialAssignment;
import org.sbml.jsbml.KineticLaw;
import org.sbml.jsbml.ListOf;
import org.sbml.jsbml.LocalParameter;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.ModifierSpeciesReference;
import org.sbml.jsbml.Parameter;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.Rule;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.SBase;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.SpeciesReference;
import org.sbml.jsbml.Unit;
import org.sbml.jsbml.UnitDefinition;
import org.sbml.jsbml.ext.layout.BoundingBox;
import org.sbml.jsbml.ext.layout.GraphicalObject;
import org.sbml.jsbml.ext.layout.Layout;
import org.sbml.jsbml.ext.layout.LayoutModelPlugin;
import org.sbml.jsbml.ext.layout.ReactionGlyph;
import org.sbml.jsbml.ext.layout.SpeciesReferenceGlyph;

/**
 * Compares two documents the way a modeller would: ids, names, values, units, math
 * (structurally), rules, events, SBO terms, annotations, notes, layout glyphs and bounds.
 * An attribute the first document leaves unset in L3 (where it has no default) is not
 * compared. The result lists each difference naming the element.
 */
final class ModelComparison {

    private final List<String> diffs = new ArrayList<>();
    private final boolean l3Original;

    private ModelComparison(SBMLDocument a) {
        this.l3Original = a.getLevel() >= 3;
    }

    /** @return the differences between {@code a} (the original) and {@code b}; empty when the same */
    static List<String> compare(SBMLDocument a, SBMLDocument b) {
        ModelComparison c = new ModelComparison(a);
        c.model(a.getModel(), b.getModel());
        return c.diffs;
    }

    private void diff(String where, String what, Object x, Object y) {
        diffs.add(where + ": " + what + " " + x + " != " + y);
    }

    private void eq(String where, String what, Object x, Object y) {
        if (!Objects.equals(x, y)) {
            diff(where, what, x, y);
        }
    }

    private void num(String where, String what, boolean set, double x, double y) {
        if ((set || !l3Original) && !(Double.compare(x, y) == 0 || Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(x)))) {
            diff(where, what, x, y);
        }
    }

    private void bool(String where, String what, boolean set, boolean x, boolean y) {
        if ((set || !l3Original) && x != y) {
            diff(where, what, x, y);
        }
    }

    private void base(String where, SBase x, SBase y) {
        if (x instanceof AbstractNamedSBase nx && y instanceof AbstractNamedSBase ny) {
            eq(where, "name", nx.isSetName() ? nx.getName() : null, ny.isSetName() ? ny.getName() : null);
        }
        eq(where, "sboTerm", x.getSBOTerm(), y.getSBOTerm());
        eq(where, "notes", notes(x), notes(y));
        eq(where, "cvterms", cvTerms(x), cvTerms(y));
        eq(where, "annotation", annotation(x), annotation(y));
    }

    private static String notes(SBase s) {
        if (!s.isSetNotes()) {
            return null;
        }
        try {
            // An empty XHTML head is added to L2V1 notes that lack one (later levels require it).
            return s.getNotesString().replaceAll("\\s+", " ").replaceAll("> <", "><")
                    .replaceAll("<head><title( [^>]*)?/></head>", "").replaceAll("<head><title></title></head>", "")
                    .strip();
        } catch (XMLStreamException e) {
            return "unreadable notes: " + e.getMessage();
        }
    }

    private static List<String> cvTerms(SBase s) {
        List<String> out = new ArrayList<>();
        if (s.isSetAnnotation()) {
            for (CVTerm t : s.getCVTerms()) {
                out.add(t.getQualifier() + "=" + t.getResources());
            }
        }
        return out;
    }

    private static String annotation(SBase s) {
        if (!s.isSetAnnotation() || !s.getAnnotation().isSetNonRDFannotation()) {
            return "";
        }
        String xml = s.getAnnotation().getNonRDFannotationAsString();
        if (xml == null) {
            return "";
        }
        // The workbench's own carrier for L2-only facts is not part of the model's annotation.
        // CellDesigner 2/3 annotations (legal in L2V1 only) are wrapped in celldesigner:extension
        // for later levels, as CellDesigner 4 writes them.
        return xml.replaceAll("<mtorwb:l2facts[^>]*/>", "").replaceAll("</?celldesigner:extension>", "").replaceAll("\\s+", " ").replaceAll("> <", "><")
                .replaceAll("<annotation[^>]*>", "<annotation>").strip().replace("<annotation></annotation>", "")
                .replace("<annotation/>", "");
    }

    private void model(Model a, Model b) {
        if (a == null || b == null) {
            if (a != b) {
                diff("document", "model", a, b);
            }
            return;
        }
        String w = "model";
        eq(w, "id", a.getId(), b.getId());
        base(w, a, b);
        for (FunctionDefinition x : a.getListOfFunctionDefinitions()) {
            FunctionDefinition y = b.getFunctionDefinition(x.getId());
            if (present("functionDefinition", x.getId(), y)) {
                base("functionDefinition " + x.getId(), x, y);
                math("functionDefinition " + x.getId(), x.getMath(), y.getMath());
            }
        }
        for (UnitDefinition x : a.getListOfUnitDefinitions()) {
            UnitDefinition y = b.getUnitDefinition(x.getId());
            if (present("unitDefinition", x.getId(), y)) {
                units("unitDefinition " + x.getId(), x, y);
            }
        }
        for (Compartment x : a.getListOfCompartments()) {
            Compartment y = b.getCompartment(x.getId());
            if (present("compartment", x.getId(), y)) {
                String cw = "compartment " + x.getId();
                base(cw, x, y);
                num(cw, "size", x.isSetSize(), x.getSize(), y.getSize());
                num(cw, "spatialDimensions", x.isSetSpatialDimensions(), x.getSpatialDimensions(),
                        y.getSpatialDimensions());
                eq(cw, "units", x.isSetUnits() ? x.getUnits() : null, x.isSetUnits() ? y.getUnits() : null);
                bool(cw, "constant", x.isSetConstant(), x.getConstant(), y.getConstant());
                if (x.getLevel() == y.getLevel()) {
                    eq(cw, "outside", x.isSetOutside() ? x.getOutside() : null, y.isSetOutside() ? y.getOutside() : null);
                }
            }
        }
        for (Species x : a.getListOfSpecies()) {
            Species y = b.getSpecies(x.getId());
            if (present("species", x.getId(), y)) {
                String sw = "species " + x.getId();
                base(sw, x, y);
                eq(sw, "compartment", x.getCompartment(), y.getCompartment());
                eq(sw, "initialAmount set", x.isSetInitialAmount(), y.isSetInitialAmount());
                num(sw, "initialAmount", x.isSetInitialAmount(), x.getInitialAmount(), y.getInitialAmount());
                num(sw, "initialConcentration", x.isSetInitialConcentration(), x.getInitialConcentration(),
                        y.getInitialConcentration());
                eq(sw, "substanceUnits", x.isSetSubstanceUnits() ? x.getSubstanceUnits() : null,
                        x.isSetSubstanceUnits() ? y.getSubstanceUnits() : null);
                bool(sw, "hasOnlySubstanceUnits", x.isSetHasOnlySubstanceUnits(), x.getHasOnlySubstanceUnits(),
                        y.getHasOnlySubstanceUnits());
                bool(sw, "boundaryCondition", x.isSetBoundaryCondition(), x.getBoundaryCondition(),
                        y.getBoundaryCondition());
                bool(sw, "constant", x.isSetConstant(), x.getConstant(), y.getConstant());
            }
        }
        for (Parameter x : a.getListOfParameters()) {
            Parameter y = b.getParameter(x.getId());
            if (present("parameter", x.getId(), y)) {
                String pw = "parameter " + x.getId();
                base(pw, x, y);
                num(pw, "value", x.isSetValue(), x.getValue(), y.getValue());
                eq(pw, "units", x.isSetUnits() ? x.getUnits() : null, x.isSetUnits() ? y.getUnits() : null);
                bool(pw, "constant", x.isSetConstant(), x.getConstant(), y.getConstant());
            }
        }
        for (InitialAssignment x : a.getListOfInitialAssignments()) {
            InitialAssignment y = find(b.getListOfInitialAssignments(), x.getVariable());
            if (present("initialAssignment", x.getVariable(), y)) {
                base("initialAssignment " + x.getVariable(), x, y);
                math("initialAssignment " + x.getVariable(), x.getMath(), y.getMath());
            }
        }
        rules(a, b);
        for (int i = 0; i < a.getConstraintCount(); i++) {
            Constraint x = a.getConstraint(i);
            Constraint y = i < b.getConstraintCount() ? b.getConstraint(i) : null;
            if (present("constraint", "#" + i, y)) {
                base("constraint #" + i, x, y);
                math("constraint #" + i, x.getMath(), y.getMath());
            }
        }
        for (Reaction x : a.getListOfReactions()) {
            Reaction y = b.getReaction(x.getId());
            if (present("reaction", x.getId(), y)) {
                reaction(x, y);
            }
        }
        for (Event x : a.getListOfEvents()) {
            Event y = x.isSetId() ? b.getEvent(x.getId()) : b.getEvent(a.getListOfEvents().indexOf(x));
            String id = x.isSetId() ? x.getId() : "#" + a.getListOfEvents().indexOf(x);
            if (present("event", id, y)) {
                event("event " + id, x, y);
            }
        }
        layouts(a, b);
    }

    private void rules(Model a, Model b) {
        List<Rule> rb = new ArrayList<>(b.getListOfRules());
        int algebraic = 0;
        for (Rule x : a.getListOfRules()) {
            Rule y = null;
            String id;
            if (x instanceof ExplicitRule ex) {
                id = ex.getVariable();
                for (Rule r : rb) {
                    if (r instanceof ExplicitRule er && Objects.equals(er.getVariable(), id)
                            && r.getClass() == x.getClass()) {
                        y = r;
                    }
                }
            } else {
                id = "algebraic #" + algebraic++;
                for (Rule r : rb) {
                    if (r.isAlgebraic()) {
                        y = r;
                        break;
                    }
                }
            }
            if (present("rule", id, y)) {
                rb.remove(y);
                base("rule " + id, x, y);
                math("rule " + id, x.getMath(), y.getMath());
            }
        }
    }

    private static <T extends SBase> T find(ListOf<T> list, String variable) {
        for (T t : list) {
            if (t instanceof InitialAssignment ia && Objects.equals(ia.getVariable(), variable)) {
                return t;
            }
            if (t instanceof EventAssignment ea && Objects.equals(ea.getVariable(), variable)) {
                return t;
            }
        }
        return null;
    }

    private void reaction(Reaction x, Reaction y) {
        String w = "reaction " + x.getId();
        base(w, x, y);
        bool(w, "reversible", x.isSetReversible(), x.getReversible(), y.getReversible());
        if (x.isSetFast() && x.getFast()) {
            // L3V2 has no fast attribute; converting a fast reaction there is refused.
            bool(w, "fast", true, true, y.getLevel() == 3 && y.getVersion() == 2 ? false : y.getFast());
        }
        refs(w + " reactant", x.getListOfReactants(), y.getListOfReactants());
        refs(w + " product", x.getListOfProducts(), y.getListOfProducts());
        eq(w, "modifier count", x.getModifierCount(), y.getModifierCount());
        for (int i = 0; i < Math.min(x.getModifierCount(), y.getModifierCount()); i++) {
            ModifierSpeciesReference mx = x.getModifier(i);
            ModifierSpeciesReference my = y.getModifier(i);
            eq(w + " modifier #" + i, "species", mx.getSpecies(), my.getSpecies());
            base(w + " modifier #" + i, mx, my);
        }
        eq(w, "kineticLaw", x.isSetKineticLaw(), y.isSetKineticLaw());
        if (x.isSetKineticLaw() && y.isSetKineticLaw()) {
            KineticLaw kx = x.getKineticLaw();
            KineticLaw ky = y.getKineticLaw();
            base(w + " kineticLaw", kx, ky);
            math(w + " kineticLaw", kx.getMath(), ky.getMath());
            for (LocalParameter lx : kx.getListOfLocalParameters()) {
                LocalParameter ly = ky.getLocalParameter(lx.getId());
                if (present(w + " local parameter", lx.getId(), ly)) {
                    base(w + " local parameter " + lx.getId(), lx, ly);
                    num(w + " local parameter " + lx.getId(), "value", lx.isSetValue(), lx.getValue(), ly.getValue());
                    eq(w + " local parameter " + lx.getId(), "units", lx.isSetUnits() ? lx.getUnits() : null,
                            lx.isSetUnits() ? ly.getUnits() : null);
                }
            }
        }
    }

    private void refs(String w, ListOf<SpeciesReference> a, ListOf<SpeciesReference> b) {
        eq(w, "count", a.size(), b.size());
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            SpeciesReference x = a.get(i);
            SpeciesReference y = b.get(i);
            String rw = w + " #" + i;
            eq(rw, "species", x.getSpecies(), y.getSpecies());
            base(rw, x, y);
            if (x.isSetStoichiometryMath()) {
                // Converted to an assignment rule on the reference's id in L3.
                if (y.isSetStoichiometryMath()) {
                    math(rw, x.getStoichiometryMath().getMath(), y.getStoichiometryMath().getMath());
                }
            } else {
                num(rw, "stoichiometry", x.isSetStoichiometry(), x.getStoichiometry(), y.getStoichiometry());
                if (x.isSetId()) {
                    eq(rw, "id", x.getId(), y.getId());
                }
            }
        }
    }

    private void event(String w, Event x, Event y) {
        base(w, x, y);
        bool(w, "useValuesFromTriggerTime", x.isSetUseValuesFromTriggerTime(), x.getUseValuesFromTriggerTime(),
                y.getUseValuesFromTriggerTime());
        eq(w, "trigger", x.isSetTrigger(), y.isSetTrigger());
        if (x.isSetTrigger() && y.isSetTrigger()) {
            math(w + " trigger", x.getTrigger().getMath(), y.getTrigger().getMath());
            if (x.getLevel() >= 3) {
                bool(w, "trigger initialValue", x.getTrigger().isSetInitialValue(), x.getTrigger().getInitialValue(),
                        y.getTrigger().getInitialValue());
                bool(w, "trigger persistent", x.getTrigger().isSetPersistent(), x.getTrigger().getPersistent(),
                        y.getTrigger().getPersistent());
            }
        }
        eq(w, "delay", x.isSetDelay(), y.isSetDelay());
        if (x.isSetDelay() && y.isSetDelay()) {
            math(w + " delay", x.getDelay().getMath(), y.getDelay().getMath());
        }
        eq(w, "priority", x.isSetPriority(), y.isSetPriority());
        if (x.isSetPriority() && y.isSetPriority()) {
            math(w + " priority", x.getPriority().getMath(), y.getPriority().getMath());
        }
        eq(w, "event assignments", x.getEventAssignmentCount(), y.getEventAssignmentCount());
        for (EventAssignment ex : x.getListOfEventAssignments()) {
            EventAssignment ey = find(y.getListOfEventAssignments(), ex.getVariable());
            if (present(w + " assignment", ex.getVariable(), ey)) {
                math(w + " assignment " + ex.getVariable(), ex.getMath(), ey.getMath());
            }
        }
    }

    private void units(String w, UnitDefinition x, UnitDefinition y) {
        base(w, x, y);
        eq(w, "unit count", x.getUnitCount(), y.getUnitCount());
        for (int i = 0; i < Math.min(x.getUnitCount(), y.getUnitCount()); i++) {
            Unit ux = x.getUnit(i);
            Unit uy = y.getUnit(i);
            String uw = w + " unit #" + i;
            eq(uw, "kind", ux.getKind(), uy.getKind());
            num(uw, "exponent", ux.isSetExponent(), ux.getExponent(), uy.getExponent());
            num(uw, "scale", ux.isSetScale(), ux.getScale(), uy.getScale());
            num(uw, "multiplier", ux.isSetMultiplier(), ux.getMultiplier(), uy.getMultiplier());
        }
    }

    private boolean present(String what, String id, Object y) {
        if (y == null) {
            diffs.add(what + " " + id + ": missing after the round trip");
            return false;
        }
        return true;
    }

    /** Structural comparison of two math trees: node types, names, numbers, children. */
    private void math(String w, ASTNode x, ASTNode y) {
        if (x == null || y == null) {
            if ((x == null) != (y == null)) {
                diff(w, "math", x, y);
            }
            return;
        }
        String sx = shape(x);
        String sy = shape(y);
        if (!sx.equals(sy)) {
            diff(w, "math", sx, sy);
        }
    }

    private static String shape(ASTNode n) {
        StringBuilder sb = new StringBuilder();
        shape(n, sb);
        return sb.toString();
    }

    private static void shape(ASTNode n, StringBuilder sb) {
        ASTNode.Type t = n.getType();
        sb.append(t);
        if (n.isName() || t == ASTNode.Type.FUNCTION) {
            sb.append(':').append(n.getName());
        } else if (t == ASTNode.Type.INTEGER) {
            sb.append(':').append(n.getInteger());
        } else if (t == ASTNode.Type.RATIONAL) {
            sb.append(':').append(n.getNumerator()).append('/').append(n.getDenominator());
        } else if (n.isReal()) {
            sb.append(':').append(n.getReal());
            if (t == ASTNode.Type.REAL_E) {
                sb.append('e').append(n.getExponent());
            }
        }
        if (n.getChildCount() > 0) {
            sb.append('(');
            for (ASTNode c : n.getChildren()) {
                shape(c, sb);
                sb.append(',');
            }
            sb.append(')');
        }
    }

    private void layouts(Model a, Model b) {
        List<Layout> la = layoutsOf(a);
        List<Layout> lb = layoutsOf(b);
        eq("model", "layout count", la.size(), lb.size());
        if (!la.isEmpty() && !lb.isEmpty()) {
            eq("model", "global render information", render(((LayoutModelPlugin) a.getExtension("layout"))
                    .getListOfLayouts().getExtension("render")), render(((LayoutModelPlugin) b.getExtension("layout"))
                            .getListOfLayouts().getExtension("render")));
        }
        for (int i = 0; i < Math.min(la.size(), lb.size()); i++) {
            Layout x = la.get(i);
            Layout y = lb.get(i);
            String w = "layout " + x.getId();
            eq(w, "id", x.getId(), y.getId());
            if (x.isSetDimensions()) {
                num(w, "width", true, x.getDimensions().getWidth(), y.getDimensions().getWidth());
                num(w, "height", true, x.getDimensions().getHeight(), y.getDimensions().getHeight());
            }
            eq(w, "render information", render(x.getExtension("render")), render(y.getExtension("render")));
            glyphs(w, x.getListOfCompartmentGlyphs(), y.getListOfCompartmentGlyphs());
            glyphs(w, x.getListOfSpeciesGlyphs(), y.getListOfSpeciesGlyphs());
            glyphs(w, x.getListOfReactionGlyphs(), y.getListOfReactionGlyphs());
            glyphs(w, x.getListOfTextGlyphs(), y.getListOfTextGlyphs());
            for (int r = 0; r < Math.min(x.getReactionGlyphCount(), y.getReactionGlyphCount()); r++) {
                ReactionGlyph rx = x.getReactionGlyph(r);
                ReactionGlyph ry = y.getReactionGlyph(r);
                eq(w + " " + rx.getId(), "reaction", rx.getReaction(), ry.getReaction());
                eq(w + " " + rx.getId(), "curve segments", segments(rx), segments(ry));
                glyphs(w + " " + rx.getId(), rx.getListOfSpeciesReferenceGlyphs(), ry.getListOfSpeciesReferenceGlyphs());
                for (int s = 0; s < Math.min(rx.getSpeciesReferenceGlyphCount(), ry.getSpeciesReferenceGlyphCount()); s++) {
                    SpeciesReferenceGlyph sx = rx.getSpeciesReferenceGlyph(s);
                    SpeciesReferenceGlyph sy = ry.getSpeciesReferenceGlyph(s);
                    eq(w + " " + sx.getId(), "speciesGlyph", sx.getSpeciesGlyph(), sy.getSpeciesGlyph());
                    eq(w + " " + sx.getId(), "role", sx.isSetSpeciesReferenceRole() ? sx.getSpeciesReferenceRole() : null,
                            sy.isSetSpeciesReferenceRole() ? sy.getSpeciesReferenceRole() : null);
                }
            }
        }
    }

    /**
     * Render information as a canonical string: each element's type, its attributes as JSBML
     * writes them (without prefix, sorted) and its children, so colours, gradients, styles,
     * strokes, fills, fonts and shapes are all compared, whatever the level.
     */
    static String render(javax.swing.tree.TreeNode node) {
        if (node == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        renderInto(node, sb);
        // An empty plugin and no plugin are the same.
        return sb.toString().replaceAll("\\w+Plugin\\{\\}\\(\\)", "");
    }

    private static void renderInto(javax.swing.tree.TreeNode node, StringBuilder sb) {
        if (node instanceof org.sbml.jsbml.ListOf<?> l && l.isEmpty()) {
            return;
        }
        sb.append(node.getClass().getSimpleName()).append('{');
        java.util.Map<String, String> attributes = node instanceof org.sbml.jsbml.AbstractSBase sbase
                ? sbase.writeXMLAttributes()
                : node instanceof org.sbml.jsbml.ext.AbstractSBasePlugin plugin ? plugin.writeXMLAttributes() : null;
        if (attributes != null) {
            new java.util.TreeMap<>(attributes).forEach((k, v) -> {
                if (!k.endsWith("level") && !k.endsWith("version")) {
                    sb.append(k.substring(k.indexOf(':') + 1)).append('=').append(v).append(' ');
                }
            });
        }
        sb.append("}(");
        for (int i = 0; i < node.getChildCount(); i++) {
            renderInto(node.getChildAt(i), sb);
        }
        sb.append(')');
    }

    private static int segments(ReactionGlyph g) {
        return g.isSetCurve() ? g.getCurve().getCurveSegmentCount() : 0;
    }

    private static List<Layout> layoutsOf(Model m) {
        if (m.getExtension("layout") instanceof LayoutModelPlugin p) {
            return p.getListOfLayouts();
        }
        return List.of();
    }

    private void glyphs(String w, ListOf<? extends GraphicalObject> a, ListOf<? extends GraphicalObject> b) {
        eq(w, a.getElementName() + " count", a.size(), b.size());
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            GraphicalObject x = a.get(i);
            GraphicalObject y = b.get(i);
            String gw = w + " glyph " + x.getId();
            eq(gw, "id", x.getId(), y.getId());
            eq(gw, "bounds", bounds(x), bounds(y));
        }
    }

    private static String bounds(GraphicalObject g) {
        if (!g.isSetBoundingBox()) {
            return "none";
        }
        BoundingBox b = g.getBoundingBox();
        double px = b.isSetPosition() ? b.getPosition().getX() : 0;
        double py = b.isSetPosition() ? b.getPosition().getY() : 0;
        double w = b.isSetDimensions() ? b.getDimensions().getWidth() : 0;
        double h = b.isSetDimensions() ? b.getDimensions().getHeight() : 0;
        return px + "," + py + " " + w + "x" + h;
    }
}
