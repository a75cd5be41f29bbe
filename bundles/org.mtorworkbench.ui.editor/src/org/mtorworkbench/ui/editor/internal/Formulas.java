package org.mtorworkbench.ui.editor.internal;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.KineticLaw;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.text.parser.FormulaParserLL3;
import org.sbml.jsbml.text.parser.ParseException;

/**
 * Infix math for kinetic laws: parsed with JSBML's SBML Level 3 formula parser, and checked
 * for symbols the model does not define.
 */
public final class Formulas {

    private Formulas() {
    }

    /**
     * Parses infix math.
     *
     * @throws IllegalArgumentException with the parser's message when the text is not a formula
     */
    public static ASTNode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the formula is empty");
        }
        try {
            return ASTNode.parseFormula(text, new FormulaParserLL3(new StringReader("")));
        } catch (ParseException | RuntimeException | Error e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            int nl = m.indexOf('\n');
            throw new IllegalArgumentException("'" + text + "' is not a formula: " + (nl > 0 ? m.substring(0, nl) : m));
        }
    }

    /** @return the parser's message, or null when the text parses */
    public static String syntaxError(String text) {
        try {
            parse(text);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * The names in a formula that are neither ids of the model (species, compartments,
     * parameters, reactions, function definitions, species references) nor local parameters
     * of the reaction, nor {@code time}/{@code avogadro}-like csymbols.
     */
    public static List<String> undefinedSymbols(ASTNode math, Model model, Reaction reaction) {
        Set<String> names = new LinkedHashSet<>();
        collect(math, names);
        List<String> out = new ArrayList<>();
        KineticLaw kl = reaction == null ? null : reaction.getKineticLaw();
        for (String n : names) {
            boolean local = kl != null && kl.getLocalParameter(n) != null;
            if (!local && model.findNamedSBase(n) == null && model.getFunctionDefinition(n) == null) {
                out.add(n);
            }
        }
        return out;
    }

    private static void collect(ASTNode n, Set<String> names) {
        if (n.isName() && n.getType() == ASTNode.Type.NAME && n.getName() != null) {
            names.add(n.getName());
        }
        if (n.getType() == ASTNode.Type.FUNCTION && n.getName() != null) {
            names.add(n.getName());
        }
        for (int i = 0; i < n.getChildCount(); i++) {
            collect(n.getChild(i), names);
        }
    }

    /** @return the formula as infix text, or empty when there is no math */
    public static String toText(ASTNode math) {
        if (math == null) {
            return "";
        }
        try {
            return math.toFormula();
        } catch (RuntimeException e) {
            return math.toString();
        }
    }
}
