package org.mtorworkbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** simulate with the exact stochastic solvers: one seeded trajectory, ensembles, refusals. */
class StochasticCommandsTest {

    private static final String MATH = "xmlns=\"http://www.w3.org/1998/Math/MathML\"";

    @TempDir
    Path tmp;

    /** 0 -> X at rate kb = 10, X -> 0 at 0.2 X, from X = 0 molecules; the birth rate may be written as given. */
    private void model(String birthRate) throws Exception {
        Files.writeString(tmp.resolve("bd.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
                  <model id="bd">
                    <listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
                    <listOfSpecies><species id="X" compartment="c" initialAmount="0" hasOnlySubstanceUnits="true" boundaryCondition="false" constant="false"/></listOfSpecies>
                    <listOfParameters><parameter id="kb" value="10" constant="true"/><parameter id="kd" value="0.2" constant="true"/></listOfParameters>
                    <listOfReactions>
                      <reaction id="birth" reversible="false"><listOfProducts><speciesReference species="X" stoichiometry="1" constant="true"/></listOfProducts>
                        <kineticLaw><math %1$s>%2$s</math></kineticLaw></reaction>
                      <reaction id="death" reversible="false"><listOfReactants><speciesReference species="X" stoichiometry="1" constant="true"/></listOfReactants>
                        <kineticLaw><math %1$s><apply><times/><ci>kd</ci><ci>X</ci></apply></math></kineticLaw></reaction>
                    </listOfReactions>
                  </model>
                </sbml>
                """.formatted(MATH, birthRate));
    }

    private Cli run(String... args) {
        return Cli.run(tmp, args);
    }

    @Test
    void oneSeededTrajectoryCountsMolecules() throws Exception {
        model("<ci>kb</ci>");
        Cli a = run("simulate", "bd.xml", "--solver", "ssa", "--seed", "9", "--t-end", "20", "--points", "10");
        Cli b = run("simulate", "bd.xml", "--solver", "ssa", "--seed", "9", "--t-end", "20", "--points", "10");
        assertEquals(0, a.code(), a.err());
        assertEquals(a.out(), b.out(), "the same seed, the same run");
        List<String> lines = a.out().lines().toList();
        assertEquals("time,X", lines.get(0));
        for (String l : lines.subList(1, lines.size())) {
            double x = Double.parseDouble(l.split(",")[1]);
            assertEquals(Math.rint(x), x, 0.0, l);
        }
    }

    /**
     * 400 runs: X(30) is Poisson with mean m = 50 (1 - e^-6), so the mean of 400 runs is within
     * 4.5 standard errors sqrt(m / 400) of m (a false failure about once in 150,000).
     */
    @Test
    void anEnsembleReportsMeanSpreadAndPercentiles() throws Exception {
        model("<ci>kb</ci>");
        Cli r = run("simulate", "bd.xml", "--solver", "next-reaction", "--seed", "4", "--runs", "400", "--t-end", "30",
                "--points", "1", "--ids", "X", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("time,X_mean,X_sd,X_p2.5,X_p25,X_p50,X_p75,X_p97.5", lines.get(0));
        String[] end = lines.get(2).split(",");
        double m = 50 * (1 - Math.exp(-6));
        assertEquals(m, Double.parseDouble(end[1]), 4.5 * Math.sqrt(m / 400), lines.get(2));
        double p25 = Double.parseDouble(end[4]);
        double p50 = Double.parseDouble(end[5]);
        double p75 = Double.parseDouble(end[6]);
        assertTrue(p25 <= p50 && p50 <= p75, lines.get(2));
        assertEquals(r.out(), run("simulate", "bd.xml", "--solver", "next-reaction", "--seed", "4", "--runs", "400",
                "--t-end", "30", "--points", "1", "--ids", "X", "--threads", "1").out(), "independent of threads");
    }

    @Test
    void stochasticOptionsNeedAStochasticSolverAndTimeDependentRatesAreRefused() throws Exception {
        model("<ci>kb</ci>");
        Cli ode = run("simulate", "bd.xml", "--runs", "10");
        assertEquals(2, ode.code(), ode.err());
        assertTrue(ode.err().contains("--solver ssa"), ode.err());
        model("<apply><times/><ci>kb</ci><csymbol encoding=\"text\" "
                + "definitionURL=\"http://www.sbml.org/sbml/symbols/time\">time</csymbol></apply>");
        Cli timed = run("simulate", "bd.xml", "--solver", "ssa");
        assertEquals(3, timed.code(), timed.err());
        assertTrue(timed.err().contains("'birth'"), timed.err());
        assertEquals(1, timed.err().lines().count(), timed.err());
    }
}
