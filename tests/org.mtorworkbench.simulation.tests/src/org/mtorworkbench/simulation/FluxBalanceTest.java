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
}
