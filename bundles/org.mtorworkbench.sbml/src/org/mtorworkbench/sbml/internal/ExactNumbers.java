package org.mtorworkbench.sbml.internal;

import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.swing.tree.TreeNode;

import org.mtorworkbench.sbml.NumberText;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.Compartment;
import org.sbml.jsbml.LocalParameter;
import org.sbml.jsbml.MathContainer;
import org.sbml.jsbml.Parameter;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.SBase;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.SpeciesReference;

/**
 * Makes the SBML JSBML 1.6.1 writes hold every number exactly. JSBML writes a MathML real with
 * a decimal pattern of at most 47 fraction digits, so {@code 1e-50} becomes {@code <cn> 0 </cn>}
 * and {@code 1.234567890123e-40} loses digits; and it writes a {@code -0} attribute value as
 * {@code 0}. Before writing, {@link #mark} replaces each such real in the document's math by
 * a placeholder JSBML writes verbatim (an e-notation number with an impossible exponent) and
 * tags each element with a negative zero by a temporary {@code metaid}; after writing,
 * {@link #Marks#restore} puts the exact numbers ({@link NumberText#xml}) in their place.
 * Works on the copy the writer is about to serialise, never on the caller's document.
 */
public final class ExactNumbers {

    /** The exponent of a placeholder: no real number of a model has it. */
    private static final int PLACEHOLDER_EXPONENT = Integer.MIN_VALUE;
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "<((?:[A-Za-z_][\\w.-]*:)?)cn((?:\\s+[^>]*?)?)>\\s*(\\d+)\\s*<(?:[A-Za-z_][\\w.-]*:)?sep\\s*/>\\s*"
                    + PLACEHOLDER_EXPONENT + "\\s*</(?:[A-Za-z_][\\w.-]*:)?cn>");
    private static final Pattern E_NOTATION_TYPE = Pattern.compile("\\s+type\\s*=\\s*(\"e-notation\"|'e-notation')");
    private static final String NEGATIVE_ZERO_METAID = "wbk_negative_zero_";

    private ExactNumbers() {
    }

    /** What {@link #mark} changed, to undo in the written text. */
    public static final class Marks {
        private final List<Double> reals = new ArrayList<>();
        private final List<String[]> negativeZeros = new ArrayList<>();

        /** @return whether anything was marked */
        public boolean isEmpty() {
            return reals.isEmpty() && negativeZeros.isEmpty();
        }

        /** @return {@code sbml} (UTF-8, as JSBML wrote it) with the exact numbers in place of the marks */
        public byte[] restore(byte[] sbml) {
            if (isEmpty()) {
                return sbml;
            }
            String text = new String(sbml, StandardCharsets.UTF_8);
            if (!reals.isEmpty()) {
                Matcher m = PLACEHOLDER.matcher(text);
                StringBuilder out = new StringBuilder(text.length());
                while (m.find()) {
                    String attributes = E_NOTATION_TYPE.matcher(m.group(2)).replaceAll("");
                    String prefix = m.group(1);
                    double v = reals.get(Integer.parseInt(m.group(3)));
                    m.appendReplacement(out, Matcher.quoteReplacement(
                            "<" + prefix + "cn" + attributes + "> " + NumberText.xml(v) + " </" + prefix + "cn>"));
                }
                m.appendTail(out);
                text = out.toString();
            }
            for (String[] z : negativeZeros) {
                text = restoreNegativeZero(text, z[0], z[1], "remove".equals(z[2]));
            }
            return text.getBytes(StandardCharsets.UTF_8);
        }

        private static String restoreNegativeZero(String text, String metaid, String attribute, boolean removeMetaid) {
            Matcher tag = Pattern.compile("<[^<>]*\\smetaid\\s*=\\s*\"" + Pattern.quote(metaid) + "\"[^<>]*>")
                    .matcher(text);
            if (!tag.find()) {
                return text;
            }
            String t = tag.group();
            if (removeMetaid) {
                t = t.replaceFirst("\\s+metaid\\s*=\\s*\"" + Pattern.quote(metaid) + "\"", "");
            }
            t = t.replaceFirst("(\\s" + Pattern.quote(attribute) + "\\s*=\\s*\")0(\")", "$1-0$2");
            return text.substring(0, tag.start()) + t + text.substring(tag.end());
        }
    }

    /**
     * Replaces, in {@code doc}, every number JSBML would not write exactly by a mark.
     *
     * @param doc the copy about to be written; it is changed
     */
    public static Marks mark(SBMLDocument doc) {
        Marks marks = new Marks();
        DecimalFormat jsbmlReal = new DecimalFormat("#.###############################################",
                new DecimalFormatSymbols(Locale.ENGLISH));
        visit(doc, marks, jsbmlReal);
        return marks;
    }

    private static void visit(TreeNode node, Marks marks, DecimalFormat jsbmlReal) {
        if (node instanceof MathContainer mc && mc.isSetMath()) {
            markReals(mc.getMath(), marks, jsbmlReal);
        }
        if (node instanceof SBase sb) {
            markNegativeZero(sb, marks);
        }
        if (node instanceof ASTNode) {
            return;
        }
        Enumeration<? extends TreeNode> children = node.children();
        while (children != null && children.hasMoreElements()) {
            TreeNode c = children.nextElement();
            if (!(c instanceof ASTNode)) {
                visit(c, marks, jsbmlReal);
            }
        }
    }

    private static void markReals(ASTNode n, Marks marks, DecimalFormat jsbmlReal) {
        if (n.getType() == ASTNode.Type.REAL) {
            double v = n.getReal();
            if (Double.isFinite(v) && v != Math.PI && v != Math.E && !writtenExactly(v, jsbmlReal)) {
                String units = n.isSetUnits() ? n.getUnits() : null;
                n.setValue((double) marks.reals.size(), PLACEHOLDER_EXPONENT);
                if (units != null) {
                    n.setUnits(units);
                }
                marks.reals.add(v);
            }
        }
        for (int i = 0; i < n.getChildCount(); i++) {
            markReals(n.getChild(i), marks, jsbmlReal);
        }
    }

    private static boolean writtenExactly(double v, DecimalFormat jsbmlReal) {
        String written = jsbmlReal.format(v);
        try {
            return Double.doubleToRawLongBits(Double.parseDouble(written)) == Double.doubleToRawLongBits(v);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void markNegativeZero(SBase sb, Marks marks) {
        String attribute = null;
        if (sb instanceof Parameter p && p.isSetValue() && isNegativeZero(p.getValue())) {
            attribute = "value";
        } else if (sb instanceof LocalParameter p && p.isSetValue() && isNegativeZero(p.getValue())) {
            attribute = "value";
        } else if (sb instanceof Compartment c && c.isSetSize() && isNegativeZero(c.getSize())) {
            attribute = "size";
        } else if (sb instanceof Species s && s.isSetInitialAmount() && isNegativeZero(s.getInitialAmount())) {
            attribute = "initialAmount";
        } else if (sb instanceof Species s && s.isSetInitialConcentration()
                && isNegativeZero(s.getInitialConcentration())) {
            attribute = "initialConcentration";
        } else if (sb instanceof SpeciesReference r && r.isSetStoichiometry() && isNegativeZero(r.getStoichiometry())) {
            attribute = "stoichiometry";
        }
        if (attribute == null || sb.getLevel() < 2) {
            return;
        }
        if (sb.isSetMetaId()) {
            marks.negativeZeros.add(new String[] { sb.getMetaId(), attribute, "keep" });
            return;
        }
        String metaid = NEGATIVE_ZERO_METAID + marks.negativeZeros.size();
        sb.setMetaId(metaid);
        marks.negativeZeros.add(new String[] { metaid, attribute, "remove" });
    }

    private static boolean isNegativeZero(double v) {
        return v == 0 && Double.doubleToRawLongBits(v) != 0;
    }
}
