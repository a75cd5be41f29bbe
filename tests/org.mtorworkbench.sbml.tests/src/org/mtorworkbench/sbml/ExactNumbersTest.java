package org.mtorworkbench.sbml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.AssignmentRule;
import org.sbml.jsbml.Compartment;
import org.sbml.jsbml.KineticLaw;
import org.sbml.jsbml.LocalParameter;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.Parameter;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.SpeciesReference;

/**
 * Every number of a model survives a save: JSBML 1.6.1 alone writes a MathML real below about
 * 5e-48 as {@code <cn> 0 </cn>}, cuts digits below its 47th decimal place, and writes a
 * negative zero as {@code 0}; the workbench's writer does not (issue 13, defect 3).
 */
class ExactNumbersTest {

    private static final int VALUES = 3000;

    private static List<Double> values() {
        SplittableRandom random = new SplittableRandom(3);
        List<Double> out = new ArrayList<>(List.of(1e-50, 1.5e-300, Double.MIN_VALUE, -1e-310, 1.234567890123e-40,
                -0.0, 0.0, 1e23, Double.MAX_VALUE, 9.437111707e-10, Math.PI, Math.E, 0.1));
        while (out.size() < VALUES) {
            double x = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(x)) {
                out.add(x);
            }
        }
        return out;
    }

    private static SBMLDocument model(int level, int version, List<Double> values) {
        SBMLDocument doc = new SBMLDocument(level, version);
        Model m = doc.createModel("numbers");
        Compartment c = m.createCompartment("c");
        c.setSize(-0.0);
        c.setConstant(true);
        Reaction r = m.createReaction("r");
        r.setReversible(false);
        if (level == 3 && version == 1) {
            r.setFast(false);
        }
        KineticLaw law = r.createKineticLaw();
        ASTNode sum = new ASTNode(ASTNode.Type.PLUS);
        for (int i = 0; i < values.size(); i++) {
            double v = values.get(i);
            Parameter p = m.createParameter("p" + i);
            p.setValue(v);
            p.setConstant(false);
            Species s = m.createSpecies("s" + i, c);
            s.setInitialAmount(v);
            s.setHasOnlySubstanceUnits(true);
            s.setBoundaryCondition(true);
            s.setConstant(false);
            SpeciesReference ref = r.createReactant(s);
            ref.setStoichiometry(v);
            if (level == 3) {
                ref.setConstant(true);
            }
            AssignmentRule rule = m.createAssignmentRule();
            rule.setVariable("p" + i);
            rule.setMath(new ASTNode(v));
            sum.addChild(new ASTNode(v));
        }
        LocalParameter local = law.createLocalParameter("k");
        local.setValue(-0.0);
        law.setMath(sum);
        return doc;
    }

    @Test
    void everyNumberReadsBackBitForBitInEveryLevel() throws Exception {
        List<Double> values = values();
        for (SbmlTarget target : new SbmlTarget[] { SbmlTarget.L3V2, SbmlTarget.L3V1, SbmlTarget.L2V4 }) {
            SBMLDocument doc = model(target.level(), target.version(), values);
            byte[] bytes = new SbmlWriter().toBytes(doc, "numbers");
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertFalse(text.contains("wbk_negative_zero"), "a temporary metaid was left in the file");
            assertFalse(text.contains("-2147483648"), "a placeholder was left in the file");
            Model back = new SbmlReader().read(bytes, "numbers").getModel();
            assertBits(-0.0, back.getCompartment("c").getSize(), target + " compartment size");
            assertBits(-0.0, back.getReaction("r").getKineticLaw().getLocalParameter("k").getValue(), target + " k");
            ASTNode sum = back.getReaction("r").getKineticLaw().getMath();
            assertEquals(values.size(), sum.getChildCount());
            for (int i = 0; i < values.size(); i++) {
                double v = values.get(i);
                String what = target + " value " + i + " (" + v + ")";
                assertBits(v, back.getParameter("p" + i).getValue(), what + " parameter");
                assertBits(v, back.getSpecies("s" + i).getInitialAmount(), what + " initial amount");
                assertBits(v, back.getReaction("r").getReactant(i).getStoichiometry(), what + " stoichiometry");
                assertBits(v, real(back.getRule(i).getMath()), what + " rule");
                assertBits(v, real(sum.getChild(i)), what + " kinetic law term");
            }
            // The original document is untouched.
            assertTrue(doc.getModel().getRule(0).getMath().getType() == ASTNode.Type.REAL);
            assertFalse(doc.getModel().getCompartment("c").isSetMetaId());
        }
    }

    @Test
    void numbersJsbmlWritesExactlyAreWrittenAsJsbmlWritesThem() throws Exception {
        SBMLDocument doc = model(3, 2, List.of(0.25, 1e-30, 123.5));
        String text = new String(new SbmlWriter().toBytes(doc, "numbers"), StandardCharsets.UTF_8);
        assertTrue(text.contains("<cn> 0.25 </cn>"), text);
        assertTrue(text.contains("<cn> 0.000000000000000000000000000001 </cn>"), text);
        assertFalse(text.contains("e-notation"), text);
    }

    @Test
    void tinyRealsAreWrittenInScientificNotation() throws Exception {
        SBMLDocument doc = model(3, 2, List.of(1e-50, 2.5e-320));
        String text = new String(new SbmlWriter().toBytes(doc, "numbers"), StandardCharsets.UTF_8);
        assertTrue(text.contains("<cn> 1e-50 </cn>"), text);
        assertTrue(text.contains("<cn> 2.5e-320 </cn>"), text);
        assertTrue(text.contains("size=\"-0\""), text);
    }

    private static double real(ASTNode n) {
        return switch (n.getType()) {
        case CONSTANT_PI -> Math.PI;
        case CONSTANT_E -> Math.E;
        case INTEGER -> n.getInteger();
        default -> n.getReal();
        };
    }

    private static void assertBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                () -> what + ": wrote " + expected + ", read " + actual);
    }
}
