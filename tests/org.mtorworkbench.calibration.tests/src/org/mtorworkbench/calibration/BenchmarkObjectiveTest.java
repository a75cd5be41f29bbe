package org.mtorworkbench.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.mtorworkbench.tests.support.SharedData;

/**
 * The log-likelihood at the nominal parameters of the shared benchmark problems (Hass et al. 2019)
 * matches AMICI's to 1e-3 of the value.
 */
class BenchmarkObjectiveTest {

    private static void assertLlh(String name, double amici) throws Exception {
        Path yaml = SharedData.require("models/petab/" + name + "/" + name + ".yaml");
        PetabObjective objective = PetabObjective.create(PetabProblem.read(yaml), PetabObjective.defaultOptions());
        ObjectiveValue v = objective.evaluateNominal();
        assertEquals(amici, v.llh(), 1e-3 * Math.abs(amici), name + " llh");
        assertTrue(v.chi2() >= 0 && Double.isFinite(v.chi2()), name + " chi2 " + v.chi2());
        assertEquals(objective.problem().measurements().size(), v.size());
    }

    @Test
    void brannmark() throws Exception {
        assertLlh("Brannmark_JBC2010", -141.889113770537);
    }

    @Test
    void fiedler() throws Exception {
        assertLlh("Fiedler_BMCSystBiol2016", 58.58390161681);
    }

    @Test
    void fujita() throws Exception {
        assertLlh("Fujita_SciSignal2010", 53.08377736998929);
    }

    @Test
    void smith() throws Exception {
        assertLlh("Smith_BMCSystBiol2013", -888198.436541014);
    }

    @Test
    @Disabled("known failure: llh -130591.75 against AMICI's -115700.12. The workbench's simulations agree with the"
            + " benchmark's own simulatedData table within 0.28% at every one of the 120 measurements (the test below),"
            + " and those simulations give llh -130669.49 with the same data and noise, so the AMICI value is not"
            + " reproduced by the benchmark's simulations either; the cause is outside the objective")
    void chen() throws Exception {
        assertLlh("Chen_MSB2009", -115700.1192629893);
    }

    /**
     * Chen_MSB2009's simulations (500 states, a 10 ms pulse of height 1e7 at t = 1800 that the
     * engine resolves as a time switch) against the simulations the benchmark collection ships,
     * row by row, and the llh against the llh of those simulations.
     */
    @Test
    void chenSimulationsMatchTheBenchmarksOwn() throws Exception {
        Path yaml = SharedData.require("models/petab/Chen_MSB2009/Chen_MSB2009.yaml");
        PetabObjective objective = PetabObjective.create(PetabProblem.read(yaml), PetabObjective.defaultOptions());
        ObjectiveValue v = objective.evaluateNominal();
        java.util.List<String> rows = java.nio.file.Files.readAllLines(yaml.resolveSibling("simulatedData_Chen_MSB2009.tsv"));
        java.util.List<String> header = java.util.List.of(rows.get(0).split("\t", -1));
        int column = header.indexOf("simulation");
        assertEquals(v.size(), rows.size() - 1, "one simulated row per measurement");
        double llhOfTheirs = 0;
        for (int i = 0; i < v.size(); i++) {
            double theirs = Double.parseDouble(rows.get(i + 1).split("\t", -1)[column]);
            assertEquals(theirs, v.simulation(i), 0.005 * Math.abs(theirs) + 1e-9, "simulation of measurement " + i);
            double r = (v.measurements().get(i).measurement() - theirs) / v.sigma(i);
            llhOfTheirs += -0.5 * Math.log(2 * Math.PI * v.sigma(i) * v.sigma(i)) - 0.5 * r * r;
        }
        assertEquals(-130669.48780307341, llhOfTheirs, 1e-6, "the llh of the benchmark's simulations");
        assertEquals(llhOfTheirs, v.llh(), 1e-3 * Math.abs(llhOfTheirs), "llh");
    }
}
