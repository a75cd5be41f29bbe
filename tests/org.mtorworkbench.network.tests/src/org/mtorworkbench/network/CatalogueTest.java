package org.mtorworkbench.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sbml.jsbml.Model;

/** The drug catalogue and the cell contexts act only on what the model has, and combine correctly. */
class CatalogueTest {

    private final Model model = NetworkModel.newDocument().getModel();

    @Test
    void theCatalogueHasEveryDrugOfTheContract() {
        assertEquals(List.of("rapamycin", "everolimus", "temsirolimus", "ridaforolimus", "torin1", "pp242", "azd8055",
                "ku0063794", "wye125132", "osi027", "bez235", "ly294002", "perifosine", "u0126", "pd0325901",
                "sorafenib", "igf1r_inhibitor", "erlotinib", "metformin", "cgp57380", "sp600125"),
                List.copyOf(DrugCatalogue.builtin().ids()));
    }

    @Test
    void everyDrugEffectTargetsAModelParameterAndStatesItsBasis() {
        List<String> problems = new ArrayList<>();
        for (Drug d : DrugCatalogue.builtin().drugs()) {
            assertTrue(!d.effects().isEmpty(), d.id() + " has no effect");
            for (Drug.Effect e : d.effects()) {
                if (model.getParameter(e.parameter()) == null) {
                    problems.add(d.id() + " acts on unknown parameter " + e.parameter());
                }
                if (e.basis().isBlank()) {
                    problems.add(d.id() + " does not say where its potency comes from");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void inhibitionsCombineAsIndependentActionAndRapalogsAdd() {
        DrugCatalogue c = DrugCatalogue.builtin();
        double kuInCells = 10 * DrugCatalogue.ATP_SHIFT;
        double ku = c.changes(Map.of("ku0063794", kuInCells)).parameters().get("inh_mTORC1");
        assertEquals(0.5, ku, 1e-12, "at its in-cell (ATP-shifted) IC50 a drug inhibits half");
        double both = c.changes(Map.of("ku0063794", kuInCells, "osi027", 22 * DrugCatalogue.ATP_SHIFT)).parameters()
                .get("inh_mTORC1");
        assertEquals(1 - 0.5 * 0.5, both, 1e-12);
        double rapalogs = c.changes(Map.of("rapamycin", 5.0, "everolimus", 3.0)).parameters().get("rapalog_nM");
        assertEquals(8.0, rapalogs, 1e-12);
        assertEquals(0.25, c.changes(Map.of("erlotinib", 20.0)).parameters().get("inh_RTK"), 1e-12,
                "a cellular IC50 is used as it is, not ATP-shifted (erlotinib: at most half of the receptor pool)");
        assertEquals(0.0, c.changes(Map.of("torin1", 0.0)).parameters().get("inh_mTORC2"), 0);
        assertThrows(IllegalArgumentException.class, () -> c.changes(Map.of("aspirin", 1.0)));
        assertThrows(IllegalArgumentException.class, () -> c.changes(Map.of("torin1", -1.0)));
    }

    @Test
    void everyContextOfTheContractChangesOnlyWhatTheModelHas() {
        CellContexts cc = CellContexts.builtin();
        assertEquals(List.of("wildtype", "pten_null", "pik3ca_mutant", "kras_mutant", "tsc2_null", "lkb1_null",
                "low_4ebp1", "akt_e17k", "mtorc2_rapamycin_sensitive"), List.copyOf(cc.ids()));
        for (CellContext c : cc.contexts()) {
            c.changes().parameters().keySet().forEach(p -> assertNotNull(model.getParameter(p), c.id() + ": " + p));
            c.changes().initialValues().keySet().forEach(s -> assertNotNull(model.getSpecies(s), c.id() + ": " + s));
            c.changes().knockouts().forEach(s -> assertNotNull(model.getSpecies(s), c.id() + ": " + s));
        }
    }
}
