package org.mtorworkbench.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mtorworkbench.network.CellularPotency;
import org.mtorworkbench.network.Drug;
import org.mtorworkbench.network.DrugCatalogue;
import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.network.NetworkModel;
import org.mtorworkbench.simulation.SolverOptions;

/**
 * Every cellular potency of the drug fact sheet is reproduced by the built-in network within
 * three-fold, in a dose-response on the cited readout, and the value docs/network.md shows
 * is the one simulated now.
 */
class CellularPotencyTest {

    /** The recorded simulated value must be the current one to this relative precision (it is printed to 3 digits). */
    private static final double RECORDED = 0.01;

    private static Cells cells;

    @BeforeAll
    static void compile() throws Exception {
        cells = new Cells(PreparedModel.of(NetworkModel.newDocument()), ModelChanges.NONE, DrugCatalogue.builtin(),
                SolverOptions.defaults());
    }

    /** @return the simulated value of the entry: the fitted IC50, or the fraction of the control left at the dose */
    static double simulate(CellularPotency p) throws Exception {
        ReadoutTime time = ReadoutTime.at(p.minutes());
        if (p.measure() == CellularPotency.Measure.IC50) {
            double[] doses = DoseResponse.logDoses(p.cited() / 100, p.cited() * 100, 25);
            DoseResponse.Result r = DoseResponse.run(cells, "wildtype", p.drug(), doses, p.readout(), time,
                    new BatchRunner(1), Progress.NONE, new Cancellation());
            return r.fit().ic50();
        }
        double treated = cells.treat(java.util.Map.of(p.drug(), p.doseNm()), java.util.Map.of(), java.util.List.of(p.readout()),
                time, () -> false)[0];
        return treated / cells.untreated(java.util.List.of(p.readout()), time, () -> false)[0];
    }

    @TestFactory
    Stream<DynamicTest> everyCitedCellularPotencyIsReproducedWithinThreeFold() {
        return CellularPotency.builtin().stream().map(p -> DynamicTest.dynamicTest(p.drug() + " " + p.readout(), () -> {
            double sim = simulate(p);
            String what = String.format(Locale.ROOT, "%s on %s at %.0f min: cited %s %g (%s), simulated %g", p.drug(),
                    p.readout(), p.minutes(), p.measure(), p.cited(), p.source(), sim);
            if (p.measure() == CellularPotency.Measure.IC50) {
                double ratio = sim / p.cited();
                assertTrue(ratio <= CellularPotency.TOLERANCE && ratio >= 1 / CellularPotency.TOLERANCE,
                        what + ", ratio " + ratio);
            } else {
                assertTrue(sim <= p.cited(), what);
            }
            assertEquals(p.simulated(), sim, RECORDED * Math.abs(sim),
                    what + ": the value recorded in CellularPotency (and shown in docs/network.md) is stale");
            assertTrue(p.agrees(), what);
        }));
    }

    @Test
    void everyCellularPotencyOfTheCatalogueHasAnEntry() {
        Set<String> covered = new HashSet<>();
        CellularPotency.builtin().forEach(p -> covered.add(p.drug()));
        for (Drug d : DrugCatalogue.builtin().drugs()) {
            boolean cellular = d.potencies().stream().anyMatch(p -> p.assay().equals("cellular"));
            assertFalse(cellular && !covered.contains(d.id()),
                    d.id() + " has a cellular potency in the catalogue but no CellularPotency entry");
        }
        org.sbml.jsbml.Model model = NetworkModel.newDocument().getModel();
        for (CellularPotency p : CellularPotency.builtin()) {
            assertTrue(DrugCatalogue.builtin().find(p.drug()).isPresent(), p.drug());
            assertTrue(model.getSpecies(p.readout()) != null || model.getParameter(p.readout()) != null,
                    p.readout() + " is not in the network");
        }
    }
}
