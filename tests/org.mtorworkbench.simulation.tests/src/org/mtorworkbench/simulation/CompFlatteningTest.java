package org.mtorworkbench.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.sbml.SbmlReader;
import org.mtorworkbench.sbml.CompFlattening;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.SBMLWriter;

/** Hierarchical (comp) models are flattened before they are compiled. */
class CompFlatteningTest {

    /**
     * Two instances of one decay model: A with its parameter 'unused' deleted, B running four
     * times slower (time conversion factor); both have their rate constant replaced by the main
     * model's k (A through a port, B by id).
     */
    private static String hierarchy(String replacedInB) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" xmlns:comp="http://www.sbml.org/sbml/level3/version1/comp/version1" level="3" version="1" comp:required="true">
                  <model id="cell">
                    <listOfParameters>
                      <parameter id="k" value="0.5" constant="true">
                        <comp:listOfReplacedElements>
                          <comp:replacedElement comp:submodelRef="A" comp:portRef="k_port"/>
                          <comp:replacedElement comp:submodelRef="B" comp:idRef="%s"/>
                        </comp:listOfReplacedElements>
                      </parameter>
                      <parameter id="slow" value="4" constant="true"/>
                    </listOfParameters>
                    <comp:listOfSubmodels>
                      <comp:submodel comp:id="A" comp:modelRef="decay">
                        <comp:listOfDeletions><comp:deletion comp:idRef="unused"/></comp:listOfDeletions>
                      </comp:submodel>
                      <comp:submodel comp:id="B" comp:modelRef="decay" comp:timeConversionFactor="slow"/>
                    </comp:listOfSubmodels>
                  </model>
                  <comp:listOfModelDefinitions>
                    <comp:modelDefinition id="decay">
                      <listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
                      <listOfSpecies>
                        <species id="S" compartment="c" initialAmount="2" hasOnlySubstanceUnits="true" boundaryCondition="false" constant="false"/>
                      </listOfSpecies>
                      <listOfParameters>
                        <parameter id="k" value="3" constant="true"/>
                        <parameter id="unused" value="7" constant="true"/>
                      </listOfParameters>
                      <listOfReactions>
                        <reaction id="J0" reversible="false">
                          <listOfReactants><speciesReference species="S" stoichiometry="1" constant="true"/></listOfReactants>
                          <kineticLaw><math xmlns="http://www.w3.org/1998/Math/MathML"><apply><times/><ci>k</ci><ci>S</ci></apply></math></kineticLaw>
                        </reaction>
                      </listOfReactions>
                      <comp:listOfPorts><comp:port comp:id="k_port" comp:idRef="k"/></comp:listOfPorts>
                    </comp:modelDefinition>
                  </comp:listOfModelDefinitions>
                </sbml>
                """.formatted(replacedInB);
    }

    private static SBMLDocument read(String sbml) throws Exception {
        return new SbmlReader().read(sbml.getBytes(StandardCharsets.UTF_8), "hierarchy.xml");
    }

    @Test
    void submodelsAreInstantiatedWithPrefixedIdsDeletionsAndReplacements() throws Exception {
        SBMLDocument doc = read(hierarchy("k"));
        String before = new SBMLWriter().writeSBMLToString(doc);
        CompiledModel m = CompiledModel.compile(doc);

        assertEquals(before, new SBMLWriter().writeSBMLToString(doc), "compiling changed the hierarchical document");
        assertEquals(List.of("A__S", "B__S"), m.speciesIds());
        assertEquals(List.of("A__J0", "B__J0"), m.reactionIds());
        assertEquals(List.of("k", "slow", "B__unused"), m.parameterIds(),
                "A's 'unused' is deleted, both submodels' k are replaced by the main model's");
        assertFalse(m.hasId("A__k"));
        assertFalse(m.hasId("A__unused"));
        assertTrue(CompFlattening.usesComp(doc));
        assertFalse(CompFlattening.usesComp(CompFlattening.flatten(doc)), "the flattened copy still uses comp");

        TimeCourse tc = m.newSimulation().run(8, 8, List.of("A__S", "B__S"),
                SolverOptions.defaults().withRelativeTolerance(1e-9).withAbsoluteTolerance(1e-12));
        for (int i = 0; i < tc.size(); i++) {
            double t = tc.time(i);
            assertEquals(2 * Math.exp(-0.5 * t), tc.value(i, 0), 1e-6, "A__S at " + t + ": decays at the main model's k");
            assertEquals(2 * Math.exp(-0.5 * t / 4), tc.value(i, 1), 1e-6,
                    "B__S at " + t + ": its time runs four times slower");
        }
    }

    @Test
    void aReplacementNamingNothingIsAnErrorNamingIt() throws Exception {
        SimulationException e = assertThrows(SimulationException.class,
                () -> CompiledModel.compile(read(hierarchy("nothing"))));
        assertEquals(SimulationException.Kind.INVALID_MODEL, e.kind());
        assertTrue(e.getMessage().contains("'nothing'") && e.getMessage().contains("submodel 'B'"), e.getMessage());
    }
}
