package org.mtorworkbench.network;

import java.util.List;

/**
 * A drug potency measured in cells, as the drug fact sheet cites it, with the readout of the
 * built-in network it corresponds to and the value the network gives. A test in the
 * experiments bundle re-runs each dose-response and checks that the simulated value is within
 * {@link #TOLERANCE}-fold of the cited one and is still the value recorded here.
 *
 * @param drug the drug id
 * @param readout the network readout (species or rule variable)
 * @param minutes when it is read after treatment
 * @param measure what is compared
 * @param cited the cited value: an IC50 in nM, or the largest fraction of the control left at {@code doseNm}
 * @param simulated the network's value, as last measured (IC50 in nM, or fraction of the control)
 * @param doseNm the dose of a {@link Measure#REMAINING_AT_DOSE} entry, nM; NaN for an IC50
 * @param assay the assay in the source's words
 * @param source the citation (fact-sheet source id)
 * @param basis how the drug's in-cell potency is set: from this cellular value, or an ATP shift of a cell-free one
 */
public record CellularPotency(String drug, String readout, double minutes, Measure measure, double cited,
        double simulated, double doseNm, String assay, String source, String basis) {

    /** Simulated and cited potencies must agree within this factor. */
    public static final double TOLERANCE = 3;

    /** What a cellular potency states. */
    public enum Measure {
        /** the fitted IC50 (four-parameter Hill) of a dose-response of the readout, nM */
        IC50,
        /** the readout at a dose, as a fraction of the untreated control, is at most the cited value */
        REMAINING_AT_DOSE
    }

    /** @return the simulated value relative to the cited one (for {@link Measure#IC50}) */
    public double ratio() {
        return simulated / cited;
    }

    /** @return whether the simulated value agrees with the cited one */
    public boolean agrees() {
        return measure == Measure.IC50 ? ratio() <= TOLERANCE && ratio() >= 1 / TOLERANCE : simulated <= cited;
    }

    private static final String RAPALOG = "occupancy: the in-cell rapalog uptake f_rapa_cell is set from ridaforolimus' pS6 IC50 "
            + "and the 4E-BP1 access constant K_rapa_4ebp1 from its p4E-BP1 IC50; FKBP12 Kd 0.2 nM and "
            + "FKBP12-rapamycin-FRB Kd 12 nM as cited (S11); equipotent rapalogs assumed";

    private static final List<CellularPotency> BUILTIN = List.of(
            ic50("ridaforolimus", "pS6", 60, 0.2, 0.211, "pS6 IC50 in HT-1080 cells", "S6", RAPALOG),
            ic50("ridaforolimus", "p4EBP1", 60, 5.6, 4.76, "p4E-BP1 IC50 in HT-1080 cells", "S6", RAPALOG),
            ic50("ridaforolimus", "proliferation", 1440, 0.5, 0.548,
                    "proliferation EC50 (time n/f; read at 24 h, when the network's proliferation has settled)", "S6",
                    RAPALOG + "; the S6K1 share of translation (K_s6k_tl) is calibrated with this EC50"),
            new CellularPotency("everolimus", "pS6K1", 60, Measure.REMAINING_AT_DOSE, 0.05, 0.0335, 20,
                    ">95% S6K1 inactivation at 20 nM, human PBMC ex vivo", "S23", RAPALOG),
            ic50("bez235", "pS6", 60, 6.5, 6.06, "pS6 IC50 (cellular)", "S7",
                    "occupancy: in-cell mTOR IC50 set from this value; PI3K from the ATP-shifted cell-free p110 alpha IC50"),
            ic50("erlotinib", "pRTK", 60, 20, 26.9, "EGFR autophosphorylation IC50 in intact cells", "S10",
                    "occupancy: the cellular IC50 is the in-cell IC50 (EGFR as half of the lumped receptor pool)"),
            ic50("sp600125", "JNK_activity", 60, 5000, 5000.0, "c-Jun phosphorylation IC50 in cells (5-10 uM); the network lumps it as JNK activity",
                    "Bennett 2001, PNAS 98:13681", "occupancy: the cellular IC50 is the in-cell JNK IC50"),
            ic50("sorafenib", "proliferation", 5760, 4300, 4820.0, "cell-growth median IC50, 96 h, PPTP panel", "S16",
                    "occupancy: Raf in-cell IC50 taken equal to the cell-growth IC50 (no Raf IC50 found); "
                            + "the network's proliferation drive at 96 h stands for growth"));

    private static CellularPotency ic50(String drug, String readout, double minutes, double cited, double simulated,
            String assay, String source, String basis) {
        return new CellularPotency(drug, readout, minutes, Measure.IC50, cited, simulated, Double.NaN, assay, source,
                basis);
    }

    /** @return the cellular potencies of the built-in catalogue, in table order */
    public static List<CellularPotency> builtin() {
        return BUILTIN;
    }
}
