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

    private SampleModels() {
    }
}
