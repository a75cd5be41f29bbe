package org.mtorworkbench.examples.bisteric;

import org.mtorworkbench.network.extension.ModelTemplate;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.Compartment;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.Parameter;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.text.parser.ParseException;

/**
 * A small model of its own: mTORC1 activates S6K1, which inhibits its own input (the
 * S6K1-IRS-1 feedback in three variables). Opens as {@code builtin:example_feedback}.
 */
public final class FeedbackSwitchTemplate implements ModelTemplate {

    /** The id after {@code builtin:}. */
    public static final String ID = "example_feedback";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "S6K1 negative feedback (example)";
    }

    @Override
    public String description() {
        return "Input, mTORC1 and S6K1 with S6K1 inhibiting the input: a three-variable negative feedback";
    }

    @Override
    public SBMLDocument newDocument() {
        SBMLDocument doc = new SBMLDocument(3, 2);
        Model m = doc.createModel(ID);
        m.setName(name());
        Compartment c = m.createCompartment("cell");
        c.setSize(1);
        c.setConstant(true);
        c.setSpatialDimensions(3);
        species(m, c, "input_active", 0);
        species(m, c, "mTORC1_active", 0);
        species(m, c, "pS6K1", 0);
        parameter(m, "GF", 1);
        parameter(m, "inh_mTORC1", 0);
        parameter(m, "k_fb", 3);
        reaction(m, "input_on", null, "input_active", "GF / (1 + k_fb * pS6K1) * (1 - input_active)");
        reaction(m, "input_off", "input_active", null, "0.5 * input_active");
        reaction(m, "c1_on", null, "mTORC1_active", "input_active * (1 - inh_mTORC1) * (1 - mTORC1_active)");
        reaction(m, "c1_off", "mTORC1_active", null, "0.5 * mTORC1_active");
        reaction(m, "s6k_on", null, "pS6K1", "2 * mTORC1_active * (1 - pS6K1)");
        reaction(m, "s6k_off", "pS6K1", null, "pS6K1");
        return doc;
    }

    private static void species(Model m, Compartment c, String id, double initial) {
        Species s = m.createSpecies(id, c);
        s.setInitialConcentration(initial);
        s.setHasOnlySubstanceUnits(false);
        s.setBoundaryCondition(false);
        s.setConstant(false);
    }

    private static void parameter(Model m, String id, double value) {
        Parameter p = m.createParameter(id);
        p.setValue(value);
        p.setConstant(true);
    }

    private static void reaction(Model m, String id, String from, String to, String rate) {
        Reaction r = m.createReaction(id);
        r.setReversible(false);
        if (from != null) {
            r.createReactant(m.getSpecies(from)).setConstant(true);
            r.getReactant(0).setStoichiometry(1);
        }
        if (to != null) {
            r.createProduct(m.getSpecies(to)).setConstant(true);
            r.getProduct(0).setStoichiometry(1);
        }
        for (String sp : new String[] { "input_active", "mTORC1_active", "pS6K1" }) {
            if (rate.contains(sp) && !sp.equals(from) && !sp.equals(to)) {
                r.createModifier(m.getSpecies(sp));
            }
        }
        try {
            r.createKineticLaw().setMath(ASTNode.parseFormula(rate));
        } catch (ParseException e) {
            throw new IllegalStateException("rate of " + id + ": " + e.getMessage(), e);
        }
    }
}
