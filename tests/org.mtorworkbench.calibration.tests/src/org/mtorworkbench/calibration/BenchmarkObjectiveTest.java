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
    @Disabled("known failure: llh -130591.75 against AMICI's -115700.12. Chen_MSB2009 stimulates with a"
            + " 10-millisecond sine pulse of height 1e7 between t = 1799.99 and 1800 (piecewise in time); the engine"
            + " does not stop at time switches yet (issue 13 defect 4, engine branch) and steps over part of the pulse."
            + " The same simulations from the benchmark's simulatedData give -130669. Each evaluation also takes"
            + " about 20 s here (500 states, dense LU)")
    void chen() throws Exception {
        assertLlh("Chen_MSB2009", -115700.1192629893);
    }
}
