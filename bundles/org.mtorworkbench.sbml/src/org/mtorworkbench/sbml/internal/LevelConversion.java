package org.mtorworkbench.sbml.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.swing.tree.TreeNode;
import javax.xml.stream.XMLStreamException;

import org.mtorworkbench.sbml.SbmlTarget;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.AbstractSBase;
import org.sbml.jsbml.Annotation;
import org.sbml.jsbml.AssignmentRule;
import org.sbml.jsbml.Compartment;
import org.sbml.jsbml.CompartmentType;
import org.sbml.jsbml.Constraint;
import org.sbml.jsbml.Event;
import org.sbml.jsbml.EventAssignment;
import org.sbml.jsbml.ExplicitRule;
import org.sbml.jsbml.FunctionDefinition;
import org.sbml.jsbml.InitialAssignment;
import org.sbml.jsbml.KineticLaw;
import org.sbml.jsbml.LocalParameter;
import org.sbml.jsbml.MathContainer;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.ModifierSpeciesReference;
import org.sbml.jsbml.Parameter;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.Rule;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.SBase;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.SpeciesReference;
import org.sbml.jsbml.SpeciesType;
import org.sbml.jsbml.Trigger;
import org.sbml.jsbml.Unit;
import org.sbml.jsbml.UnitDefinition;
import org.sbml.jsbml.ext.SBasePlugin;
import org.sbml.jsbml.ext.layout.LayoutModelPlugin;
import org.sbml.jsbml.xml.XMLNode;

/**
 * Converts a JSBML document between SBML levels and versions. JSBML's own
 * {@code setLevelAndVersion} only relabels the elements; this class first makes explicit
 * what the source level left implicit (L2 defaults that L3 requires as attributes, L2's
 * built-in units), and refuses, with the list of element ids and constructs, whatever the
 * target cannot express, so nothing is dropped silently.
 */
public final class LevelConversion {

    /** Namespace of the workbench's own annotation that carries L2-only facts through L3. */
    public static final String L2_FACTS_NS = "https://mtorworkbench.org/ns/sbml-l2-facts/1";
    private static final String L2_FACTS_ELEMENT = "l2facts";

    /** L2's predefined unit identifiers and what each means. */
    private static final Map<String, Unit.Kind[]> L2_BUILTIN = new LinkedHashMap<>();
    static {
        L2_BUILTIN.put("substance", new Unit.Kind[] { Unit.Kind.MOLE });
        L2_BUILTIN.put("volume", new Unit.Kind[] { Unit.Kind.LITRE });
        L2_BUILTIN.put("area", new Unit.Kind[] { Unit.Kind.METRE, Unit.Kind.METRE });
        L2_BUILTIN.put("length", new Unit.Kind[] { Unit.Kind.METRE });
        L2_BUILTIN.put("time", new Unit.Kind[] { Unit.Kind.SECOND });
    }

    /** Packages that travel between levels: layout as the L2 annotation, render with it. */
    private static final Set<String> L2_CAPABLE_PACKAGES = Set.of("layout");

    private final SBMLDocument doc;
    private final SbmlTarget target;
    private final List<String> problems = new ArrayList<>();

    private LevelConversion(SBMLDocument doc, SbmlTarget target) {
        this.doc = doc;
        this.target = target;
    }

    /**
     * Converts {@code doc} in place to {@code target}.
     *
     * @return the constructs that cannot be expressed in the target, each naming the
     *         element; when not empty, {@code doc} is left in an unspecified state and must
     *         be discarded
     */
    public static List<String> convert(SBMLDocument doc, SbmlTarget target) {
        LevelConversion c = new LevelConversion(doc, target);
        c.run();
        // A construct can be found by more than one check (e.g. L3-only math in an L3V2 model).
        return new ArrayList<>(new java.util.LinkedHashSet<>(c.problems));
    }

    private void run() {
        int fromLevel = doc.getLevel();
        int fromVersion = doc.getVersion();
        if (fromLevel == target.level() && fromVersion == target.version()) {
            return;
        }
        Model m = doc.getModel();
        List<SBase> all = new ArrayList<>();
        collect(doc, all);
        for (SBase sb : all) {
            if (sb instanceof org.sbml.jsbml.ext.comp.ExternalModelDefinition emd) {
                problem(emd, "refers to the external file '" + emd.getSource() + "', which is not converted with"
                        + " it; convert that file too, or flatten the model first");
            }
        }
        if (fromLevel == 1 || (fromLevel == 2 && fromVersion == 1)) {
            wrapCellDesignerAnnotations(all);
            completeXhtmlNotes(all);
        }
        if (fromLevel < 3) {
            checkRemovedSinceL2V4(all);
            if (target.level() == 3 && m != null) {
                toLevel3(m, all);
            }
        } else {
            if (fromVersion >= 2 && !(target.level() == 3 && target.version() >= 2)) {
                checkLevel3Version2Only(all);
            }
            if (target.level() == 2) {
                checkPackagesForLevel2(all);
                if (m != null) {
                    toLevel2(m, all);
                }
            } else {
                for (SBase sb : all) {
                    if (sb instanceof Reaction r) {
                        fastForLevel3(r);
                        if (fromVersion == 1 && target.version() >= 2) {
                            checkLocalParametersShadowSpecies(r);
                        }
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            return;
        }
        if (!doc.setLevelAndVersion(target.level(), target.version(), false)) {
            problems.add("document: JSBML refused to relabel it as level " + target.level() + " version "
                    + target.version());
            return;
        }
        afterRelabel.forEach(Runnable::run);
    }

    // ---------------------------------------------------------------- traversal

    private static void collect(TreeNode node, List<SBase> out) {
        if (node instanceof SBase sb) {
            out.add(sb);
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            TreeNode child = node.getChildAt(i);
            if (child instanceof SBase || child instanceof SBasePlugin) {
                collect(child, out);
            }
        }
    }

    private static String label(SBase sb) {
        String id = sb instanceof AbstractSBase a && a.isSetId() ? a.getId() : null;
        if (id == null && sb instanceof ExplicitRule r && r.isSetVariable()) {
            id = "for " + r.getVariable();
        } else if (id == null && sb instanceof InitialAssignment ia && ia.isSetVariable()) {
            id = "for " + ia.getVariable();
        } else if (id == null && sb instanceof EventAssignment ea && ea.isSetVariable()) {
            id = "for " + ea.getVariable();
        }
        SBase owner = sb;
        while (id == null && owner.getParentSBMLObject() != null) {
            owner = owner.getParentSBMLObject();
            if (owner instanceof AbstractSBase a && a.isSetId()) {
                id = "in " + owner.getElementName() + " '" + a.getId() + "'";
            }
        }
        return sb.getElementName() + (id == null ? "" : id.startsWith("in ") || id.startsWith("for ")
                ? " (" + id + ")" : " '" + id + "'");
    }

    private void problem(SBase sb, String what) {
        problems.add(label(sb) + ": " + what);
    }

    // ---------------------------------------------------------------- L1/L2 -> L2V4 or L3

    private void checkRemovedSinceL2V4(List<SBase> all) {
        boolean toL3 = target.level() == 3;
        for (SBase sb : all) {
            if (sb instanceof Species s) {
                if (s.isSetSpatialSizeUnits()) {
                    problem(s, "spatialSizeUnits (removed after L2V2); express the units on the compartment");
                }
                if (s.isSetCharge()) {
                    // Removed after L2V1: it travels in the workbench's annotation instead.
                    keepL2Fact(s, "charge", Integer.toString(s.getCharge()));
                    s.unsetCharge();
                }
                if (toL3 && s.isSetSpeciesType()) {
                    problem(s, "speciesType (not in L3 core)");
                }
            } else if (sb instanceof Compartment c) {
                if (toL3 && c.isSetCompartmentType()) {
                    problem(c, "compartmentType (not in L3 core)");
                }
            } else if (sb instanceof Event e) {
                if (e.isSetTimeUnits()) {
                    problem(e, "timeUnits on an event (removed after L2V2)");
                }
            } else if (sb instanceof KineticLaw k) {
                if (k.isSetTimeUnits() || k.isSetSubstanceUnits()) {
                    problem(k, "timeUnits/substanceUnits on a kinetic law (removed after L2V1)");
                }
            } else if (sb instanceof Unit u) {
                if (u.isSetOffset() && u.getOffset() != 0) {
                    problem(u, "unit offset " + u.getOffset() + " (removed after L2V1)");
                }
                if (u.getKind() == Unit.Kind.CELSIUS) {
                    problem(u, "unit kind Celsius (removed after L2V1)");
                }
            } else if (toL3 && (sb instanceof SpeciesType || sb instanceof CompartmentType)) {
                problem(sb, "compartment and species types are not in L3 core");
            }
        }
    }

    /** Settings of L3-only attributes, applied once the document is relabelled. */
    private final List<Runnable> afterRelabel = new ArrayList<>();

    private void toLevel3(Model m, List<SBase> all) {
        Set<String> neededBuiltins = new HashSet<>();
        neededBuiltins.add("time");
        if (m.getSpeciesCount() > 0) {
            neededBuiltins.add("substance");
        }
        for (Compartment c : m.getListOfCompartments()) {
            double dims = c.getSpatialDimensions();
            c.setSpatialDimensions(dims);
            c.setConstant(c.getConstant());
            if (dims == 3) {
                neededBuiltins.add("volume");
            } else if (dims == 2) {
                neededBuiltins.add("area");
            } else if (dims == 1) {
                neededBuiltins.add("length");
            }
            if (c.isSetOutside()) {
                // L3 has no 'outside'; it travels in an annotation and comes back on L2 export.
                keepL2Fact(c, "outside", c.getOutside());
                c.unsetOutside();
            }
            noteBuiltin(c.isSetUnits() ? c.getUnits() : null, neededBuiltins);
        }
        for (Species s : m.getListOfSpecies()) {
            s.setHasOnlySubstanceUnits(s.getHasOnlySubstanceUnits());
            s.setBoundaryCondition(s.getBoundaryCondition());
            s.setConstant(s.getConstant());
            noteBuiltin(s.isSetSubstanceUnits() ? s.getSubstanceUnits() : null, neededBuiltins);
        }
        for (Parameter p : m.getListOfParameters()) {
            p.setConstant(p.getConstant());
            noteBuiltin(p.isSetUnits() ? p.getUnits() : null, neededBuiltins);
        }
        int ruleCounter = 0;
        for (Reaction r : m.getListOfReactions()) {
            r.setReversible(r.getReversible());
            fastForLevel3(r);
            if (r.isSetKineticLaw()) {
                for (LocalParameter lp : r.getKineticLaw().getListOfLocalParameters()) {
                    noteBuiltin(lp.isSetUnits() ? lp.getUnits() : null, neededBuiltins);
                }
            }
            List<SpeciesReference> refs = new ArrayList<>(r.getListOfReactants());
            refs.addAll(r.getListOfProducts());
            for (SpeciesReference sr : refs) {
                if (sr.isSetStoichiometryMath()) {
                    // L3 expresses a computed stoichiometry as an assignment rule to the reference's id.
                    String id = sr.isSetId() ? sr.getId() : uniqueId(m, "stoich_" + r.getId() + "_" + sr.getSpecies());
                    ASTNode math = sr.getStoichiometryMath().getMath().clone();
                    sr.unsetStoichiometryMath();
                    sr.unsetStoichiometry();
                    sr.setId(id);
                    afterRelabel.add(() -> sr.setConstant(false));
                    AssignmentRule rule = new AssignmentRule(m.getLevel(), m.getVersion());
                    rule.setVariable(id);
                    rule.setMath(math);
                    m.getListOfRules().add(ruleCounter++, rule);
                } else {
                    sr.setStoichiometry(sr.getStoichiometry());
                    afterRelabel.add(() -> sr.setConstant(true));
                }
            }
        }
        for (Event e : m.getListOfEvents()) {
            e.setUseValuesFromTriggerTime(e.getUseValuesFromTriggerTime());
            if (e.isSetTrigger()) {
                Trigger t = e.getTrigger();
                afterRelabel.add(() -> {
                    t.setInitialValue(true);
                    t.setPersistent(true);
                });
            }
        }
        for (SBase sb : all) {
            if (sb instanceof Unit u) {
                u.setExponent(u.getExponent());
                u.setScale(u.getScale());
                u.setMultiplier(u.getMultiplier());
            }
        }
        // L2's built-in units become explicit unit definitions with the same ids, and the
        // model-wide defaults point at them, so every quantity keeps its units.
        for (String builtin : L2_BUILTIN.keySet()) {
            if (!neededBuiltins.contains(builtin)) {
                continue;
            }
            if (!definesUnit(m, builtin)) {
                UnitDefinition ud = new UnitDefinition(builtin, m.getLevel(), m.getVersion());
                Unit.Kind[] kinds = L2_BUILTIN.get(builtin);
                Unit u = new Unit(kinds[0], m.getLevel(), m.getVersion());
                u.setExponent((double) kinds.length);
                u.setScale(0);
                u.setMultiplier(1);
                ud.addUnit(u);
                m.addUnitDefinition(ud);
            }
            afterRelabel.add(() -> {
                switch (builtin) {
                    case "substance" -> {
                        m.setSubstanceUnits(builtin);
                        m.setExtentUnits(builtin);
                    }
                    case "volume" -> m.setVolumeUnits(builtin);
                    case "area" -> m.setAreaUnits(builtin);
                    case "length" -> m.setLengthUnits(builtin);
                    default -> m.setTimeUnits(builtin);
                }
            });
        }
    }

    /** L3V1 requires the fast attribute; L3V2 removed it, so only slow reactions convert. */
    private void fastForLevel3(Reaction r) {
        if (target.version() == 1) {
            boolean fast = r.isSetFast() && r.getFast();
            afterRelabel.add(() -> r.setFast(fast));
        } else if (r.isSetFast()) {
            if (r.getFast()) {
                problem(r, "fast=\"true\" (L3V2 has no fast reactions)");
            } else {
                r.unsetFast();
            }
        }
    }

    /** Whether the model itself defines {@code id} (JSBML also answers L2's predefined units). */
    private static boolean definesUnit(Model m, String id) {
        for (UnitDefinition ud : m.getListOfUnitDefinitions()) {
            if (id.equals(ud.getId())) {
                return true;
            }
        }
        return false;
    }

    /** L3V2 forbids a local parameter named like a species the reaction refers to. */
    private void checkLocalParametersShadowSpecies(Reaction r) {
        if (!r.isSetKineticLaw()) {
            return;
        }
        Set<String> species = new HashSet<>();
        r.getListOfReactants().forEach(sr -> species.add(sr.getSpecies()));
        r.getListOfProducts().forEach(sr -> species.add(sr.getSpecies()));
        r.getListOfModifiers().forEach(sr -> species.add(sr.getSpecies()));
        for (LocalParameter lp : r.getKineticLaw().getListOfLocalParameters()) {
            if (species.contains(lp.getId())) {
                problem(r, "local parameter '" + lp.getId() + "' has the id of a species of the reaction"
                        + " (allowed in L3V1, not in L3V2)");
            }
        }
    }

    private static void noteBuiltin(String unit, Set<String> needed) {
        if (unit != null && L2_BUILTIN.containsKey(unit)) {
            needed.add(unit);
        }
    }

    private static String uniqueId(Model m, String base) {
        String id = base.replaceAll("[^A-Za-z0-9_]", "_");
        String candidate = id;
        int n = 1;
        while (m.findNamedSBase(candidate) != null || m.findLocalParameters(candidate).size() > 0) {
            candidate = id + "_" + n++;
        }
        return candidate;
    }

    private void keepL2Fact(SBase sb, String attribute, String value) {
        String xml = "<mtorwb:" + L2_FACTS_ELEMENT + " xmlns:mtorwb=\"" + L2_FACTS_NS + "\" mtorwb:" + attribute
                + "=\"" + escape(value) + "\"/>";
        try {
            sb.getAnnotation().appendNonRDFAnnotation(xml);
        } catch (XMLStreamException e) {
            problem(sb, "cannot keep L2 attribute " + attribute + ": " + e.getMessage());
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;").replace(">", "&gt;");
    }

    /** Restores facts kept by {@link #keepL2Fact} and removes the carrier annotation. */
    private void restoreL2Facts(Compartment c) {
        if (!c.isSetAnnotation() || !c.getAnnotation().isSetNonRDFannotation()) {
            return;
        }
        Annotation a = c.getAnnotation();
        XMLNode top = a.getNonRDFannotation();
        for (int i = top.getChildCount() - 1; i >= 0; i--) {
            XMLNode child = top.getChildAt(i);
            if (child.isElement() && L2_FACTS_ELEMENT.equals(child.getName()) && L2_FACTS_NS.equals(child.getURI())) {
                String outside = child.getAttrValue("outside", L2_FACTS_NS);
                if (outside != null && !outside.isEmpty()) {
                    c.setOutside(outside);
                }
                top.removeChild(i);
            }
        }
        if (!hasElementChild(top)) {
            a.unsetNonRDFannotation();
        }
    }

    private static boolean hasElementChild(XMLNode node) {
        for (int i = 0; i < node.getChildCount(); i++) {
            if (node.getChildAt(i).isElement()) {
                return true;
            }
        }
        return false;
    }

    /** CellDesigner's namespace; its 4.x files wrap each element's annotation in {@code <celldesigner:extension>}. */
    public static final String CELLDESIGNER_NS = "http://www.sbml.org/2001/ns/celldesigner";

    /**
     * L2V1 allowed several top-level annotation elements in one namespace, and CellDesigner
     * 2 and 3 wrote them so; from L2V2 on that is invalid. The elements are wrapped, unchanged,
     * in one {@code <celldesigner:extension>}, the form CellDesigner 4 writes and reads.
     */
    private static void wrapCellDesignerAnnotations(List<SBase> all) {
        for (SBase sb : all) {
            if (!sb.isSetAnnotation() || !sb.getAnnotation().isSetNonRDFannotation()) {
                continue;
            }
            XMLNode top = sb.getAnnotation().getNonRDFannotation();
            List<Integer> cd = new ArrayList<>();
            for (int i = 0; i < top.getChildCount(); i++) {
                XMLNode c = top.getChildAt(i);
                if (c.isElement() && CELLDESIGNER_NS.equals(c.getURI())) {
                    cd.add(i);
                }
            }
            if (cd.size() < 2) {
                continue;
            }
            String prefix = top.getChildAt(cd.get(0)).getPrefix();
            XMLNode ext = new XMLNode(new org.sbml.jsbml.xml.XMLTriple("extension", CELLDESIGNER_NS, prefix),
                    new org.sbml.jsbml.xml.XMLAttributes());
            for (int k = cd.size() - 1; k >= 0; k--) {
                ext.insertChild(0, top.removeChild((int) cd.get(k)));
            }
            top.insertChild(cd.get(0), ext);
        }
    }

    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    /**
     * L2V1 accepted notes holding {@code <html>} without {@code <head>}; later levels require a
     * complete XHTML document there, so an empty head with an empty title is added.
     */
    private static void completeXhtmlNotes(List<SBase> all) {
        for (SBase sb : all) {
            if (!sb.isSetNotes()) {
                continue;
            }
            XMLNode notes = sb.getNotes();
            for (int i = 0; i < notes.getChildCount(); i++) {
                XMLNode html = notes.getChildAt(i);
                if (!html.isElement() || !"html".equals(html.getName()) || !XHTML.equals(html.getURI())) {
                    continue;
                }
                boolean hasHead = false;
                for (int k = 0; k < html.getChildCount(); k++) {
                    hasHead |= html.getChildAt(k).isElement() && "head".equals(html.getChildAt(k).getName());
                }
                if (!hasHead) {
                    String prefix = html.getPrefix();
                    XMLNode head = new XMLNode(new org.sbml.jsbml.xml.XMLTriple("head", XHTML, prefix),
                            new org.sbml.jsbml.xml.XMLAttributes());
                    head.addChild(new XMLNode(new org.sbml.jsbml.xml.XMLTriple("title", XHTML, prefix),
                            new org.sbml.jsbml.xml.XMLAttributes()));
                    html.insertChild(0, head);
                }
            }
        }
    }

    // ---------------------------------------------------------------- L3V2 -> L3V1 or L2V4

    private void checkLevel3Version2Only(List<SBase> all) {
        String to = target.label().toUpperCase(java.util.Locale.ROOT);
        for (SBase sb : all) {
            if (sb instanceof MathContainer mc) {
                if (!mc.isSetMath() && needsMath(sb)) {
                    problem(sb, "no math (allowed only in L3V2; " + to + " requires it)");
                }
                if (mc.isSetMath()) {
                    checkMath(sb, mc.getMath(), true);
                    checkTypes(sb, mc.getMath(), sb instanceof Trigger || sb instanceof Constraint);
                }
            }
            if (sb instanceof AbstractSBase a && (a.isSetId() || a.isSetName()) && !canHaveId(sb)) {
                problem(sb, "id or name on a " + sb.getElementName() + " (allowed only in L3V2)");
            }
            if (sb instanceof Event e && !e.isSetTrigger()) {
                problem(e, "event without a trigger (allowed only in L3V2)");
            }
            if (sb instanceof Event e && e.getEventAssignmentCount() == 0 && target.level() == 2) {
                problem(e, "event without event assignments (L2 requires at least one)");
            }
            if (sb instanceof Reaction r && r.getReactantCount() == 0 && r.getProductCount() == 0) {
                problem(r, "reaction without reactants or products (allowed only in L3V2)");
            }
        }
    }

    private static boolean needsMath(SBase sb) {
        return sb instanceof Rule || sb instanceof KineticLaw || sb instanceof InitialAssignment
                || sb instanceof EventAssignment || sb instanceof Trigger || sb instanceof Constraint
                || sb instanceof org.sbml.jsbml.Delay || sb instanceof org.sbml.jsbml.Priority
                || sb instanceof FunctionDefinition;
    }

    private static boolean canHaveId(SBase sb) {
        return sb instanceof Model || sb instanceof FunctionDefinition || sb instanceof UnitDefinition
                || sb instanceof Compartment || sb instanceof Species || sb instanceof Parameter
                || sb instanceof LocalParameter || sb instanceof Reaction || sb instanceof SpeciesReference
                || sb instanceof ModifierSpeciesReference || sb instanceof Event || sb instanceof SBMLDocument
                || sb instanceof CompartmentType || sb instanceof SpeciesType
                || !sb.getNamespace().startsWith("http://www.sbml.org/sbml/level3/version2/core");
    }

    /**
     * L3V2 lets numbers and booleans stand for each other in math; earlier levels do not.
     * Reports a boolean where a number is needed and the reverse.
     */
    private void checkTypes(SBase owner, ASTNode root, boolean booleanRoot) {
        if (owner instanceof FunctionDefinition) {
            return;
        }
        if (booleanRoot != isBoolean(root)) {
            problem(owner, "math gives a " + (booleanRoot ? "number where a boolean" : "boolean where a number")
                    + " is needed (mixing is allowed only in L3V2)");
            return;
        }
        checkArgumentTypes(owner, root);
    }

    private void checkArgumentTypes(SBase owner, ASTNode node) {
        ASTNode.Type t = node.getType();
        boolean logical = t.name().startsWith("LOGICAL_");
        boolean relational = t.name().startsWith("RELATIONAL_");
        boolean arithmetic = t == ASTNode.Type.PLUS || t == ASTNode.Type.MINUS || t == ASTNode.Type.TIMES
                || t == ASTNode.Type.DIVIDE || t == ASTNode.Type.POWER || t == ASTNode.Type.FUNCTION_POWER
                || relational || (t.name().startsWith("FUNCTION_") && t != ASTNode.Type.FUNCTION
                        && t != ASTNode.Type.FUNCTION_PIECEWISE && t != ASTNode.Type.FUNCTION_DELAY
                        && t != ASTNode.Type.FUNCTION_RATE_OF);
        for (ASTNode child : node.getChildren()) {
            if ((logical && !isBoolean(child)) || (arithmetic && isBoolean(child))) {
                problem(owner, "math mixes numbers and booleans in " + t.name().toLowerCase(java.util.Locale.ROOT)
                        + " (allowed only in L3V2)");
                return;
            }
        }
        if (t == ASTNode.Type.FUNCTION_PIECEWISE) {
            for (int i = 1; i < node.getChildCount(); i += 2) {
                if (!isBoolean(node.getChild(i))) {
                    problem(owner, "math uses a number as a piecewise condition (allowed only in L3V2)");
                    return;
                }
            }
        }
        for (ASTNode child : node.getChildren()) {
            checkArgumentTypes(owner, child);
        }
    }

    private static boolean isBoolean(ASTNode n) {
        ASTNode.Type t = n.getType();
        if (t.name().startsWith("LOGICAL_") || t.name().startsWith("RELATIONAL_") || t == ASTNode.Type.CONSTANT_TRUE
                || t == ASTNode.Type.CONSTANT_FALSE) {
            return true;
        }
        if (t == ASTNode.Type.FUNCTION_PIECEWISE && n.getChildCount() > 0) {
            return isBoolean(n.getChild(0));
        }
        if (t == ASTNode.Type.FUNCTION && n.getVariable() instanceof FunctionDefinition fd && fd.isSetMath()
                && fd.getBody() != null) {
            return isBoolean(fd.getBody());
        }
        return false;
    }

    /** Reports math constructs the target cannot express. */
    private void checkMath(SBase owner, ASTNode node, boolean l3v2Functions) {
        ASTNode.Type t = node.getType();
        if (l3v2Functions && (t == ASTNode.Type.FUNCTION_MAX || t == ASTNode.Type.FUNCTION_MIN
                || t == ASTNode.Type.FUNCTION_REM || t == ASTNode.Type.FUNCTION_QUOTIENT
                || t == ASTNode.Type.LOGICAL_IMPLIES || t == ASTNode.Type.FUNCTION_RATE_OF)) {
            problem(owner, "math uses " + t.name().toLowerCase(java.util.Locale.ROOT).replace("function_", "")
                    .replace("logical_", "") + " (only in L3V2)");
        }
        if (target.level() == 2) {
            if (t == ASTNode.Type.NAME_AVOGADRO) {
                problem(owner, "math uses the avogadro csymbol (only in L3)");
            }
            if (node.isSetUnits()) {
                problem(owner, "math gives a number units (sbml:units=\"" + node.getUnits() + "\", only in L3)");
            }
        }
        for (ASTNode child : node.getChildren()) {
            checkMath(owner, child, l3v2Functions);
        }
    }

    // ---------------------------------------------------------------- L3 -> L2V4

    private void checkPackagesForLevel2(List<SBase> all) {
        Set<String> reported = new HashSet<>();
        for (SBase sb : all) {
            for (Map.Entry<String, SBasePlugin> e : sb.getExtensionPackages().entrySet()) {
                SBasePlugin p = e.getValue();
                String name = p.getPackageName() == null ? e.getKey() : p.getPackageName();
                if (L2_CAPABLE_PACKAGES.contains(name) || !hasContent(p)) {
                    continue;
                }
                if (reported.add(name + "@" + label(sb))) {
                    problem(sb, "uses the L3 package '" + name + "', which L2 cannot express");
                }
            }
        }
        for (String attr : doc.getSBMLDocumentAttributes().keySet()) {
            if (attr.endsWith(":required")) {
                String name = attr.substring(0, attr.indexOf(':'));
                if (!L2_CAPABLE_PACKAGES.contains(name) && !"render".equals(name) && isUsed(all, name)) {
                    problems.add("document: declares the L3 package '" + name + "', which L2 cannot express");
                }
            }
        }
    }

    private static boolean isUsed(List<SBase> all, String pkg) {
        for (SBase sb : all) {
            SBasePlugin p = sb.getExtension(pkg);
            if (p != null && hasContent(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasContent(SBasePlugin p) {
        if (p instanceof LayoutModelPlugin lmp) {
            return lmp.getLayoutCount() > 0;
        }
        if (p.getChildCount() > 0) {
            for (int i = 0; i < p.getChildCount(); i++) {
                TreeNode child = p.getChildAt(i);
                if (!(child instanceof org.sbml.jsbml.ListOf<?> l) || !l.isEmpty()) {
                    return true;
                }
            }
        }
        Map<String, String> attrs = p.writeXMLAttributes();
        return attrs != null && !attrs.isEmpty();
    }

    private void toLevel2(Model m, List<SBase> all) {
        Set<String> assigned = new HashSet<>();
        for (Rule r : m.getListOfRules()) {
            if (r instanceof ExplicitRule er && er.isSetVariable()) {
                assigned.add(er.getVariable());
            }
        }
        for (InitialAssignment ia : m.getListOfInitialAssignments()) {
            assigned.add(ia.getVariable());
        }
        for (Event e : m.getListOfEvents()) {
            for (EventAssignment ea : e.getListOfEventAssignments()) {
                assigned.add(ea.getVariable());
            }
        }
        Set<String> refIds = new HashSet<>();
        for (SBase sb : all) {
            if (sb instanceof Compartment c) {
                double d = c.isSetSpatialDimensions() ? c.getSpatialDimensions() : 3;
                if (d != Math.rint(d) || d < 0 || d > 3) {
                    problem(c, "spatialDimensions " + d + " (L2 allows only 0, 1, 2 or 3)");
                } else if (!c.isSetSpatialDimensions()) {
                    c.setSpatialDimensions(3);
                } else if (d == 0 && c.isSetSize()) {
                    problem(c, "a size on a 0-dimensional compartment (L2 forbids it)");
                }
                restoreL2Facts(c);
            } else if (sb instanceof Species s) {
                if (s.isSetConversionFactor()) {
                    problem(s, "conversionFactor (only in L3)");
                }
            } else if (sb instanceof Reaction r) {
                if (r.isSetCompartment()) {
                    problem(r, "compartment attribute on a reaction (only in L3)");
                }
            } else if (sb instanceof SpeciesReference sr) {
                if (sr.isSetId()) {
                    refIds.add(sr.getId());
                    if (assigned.contains(sr.getId())) {
                        problem(sr, "stoichiometry set by a rule, initial assignment or event (L2 cannot express it"
                                + " this way)");
                    }
                }
                if (!sr.isSetStoichiometry() && (!sr.isSetId() || !assigned.contains(sr.getId()))) {
                    sr.setStoichiometry(1);
                }
                // L2 has no constant attribute on species references: a constant one is the default.
                if (!sr.isSetId() || !assigned.contains(sr.getId())) {
                    sr.unsetConstant();
                }
            } else if (sb instanceof Event e) {
                if (e.isSetPriority()) {
                    problem(e, "event priority (only in L3)");
                }
                if (e.isSetTrigger()) {
                    Trigger t = e.getTrigger();
                    if (t.isSetInitialValue() && !t.getInitialValue()) {
                        problem(e, "trigger initialValue=\"false\" (L2 triggers are always initially true)");
                    }
                    if (t.isSetPersistent() && !t.getPersistent()) {
                        problem(e, "trigger persistent=\"false\" (L2 triggers are always persistent)");
                    }
                }
            } else if (sb instanceof Unit u) {
                if (u.getKind() == Unit.Kind.AVOGADRO) {
                    problem(u, "unit kind avogadro (only in L3)");
                }
                if (u.getExponent() != Math.rint(u.getExponent())) {
                    problem(u, "non-integer exponent " + u.getExponent() + " (L2 allows integers only)");
                }
            }
            if (sb instanceof MathContainer mc && mc.isSetMath()) {
                checkMath(sb, mc.getMath(), false);
                if (!refIds.isEmpty() || hasSpeciesReferences(m)) {
                    checkStoichiometryInMath(sb, mc.getMath(), m);
                }
            }
        }
        if (m.isSetConversionFactor()) {
            problem(m, "conversionFactor (only in L3)");
        }
        moveModelUnits(m);
    }

    private static boolean hasSpeciesReferences(Model m) {
        for (Reaction r : m.getListOfReactions()) {
            for (SpeciesReference sr : r.getListOfReactants()) {
                if (sr.isSetId()) {
                    return true;
                }
            }
            for (SpeciesReference sr : r.getListOfProducts()) {
                if (sr.isSetId()) {
                    return true;
                }
            }
        }
        return false;
    }

    private void checkStoichiometryInMath(SBase owner, ASTNode node, Model m) {
        if (node.getType() == ASTNode.Type.NAME && node.getName() != null) {
            SBase target = m.findNamedSBase(node.getName());
            if (target instanceof SpeciesReference) {
                problem(owner, "math refers to the stoichiometry of '" + node.getName() + "' (only in L3)");
            }
        }
        for (ASTNode child : node.getChildren()) {
            checkStoichiometryInMath(owner, child, m);
        }
    }

    /** L3's model-wide units become L2's redefinitions of its built-in units. */
    private void moveModelUnits(Model m) {
        String substance = m.isSetSubstanceUnits() ? m.getSubstanceUnits() : null;
        if (m.isSetExtentUnits() && !m.getExtentUnits().equals(substance)) {
            problem(m, "extentUnits '" + m.getExtentUnits() + "' differ from substanceUnits (L2 has no extent units)");
        }
        redefineBuiltin(m, "substance", substance);
        redefineBuiltin(m, "time", m.isSetTimeUnits() ? m.getTimeUnits() : null);
        redefineBuiltin(m, "volume", m.isSetVolumeUnits() ? m.getVolumeUnits() : null);
        redefineBuiltin(m, "area", m.isSetAreaUnits() ? m.getAreaUnits() : null);
        redefineBuiltin(m, "length", m.isSetLengthUnits() ? m.getLengthUnits() : null);
        m.unsetSubstanceUnits();
        m.unsetExtentUnits();
        m.unsetTimeUnits();
        m.unsetVolumeUnits();
        m.unsetAreaUnits();
        m.unsetLengthUnits();
    }

    private void redefineBuiltin(Model m, String builtin, String units) {
        if (units == null || units.equals(builtin)) {
            return;
        }
        if (definesUnit(m, builtin)) {
            problem(m, "model " + builtin + "Units '" + units + "' conflict with a unit definition named '" + builtin
                    + "'");
            return;
        }
        UnitDefinition ud = new UnitDefinition(builtin, m.getLevel(), m.getVersion());
        UnitDefinition source = m.getUnitDefinition(units);
        if (source != null) {
            for (Unit u : source.getListOfUnits()) {
                ud.addUnit(u.clone());
            }
        } else if (Unit.Kind.isValidUnitKindString(units, 3, 1)) {
            Unit u = new Unit(Unit.Kind.valueOf(units.toUpperCase(java.util.Locale.ROOT)), m.getLevel(),
                    m.getVersion());
            u.setExponent(1d);
            u.setScale(0);
            u.setMultiplier(1);
            ud.addUnit(u);
        } else {
            problem(m, builtin + "Units '" + units + "' is neither a unit definition nor a base unit");
            return;
        }
        m.addUnitDefinition(ud);
    }
}
