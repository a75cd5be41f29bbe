package org.mtorworkbench.sbml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.swing.tree.TreeNode;

import org.mtorworkbench.sbml.SbmlProblem.Severity;
import org.mtorworkbench.sbml.internal.Jsbml;
import org.mtorworkbench.sbml.internal.XmlPrescan;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.AbstractSBase;
import org.sbml.jsbml.Compartment;
import org.sbml.jsbml.FunctionDefinition;
import org.sbml.jsbml.KineticLaw;
import org.sbml.jsbml.LocalParameter;
import org.sbml.jsbml.MathContainer;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.NamedSBase;
import org.sbml.jsbml.Parameter;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.SBMLError;
import org.sbml.jsbml.SBase;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.SpeciesReference;
import org.sbml.jsbml.validator.SBMLValidator.CHECK_CATEGORY;

/**
 * Checks a model and lists its problems: JSBML's offline consistency checks plus the
 * workbench's own (undefined symbols in math, species in missing compartments, duplicate
 * ids, reactions without kinetics, non-finite values). Problems carry the element id and,
 * for a document read by {@link SbmlReader}, the line. Immutable; configure with the
 * {@code withX} methods. The document is not modified.
 */
public final class SbmlValidator {

    /** By default JSBML's offline consistency checks run too. */
    public static final boolean DEFAULT_JSBML_CHECKS = true;

    private static final String WORKBENCH = "workbench";
    private static final String JSBML = "jsbml";

    private final boolean jsbmlChecks;

    /** A validator with the default checks. */
    public SbmlValidator() {
        this(DEFAULT_JSBML_CHECKS);
    }

    private SbmlValidator(boolean jsbmlChecks) {
        this.jsbmlChecks = jsbmlChecks;
    }

    /** @return a copy that does (or does not) run JSBML's offline consistency checks */
    public SbmlValidator withJsbmlChecks(boolean run) {
        return new SbmlValidator(run);
    }

    /** @return whether JSBML's offline consistency checks run */
    public boolean jsbmlChecks() {
        return jsbmlChecks;
    }

    /** @return the problems, errors first, then by line */
    public List<SbmlProblem> validate(SBMLDocument doc) {
        XmlPrescan.Root source = doc.getUserObject(SbmlReader.SOURCE_KEY) instanceof XmlPrescan.Root r ? r : null;
        List<SbmlProblem> out = new ArrayList<>();
        if (source != null) {
            for (String u : source.unknown()) {
                out.add(new SbmlProblem(Severity.WARNING, "", -1, "not read, so it cannot be written back: " + u,
                        WORKBENCH));
            }
            for (String k : source.kept()) {
                out.add(new SbmlProblem(Severity.INFO, "", -1, "not interpreted, kept verbatim (written back only in L"
                        + source.level() + "V" + source.version() + "): " + k, WORKBENCH));
            }
            for (String d : source.duplicates()) {
                String[] parts = d.split("\t", 3);
                out.add(new SbmlProblem(Severity.ERROR, parts[0], Integer.parseInt(parts[1]), parts[2], WORKBENCH));
            }
            out.addAll(SbmlReader.warnings(doc));
        }
        Model m = doc.getModel();
        if (m != null) {
            try {
                new ModelChecks(m, source, out).run();
            } catch (RuntimeException | StackOverflowError e) {
                out.add(new SbmlProblem(Severity.ERROR, "", -1, "the workbench's checks stopped early ("
                        + e.getClass().getSimpleName() + ": " + e.getMessage() + "); the model is inconsistent",
                        WORKBENCH));
            }
        }
        if (jsbmlChecks) {
            try {
                jsbml(doc.clone(), source, out);
            } catch (RuntimeException | StackOverflowError e) {
                out.add(new SbmlProblem(Severity.WARNING, "", -1, "JSBML's consistency checks could not run ("
                        + e.getClass().getSimpleName() + "); the workbench's own checks still ran", JSBML));
            }
        }
        out.sort(Comparator.comparing(SbmlProblem::severity).reversed()
                .thenComparingInt(p -> p.line() < 0 ? Integer.MAX_VALUE : p.line()));
        return out;
    }

    /** @return whether any problem is at error level */
    public static boolean hasErrors(List<SbmlProblem> problems) {
        return problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
    }

    private static void jsbml(SBMLDocument doc, XmlPrescan.Root source, List<SbmlProblem> out) {
        try {
            Jsbml.call(() -> {
                doc.setConsistencyChecks(CHECK_CATEGORY.UNITS_CONSISTENCY, false);
                doc.setConsistencyChecks(CHECK_CATEGORY.MODELING_PRACTICE, false);
                doc.checkConsistencyOffline();
                return null;
            });
        } catch (RuntimeException | StackOverflowError e) {
            out.add(new SbmlProblem(Severity.WARNING, "", -1, "JSBML's consistency checks stopped early ("
                    + e.getClass().getSimpleName() + "); the workbench's own checks still ran", JSBML));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < doc.getErrorCount(); i++) {
            SBMLError e = doc.getError(i);
            if (e.getCode() == 6020703 && e.getSource() instanceof org.sbml.jsbml.ext.layout.ReactionGlyph rg
                    && rg.isSetListOfSpeciesReferenceGlyphs()) {
                // JSBML judges this rule from the element counts it records while parsing Level 3 layout XML;
                // a glyph built otherwise (the L2 layout annotation, an edit) has no record and always fails it.
                // The object model holds at most one bounding box and curve, so the list is all there is to check.
                continue;
            }
            Severity sev = e.isFatal() || e.isError() ? Severity.ERROR : e.isWarning() ? Severity.WARNING : Severity.INFO;
            String id = e.getSource() instanceof AbstractSBase a && a.isSetId() ? a.getId() : "";
            int line = e.getLine() > 0 ? e.getLine() : source == null ? -1 : source.lineOf(id);
            String msg = oneLine(e.getShortMessage() == null ? e.getMessage() : e.getShortMessage().getMessage());
            String detail = oneLine(e.getMessage());
            String text = "[" + e.getCode() + "] " + (msg.isEmpty() ? detail : msg)
                    + (detail.isEmpty() || detail.equals(msg) ? "" : ": " + detail);
            if (seen.add(sev + id + text)) {
                out.add(new SbmlProblem(sev, id, line, text, JSBML));
            }
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    /** The workbench's own checks over one model. */
    private static final class ModelChecks {
        private final Model m;
        private final XmlPrescan.Root source;
        private final List<SbmlProblem> out;
        private final Set<String> globalIds = new HashSet<>();
        private final Set<String> functions = new HashSet<>();

        ModelChecks(Model m, XmlPrescan.Root source, List<SbmlProblem> out) {
            this.m = m;
            this.source = source;
            this.out = out;
        }

        private void add(Severity s, String id, String message) {
            out.add(new SbmlProblem(s, id, source == null ? -1 : source.lineOf(id), message, WORKBENCH));
        }

        void run() {
            m.getListOfCompartments().forEach(c -> globalIds.add(c.getId()));
            m.getListOfSpecies().forEach(s -> globalIds.add(s.getId()));
            m.getListOfParameters().forEach(p -> globalIds.add(p.getId()));
            for (Reaction r : m.getListOfReactions()) {
                globalIds.add(r.getId());
                r.getListOfReactants().forEach(sr -> addIfSet(sr));
                r.getListOfProducts().forEach(sr -> addIfSet(sr));
            }
            m.getListOfFunctionDefinitions().forEach(f -> functions.add(f.getId()));

            for (Species s : m.getListOfSpecies()) {
                if (!s.isSetCompartment() || m.getCompartment(s.getCompartment()) == null) {
                    add(Severity.ERROR, s.getId(), "species '" + s.getId() + "' is in compartment '"
                            + (s.isSetCompartment() ? s.getCompartment() : "") + "', which the model does not define;"
                            + " add the compartment or move the species");
                }
                finite(s.getId(), "initial amount", s.isSetInitialAmount(), s.getInitialAmount());
                finite(s.getId(), "initial concentration", s.isSetInitialConcentration(), s.getInitialConcentration());
            }
            for (Compartment c : m.getListOfCompartments()) {
                finite(c.getId(), "size", c.isSetSize(), c.getSize());
            }
            for (Parameter p : m.getListOfParameters()) {
                finite(p.getId(), "value", p.isSetValue(), p.getValue());
            }
            for (Reaction r : m.getListOfReactions()) {
                if (!r.isSetKineticLaw() || !r.getKineticLaw().isSetMath()) {
                    add(Severity.WARNING, r.getId(), "reaction '" + r.getId() + "' has no kinetic law, so it"
                            + " cannot be simulated; add a rate law");
                } else {
                    for (LocalParameter lp : r.getKineticLaw().getListOfLocalParameters()) {
                        finite(r.getId(), "local parameter '" + lp.getId() + "' value", lp.isSetValue(), lp.getValue());
                    }
                }
                List<SpeciesReference> refs = new ArrayList<>(r.getListOfReactants());
                refs.addAll(r.getListOfProducts());
                for (SpeciesReference sr : refs) {
                    finite(r.getId(), "stoichiometry of '" + sr.getSpecies() + "'", sr.isSetStoichiometry(),
                            sr.getStoichiometry());
                }
            }
            mathOf(m);
        }

        private void addIfSet(SpeciesReference sr) {
            if (sr.isSetId()) {
                globalIds.add(sr.getId());
            }
        }

        private void finite(String id, String what, boolean set, double v) {
            if (set && !Double.isFinite(v)) {
                add(Severity.ERROR, id, "'" + id + "' has a non-finite " + what + " (" + v + "); give a finite number");
            }
        }

        private void mathOf(TreeNode node) {
            for (int i = 0; i < node.getChildCount(); i++) {
                TreeNode child = node.getChildAt(i);
                if (child instanceof MathContainer mc && mc.isSetMath() && !(child instanceof FunctionDefinition)) {
                    Set<String> local = new HashSet<>();
                    if (child instanceof KineticLaw kl) {
                        kl.getListOfLocalParameters().forEach(lp -> local.add(lp.getId()));
                    }
                    symbols((SBase) child, mc.getMath(), local);
                }
                if (child instanceof SBase && !(child instanceof FunctionDefinition)) {
                    mathOf(child);
                }
            }
        }

        private void symbols(SBase owner, ASTNode n, Set<String> local) {
            if (n.getType() == ASTNode.Type.NAME) {
                String name = n.getName();
                if (name != null && !globalIds.contains(name) && !local.contains(name)) {
                    String id = ownerId(owner);
                    add(Severity.ERROR, id, "the math of " + describe(owner) + " uses '" + name
                            + "', which is not defined in the model; define it as a parameter, species or"
                            + " compartment, or correct the name");
                }
            } else if (n.getType() == ASTNode.Type.FUNCTION && n.getName() != null && !functions.contains(n.getName())) {
                add(Severity.ERROR, ownerId(owner), "the math of " + describe(owner) + " calls '" + n.getName()
                        + "', which is not a function definition of the model");
            }
            for (ASTNode c : n.getChildren()) {
                symbols(owner, c, local);
            }
        }

        private static String ownerId(SBase owner) {
            SBase s = owner;
            while (s != null) {
                if (s instanceof NamedSBase nb && nb.isSetId()) {
                    return nb.getId();
                }
                if (s instanceof org.sbml.jsbml.Assignment a && a.isSetVariable()) {
                    return a.getVariable();
                }
                s = s.getParentSBMLObject();
            }
            return "";
        }

        private static String describe(SBase owner) {
            String id = ownerId(owner);
            return owner.getElementName().toLowerCase(Locale.ROOT).equals("kineticlaw")
                    ? "the kinetic law of '" + id + "'"
                    : owner.getElementName() + (id.isEmpty() ? "" : " '" + id + "'");
        }
    }
}
