package org.mtorworkbench.simulation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.sbml.SbmlReader;

/** The symbolic Jacobian agrees with finite differences, through rules, concentrations and nonlinear laws. */
class JacobianTest {

    private static final String M = "xmlns=\"http://www.w3.org/1998/Math/MathML\"";

    /** S -> 2 P at c inh Vm S / (Km + S), inh = 1 / (1 + I^h) a rule, P -> I at exp(-I) sin(P) P. */
    static String model() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
                  <model id="mm">
                    <listOfCompartments><compartment id="c" size="2.5" constant="true"/></listOfCompartments>
                    <listOfSpecies>
                      <species id="S" compartment="c" initialConcentration="3" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
                      <species id="P" compartment="c" initialConcentration="0.5" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
                      <species id="I" compartment="c" initialAmount="0.7" hasOnlySubstanceUnits="true" boundaryCondition="false" constant="false"/>
                    </listOfSpecies>
                    <listOfParameters>
                      <parameter id="Vm" value="1.3" constant="true"/><parameter id="Km" value="0.4" constant="true"/>
                      <parameter id="h" value="2.2" constant="true"/><parameter id="inh" constant="false"/>
                    </listOfParameters>
                    <listOfRules>
                      <assignmentRule variable="inh"><math %1$s><apply><divide/><cn>1</cn><apply><plus/><cn>1</cn><apply><power/><ci>I</ci><ci>h</ci></apply></apply></apply></math></assignmentRule>
                    </listOfRules>
                    <listOfReactions>
                      <reaction id="r1" reversible="false">
                        <listOfReactants><speciesReference species="S" stoichiometry="1" constant="true"/></listOfReactants>
                        <listOfProducts><speciesReference species="P" stoichiometry="2" constant="true"/></listOfProducts>
                        <kineticLaw><math %1$s><apply><times/><ci>c</ci><ci>inh</ci><apply><divide/><apply><times/><ci>Vm</ci><ci>S</ci></apply><apply><plus/><ci>Km</ci><ci>S</ci></apply></apply></apply></math></kineticLaw>
                      </reaction>
                      <reaction id="r2" reversible="false">
                        <listOfReactants><speciesReference species="P" stoichiometry="1" constant="true"/></listOfReactants>
                        <listOfProducts><speciesReference species="I" stoichiometry="1" constant="true"/></listOfProducts>
                        <kineticLaw><math %1$s><apply><times/><apply><exp/><apply><minus/><ci>I</ci></apply></apply><apply><sin/><ci>P</ci></apply><ci>P</ci></apply></math></kineticLaw>
                      </reaction>
                    </listOfReactions>
                  </model>
                </sbml>
                """.formatted(M);
    }

    /**
     * The generated derivatives of the right-hand side with respect to the constants (through the
     * rule inh and the concentrations, compartment size c included) agree with central differences.
     */
    @Test
    void parameterJacobianMatchesFiniteDifferences() throws Exception {
        ModelLayout layout = ModelBuilder.build(new SbmlReader().read(model().getBytes(StandardCharsets.UTF_8), "mm.xml"));
        int n = layout.stateCount();
        double[] v = new double[layout.symbolCount()];
        double[] p0 = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            p0[i] = layout.defaultValue(i);
        }
        layout.code().init(v, p0, new boolean[v.length]);
        Rhs rhs = new Rhs(layout, v);
        java.util.function.IntPredicate constant = s -> s > 0 && layout.symbolState[s] < 0 && !layout.ruleAssigned[s]
                && layout.kinds[s] != SymbolKind.REACTION && layout.kinds[s] != SymbolKind.INTERNAL;
        ParameterJacobian pj = ParameterJacobian.of(layout, constant);
        assertTrue(pj != null, layout.source());
        double[] y = { 7.5, 1.25, 0.7 };
        rhs.update(0, y);
        double[][] work = pj.newWork();
        pj.evaluate(v, y, work);
        int checked = 0;
        for (String id : new String[] { "Vm", "Km", "h", "c" }) {
            int s = layout.indexOf(id);
            int col = pj.column(s);
            assertTrue(col >= 0, id);
            double x = v[s];
            double d = 1e-6 * x;
            double[] up = new double[n];
            double[] down = new double[n];
            v[s] = x + d;
            rhs.eval(0, y, up);
            v[s] = x - d;
            rhs.eval(0, y, down);
            v[s] = x;
            for (int i = 0; i < n; i++) {
                double fd = (up[i] - down[i]) / (2 * d);
                assertEquals(fd, work[1][i * pj.columns() + col], 1e-7 * Math.max(1, Math.abs(fd)), "df" + i + "/d" + id);
                checked++;
            }
        }
        assertEquals(12, checked);
    }

    @Test
    void analyticJacobianMatchesFiniteDifferences() throws Exception {
        String sbml = model();
        ModelLayout layout = ModelBuilder.build(new SbmlReader().read(sbml.getBytes(StandardCharsets.UTF_8), "mm.xml"));
        int n = layout.stateCount();
        double[] v = new double[layout.symbolCount()];
        double[] p0 = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            p0[i] = layout.defaultValue(i);
        }
        layout.code().init(v, p0, new boolean[v.length]);
        Rhs rhs = new Rhs(layout, v);
        assertTrue(rhs.hasAnalyticJacobian(), layout.source());
        double[] y = { 7.5, 1.25, 0.7 };
        double[] f0 = new double[n];
        rhs.eval(0, y, f0);
        double[] scale = { 1e-6, 1e-6, 1e-6 };
        double[] analytic = new double[n * n];
        double[] differences = new double[n * n];
        rhs.jacobian(0, y, f0, scale, analytic);
        rhs.differenceJacobian(0, y, f0, scale, differences);
        for (int i = 0; i < n * n; i++) {
            assertEquals(differences[i], analytic[i], 1e-6 * (1 + Math.abs(differences[i])), "entry " + i);
        }
    }
}
