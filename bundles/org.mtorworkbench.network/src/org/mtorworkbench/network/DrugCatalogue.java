package org.mtorworkbench.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mtorworkbench.network.Drug.Effect;
import org.mtorworkbench.network.Drug.Mechanism;
import org.mtorworkbench.network.Drug.Potency;
import org.mtorworkbench.sbml.NumberText;

/**
 * The drugs of the review with their targets, mechanisms and potencies. Potencies come from
 * the product's drug fact sheet (sources S1-S30 there, named in each entry); where no number
 * was found the effect states the assumed value and why.
 */
public final class DrugCatalogue {

    private static final String ASSUMED = "assumed: no potency found in a source; chosen in the range of the drug class";
    private static final String RAPALOG_EQ = "assumed equipotent with rapamycin on FKBP12 (no comparative Kd found)";

    /**
     * The in-cell shift of an ATP-competitive inhibitor's cell-free IC50: with competitive
     * inhibition IC50 = Ki (1 + [ATP] / Km), so a kinase assay run at [ATP] = Km (assumed)
     * reads 2 Ki while cells, with [ATP] about ten times the kinases' Km (assumed: cellular ATP
     * in the millimolar range), see 11 Ki: a factor 11 / 2.
     */
    public static final double ATP_SHIFT = 11.0 / 2.0;

    private static final String SHIFTED = "cell-free IC50 x ATP shift " + NumberText.format(ATP_SHIFT)
            + " (Ki (1 + [ATP]/Km): assay at [ATP] = Km, cells at 10 Km, assumed)";

    /**
     * BEZ235's in-cell mTOR IC50: the value at which the model's 1 h pS6 IC50 is the cited cellular
     * 6.5 nM (S7) with PI3K inhibited at its ATP-shifted p110 alpha IC50; the cell-free 20.7 nM
     * (S7) would make cells several-fold less sensitive than measured.
     */
    private static final double BEZ235_MTOR_IN_CELLS = 1.5;

    private static final String BEZ235_BASIS = "set from the cellular pS6 IC50 6.5 nM (S7); cell-free 20.7 nM (S7)";

    private static final String SP600125 = "Bennett 2001, PNAS 98:13681 (abstract)";

    private static final Map<String, String> CHEBI = Map.of("ly294002", "65329", "sorafenib", "50924", "erlotinib",
            "114785", "metformin", "6801");

    private static final List<Drug> BUILTIN = List.of(
            rapalog("rapamycin", "Rapamycin (sirolimus)", "9168", "2, 3, 5",
                    List.of(new Potency("FKBP12", 0.2, "Kd", "biophysical", "Banaszynski, Liu, Wandless 2005, JACS (S11)"),
                            new Potency("FKBP12-rapamycin on FRB", 12, "Kd", "biophysical",
                                    "Banaszynski, Liu, Wandless 2005, JACS (S11)")),
                    "rapamycin itself"),
            rapalog("everolimus", "Everolimus (RAD001)", "68478", "1, 3, 5",
                    List.of(new Potency("S6K1 in PBMC, >95% inactivation", 20, "effective concentration", "cellular",
                            "Boulay 2004, Cancer Res 64:252 (S23)")),
                    RAPALOG_EQ),
            rapalog("temsirolimus", "Temsirolimus (CCI-779)", "79699", "1, 3, 7", List.of(), RAPALOG_EQ),
            rapalog("ridaforolimus", "Ridaforolimus (AP23573, deforolimus)", "", "1",
                    List.of(new Potency("pS6 in HT-1080 cells", 0.2, "IC50", "cellular", "DC Chemicals datasheet (S6)"),
                            new Potency("p4E-BP1 in HT-1080 cells", 5.6, "IC50", "cellular",
                                    "DC Chemicals datasheet (S6)")),
                    RAPALOG_EQ),
            kinase("torin1", "Torin 1", Mechanism.MTOR_KINASE_INHIBITOR, List.of("mTORC1", "mTORC2"), List.of(), "7",
                    List.of(inh("inh_mTORC1", 3, ASSUMED), inh("inh_mTORC2", 3, ASSUMED))),
            kinase("pp242", "PP242", Mechanism.MTOR_KINASE_INHIBITOR, List.of("mTORC1", "mTORC2"), List.of(), "7",
                    List.of(inh("inh_mTORC1", 30, ASSUMED), inh("inh_mTORC2", 30, ASSUMED))),
            kinase("azd8055", "AZD8055", Mechanism.MTOR_KINASE_INHIBITOR, List.of("mTOR"),
                    List.of(new Potency("mTOR", 0.8, "IC50", "cell-free", "Chresta 2010, Cancer Res 70:288 (S1)")), "7",
                    List.of(atp("inh_mTORC1", 0.8, "Chresta 2010 (S1)"), atp("inh_mTORC2", 0.8, "Chresta 2010 (S1)"))),
            kinase("ku0063794", "Ku-0063794", Mechanism.MTOR_KINASE_INHIBITOR, List.of("mTORC1", "mTORC2"),
                    List.of(new Potency("mTORC1 and mTORC2", 10, "IC50", "in vitro",
                            "Garcia-Martinez 2009, Biochem J 421:29 (S2)")),
                    "7", List.of(atp("inh_mTORC1", 10, "Garcia-Martinez 2009 (S2)"),
                            atp("inh_mTORC2", 10, "Garcia-Martinez 2009 (S2)"))),
            kinase("wye125132", "WYE-125132 (WYE-132)", Mechanism.MTOR_KINASE_INHIBITOR, List.of("mTOR"),
                    List.of(new Potency("mTOR", 0.19, "IC50", "kinase assay",
                            "BenchChem technical guide citing Yu 2010 (S5, secondary)")),
                    "7", List.of(atp("inh_mTORC1", 0.19, "Yu 2010 via S5"), atp("inh_mTORC2", 0.19, "Yu 2010 via S5"))),
            kinase("osi027", "OSI-027", Mechanism.MTOR_KINASE_INHIBITOR, List.of("mTORC1", "mTORC2"),
                    List.of(new Potency("mTORC1", 22, "IC50", "not stated", "Bhagwat 2011 via S3"),
                            new Potency("mTORC2", 65, "IC50", "not stated", "Bhagwat 2011 via S3")),
                    "7", List.of(atp("inh_mTORC1", 22, "Bhagwat 2011 via S3"), atp("inh_mTORC2", 65, "Bhagwat 2011 via S3"))),
            kinase("bez235", "NVP-BEZ235 (dactolisib)", Mechanism.DUAL_PI3K_MTOR, List.of("p110 alpha/beta/gamma/delta", "mTOR"),
                    List.of(new Potency("p110 alpha", 4, "IC50", "cell-free", "DC Chemicals datasheet (S7)"),
                            new Potency("mTOR", 20.7, "IC50", "cell-free", "DC Chemicals datasheet (S7)"),
                            new Potency("pS6", 6.5, "IC50", "cellular", "DC Chemicals datasheet (S7)")),
                    "7", List.of(atp("inh_PI3K", 4, "S7 (p110 alpha)"), inh("inh_mTORC1", BEZ235_MTOR_IN_CELLS, BEZ235_BASIS),
                            inh("inh_mTORC2", BEZ235_MTOR_IN_CELLS, BEZ235_BASIS))),
            kinase("ly294002", "LY294002", Mechanism.PI3K_INHIBITOR, List.of("class I PI3K (also CK2, mTOR, PLK1, PIM1/3)"),
                    List.of(new Potency("PI3K p110 alpha", 730, "IC50", "cell-free", "BenchChem product page (S9)"),
                            new Potency("PI3K p110 beta", 310, "IC50", "cell-free", "BenchChem product page (S9)")),
                    "6", List.of(atp("inh_PI3K", 730, "S9 (p110 alpha)"))),
            kinase("perifosine", "Perifosine", Mechanism.AKT_INHIBITOR, List.of("Akt (PH-domain membrane recruitment)"),
                    List.of(), "6", List.of(inh("inh_Akt", 5000, ASSUMED))),
            kinase("u0126", "U0126", Mechanism.MEK_INHIBITOR, List.of("MEK1", "MEK2"), List.of(), "5, 6",
                    List.of(inh("inh_MEK", 70, ASSUMED))),
            kinase("pd0325901", "PD0325901", Mechanism.MEK_INHIBITOR, List.of("MEK1", "MEK2"), List.of(), "5, 6",
                    List.of(inh("inh_MEK", 1, ASSUMED))),
            kinase("sorafenib", "Sorafenib", Mechanism.RAF_INHIBITOR,
                    List.of("Raf-1", "B-Raf", "VEGFR-2/3", "PDGFR beta", "Flt-3", "c-KIT", "RET"),
                    List.of(new Potency("cell growth (96 h, PPTP panel)", 4300, "median IC50", "cellular",
                            "PPTP sorafenib, PMC3823056 (S16)")),
                    "6", List.of(inh("inh_Raf", 4300, "assumed equal to the cell-growth IC50 of S16 (no Raf IC50 found)"))),
            kinase("igf1r_inhibitor", "IGF-1R inhibitor (linsitinib)", Mechanism.RTK_INHIBITOR, List.of("IGF-1R", "IR"),
                    List.of(), "6", List.of(inh("inh_RTK", 50, ASSUMED))),
            kinase("erlotinib", "Erlotinib", Mechanism.RTK_INHIBITOR, List.of("EGFR"),
                    List.of(new Potency("EGFR", 2, "IC50", "purified kinase", "Moyer 1997, Cancer Res 57:4838 (S10)"),
                            new Potency("EGFR autophosphorylation", 20, "IC50", "cellular", "Moyer 1997 (S10)")),
                    "6", List.of(new Effect("inh_RTK", Effect.Kind.INHIBITION, 20, 1, 0.5,
                            "Moyer 1997 (S10), cellular; EGFR taken as half of the lumped receptor pool (assumption)"))),
            kinase("metformin", "Metformin", Mechanism.AMPK_ACTIVATOR, List.of("mitochondrial complex I (indirect AMPK activation)"),
                    List.of(), "3", List.of(inh("inh_complexI", 1_000_000, ASSUMED
                            + "; studies used 10-100x the maximal therapeutic concentration (He and Wondisford 2015, S18)"))),
            kinase("cgp57380", "CGP 57380", Mechanism.MNK_INHIBITOR, List.of("MNK1", "MNK2"), List.of(), "5",
                    List.of(inh("inh_Mnk", 2200, ASSUMED))),
            kinase("sp600125", "SP600125", Mechanism.JNK_INHIBITOR, List.of("JNK1", "JNK2", "JNK3"),
                    List.of(new Potency("JNK1 and JNK2", 40, "IC50", "cell-free", SP600125),
                            new Potency("c-Jun phosphorylation", 5000, "IC50", "cellular", SP600125)),
                    "5", List.of(inh("inh_JNK", 5000, SP600125 + ", cellular"))));

    private final Map<String, Drug> drugs;

    private DrugCatalogue(List<Drug> list) {
        Map<String, Drug> m = new LinkedHashMap<>();
        for (Drug d : list) {
            if (m.putIfAbsent(d.id(), d) != null) {
                throw new IllegalArgumentException("duplicate drug id " + d.id());
            }
        }
        this.drugs = m;
    }

    /** @return the catalogue of the built-in network */
    public static DrugCatalogue builtin() {
        return new DrugCatalogue(BUILTIN);
    }

    /**
     * @return a catalogue of these drugs
     * @throws IllegalArgumentException if two share an id
     */
    public static DrugCatalogue of(List<Drug> drugs) {
        return new DrugCatalogue(drugs);
    }

    /** @return a catalogue with these drugs added (an id already present is an error) */
    public DrugCatalogue with(List<Drug> more) {
        List<Drug> all = new ArrayList<>(drugs.values());
        all.addAll(more);
        return new DrugCatalogue(all);
    }

    /** @return the drugs in catalogue order */
    public List<Drug> drugs() {
        return List.copyOf(drugs.values());
    }

    /** @return the drug with this id */
    public Optional<Drug> find(String id) {
        return Optional.ofNullable(drugs.get(id));
    }

    /** @return the ids, in catalogue order */
    public Set<String> ids() {
        return java.util.Collections.unmodifiableSet(drugs.keySet());
    }

    /**
     * The changes made by several drugs given together, by id and dose in nM.
     *
     * @throws IllegalArgumentException for an unknown id or a negative dose
     */
    public ModelChanges changes(Map<String, Double> dosesNm) {
        Map<Drug, Double> byDrug = new LinkedHashMap<>();
        dosesNm.forEach((id, dose) -> byDrug.put(find(id).orElseThrow(
                () -> new IllegalArgumentException("unknown drug '" + id + "'; known: " + String.join(", ", ids()))),
                dose));
        return combine(byDrug);
    }

    /** Inhibitions of one parameter combine as independent actions; concentrations add. */
    static ModelChanges combine(Map<Drug, Double> doses) {
        Map<String, Double> remaining = new LinkedHashMap<>();
        Map<String, Double> added = new LinkedHashMap<>();
        doses.forEach((drug, dose) -> {
            if (dose < 0 || !Double.isFinite(dose)) {
                throw new IllegalArgumentException("dose of " + drug.id() + " must be a finite number >= 0 nM, not " + dose);
            }
            for (Effect e : drug.effects()) {
                double c = e.contribution(dose);
                if (e.kind() == Effect.Kind.CONCENTRATION) {
                    added.merge(e.parameter(), c, Double::sum);
                } else {
                    remaining.merge(e.parameter(), 1 - c, (a, b) -> a * b);
                }
            }
        });
        Map<String, Double> params = new LinkedHashMap<>(added);
        remaining.forEach((p, r) -> params.put(p, 1 - r));
        return new ModelChanges(params, Map.of(), Set.of());
    }

    private static Drug rapalog(String id, String name, String chebi, String section, List<Potency> potencies,
            String basis) {
        return new Drug(id, name, Mechanism.RAPALOG, List.of("FKBP12", "mTORC1 (FRB domain)"), potencies, section,
                chebi, List.of(new Effect("rapalog_nM", Effect.Kind.CONCENTRATION, 1, 1, 1, basis)));
    }

    private static Drug kinase(String id, String name, Mechanism mechanism, List<String> targets,
            List<Potency> potencies, String section, List<Effect> effects) {
        return new Drug(id, name, mechanism, targets, potencies, section, CHEBI.getOrDefault(id, ""), effects);
    }

    /** An ATP-competitive inhibition whose cell-free IC50 is shifted to the cell's ATP. */
    private static Effect atp(String parameter, double cellFreeIc50Nm, String source) {
        return new Effect(parameter, Effect.Kind.INHIBITION, cellFreeIc50Nm * ATP_SHIFT, 1, 1,
                source + ", " + SHIFTED);
    }

    private static Effect inh(String parameter, double ic50Nm, String basis) {
        return new Effect(parameter, Effect.Kind.INHIBITION, ic50Nm, 1, 1, basis);
    }
}
