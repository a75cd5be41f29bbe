package org.mtorworkbench.experiments.sedml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtorworkbench.experiments.Cancellation;
import org.mtorworkbench.experiments.Table;
import org.mtorworkbench.sbml.SbmlReader;
import org.mtorworkbench.simulation.CompiledModel;
import org.mtorworkbench.simulation.Output;
import org.mtorworkbench.simulation.Solver;
import org.mtorworkbench.simulation.SolverOptions;
import org.mtorworkbench.simulation.TimeCourse;
import org.mtorworkbench.tests.support.SampleModels;

/**
 * SED-ML run as the reference simulators run it: what a species target means (its
 * concentration; L1V4's amount and concentration symbols), the KiSAO policy for algorithms
 * (stochastic ones run as such, equivalents documented, the rest refused naming the id), and
 * the flux-balance targets of the BioSimulators conventions.
 */
class SedmlReferenceSemanticsTest {

    private static final String MATH = "xmlns=\"http://www.w3.org/1998/Math/MathML\"";
    private static final String SPECIES = "/sbml:sbml/sbml:model/sbml:listOfSpecies/sbml:species[@id='%s']";

    @TempDir
    Path tmp;

    /**
     * H (only substance units, amount 8.38) and C (concentration 2) decay at rate 0.1 in
     * compartment c of size 4.19; G (concentration 1, no reactions) sits in compartment g, whose
     * size grows as 1 + 0.1 t by a rate rule, so G's amount stays 1 and its concentration falls.
     */
    private static final String UNITS_MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
              <model id="units">
                <listOfCompartments><compartment id="c" size="4.19" constant="true"/>
                  <compartment id="g" size="1" constant="false"/></listOfCompartments>
                <listOfSpecies>
                  <species id="H" compartment="c" initialAmount="8.38" hasOnlySubstanceUnits="true" boundaryCondition="false" constant="false"/>
                  <species id="C" compartment="c" initialConcentration="2" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
                  <species id="G" compartment="g" initialConcentration="1" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
                </listOfSpecies>
                <listOfParameters><parameter id="k" value="0.1" constant="true"/></listOfParameters>
                <listOfRules><rateRule variable="g"><math %1$s><cn>0.1</cn></math></rateRule></listOfRules>
                <listOfReactions>
                  <reaction id="dH" reversible="false"><listOfReactants><speciesReference species="H" stoichiometry="1" constant="true"/></listOfReactants>
                    <kineticLaw><math %1$s><apply><times/><ci>k</ci><ci>H</ci></apply></math></kineticLaw></reaction>
                  <reaction id="dC" reversible="false"><listOfReactants><speciesReference species="C" stoichiometry="1" constant="true"/></listOfReactants>
                    <kineticLaw><math %1$s><apply><times/><ci>c</ci><ci>k</ci><ci>C</ci></apply></math></kineticLaw></reaction>
                </listOfReactions>
              </model>
            </sbml>
            """.formatted(MATH);

    /** A SED-ML L1V4 file: one model with changes, one simulation, one task, one report of variables. */
    private static String sedml(String changes, String simulation, String... variables) {
        StringBuilder dgs = new StringBuilder();
        StringBuilder sets = new StringBuilder();
        for (int i = 0; i < variables.length; i++) {
            String[] v = variables[i].split("\\|", -1);
            dgs.append("<dataGenerator id=\"dg").append(i).append("\"><listOfVariables><variable id=\"v").append(i)
                    .append("\" taskReference=\"task\" ").append(v[0].isEmpty() ? "" : "target=\"" + v[0] + "\" ")
                    .append(v.length > 1 && !v[1].isEmpty() ? "symbol=\"" + v[1] + "\"" : "")
                    .append("/></listOfVariables><math ").append(MATH).append("><ci>v").append(i)
                    .append("</ci></math></dataGenerator>\n");
            sets.append("<dataSet id=\"ds").append(i).append("\" label=\"c").append(i).append("\" dataReference=\"dg")
                    .append(i).append("\"/>");
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <sedML xmlns="http://sed-ml.org/sed-ml/level1/version4" xmlns:sbml="http://www.sbml.org/sbml/level3/version2/core"
                    xmlns:fbc="http://www.sbml.org/sbml/level3/version1/fbc/version2" level="1" version="4">
                  <listOfModels><model id="m" language="urn:sedml:language:sbml" source="model.xml">
                    <listOfChanges>%s</listOfChanges></model></listOfModels>
                  <listOfSimulations>%s</listOfSimulations>
                  <listOfTasks><task id="task" modelReference="m" simulationReference="sim"/></listOfTasks>
                  <listOfDataGenerators>%s</listOfDataGenerators>
                  <listOfOutputs><report id="r"><listOfDataSets>%s</listOfDataSets></report></listOfOutputs>
                </sedML>
                """.formatted(changes, simulation, dgs, sets);
    }

    private static String timeCourse(double end, int points, String algorithm) {
        return "<uniformTimeCourse id=\"sim\" initialTime=\"0\" outputStartTime=\"0\" outputEndTime=\"" + end
                + "\" numberOfSteps=\"" + points + "\">" + algorithm + "</uniformTimeCourse>";
    }

    private static String algorithm(String kisao, String parameters) {
        return "<algorithm kisaoID=\"" + kisao + "\">" + (parameters.isEmpty() ? ""
                : "<listOfAlgorithmParameters>" + parameters + "</listOfAlgorithmParameters>") + "</algorithm>";
    }

    private Table run(String model, String sedml) throws Exception {
        Files.writeString(tmp.resolve("model.xml"), model);
        Files.writeString(tmp.resolve("sim.sedml"), sedml);
        List<SedmlExperiment.Report> r = SedmlExperiment.open(tmp.resolve("sim.sedml")).run(SolverOptions.defaults(),
                new Cancellation());
        return r.get(0).table();
    }

    private static double cell(Table t, int row, int column) {
        return ((Number) t.rows().get(row).get(column)).doubleValue();
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-5 * Math.abs(expected), what);
    }

    @Test
    void aSpeciesTargetIsItsConcentrationAndTheSymbolsChoose() throws Exception {
        String h = SPECIES.formatted("H");
        String c = SPECIES.formatted("C");
        String g = SPECIES.formatted("G");
        String amount = "urn:sedml:symbol:amount";
        String conc = "urn:sedml:symbol:concentration";
        Table t = run(UNITS_MODEL, sedml("", timeCourse(10, 2, algorithm("KISAO:0000019", "")), h, h + "|" + amount,
                h + "|" + conc, c, c + "|" + amount, g, g + "|" + amount, g + "|" + conc,
                "/sbml:sbml/sbml:model/sbml:listOfCompartments/sbml:compartment[@id='g']"));
        double e = Math.exp(-1);
        int end = 2;
        close(2 * e, cell(t, end, 0), "H, only substance units, as a concentration (amount / 4.19)");
        close(8.38 * e, cell(t, end, 1), "H's amount");
        close(2 * e, cell(t, end, 2), "H's concentration");
        close(2 * e, cell(t, end, 3), "C's concentration");
        close(8.38 * e, cell(t, end, 4), "C's amount (concentration x 4.19)");
        close(0.5, cell(t, end, 5), "G's concentration in the compartment grown to 2");
        close(1, cell(t, end, 6), "G's amount does not change with its compartment");
        close(0.5, cell(t, end, 7), "G's concentration");
        close(2, cell(t, end, 8), "the compartment's size");
        close(2, cell(t, 0, 0), "H at the start");
    }

    @Test
    void changesOfAmountsAndConcentrationsAreConvertedToTheSpeciesUnits() throws Exception {
        String changes = "<changeAttribute target=\"" + SPECIES.formatted("C") + "/@initialAmount\" newValue=\"4.19\"/>"
                + "<changeAttribute target=\"" + SPECIES.formatted("H") + "/@initialConcentration\" newValue=\"1\"/>";
        Table t = run(UNITS_MODEL, sedml(changes, timeCourse(10, 1, algorithm("KISAO:0000019", "")),
                SPECIES.formatted("C"), SPECIES.formatted("H") + "|urn:sedml:symbol:amount"));
        close(1, cell(t, 0, 0), "C: amount 4.19 in 4.19 is concentration 1");
        close(4.19, cell(t, 0, 1), "H: concentration 1 in 4.19 is amount 4.19");
        close(Math.exp(-1), cell(t, 1, 0), "C at 10");
    }

    /** 0 -> X at rate 10, X -> 0 at 0.2 X, X starting at 0 molecules. */
    private static final String BIRTH_DEATH = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
              <model id="bd">
                <listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
                <listOfSpecies><species id="X" compartment="c" initialAmount="0" hasOnlySubstanceUnits="true" boundaryCondition="false" constant="false"/></listOfSpecies>
                <listOfParameters><parameter id="kb" value="10" constant="true"/><parameter id="kd" value="0.2" constant="true"/></listOfParameters>
                <listOfReactions>
                  <reaction id="birth" reversible="false"><listOfProducts><speciesReference species="X" stoichiometry="1" constant="true"/></listOfProducts>
                    <kineticLaw><math %1$s><ci>kb</ci></math></kineticLaw></reaction>
                  <reaction id="death" reversible="false"><listOfReactants><speciesReference species="X" stoichiometry="1" constant="true"/></listOfReactants>
                    <kineticLaw><math %1$s><apply><times/><ci>kd</ci><ci>X</ci></apply></math></kineticLaw></reaction>
                </listOfReactions>
              </model>
            </sbml>
            """.formatted(MATH);

    @Test
    void stochasticAlgorithmsRunStochasticallyWithTheirSeed() throws Exception {
        String x = SPECIES.formatted("X") + "|urn:sedml:symbol:amount";
        String seed = "<algorithmParameter kisaoID=\"KISAO:0000488\" value=\"17\"/>";
        CompiledModel m = CompiledModel.compile(new SbmlReader().read(BIRTH_DEATH.getBytes(StandardCharsets.UTF_8),
                "bd.xml"));
        double[] times = new double[21];
        for (int i = 0; i < times.length; i++) {
            times[i] = i;
        }
        for (String[] alg : List.of(new String[] { "KISAO:0000029", "ssa" },
                new String[] { "KISAO_0000027", "next-reaction" })) {
            Table t = run(BIRTH_DEATH, sedml("", timeCourse(20, 20, algorithm(alg[0], seed)), x));
            TimeCourse direct = m.newSimulation().run(times, List.of(Output.of("X")), SolverOptions.defaults()
                    .withSolver(Solver.byName(alg[1])).withSeed(17), () -> false);
            List<Double> fromSedml = new ArrayList<>();
            for (int i = 0; i < times.length; i++) {
                double v = cell(t, i, 0);
                fromSedml.add(v);
                assertEquals(direct.value(i, 0), v, 0.0, alg[0] + " row " + i + ": the requested method and seed");
                assertEquals(Math.rint(v), v, 0.0, "molecules are counted");
            }
            // the deterministic solution 50 (1 - exp(-0.2 t)) is not a whole number at t = 20
            assertFalse(fromSedml.get(20) == 50 * (1 - Math.exp(-4)));
        }
    }

    @Test
    void algorithmsAreRunAsRequestedByAnEquivalentOrRefusedNamingTheirKisaoId() throws Exception {
        String x = SPECIES.formatted("X");
        // ODE integrators of the same equations: documented equivalents, same numbers
        double expected = 50 * (1 - Math.exp(-4));
        for (String ode : List.of("KISAO:0000019", "KISAO:0000088", "KISAO:0000030", "KISAO:0000288")) {
            Table t = run(BIRTH_DEATH, sedml("", timeCourse(20, 4, algorithm(ode, "")), x));
            close(expected, cell(t, 4, 0), ode);
        }
        // tolerances are honoured
        Table tight = run(BIRTH_DEATH, sedml("", timeCourse(20, 4, algorithm("KISAO:0000019",
                "<algorithmParameter kisaoID=\"KISAO:0000209\" value=\"1e-10\"/>"
                        + "<algorithmParameter kisaoID=\"KISAO:0000211\" value=\"1e-12\"/>")), x));
        assertEquals(expected, cell(tight, 4, 0), 1e-7 * expected);
        // neither the algorithm nor an equivalent: refused with exit code 3 naming the id
        for (String other : List.of("KISAO:0000563", "KISAO:0000039", "KISAO:0000999")) {
            SedmlException e = assertThrows(SedmlException.class, () -> run(BIRTH_DEATH, sedml("", timeCourse(20, 4,
                    algorithm(other, "")), x)));
            assertEquals(SedmlException.Kind.UNSUPPORTED, e.kind());
            assertTrue(e.getMessage().contains(other), e.getMessage());
        }
        SedmlException e = assertThrows(SedmlException.class, () -> run(BIRTH_DEATH, sedml("",
                "<steadyState id=\"sim\">" + algorithm("KISAO:0000029", "") + "</steadyState>", x)));
        assertEquals(SedmlException.Kind.UNSUPPORTED, e.kind());
        assertTrue(e.getMessage().contains("KISAO:0000029"), e.getMessage());
    }

    @Test
    void designsRunWithTheFilesAlgorithmByTheSamePolicy() throws Exception {
        String x = SPECIES.formatted("X");
        Files.writeString(tmp.resolve("model.xml"), BIRTH_DEATH);
        Path f = tmp.resolve("design.sedml");
        Files.writeString(f, sedml("", timeCourse(20, 4, algorithm("KISAO:0000288", "")), x));
        assertEquals(Solver.BDF, SedmlExperiment.open(f).designOptions(SolverOptions.defaults()).get(
                SolverOptions.SOLVER));
        Files.writeString(f, sedml("", timeCourse(20, 4, algorithm("KISAO:0000019",
                "<algorithmParameter kisaoID=\"KISAO:0000209\" value=\"1e-9\"/>")), x));
        SolverOptions cvode = SedmlExperiment.open(f).designOptions(SolverOptions.defaults());
        assertEquals(Solver.AUTO, cvode.get(SolverOptions.SOLVER), "CVODE's equivalent: the default ODE solver");
        assertEquals(1e-9, cvode.get(SolverOptions.RELATIVE_TOLERANCE));
        for (String refused : List.of("KISAO:0000029", "KISAO:0000999")) {
            Files.writeString(f, sedml("", timeCourse(20, 4, algorithm(refused, "")), x));
            SedmlException e = assertThrows(SedmlException.class, () -> SedmlExperiment.open(f).designOptions(
                    SolverOptions.defaults()));
            assertEquals(SedmlException.Kind.UNSUPPORTED, e.kind());
            assertTrue(e.getMessage().contains(refused), e.getMessage());
        }
    }

    /** The flux-balance network of the test support: optimum 14 with R2 = 4, R3 = 6 at uptake 10. */
    private static final String FBA_MODEL = SampleModels.FLUX_BALANCE_SPLIT.formatted("10", "0");

    @Test
    void fluxBalanceReportsTheObjectiveAndTheFluxes() throws Exception {
        String objective = "/sbml:sbml/sbml:model/fbc:listOfObjectives/fbc:objective[@fbc:id='growth']/@value";
        String reaction = "/sbml:sbml/sbml:model/sbml:listOfReactions/sbml:reaction[@id='%s']/@flux";
        String fba = "<steadyState id=\"sim\">" + algorithm("KISAO:0000437", "") + "</steadyState>";
        Table t = run(FBA_MODEL, sedml("", fba, objective, reaction.formatted("R2"), reaction.formatted("R3")));
        assertEquals(1, t.rows().size());
        assertEquals(14, cell(t, 0, 0), 1e-9);
        assertEquals(4, cell(t, 0, 1), 1e-9);
        assertEquals(6, cell(t, 0, 2), 1e-9);
        // a changed flux bound enters the linear programme: uptake 5 gives R3 = 1, objective 9
        Table changed = run(FBA_MODEL, sedml("<changeAttribute target=\"/sbml:sbml/sbml:model/sbml:listOfParameters/"
                + "sbml:parameter[@id='uptake']/@value\" newValue=\"5\"/>", fba, objective, reaction.formatted("R3")));
        assertEquals(9, cell(changed, 0, 0), 1e-9);
        assertEquals(1, cell(changed, 0, 1), 1e-9);
        // reduced costs and shadow prices (the dual solution): R1 and R2 at their upper bounds
        // are each worth 1 more unit of objective per unit of flux; A is worth 1, B 2
        String reduced = "/sbml:sbml/sbml:model/sbml:listOfReactions/sbml:reaction[@id='%s']/@reducedCost";
        String price = "/sbml:sbml/sbml:model/sbml:listOfSpecies/sbml:species[@id='%s']/@shadowPrice";
        Table duals = run(FBA_MODEL, sedml("", fba, reduced.formatted("R1"), reduced.formatted("R2"),
                reduced.formatted("R3"), price.formatted("A"), price.formatted("B")));
        assertEquals(1, cell(duals, 0, 0), 1e-9);
        assertEquals(1, cell(duals, 0, 1), 1e-9);
        assertEquals(0, cell(duals, 0, 2), 1e-9);
        assertEquals(-1, cell(duals, 0, 3), 1e-9);
        assertEquals(-2, cell(duals, 0, 4), 1e-9);
        // what the analysis does not compute is refused, naming it and the analysis that does
        SedmlException e = assertThrows(SedmlException.class, () -> run(FBA_MODEL, sedml("", fba,
                "/sbml:sbml/sbml:model/sbml:listOfReactions/sbml:reaction[@id='R2']/@minFlux")));
        assertEquals(SedmlException.Kind.UNSUPPORTED, e.kind());
        assertTrue(e.getMessage().contains("minFlux") && e.getMessage().contains("KISAO:0000526"), e.getMessage());
        e = assertThrows(SedmlException.class, () -> run(FBA_MODEL, sedml("", timeCourse(1, 1, algorithm(
                "KISAO:0000019", "")), reaction.formatted("R2"))));
        assertEquals(SedmlException.Kind.UNSUPPORTED, e.kind());
        assertTrue(e.getMessage().contains("KISAO:0000437"), e.getMessage());
    }

    @Test
    void fluxVariabilityReportsEachReactionsRangeNearTheOptimum() throws Exception {
        String min = "/sbml:sbml/sbml:model/sbml:listOfReactions/sbml:reaction[@id='%s']/@minFlux";
        String max = "/sbml:sbml/sbml:model/sbml:listOfReactions/sbml:reaction[@id='%s']/@maxFlux";
        String objective = "/sbml:sbml/sbml:model/fbc:listOfObjectives/fbc:objective[@fbc:id='growth']/@value";
        // at 90% of the optimum 14 the objective 2 R2 + R3 >= 12.6 leaves R2 in [2.6, 4], R3 in [4.6, 7.4]
        String fva = "<steadyState id=\"sim\">" + algorithm("KISAO:0000526",
                "<algorithmParameter kisaoID=\"KISAO:0000531\" value=\"0.9\"/>") + "</steadyState>";
        Table t = run(FBA_MODEL, sedml("", fva, min.formatted("R2"), max.formatted("R2"), min.formatted("R3"),
                max.formatted("R3"), objective));
        assertEquals(2.6, cell(t, 0, 0), 1e-7);
        assertEquals(4, cell(t, 0, 1), 1e-7);
        assertEquals(4.6, cell(t, 0, 2), 1e-7);
        assertEquals(7.4, cell(t, 0, 3), 1e-7);
        assertEquals(14, cell(t, 0, 4), 1e-9);
        // without the parameter the fraction is 1: the optimum is unique here, so each range is a point
        String optimal = "<steadyState id=\"sim\">" + algorithm("KISAO:0000526", "") + "</steadyState>";
        Table point = run(FBA_MODEL, sedml("", optimal, min.formatted("R2"), max.formatted("R2")));
        assertEquals(4, cell(point, 0, 0), 1e-7);
        assertEquals(4, cell(point, 0, 1), 1e-7);
        // a fraction outside [0, 1] and a flux asked of the variability analysis are refused
        String bad = "<steadyState id=\"sim\">" + algorithm("KISAO:0000526",
                "<algorithmParameter kisaoID=\"KISAO:0000531\" value=\"1.5\"/>") + "</steadyState>";
        SedmlException e = assertThrows(SedmlException.class, () -> run(FBA_MODEL, sedml("", bad, min.formatted("R2"))));
        assertEquals(SedmlException.Kind.INVALID, e.kind());
        assertTrue(e.getMessage().contains("KISAO:0000531") && e.getMessage().contains("0 to 1"), e.getMessage());
        e = assertThrows(SedmlException.class, () -> run(FBA_MODEL, sedml("", optimal,
                "/sbml:sbml/sbml:model/sbml:listOfReactions/sbml:reaction[@id='R2']/@flux")));
        assertEquals(SedmlException.Kind.UNSUPPORTED, e.kind());
        assertTrue(e.getMessage().contains("@flux") && e.getMessage().contains("KISAO:0000437"), e.getMessage());
    }
}
