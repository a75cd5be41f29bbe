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

    private SampleModels() {
    }
}
