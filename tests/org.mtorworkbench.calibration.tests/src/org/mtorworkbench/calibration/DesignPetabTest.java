package org.mtorworkbench.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtorworkbench.experiments.BatchRunner;
import org.mtorworkbench.experiments.Cancellation;
import org.mtorworkbench.experiments.PreparedModel;
import org.mtorworkbench.experiments.Progress;
import org.mtorworkbench.experiments.SavedDesign;
import org.mtorworkbench.experiments.extension.DesignRequest;
import org.mtorworkbench.experiments.extension.ExperimentDesign;
import org.mtorworkbench.experiments.extension.ExperimentDesigns;
import org.mtorworkbench.network.BuiltinModels;
import org.mtorworkbench.network.DrugCatalogue;
import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.simulation.SolverOptions;
import org.mtorworkbench.simulation.TimeCourse;
import org.sbml.jsbml.SBMLDocument;

/**
 * A design on builtin:mtor written as PEtab: the template lists every treatment, readout and time,
 * and once measurements are filled in, the problem simulates exactly what the workbench's own
 * experiment simulates (pre-equilibrated cells, drugs from time 0).
 */
class DesignPetabTest {

    @TempDir
    Path dir;

    @Test
    void aDoseResponseInAContextSimulatesAsTheWorkbenchDoes() throws Exception {
        SBMLDocument doc = BuiltinModels.open("builtin:mtor").orElseThrow();
        PreparedModel model = PreparedModel.of(doc);
        SavedDesign d = new SavedDesign("dose-response", Map.of("varied-drug", List.of("azd8055"), "doses",
                List.of("1,100"), "readout", List.of("p4EBP1", "pAkt_S473"), "t-end", List.of("60")),
                Map.of("context", List.of("pten_null")));
        DesignRequest request = prepare(d, model);
        DesignPetab.write(design(d), request, doc, dir);

        List<String> meas = Files.readAllLines(dir.resolve("measurements.tsv"));
        assertEquals(1 + 3 * 2, meas.size(), "3 doses (with the 0 nM control) x 2 readouts x 1 time:\n" + meas);
        assertTrue(meas.get(1).startsWith("obs_p4EBP1\tcells\tazd8055_0nM\tNaN\t60\t"), meas.get(1));
        PetabException unfilled = assertThrows(PetabException.class, () -> PetabProblem.read(dir.resolve("problem.yaml")));
        assertTrue(unfilled.getMessage().contains("measurements.tsv:2: column 'measurement' is NaN"), unfilled.getMessage());

        Files.writeString(dir.resolve("measurements.tsv"), String.join("\n", meas).replace("\tNaN\t", "\t0.5\t") + "\n");
        PetabProblem p = PetabProblem.read(dir.resolve("problem.yaml"));
        assertEquals(List.of("sigma_p4EBP1", "sigma_pAkt_S473"), p.estimatedParameters().stream().map(PetabParameter::id).toList());
        ObjectiveValue v = PetabObjective.create(p, PetabObjective.defaultOptions()).evaluateNominal();

        ModelChanges cells = request.cells();
        ModelChanges treatment = DrugCatalogue.builtin().changes(Map.of("azd8055", 100.0));
        TimeCourse tc = model.treat(cells, treatment, new double[] {0, 60}, List.of("p4EBP1"),
                PetabObjective.defaultOptions(), () -> false);
        int row = 4; // obs_p4EBP1 at 100 nM
        assertEquals("azd8055_100nM", p.measurements().get(row).simulationConditionId());
        assertEquals(tc.value(1, 0), v.simulation(row), 1e-4 * Math.abs(tc.value(1, 0)));
    }

    @Test
    void knockoutsAreRefusedWithWhatToDo() throws Exception {
        SBMLDocument doc = BuiltinModels.open("builtin:mtor").orElseThrow();
        PreparedModel model = PreparedModel.of(doc);
        SavedDesign d = new SavedDesign("steady-state", Map.of("readout", List.of("pS6K1")),
                Map.of("knockout", List.of("TSC2"), "drug", List.of("rapamycin=10")));
        DesignRequest request = prepare(d, model);
        PetabException e = assertThrows(PetabException.class,
                () -> DesignPetab.write(design(d), request, doc, dir));
        assertEquals(PetabException.Kind.UNSUPPORTED, e.kind());
        assertTrue(e.getMessage().contains("leave out --knockout"), e.getMessage());
    }

    private static ExperimentDesign design(SavedDesign d) {
        return ExperimentDesigns.byId(d.design()).orElseThrow();
    }

    private static DesignRequest prepare(SavedDesign d, PreparedModel model) {
        return DesignRequest.prepare(design(d), d, model, DrugCatalogue.builtin(), SolverOptions.defaults(),
                new BatchRunner(1), Progress.NONE, new Cancellation());
    }
}
