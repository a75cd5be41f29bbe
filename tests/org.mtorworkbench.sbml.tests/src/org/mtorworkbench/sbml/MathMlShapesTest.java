package org.mtorworkbench.sbml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.sbml.internal.MathMlShapes;
import org.mtorworkbench.sbml.internal.XmlPrescan;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.SBMLDocument;

/**
 * MathML shapes found in published models that libSBML reads and JSBML alone misreads are
 * read as libSBML reads them, with a warning (issue 13, defect 5). The expected formulas are
 * libSBML 5.19's readings of the same files ({@code formulaToL3String}).
 */
class MathMlShapesTest {

    private static final String MATHML = "http://www.w3.org/1998/Math/MathML";

    private static String model(String math) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sbml xmlns=\"http://www.sbml.org/sbml/level3/version2/core\" level=\"3\" version=\"2\">\n"
                + "<model id=\"m\">\n"
                + "<listOfCompartments><compartment id=\"c\" size=\"1\" constant=\"true\"/></listOfCompartments>\n"
                + "<listOfSpecies><species id=\"S\" compartment=\"c\" initialConcentration=\"1\""
                + " hasOnlySubstanceUnits=\"false\" boundaryCondition=\"false\" constant=\"false\"/></listOfSpecies>\n"
                + "<listOfParameters><parameter id=\"k\" value=\"2\" constant=\"true\"/>"
                + "<parameter id=\"K\" value=\"4\" constant=\"true\"/></listOfParameters>\n"
                + "<listOfReactions><reaction id=\"r\" reversible=\"false\"><listOfReactants>"
                + "<speciesReference species=\"S\" stoichiometry=\"1\" constant=\"true\"/></listOfReactants>\n"
                + "<kineticLaw>\n" + math + "\n</kineticLaw></reaction></listOfReactions>\n</model>\n</sbml>\n";
    }

    private static String math(String body) {
        return "<math xmlns=\"" + MATHML + "\">" + body + "</math>";
    }

    private static SBMLDocument read(String sbml) throws SbmlException {
        return new SbmlReader().read(sbml.getBytes(StandardCharsets.UTF_8), "shape.xml");
    }

    private static ASTNode law(SBMLDocument doc) {
        return doc.getModel().getReaction("r").getKineticLaw().getMath();
    }

    private static void assertReadAs(String expectedBody, String body, int warnings) throws SbmlException {
        SBMLDocument doc = read(model(math(body)));
        SBMLDocument expected = read(model(math(expectedBody)));
        assertEquals(law(expected).toFormula(), law(doc).toFormula(), body);
        assertEquals(warnings, SbmlReader.warnings(doc).size(), () -> SbmlReader.warnings(doc).toString());
    }

    @Test
    void anApplyWrappingAnApplyInsideAnotherExpressionIsReadAsTheInnerApply() throws Exception {
        // The published benchmark's shape; JSBML alone read it as c * (k*S) / ? and the engine
        // stopped with "DIVIDE lacks argument 2".
        assertReadAs("<apply><times/><ci>c</ci><apply><divide/><apply><times/><ci>k</ci><ci>S</ci></apply>"
                + "<ci>K</ci></apply></apply>",
                "<apply><times/><ci>c</ci><apply><divide/><apply><apply><times/><ci>k</ci><ci>S</ci></apply></apply>"
                        + "<ci>K</ci></apply></apply>", 1);
    }

    @Test
    void aWrapperInsideARelationNoLongerShiftsTheArguments() throws Exception {
        // JSBML alone read this as k * piecewise(1, lt(k*S), 10) * 0: a different model, silently.
        assertReadAs("<apply><times/><ci>k</ci><piecewise><piece><cn>1</cn><apply><lt/><apply><times/><ci>k</ci>"
                + "<ci>S</ci></apply><cn>10</cn></apply></piece><otherwise><cn>0</cn></otherwise></piecewise></apply>",
                "<apply><times/><ci>k</ci><piecewise><piece><cn>1</cn><apply><lt/><apply><apply><times/><ci>k</ci>"
                        + "<ci>S</ci></apply></apply><cn>10</cn></apply></piece><otherwise><cn>0</cn></otherwise>"
                        + "</piecewise></apply>", 1);
    }

    @Test
    void nestedWrappersFurtherArgumentsAndPrefixesAreReadAsLibsbmlReadsThem() throws Exception {
        // libSBML: k * S
        assertReadAs("<apply><times/><ci>k</ci><ci>S</ci></apply>",
                "<apply><apply><apply><times/><ci>k</ci><ci>S</ci></apply></apply></apply>", 2);
        // libSBML: k * S * K (the inner operator takes the outer apply's further arguments)
        assertReadAs("<apply><times/><ci>k</ci><ci>S</ci><ci>K</ci></apply>",
                "<apply><apply><times/><ci>k</ci><ci>S</ci></apply><ci>K</ci></apply>", 1);
        // libSBML: exp(k * S)
        assertReadAs("<apply><exp/><apply><times/><ci>k</ci><ci>S</ci></apply></apply>",
                "<apply><exp/><apply><apply><times/><ci>k</ci><ci>S</ci></apply></apply></apply>", 1);
        // A prefixed MathML namespace, pretty-printed over several lines.
        String prefixed = "<m:math xmlns:m=\"" + MATHML + "\">\n  <m:apply>\n    <m:divide/>\n    <m:apply>\n"
                + "      <m:apply>\n        <m:times/>\n        <m:ci> k </m:ci>\n        <m:ci> S </m:ci>\n"
                + "      </m:apply>\n    </m:apply>\n    <m:ci> K </m:ci>\n  </m:apply>\n</m:math>";
        SBMLDocument doc = read(model(prefixed));
        assertEquals("k*S/K", law(doc).toFormula());
        List<SbmlProblem> w = SbmlReader.warnings(doc);
        assertEquals(1, w.size());
        assertEquals(12, w.get(0).line(), w.get(0).message());
        assertTrue(w.get(0).message().contains("libSBML"), w.get(0).message());
        assertTrue(new SbmlValidator().withJsbmlChecks(false).validate(doc).contains(w.get(0)));
    }

    @Test
    void anIntegerWithADecimalPointIsReadAsLibsbmlReadsIt() throws Exception {
        // libSBML: 2 * k, no error; JSBML alone: "Must be of type int!" and exit 4.
        assertReadAs("<apply><times/><cn> 2.0 </cn><ci>k</ci></apply>",
                "<apply><times/><cn type=\"integer\"> 2.0 </cn><ci>k</ci></apply>", 1);
        assertReadAs("<apply><times/><cn> -30.00 </cn><ci>k</ci></apply>",
                "<apply><times/><cn type='integer'>-30.00</cn><ci>k</ci></apply>", 1);
        // A true integer, and a fraction libSBML would silently truncate, are left as they are.
        assertReadAs("<apply><times/><cn type=\"integer\"> 2 </cn><ci>k</ci></apply>",
                "<apply><times/><cn type=\"integer\"> 2 </cn><ci>k</ci></apply>", 0);
        XmlPrescan.Root root = XmlPrescan.scan(model(math("<cn type=\"integer\">1.5</cn>")).getBytes(
                StandardCharsets.UTF_8), "fraction.xml");
        assertTrue(root.mathShapes().isEmpty());
    }

    @Test
    void wellFormedMathIsLeftAloneAndWithoutWarnings() throws Exception {
        assertReadAs("<apply><divide/><apply><times/><ci>k</ci><ci>S</ci></apply><ci>K</ci></apply>",
                "<apply><divide/><apply><times/><ci>k</ci><ci>S</ci></apply><ci>K</ci></apply>", 0);
        byte[] plain = model(math("<apply><times/><ci>k</ci><ci>S</ci></apply>")).getBytes(StandardCharsets.UTF_8);
        XmlPrescan.Root root = XmlPrescan.scan(plain, "plain.xml");
        assertTrue(root.mathShapes().isEmpty());
        assertSame(plain, MathMlShapes.rewrite(plain, root.mathShapes()));
    }

    @Test
    void theRewriteKeepsEveryLineAndColumn() throws Exception {
        String sbml = model("<math xmlns=\"" + MATHML + "\">\n<apply>\n<divide/>\n<apply>\t<apply><times/>"
                + "<ci>k\u00e9</ci><ci>S</ci></apply>\n</apply><ci>K</ci></apply></math>");
        byte[] bytes = sbml.getBytes(StandardCharsets.UTF_8);
        XmlPrescan.Root root = XmlPrescan.scan(bytes, "shape.xml");
        assertEquals(1, root.mathShapes().size());
        byte[] rewritten = MathMlShapes.rewrite(bytes, root.mathShapes());
        assertEquals(bytes.length, rewritten.length);
        String text = new String(rewritten, StandardCharsets.UTF_8);
        assertArrayEquals(sbml.lines().mapToInt(String::length).toArray(), text.lines().mapToInt(String::length)
                .toArray());
        assertTrue(text.contains("<apply>\n<divide/>\n<apply>\t       <times/>"), text);
        assertTrue(text.contains("<ci>S</ci>        \n</apply><ci>K</ci></apply></math>"), text);
    }

    @Test
    void errorsAfterARewrittenShapeStillNameTheirLineAndColumn() {
        String sbml = model(math("<apply><divide/><apply><apply><times/><ci>k</ci><ci>S</ci></apply></apply>"
                + "<ci>K</ci></apply>")).replace("</model>", "</model><oops>");
        SbmlException e = org.junit.jupiter.api.Assertions.assertThrows(SbmlException.class, () -> read(sbml));
        assertTrue(e.getMessage().contains("shape.xml:"), e.getMessage());
        assertTrue(e.line() > 0 && e.column() > 0, e.getMessage());
    }
}
