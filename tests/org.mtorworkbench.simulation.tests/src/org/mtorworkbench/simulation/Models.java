package org.mtorworkbench.simulation;

import java.nio.charset.StandardCharsets;

import org.mtorworkbench.sbml.SbmlReader;
import org.sbml.jsbml.SBMLDocument;

/** Small SBML models written for the tests. */
final class Models {

    private Models() {
    }

    static final String MATH = "xmlns=\"http://www.w3.org/1998/Math/MathML\"";

    /** A -> B at rate k*A in a compartment of size 2; A starts at concentration 1 (amount 2). */
    static String decay(String extraParameters, String rules, String events) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
                  <model id="decay">
                    <listOfCompartments><compartment id="c" size="2" constant="true"/></listOfCompartments>
                    <listOfSpecies>
                      <species id="A" compartment="c" initialConcentration="1" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
                      <species id="B" compartment="c" initialConcentration="0" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
                    </listOfSpecies>
                    <listOfParameters><parameter id="k" value="0.5" constant="false"/>%s</listOfParameters>
                    %s
                    <listOfReactions>
                      <reaction id="r1" reversible="false">
                        <listOfReactants><speciesReference species="A" stoichiometry="1" constant="true"/></listOfReactants>
                        <listOfProducts><speciesReference species="B" stoichiometry="1" constant="true"/></listOfProducts>
                        <kineticLaw><math %s><apply><times/><ci>c</ci><ci>k</ci><ci>A</ci></apply></math></kineticLaw>
                      </reaction>
                    </listOfReactions>
                    %s
                  </model>
                </sbml>
                """.formatted(extraParameters, rules, MATH, events);
    }

    /** A whole SBML Level 3 document (version 1 or 2) around the model's lists. */
    static String document(int version, String modelId, String lists) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <sbml xmlns="http://www.sbml.org/sbml/level3/version%1$d/core" level="3" version="%1$d">
                  <model id="%2$s">
                %3$s
                  </model>
                </sbml>
                """.formatted(version, modelId, lists);
    }

    /** A species given as a concentration, neither boundary nor constant, in compartment c. */
    static String species(String id, double concentration) {
        return "<species id=\"" + id + "\" compartment=\"c\" initialConcentration=\"" + concentration
                + "\" hasOnlySubstanceUnits=\"false\" boundaryCondition=\"false\" constant=\"false\"/>";
    }

    static CompiledModel compile(String sbml) throws Exception {
        SBMLDocument doc = new SbmlReader().read(sbml.getBytes(StandardCharsets.UTF_8), "test.xml");
        return CompiledModel.compile(doc);
    }
}
