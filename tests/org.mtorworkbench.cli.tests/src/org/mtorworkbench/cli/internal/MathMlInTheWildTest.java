package org.mtorworkbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kinetic law written as a published PEtab benchmark model writes it, an {@code <apply>}
 * wrapping a single {@code <apply>}, simulates as libSBML reads it, with a warning; before,
 * the command stopped with "DIVIDE lacks argument 2" and exit 4 (issue 13, defect 5).
 */
class MathMlInTheWildTest {

    @TempDir
    Path tmp;

    @Test
    void anApplyWrappingAnApplySimulatesWithAWarning() throws Exception {
        String math = "<math xmlns=\"http://www.w3.org/1998/Math/MathML\">\n"
                + "  <apply><times/><ci>c</ci>\n"
                + "    <apply><divide/>\n"
                + "      <apply><apply><times/><ci>k</ci><ci>S</ci></apply></apply>\n"
                + "      <ci>K</ci>\n"
                + "    </apply>\n"
                + "  </apply>\n"
                + "</math>";
        Path f = tmp.resolve("wrapped.xml");
        Files.writeString(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sbml xmlns=\"http://www.sbml.org/sbml/level3/version2/core\" level=\"3\" version=\"2\">\n"
                + "<model id=\"m\">\n"
                + "<listOfCompartments><compartment id=\"c\" size=\"1\" constant=\"true\"/></listOfCompartments>\n"
                + "<listOfSpecies><species id=\"S\" compartment=\"c\" initialAmount=\"1\" hasOnlySubstanceUnits=\"true\""
                + " boundaryCondition=\"false\" constant=\"false\"/></listOfSpecies>\n"
                + "<listOfParameters><parameter id=\"k\" value=\"2\" constant=\"true\"/>"
                + "<parameter id=\"K\" value=\"4\" constant=\"true\"/></listOfParameters>\n"
                + "<listOfReactions><reaction id=\"r\" reversible=\"false\"><listOfReactants>"
                + "<speciesReference species=\"S\" stoichiometry=\"1\" constant=\"true\"/></listOfReactants>\n"
                + "<kineticLaw>" + math + "</kineticLaw></reaction></listOfReactions>\n</model>\n</sbml>\n");
        Cli r = Cli.run(tmp, "simulate", "wrapped.xml", "--t-end", "2", "--points", "1", "--ids", "S",
                "--rtol", "1e-10", "--atol", "1e-14");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("warning") && r.err().contains("line 11") && r.err().contains("libSBML"), r.err());
        // dS/dt = -c k S / K = -S / 2: S(2) = exp(-1).
        List<String> lines = r.out().lines().toList();
        double s2 = Double.parseDouble(lines.get(2).split(",")[1]);
        assertEquals(Math.exp(-1), s2, 1e-8, r.out());

        Cli validate = Cli.run(tmp, "validate", "wrapped.xml");
        assertTrue(validate.out().contains("warning,,11,"), validate.out());
    }
}
