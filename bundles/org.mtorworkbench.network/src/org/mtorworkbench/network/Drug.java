package org.mtorworkbench.network;

import java.util.List;
import java.util.Map;

/**
 * A drug of the catalogue: what it targets, how, how potently (with sources), and how a
 * dose acts on the built-in network.
 *
 * @param id the id users type ({@code --drug rapamycin=10})
 * @param name the common name
 * @param mechanism the drug class and mechanism
 * @param targets the molecular targets, in words
 * @param potencies measured potencies with their assays and sources; empty when none was found
 * @param reviewSection where the review discusses the drug
 * @param chebi the ChEBI id, or empty when none is recorded
 * @param effects how a dose acts on model parameters
 */
public record Drug(String id, String name, Mechanism mechanism, List<String> targets, List<Potency> potencies,
        String reviewSection, String chebi, List<Effect> effects) {

    /** Drug classes of the review. */
    public enum Mechanism {
        /** Allosteric, FKBP12-dependent inhibition of mTORC1 (rapamycin and rapalogs). */
        RAPALOG("allosteric, FKBP12-dependent mTORC1 inhibitor (rapalog)"),
        /** ATP-competitive inhibitor of the mTOR kinase in both complexes. */
        MTOR_KINASE_INHIBITOR("ATP-competitive mTOR kinase inhibitor (mTORC1 and mTORC2)"),
        /** ATP-competitive inhibitor of both PI3K and mTOR. */
        DUAL_PI3K_MTOR("ATP-competitive dual PI3K/mTOR inhibitor"),
        /** Inhibitor of class I PI3K. */
        PI3K_INHIBITOR("PI3K inhibitor"),
        /** Inhibitor of Akt. */
        AKT_INHIBITOR("Akt inhibitor"),
        /** Inhibitor of MEK1/2. */
        MEK_INHIBITOR("MEK inhibitor"),
        /** Multikinase inhibitor acting on Raf. */
        RAF_INHIBITOR("Raf (multikinase) inhibitor"),
        /** Receptor tyrosine kinase inhibitor. */
        RTK_INHIBITOR("receptor tyrosine kinase inhibitor"),
        /** Indirect AMPK activation through mitochondrial complex I. */
        AMPK_ACTIVATOR("indirect AMPK activator (mitochondrial complex I inhibitor)"),
        /** Inhibitor of the MAP kinase-interacting kinases. */
        MNK_INHIBITOR("Mnk inhibitor"),
        /** Inhibitor of the c-Jun N-terminal kinases. */
        JNK_INHIBITOR("JNK inhibitor");

        private final String description;

        Mechanism(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /**
     * A published potency.
     *
     * @param target what was measured
     * @param valueNm the value in nM
     * @param kind IC50, Kd, EC50
     * @param assay cell-free, cellular, biophysical
     * @param source the citation
     */
    public record Potency(String target, double valueNm, String kind, String assay, String source) {
    }

    /**
     * How a dose acts on one model parameter.
     *
     * @param parameter the model parameter
     * @param kind how the dose maps to the parameter
     * @param potencyNm IC50 (for {@link Kind#INHIBITION}) or rapamycin-equivalence factor
     *        (for {@link Kind#CONCENTRATION}, dimensionless)
     * @param hill the Hill coefficient of inhibition
     * @param maximum the maximal fractional inhibition (1 when complete)
     * @param basis where the potency comes from: a citation, or why it is assumed
     */
    public record Effect(String parameter, Kind kind, double potencyNm, double hill, double maximum, String basis) {

        /** How a dose maps to a parameter. */
        public enum Kind {
            /** fraction = maximum * dose^h / (dose^h + IC50^h); several drugs combine as 1 - prod(1 - f). */
            INHIBITION,
            /** the parameter is a concentration: dose * factor is added. */
            CONCENTRATION
        }

        /** @return the parameter value contributed by one dose in nM */
        public double contribution(double doseNm) {
            if (kind == Kind.CONCENTRATION) {
                return doseNm * potencyNm;
            }
            if (doseNm <= 0) {
                return 0;
            }
            double x = Math.pow(doseNm, hill);
            return maximum * x / (x + Math.pow(potencyNm, hill));
        }
    }

    /**
     * The changes a dose makes, alone. To combine drugs use {@link DrugCatalogue#changes(Map)}.
     *
     * @param doseNm the concentration in nM
     */
    public ModelChanges changes(double doseNm) {
        return DrugCatalogue.combine(Map.of(this, doseNm));
    }
}
