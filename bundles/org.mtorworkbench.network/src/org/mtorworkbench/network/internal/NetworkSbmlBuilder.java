package org.mtorworkbench.network.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamException;

import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.AssignmentRule;
import org.sbml.jsbml.CVTerm;
import org.sbml.jsbml.Compartment;
import org.sbml.jsbml.KineticLaw;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.ModifierSpeciesReference;
import org.sbml.jsbml.Parameter;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.SpeciesReference;
import org.sbml.jsbml.Unit;
import org.sbml.jsbml.UnitDefinition;
import org.sbml.jsbml.text.parser.ParseException;

/**
 * Turns a {@link ModelSpec} into an SBML Level 3 Version 2 document: units in minutes and
 * nM, MIRIAM annotations (UniProt, ChEBI), SBO terms for every species, reaction and
 * modifier, notes with every parameter's description and source.
 */
public final class NetworkSbmlBuilder {

    /** SBO terms of modifier roles. */
    private static final Map<String, String> MODIFIER_SBO = Map.of("catalyst", "SBO:0000013", "stimulator",
            "SBO:0000459", "inhibitor", "SBO:0000020");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    private NetworkSbmlBuilder() {
    }

    /**
     * Builds a fresh document.
     *
     * @throws IllegalStateException if the spec is inconsistent (an unknown id, a species
     *         used in a rate law but not declared on the reaction)
     */
    public static SBMLDocument build(ModelSpec spec, String modelId, String modelName) {
        SBMLDocument doc = new SBMLDocument(3, 2);
        Model m = doc.createModel(modelId);
        m.setName(modelName);
        m.setMetaId("meta_" + modelId);
        units(m);
        for (ModelSpec.Compartment c : spec.compartments()) {
            Compartment comp = m.createCompartment(c.id());
            comp.setName(c.name());
            comp.setSize(c.size());
            comp.setConstant(true);
            comp.setSpatialDimensions(3);
            comp.setUnits("dimensionless");
            comp.setSBOTerm(c.sbo());
        }
        Set<String> ruled = new HashSet<>();
        for (ModelSpec.Rule r : spec.rules()) {
            ruled.add(r.variable());
        }
        for (ModelSpec.Species s : spec.species()) {
            species(m, s);
        }
        for (ModelSpec.Parameter p : spec.parameters()) {
            Parameter par = m.createParameter(p.id());
            par.setName(p.description());
            par.setValue(p.value());
            par.setUnits(p.unit());
            par.setConstant(true);
            par.setMetaId("meta_" + p.id());
            notes(par, p.description(), "Source: " + p.source());
        }
        for (ModelSpec.Rule r : spec.rules()) {
            if (m.getSpecies(r.variable()) == null) {
                Parameter par = m.createParameter(r.variable());
                par.setName(r.description());
                par.setUnits("dimensionless");
                par.setConstant(false);
                par.setMetaId("meta_" + r.variable());
                notes(par, r.description(), "Defined by an assignment rule.");
            }
            AssignmentRule rule = m.createAssignmentRule();
            rule.setVariable(r.variable());
            rule.setMath(parse(r.formula(), "rule for " + r.variable()));
        }
        for (ModelSpec.Reaction r : spec.reactions()) {
            reaction(m, r);
        }
        checkReferences(m, spec, ruled);
        NetworkLayoutBuilder.addLayout(m, spec);
        return doc;
    }

    private static void units(Model m) {
        unit(m, "minute", new Unit(60, 0, Unit.Kind.SECOND, 1, 3, 2));
        unit(m, "per_min", new Unit(60, 0, Unit.Kind.SECOND, -1, 3, 2));
        UnitDefinition nM = m.createUnitDefinition("nM");
        nM.addUnit(new Unit(1, -9, Unit.Kind.MOLE, 1, 3, 2));
        nM.addUnit(new Unit(1, 0, Unit.Kind.LITRE, -1, 3, 2));
        UnitDefinition pnm = m.createUnitDefinition("per_nM_per_min");
        pnm.addUnit(new Unit(1, -9, Unit.Kind.MOLE, -1, 3, 2));
        pnm.addUnit(new Unit(1, 0, Unit.Kind.LITRE, 1, 3, 2));
        pnm.addUnit(new Unit(60, 0, Unit.Kind.SECOND, -1, 3, 2));
        m.setTimeUnits("minute");
        m.setSubstanceUnits("dimensionless");
        m.setExtentUnits("dimensionless");
        m.setVolumeUnits("dimensionless");
    }

    private static void unit(Model m, String id, Unit u) {
        m.createUnitDefinition(id).addUnit(u);
    }

    private static void species(Model m, ModelSpec.Species s) {
        Species sp = m.createSpecies(s.id(), m.getCompartment(s.compartment()));
        if (sp.getCompartmentInstance() == null) {
            throw new IllegalStateException("species " + s.id() + " is in unknown compartment " + s.compartment());
        }
        sp.setName(s.name());
        sp.setInitialConcentration(s.initial());
        sp.setHasOnlySubstanceUnits(false);
        sp.setBoundaryCondition(s.constant());
        sp.setConstant(s.constant());
        sp.setSBOTerm(s.sbo());
        sp.setMetaId("meta_" + s.id());
        if (s.annotations().isEmpty()) {
            return;
        }
        long proteins = s.annotations().stream().filter(a -> a.startsWith("uniprot:")).count();
        boolean complex = "SBO:0000253".equals(s.sbo());
        CVTerm.Qualifier q = complex ? CVTerm.Qualifier.BQB_HAS_PART
                : proteins > 1 ? CVTerm.Qualifier.BQB_HAS_VERSION : CVTerm.Qualifier.BQB_IS;
        CVTerm term = new CVTerm(CVTerm.Type.BIOLOGICAL_QUALIFIER, q);
        for (String a : s.annotations()) {
            term.addResource(identifiersOrg(a));
        }
        sp.addCVTerm(term);
    }

    /** @return the identifiers.org URI of {@code uniprot:P42345} or {@code chebi:9168} */
    public static String identifiersOrg(String annotation) {
        String[] kv = annotation.split(":", 2);
        return switch (kv[0]) {
            case "uniprot" -> "https://identifiers.org/uniprot:" + kv[1];
            case "chebi" -> "https://identifiers.org/CHEBI:" + kv[1];
            default -> throw new IllegalStateException("unknown annotation namespace in " + annotation);
        };
    }

    private static void reaction(Model m, ModelSpec.Reaction r) {
        Reaction rx = m.createReaction(r.id());
        rx.setName(r.description());
        rx.setReversible(r.rate().contains(" - "));
        rx.setSBOTerm(r.sbo());
        rx.setMetaId("meta_" + r.id());
        for (String s : r.reactants()) {
            SpeciesReference ref = rx.createReactant(species(m, s, r));
            ref.setId(r.id() + "_s_" + s);
            ref.setStoichiometry(1);
            ref.setConstant(true);
        }
        for (String s : r.products()) {
            SpeciesReference ref = rx.createProduct(species(m, s, r));
            ref.setId(r.id() + "_p_" + s);
            ref.setStoichiometry(1);
            ref.setConstant(true);
        }
        for (ModelSpec.Modifier mod : r.modifiers()) {
            ModifierSpeciesReference ref = rx.createModifier(species(m, mod.species(), r));
            ref.setId(r.id() + "_m_" + mod.species());
            String sbo = MODIFIER_SBO.get(mod.role());
            if (sbo == null) {
                throw new IllegalStateException("reaction " + r.id() + ": unknown modifier role " + mod.role());
            }
            ref.setSBOTerm(sbo);
        }
        KineticLaw kl = rx.createKineticLaw();
        kl.setMath(parse(r.rate(), "rate of " + r.id()));
    }

    private static Species species(Model m, String id, ModelSpec.Reaction r) {
        Species s = m.getSpecies(id);
        if (s == null) {
            throw new IllegalStateException("reaction " + r.id() + " names unknown species " + id);
        }
        return s;
    }

    private static ASTNode parse(String formula, String what) {
        try {
            return ASTNode.parseFormula(formula);
        } catch (ParseException e) {
            throw new IllegalStateException("cannot parse the " + what + ": " + formula + " (" + e.getMessage() + ")",
                    e);
        }
    }

    private static void notes(org.sbml.jsbml.SBase element, String... paragraphs) {
        StringBuilder sb = new StringBuilder("<notes><body xmlns=\"" + XHTML + "\">");
        for (String p : paragraphs) {
            sb.append("<p>").append(escape(p)).append("</p>");
        }
        sb.append("</body></notes>");
        try {
            element.setNotes(sb.toString());
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write notes: " + e.getMessage(), e);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Every identifier in every formula must exist; species in a rate law must be declared on the reaction. */
    private static void checkReferences(Model m, ModelSpec spec, Set<String> ruled) {
        for (ModelSpec.Rule r : spec.rules()) {
            for (String id : identifiers(r.formula())) {
                if (m.getSpecies(id) == null && m.getParameter(id) == null) {
                    throw new IllegalStateException("rule for " + r.variable() + " uses unknown id " + id);
                }
            }
        }
        for (ModelSpec.Reaction r : spec.reactions()) {
            Set<String> declared = new HashSet<>(r.reactants());
            declared.addAll(r.products());
            r.modifiers().forEach(mod -> declared.add(mod.species()));
            for (String id : identifiers(r.rate())) {
                if (m.getSpecies(id) != null) {
                    if (!declared.contains(id)) {
                        throw new IllegalStateException(
                                "reaction " + r.id() + " uses species " + id + " without declaring it as a modifier");
                    }
                } else if (m.getParameter(id) == null) {
                    throw new IllegalStateException("reaction " + r.id() + " uses unknown id " + id);
                }
            }
        }
    }

    static List<String> identifiers(String formula) {
        List<String> out = new java.util.ArrayList<>();
        Matcher mt = IDENT.matcher(formula);
        while (mt.find()) {
            out.add(mt.group());
        }
        return out;
    }
}
