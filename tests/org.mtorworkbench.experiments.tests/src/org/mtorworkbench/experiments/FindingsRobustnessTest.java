package org.mtorworkbench.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mtorworkbench.experiments.FindingsRunner.FindingRobustness;
import org.mtorworkbench.experiments.FindingsRunner.Robustness;
import org.mtorworkbench.network.Finding;
import org.mtorworkbench.network.Finding.Check;
import org.mtorworkbench.network.Finding.Condition;
import org.mtorworkbench.network.Finding.Expectation;
import org.mtorworkbench.network.Findings;
import org.mtorworkbench.network.NetworkModel;
import org.mtorworkbench.simulation.SimulationException;

/** Findings re-run on Latin-hypercube samples of their parameters. */
class FindingsRobustnessTest {

    private static FindingsRunner runner;
    private static BatchRunner pool;

    @BeforeAll
    static void compile() throws Exception {
        runner = FindingsRunner.forBuiltinNetwork();
        pool = new BatchRunner(2);
    }

    /** The review's first two findings. */
    private static List<Finding> two() {
        return Findings.builtin().subList(0, 2);
    }

    @Test
    void theCalibratedParametersAreTheModelSourcesOnes() {
        Map<String, Double> p = NetworkModel.calibratedParameters();
        assertEquals(123, p.size(), p.keySet().toString());
        assertEquals(5.0, p.get("k_s6k"), 0);
        assertFalse(p.containsKey("GF"), "inputs are not calibrated");
        assertFalse(p.containsKey("inh_mTORC1"), "drug effects are not calibrated");
    }

    @Test
    void theSameSeedGivesTheSameTableWhateverTheThreads() throws Exception {
        Map<String, Double> p = NetworkModel.calibratedParameters();
        Robustness a = runner.robustness(two(), p, 3, 7, pool, Progress.NONE, new Cancellation());
        Robustness b = FindingsRunner.forBuiltinNetwork().robustness(two(), p, 3, 7, new BatchRunner(1),
                Progress.NONE, new Cancellation());
        assertEquals(a, b, "a seeded robustness run must not depend on the runner or the thread count");
        assertEquals(3, a.samples());
        assertEquals(2, a.findings().size());
        assertEquals(123, a.parameters().size());
        for (FindingRobustness f : a.findings()) {
            assertTrue(f.held() >= 0 && f.held() <= 3, f.toString());
            assertEquals(f.fragile(), f.fraction() < 0.8);
            // A finding that holds in no sample has no rank correlation with any parameter: no hinge.
            assertEquals(f.fragile() && f.held() > 0, !f.hinges().isEmpty(),
                    "hinges are named for fragile findings only (that hold in some sample): " + f);
        }
    }

    @Test
    void withNothingVariedEverySampleIsTheCalibrationAndEveryFindingHolds() throws Exception {
        Robustness r = runner.robustness(two(), Map.of(), 4, 1, pool, Progress.NONE, new Cancellation());
        for (FindingRobustness f : r.findings()) {
            assertEquals(4, f.held(), f.finding().id() + " holds at the calibration, so in every identical sample");
            assertEquals(1.0, f.fraction(), 0);
            assertFalse(f.fragile());
        }
        assertEquals(0, r.unsolved());
    }

    /**
     * A check built to hinge on one parameter: S6K1 dephosphorylation fixed at 0.6 of its
     * calibrated value in the treated cells against the sampled value in the reference. It passes only in samples
     * with a fast reference dephosphorylation, so it is fragile and names k_s6k_deph, with a
     * positive correlation, as the parameter it hinges on.
     */
    @Test
    void aFragileFindingNamesTheParameterItHingesOn() throws Exception {
        double deph = NetworkModel.calibratedParameters().get("k_s6k_deph");
        Check check = Check.of("pS6K1", Condition.control(60).before("k_s6k_deph", 0.6 * deph),
                Condition.control(60), Expectation.UP);
        Finding built = new Finding("hinge", "S6K1 dephosphorylation decides", "test",
                "A check that holds only when the reference dephosphorylates S6K1 fast.", List.of(check));
        Map<String, Double> varied = new LinkedHashMap<>();
        varied.put("k_s6k_deph", deph);
        varied.put("k_pten", NetworkModel.calibratedParameters().get("k_pten"));
        varied.put("k_irs_deact", NetworkModel.calibratedParameters().get("k_irs_deact"));
        Robustness r = runner.robustness(List.of(built), varied, 16, 3, pool, Progress.NONE, new Cancellation());
        FindingRobustness f = r.findings().get(0);
        assertTrue(f.fragile(), f.toString());
        assertTrue(f.held() > 0, "the check holds in the samples with a fast reference dephosphorylation: " + f);
        assertEquals("k_s6k_deph", f.hinges().get(0).parameter(), f.toString());
        assertTrue(f.hinges().get(0).correlation() > 0.5, f.toString());
    }

    @Test
    void aCancelledRunStops() {
        Cancellation c = new Cancellation();
        c.cancel();
        SimulationException e = assertThrows(SimulationException.class, () -> runner.robustness(two(),
                NetworkModel.calibratedParameters(), 4, 1, pool, Progress.NONE, c));
        assertEquals(SimulationException.Kind.CANCELLED, e.kind());
    }

    @Test
    void aParameterThatCannotBeScaledIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> runner.robustness(two(), Map.of("inh_mTORC1", 0.0), 2, 1, pool, Progress.NONE,
                        new Cancellation()));
        assertTrue(e.getMessage().contains("inh_mTORC1"), e.getMessage());
    }
}
