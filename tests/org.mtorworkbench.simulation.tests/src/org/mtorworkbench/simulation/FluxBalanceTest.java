package org.mtorworkbench.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.sbml.SbmlReader;
import org.sbml.jsbml.SBMLDocument;

/** Flux balance analysis of fbc models: a small linear programme with a known optimum. */
class FluxBalanceTest {

    /**
     * Uptake R1 (-> A, at most {@code uptake}), split into R2 (A -> B, at most 4) and R3 (A -> C, at
     * most {@code uptake}), exported by R4 (B ->) and R5 (C ->, at least {@code minR5}, no upper
     * bound); maximise 2 R4 + R5. With
     * uptake 10 the optimum is R2 = R4 = 4, R3 = R5 = 6, objective 14.
     */
    private static SBMLDocument network(String uptake, String minR5) throws Exception {
        String sbml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" xmlns:fbc="http://www.sbml.org/sbml/level3/version1/fbc/version2" level="3" version="1" fbc:required="false">
                  <model id="split" fbc:strict="true">
                    <listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
                    <listOfSpecies>
                      <species id="A" compartment="c" initialConcentration="0" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
                      <species id="B" compartment="c" initialConcentration="0" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
                      <species id="C" compartment="c" initialConcentration="0" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
                    </listOfSpecies>
                    <listOfParameters>
                      <parameter id="zero" value="0" constant="true"/>
                      <parameter id="four" value="4" constant="true"/>
                      <parameter id="uptake" value="%s" constant="true"/>
                      <parameter id="minR5" value="%s" constant="true"/>
                      <parameter id="big" value="1000" constant="true"/>
                    </listOfParameters>
                    <listOfReactions>
                      <reaction id="R1" reversible="false" fbc:lowerFluxBound="zero" fbc:upperFluxBound="uptake">
                        <listOfProducts><speciesReference species="A" stoichiometry="1" constant="true"/></listOfProducts>
                      </reaction>
                      <reaction id="R2" reversible="false" fbc:lowerFluxBound="zero" fbc:upperFluxBound="four">
                        <listOfReactants><speciesReference species="A" stoichiometry="1" constant="true"/></listOfReactants>
                        <listOfProducts><speciesReference species="B" stoichiometry="1" constant="true"/></listOfProducts>
                      </reaction>
                      <reaction id="R3" reversible="false" fbc:lowerFluxBound="zero" fbc:upperFluxBound="uptake">
                        <listOfReactants><speciesReference species="A" stoichiometry="1" constant="true"/></listOfReactants>
                        <listOfProducts><speciesReference species="C" stoichiometry="1" constant="true"/></listOfProducts>
                      </reaction>
                      <reaction id="R4" reversible="false" fbc:lowerFluxBound="zero" fbc:upperFluxBound="big">
                        <listOfReactants><speciesReference species="B" stoichiometry="1" constant="true"/></listOfReactants>
                      </reaction>
                      <reaction id="R5" reversible="false" fbc:lowerFluxBound="minR5">
                        <listOfReactants><speciesReference species="C" stoichiometry="1" constant="true"/></listOfReactants>
                      </reaction>
                    </listOfReactions>
                    <fbc:listOfObjectives fbc:activeObjective="growth">
                      <fbc:objective fbc:id="growth" fbc:type="maximize">
                        <fbc:listOfFluxObjectives>
                          <fbc:fluxObjective fbc:reaction="R4" fbc:coefficient="2"/>
                          <fbc:fluxObjective fbc:reaction="R5" fbc:coefficient="1"/>
                        </fbc:listOfFluxObjectives>
                      </fbc:objective>
                    </fbc:listOfObjectives>
                  </model>
                </sbml>
                """.formatted(uptake, minR5);
        return new SbmlReader().read(sbml.getBytes(StandardCharsets.UTF_8), "split.xml");
    }

    @Test
    void theOptimumOfASmallNetworkIsFound() throws Exception {
        SBMLDocument doc = network("10", "0");
        assertTrue(FluxBalance.uses(doc));
        FluxBalance.Solution s = FluxBalance.solve(doc);
        assertEquals("growth", s.objective());
        assertTrue(s.maximize());
        assertEquals(14, s.objectiveValue(), 1e-9);
        double[] expected = { 10, 4, 6, 4, 6 };
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], s.value("R" + (i + 1)), 1e-9, "R" + (i + 1));
        }
        assertEquals(14, s.value("growth"), 1e-9);
    }

    @Test
    void aTimeCourseOfAFluxBalanceModelIsRefusedNamingThePackage() throws Exception {
        SimulationException e = assertThrows(SimulationException.class, () -> CompiledModel.compile(network("10", "0")));
        assertEquals(SimulationException.Kind.UNSUPPORTED, e.kind());
        assertTrue(e.getMessage().contains("'split'") && e.getMessage().contains("'fbc'"), e.getMessage());
    }

    @Test
    void boundsThatCannotBeMetGiveAClearError() throws Exception {
        SimulationException e = assertThrows(SimulationException.class, () -> FluxBalance.solve(network("10", "20")));
        assertEquals(SimulationException.Kind.NO_STEADY_STATE, e.kind());
        assertTrue(e.getMessage().contains("infeasible"), e.getMessage());
    }

    @Test
    void anUnboundedObjectiveGivesAClearError() throws Exception {
        SimulationException e = assertThrows(SimulationException.class, () -> FluxBalance.solve(network("INF", "0")));
        assertEquals(SimulationException.Kind.INVALID_MODEL, e.kind());
        assertTrue(e.getMessage().contains("unbounded") && e.getMessage().contains("'growth'"), e.getMessage());
    }
}
