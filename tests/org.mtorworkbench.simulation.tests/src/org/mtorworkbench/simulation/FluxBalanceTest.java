package org.mtorworkbench.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.sbml.SbmlReader;
import org.mtorworkbench.tests.support.SampleModels;
import org.sbml.jsbml.SBMLDocument;

/** Flux balance analysis of fbc models: a small linear programme with a known optimum. */
class FluxBalanceTest {

    /** The network of {@link SampleModels#FLUX_BALANCE_SPLIT}: at uptake 10 the optimum is R2 = R4 = 4, R3 = R5 = 6, objective 14. */
    private static SBMLDocument network(String uptake, String minR5) throws Exception {
        String sbml = SampleModels.FLUX_BALANCE_SPLIT.formatted(uptake, minR5);
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

    /**
     * The dual solution: shadow prices y (d optimum / d b for S v = b) and reduced costs
     * c - S'y. Extra A is worth 1 (via R3 and R5), extra B 2 (via R4); R1 and R2, at their upper
     * bounds, are worth 1 per unit; the reactions inside their bounds have reduced cost 0.
     */
    @Test
    void reducedCostsAndShadowPricesAreTheDualSolution() throws Exception {
        FluxBalance.Solution s = FluxBalance.solve(network("10", "0"));
        double[] reduced = { 1, 1, 0, 0, 0 };
        for (int i = 0; i < reduced.length; i++) {
            assertEquals(reduced[i], s.reducedCosts().get("R" + (i + 1)), 1e-9, "reduced cost of R" + (i + 1));
        }
        assertEquals(-1, s.shadowPrices().get("A"), 1e-9);
        assertEquals(-2, s.shadowPrices().get("B"), 1e-9);
        assertEquals(-1, s.shadowPrices().get("C"), 1e-9);
        // the shadow price is the optimum's sensitivity: one more unit of uptake gives 1 more
        assertEquals(s.objectiveValue() + s.reducedCosts().get("R1"), FluxBalance.solve(network("11", "0")).objectiveValue(),
                1e-9);
        // strong duality: the upper bounds weighted by their duals give the optimum (10 x 1 + 4 x 1)
        assertEquals(s.objectiveValue(), 10 * s.reducedCosts().get("R1") + 4 * s.reducedCosts().get("R2"), 1e-9);
    }

    @Test
    void fluxVariabilityGivesEachReactionsRangeNearTheOptimum() throws Exception {
        FluxBalance.Variability v = FluxBalance.variability(network("10", "0"), 0.9);
        assertEquals(14, v.objectiveValue(), 1e-9);
        double[][] expected = { { 8.6, 10 }, { 2.6, 4 }, { 4.6, 7.4 }, { 2.6, 4 }, { 4.6, 7.4 } };
        for (int i = 0; i < expected.length; i++) {
            String r = "R" + (i + 1);
            assertEquals(expected[i][0], v.minFluxes().get(r), 1e-7, "min " + r);
            assertEquals(expected[i][1], v.maxFluxes().get(r), 1e-7, "max " + r);
        }
        FluxBalance.Variability optimal = FluxBalance.variability(network("10", "0"), 1);
        assertEquals(4, optimal.minFluxes().get("R2"), 1e-7);
        assertEquals(4, optimal.maxFluxes().get("R2"), 1e-7);
        SimulationException e = assertThrows(SimulationException.class, () -> FluxBalance.variability(network("10", "0"), 2));
        assertTrue(e.getMessage().contains("from 0 to 1"), e.getMessage());
    }
}
