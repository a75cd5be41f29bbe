package org.mtorworkbench.tests.support;

/** Small SBML documents that several test bundles use. */
public final class SampleModels {

    /** One compartment, Akt and pAkt (macromolecules), one phosphorylation; no layout. */
    public static final String AKT_PHOSPHORYLATION = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
              <model id="akt_model">
                <listOfCompartments><compartment id="cell" size="1" constant="true"/></listOfCompartments>
                <listOfSpecies>
                  <species id="Akt" sboTerm="SBO:0000245" compartment="cell" initialConcentration="1" hasOnlySubstanceUnits="false"
                      boundaryCondition="false" constant="false"/>
                  <species id="pAkt" sboTerm="SBO:0000245" compartment="cell" initialConcentration="0" hasOnlySubstanceUnits="false"
                      boundaryCondition="false" constant="false"/>
                </listOfSpecies>
                <listOfReactions>
                  <reaction id="phos" reversible="false">
                    <listOfReactants><speciesReference species="Akt" stoichiometry="1" constant="true"/></listOfReactants>
                    <listOfProducts><speciesReference species="pAkt" stoichiometry="1" constant="true"/></listOfProducts>
                  </reaction>
                </listOfReactions>
              </model>
            </sbml>
            """;

    /**
     * A &lt;-&gt; B by mass action, kf = 2 and kr = 1, in a unit compartment, A starting at 3:
     * A + B is conserved and the steady state has B = 3 kf / (kf + kr).
     */
    public static final String REVERSIBLE_AB = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
              <model id="rev">
                <listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
                <listOfSpecies>
                  <species id="A" compartment="c" initialConcentration="3" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
                  <species id="B" compartment="c" initialConcentration="0" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
                </listOfSpecies>
                <listOfParameters><parameter id="kf" value="2" constant="true"/><parameter id="kr" value="1" constant="true"/></listOfParameters>
                <listOfReactions>
                  <reaction id="r" reversible="true">
                    <listOfReactants><speciesReference species="A" stoichiometry="1" constant="true"/></listOfReactants>
                    <listOfProducts><speciesReference species="B" stoichiometry="1" constant="true"/></listOfProducts>
                    <kineticLaw><math xmlns="http://www.w3.org/1998/Math/MathML"><apply><minus/><apply><times/><ci>kf</ci><ci>A</ci></apply><apply><times/><ci>kr</ci><ci>B</ci></apply></apply></math></kineticLaw>
                  </reaction>
                </listOfReactions>
              </model>
            </sbml>
            """;

    /**
     * A flux-balance network (fbc version 2) to format with the uptake bound and R5's lower bound:
     * uptake R1 (-> A, at most {@code uptake}), split into R2 (A -> B, at most 4) and R3 (A -> C, at
     * most {@code uptake}), exported by R4 (B ->) and R5 (C ->, at least {@code minR5}, no upper
     * bound); maximise 2 R4 + R5. With uptake 10 and minR5 0 the optimum is R2 = R4 = 4,
     * R3 = R5 = 6, objective 14.
     */
    public static final String FLUX_BALANCE_SPLIT = """
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
            """;

    private SampleModels() {
    }
}
