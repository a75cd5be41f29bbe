package org.mtorworkbench.network;

import static org.mtorworkbench.network.Finding.Expectation.DOWN;
import static org.mtorworkbench.network.Finding.Expectation.NOT_DOWN;
import static org.mtorworkbench.network.Finding.Expectation.NOT_UP;
import static org.mtorworkbench.network.Finding.Expectation.PARTIAL_DOWN;
import static org.mtorworkbench.network.Finding.Expectation.STRONG_DOWN;
import static org.mtorworkbench.network.Finding.Expectation.UP;

import java.util.ArrayList;
import java.util.List;

import org.mtorworkbench.network.Finding.Check;
import org.mtorworkbench.network.Finding.Condition;
import org.mtorworkbench.network.Finding.Expectation;

/**
 * The review's findings as acceptance tests of the built-in network. Doses are chosen well
 * above each drug's potency (the catalogue's IC50) so the effect of target inhibition is
 * tested, not the dose-response; signalling is read after 1 h, induced expression after 4 h,
 * translation outputs and phenotypes after 24 h.
 */
public final class Findings {

    /** Doses used by the findings, nM. */
    static final double RAPAMYCIN = 10;
    static final double TORIN1 = 250;
    static final double PP242 = 1000;
    static final double AZD8055 = 100;
    static final double KU0063794 = 1000;
    static final double BEZ235 = 500;
    /** BEZ235 where mTOR inhibition dominates (below about 100 nM, S8) and PI3K is inhibited in part. */
    static final double BEZ235_MTOR_DOSE = 50;
    static final double LY294002 = 20_000;
    static final double PERIFOSINE = 20_000;
    static final double U0126 = 10_000;
    static final double SORAFENIB = 10_000;
    static final double IGF1R_INHIBITOR = 1000;
    static final double METFORMIN = 2_000_000;
    static final double CGP57380 = 20_000;
    static final double EVEROLIMUS = 10;
    static final double SP600125 = 20_000;

    private static final double HOUR = 60;
    private static final double FOUR_HOURS = 240;
    private static final double DAY = 1440;

    private Findings() {
    }

    private static Condition control(double minutes) {
        return Condition.control(minutes);
    }

    private static Condition with(String drug, double nM, double minutes) {
        return control(minutes).drug(drug, nM);
    }

    private static Check fold(String readout, Condition treated, Condition reference, Expectation e) {
        return Check.of(readout, treated, reference, e);
    }

    /** @return every finding, in the order of the table */
    public static List<Finding> builtin() {
        List<Finding> f = new ArrayList<>();
        Condition c1h = control(HOUR);
        Condition c4h = control(FOUR_HOURS);
        Condition c24h = control(DAY);
        Condition rapa1h = with("rapamycin", RAPAMYCIN, HOUR);
        Condition rapa24h = with("rapamycin", RAPAMYCIN, DAY);
        Condition torin1h = with("torin1", TORIN1, HOUR);

        Condition starved = control(30).before("GF", 0);
        Condition stimulated = starved.after("GF", 1);
        List<Check> gf = new ArrayList<>();
        for (String r : List.of("pAkt_T308", "pAkt_S473", "pS6K1", "p4EBP1", "PIP3", "mTORC2_active", "RasGTP",
                "pERK")) {
            gf.add(fold(r, stimulated, starved, UP));
        }
        f.add(new Finding("1", "Growth factor activates PI3K/Akt, mTORC1, mTORC2 and Ras/Erk", "2, Figure 2",
                "Following stimulation with growth factors, PI3K is activated and catalyzes the formation of PIP3 "
                        + "resulting in the recruitment to the plasma membrane and to the activation of Akt. [...] "
                        + "growth factors also stimulate mTORC1 activity through the Mek/Erk signaling pathway.",
                gf));

        Condition wt = control(HOUR);
        Condition pten = control(HOUR).in("pten_null");
        f.add(new Finding("2", "PTEN loss raises PIP3, Akt and mTORC1 activity", "2",
                "the inactivation of PTEN observed in tumors results in the activation of PI3K/Akt signaling.",
                List.of(fold("PIP3", pten, wt, UP), fold("pAkt_T308", pten, wt, UP), fold("pAkt_S473", pten, wt, UP),
                        fold("mTORC1_active", pten, wt, UP))));

        f.add(new Finding("3", "Rapamycin blocks S6K1 but 4E-BP1 only partly; Torin1 blocks both", "7",
                "Torin1 and PP242 inhibited 4E-BP1 phosphorylation and cap-dependent mRNA translation, that both "
                        + "depend on mTORC1 activity, more efficiently than rapamycin.",
                List.of(fold("pS6K1", rapa1h, c1h, STRONG_DOWN), fold("p4EBP1", rapa1h, c1h, PARTIAL_DOWN),
                        fold("pS6K1", torin1h, c1h, STRONG_DOWN), fold("p4EBP1", torin1h, c1h, STRONG_DOWN))));

        f.add(new Finding("4", "Rapamycin raises Akt T308 phosphorylation (loss of the S6K1-IRS-1 feedback)",
                "5, Figure 3",
                "rapalogs block a negative feedback loop whereby activation of mTORC1 and its downstream effector "
                        + "S6K1 reduces PI3K/Akt activity.",
                List.of(fold("pAkt_T308", rapa1h, c1h, UP), fold("pIRS1_S", rapa1h, c1h, DOWN),
                        fold("PIP3", rapa1h, c1h, UP))));

        Condition rapaMek1h = rapa1h.drug("u0126", U0126);
        f.add(new Finding("5", "Rapamycin activates Erk PI3K-dependently; a Mek inhibitor blocks the rise", "5, Figure 3",
                "blocking mTORC1/S6K1 with rapalogs activates the Raf/Mek/Erk signaling pathway in a PI3K dependent "
                        + "manner. Treatment of cancer cell lines with rapamycin increased Mek/Erk activity",
                List.of(fold("pERK", rapa1h, c1h, UP), fold("pERK", rapaMek1h, c1h, NOT_UP),
                        fold("pERK", rapa1h.drug("ly294002", LY294002), c1h, NOT_UP))));

        f.add(new Finding("6", "Rapamycin raises eIF4E phosphorylation through Mnk", "5",
                "mTORC1 inhibition leads to the paradoxical phosphorylation of eIF4E [...] rapalogs mediated eIF4E "
                        + "phosphorylation was dependent on Mnk",
                List.of(fold("p_eIF4E", rapa1h, c1h, UP),
                        fold("p_eIF4E", rapa1h.drug("cgp57380", CGP57380), c1h, NOT_UP))));

        List<Check> s473 = new ArrayList<>();
        s473.add(fold("pAkt_S473", rapa1h, c1h, NOT_DOWN));
        s473.add(fold("pAkt_S473", torin1h, c1h, DOWN));
        s473.add(fold("pAkt_S473", with("pp242", PP242, HOUR), c1h, DOWN));
        s473.add(fold("pAkt_S473", with("azd8055", AZD8055, HOUR), c1h, DOWN));
        s473.add(fold("pAkt_S473", with("ku0063794", KU0063794, HOUR), c1h, DOWN));
        f.add(new Finding("7", "ATP-competitive inhibitors lower Akt S473; rapamycin does not", "3, 7",
                "mTORC2 is insensitive to short-term exposure of rapalogs. [...] While mTORC2 phosphorylates Akt on "
                        + "S473, PDK-1 a downstream effector of PI3K regulates T308 phosphorylation.",
                s473));

        Condition bez1h = with("bez235", BEZ235, HOUR);
        f.add(new Finding("8", "BEZ235 lowers Akt T308 and S473; Torin1 lowers S473 more than T308", "7",
                "dual PI3K/mTOR inhibitors consistently inhibited the phosphorylation of Akt on T308 and S473",
                List.of(fold("pAkt_T308", bez1h, c1h, DOWN), fold("pAkt_S473", bez1h, c1h, DOWN),
                        Check.compare("pAkt_S473", torin1h, c1h, DOWN, "pAkt_T308", torin1h, c1h))));

        Condition mek24h = with("u0126", U0126, DAY);
        Condition rapaMek24h = rapa24h.drug("u0126", U0126);
        f.add(new Finding("9", "Rapamycin plus a Mek inhibitor lowers proliferation more than either alone", "5, 6",
                "pharmacological blockade of Mek increased the growth inhibitory efficacy of rapamycin",
                List.of(fold("proliferation", rapaMek24h, rapa24h, DOWN), fold("proliferation", rapaMek24h, mek24h, DOWN))));

        List<Check> combos = new ArrayList<>();
        combos.add(fold("proliferation", rapa24h.drug("igf1r_inhibitor", IGF1R_INHIBITOR), rapa24h, DOWN));
        combos.add(fold("proliferation", rapa24h.drug("ly294002", LY294002), rapa24h, DOWN));
        combos.add(fold("proliferation", rapa24h.drug("perifosine", PERIFOSINE), rapa24h, DOWN));
        combos.add(fold("proliferation", rapa24h.drug("sorafenib", SORAFENIB), rapa24h, DOWN));
        f.add(new Finding("10", "IGF-1R, PI3K, Akt or Raf inhibitors each add to rapamycin", "6",
                "combining IGF-1R inhibitors with rapalogs exert additive antiproliferative effects [...] LY294002, "
                        + "a PI3K inhibitor, enhanced the growth inhibitory effects of rapalogs [...] perifosine [...] "
                        + "combining rapalogs with sorafenib [...] exerted an enhanced anti-tumoral effect",
                combos));

        Condition stress1h = c1h.after("energy_stress", 1);
        Condition metformin4h = with("metformin", METFORMIN, FOUR_HOURS);
        Condition lkb1 = c1h.in("lkb1_null");
        f.add(new Finding("11", "Energy stress and metformin inhibit mTORC1 through LKB1/AMPK and REDD1", "2, 3",
                "Low energy levels result in decreased AMP/ATP ratio which leads to the activation of AMPK. [...] "
                        + "metformin induces the activation of AMPK which results in the inactivation of mTORC1. In "
                        + "addition, metformin also increases the expression of REDD1",
                List.of(fold("mTORC1_active", stress1h, c1h, DOWN), fold("AMPK_active", stress1h, c1h, UP),
                        fold("mTORC1_active", metformin4h, c4h, DOWN), fold("AMPK_active", metformin4h, c4h, UP),
                        fold("REDD1", metformin4h, c4h, UP),
                        Check.compare("mTORC1_active", lkb1.after("energy_stress", 1), lkb1, UP, "mTORC1_active",
                                stress1h, c1h))));

        Condition hypoxia4h = c4h.after("hypoxia", 1);
        Condition noAminoAcids = c1h.after("aminoacids", 0);
        f.add(new Finding("12", "Hypoxia (through REDD1) and amino-acid withdrawal inhibit mTORC1", "2",
                "Hypoxia also inhibits mTORC1 activity either by reducing ATP levels and thus activating AMPK or by "
                        + "inducing the expression of REDD1 [...] Amino acids signaling to mTORC1 involves the "
                        + "recruitment of mTORC1 to lysosomal membranes.",
                List.of(fold("mTORC1_active", hypoxia4h, c4h, DOWN), fold("REDD1", hypoxia4h, c4h, UP),
                        fold("mTORC1_active", noAminoAcids, c1h, DOWN), fold("RagGTP", noAminoAcids, c1h, DOWN))));

        Condition damage4h = c4h.after("dna_damage", 1);
        f.add(new Finding("13", "DNA damage inhibits mTORC1 through p53", "2",
                "DNA damage also downregulates mTORC1 activity in a p53-dependent process which involves "
                        + "transactivation of negative regulators of mTORC1, such as TSC2 and AMPK",
                List.of(fold("mTORC1_active", damage4h, c4h, DOWN), fold("p53_active", damage4h, c4h, UP))));

        f.add(new Finding("14", "ATP-competitive inhibitors induce apoptosis; rapalogs barely do", "7",
                "ATP-competitive inhibitors of mTOR display a stronger antiproliferative effect than rapalogs and also "
                        + "frequently induce cancer cell apoptosis, which is rarely observed with rapalogs.",
                List.of(fold("apoptosis", with("torin1", TORIN1, DAY), c24h, UP),
                        fold("apoptosis", with("azd8055", AZD8055, DAY), c24h, UP),
                        fold("apoptosis", rapa24h, c24h, NOT_UP),
                        fold("proliferation", with("torin1", TORIN1, DAY), rapa24h, DOWN))));

        f.add(new Finding("15", "Rapamycin lowers cyclin D1, HIF-1 alpha and VEGF", "3",
                "cap-dependent translation initiation is impaired, particularly affecting mRNAs with highly "
                        + "structured 5' untranslated regions, like those encoding for cyclin D1, c-myc or VEGF [...] "
                        + "mTORC1 regulates HIF-1 alpha expression",
                List.of(fold("CyclinD1", rapa24h, c24h, DOWN), fold("cMyc", rapa24h, c24h, DOWN),
                        fold("HIF1a", rapa24h, c24h, DOWN), fold("VEGF", rapa24h, c24h, DOWN))));

        Condition sensitive = c24h.in("mtorc2_rapamycin_sensitive");
        f.add(new Finding("16", "Prolonged rapamycin inhibits mTORC2 only where the cell type allows it", "3",
                "mTORC2 is insensitive to short-term exposure of rapalogs. However, depending on the cell type, "
                        + "prolonged exposure to rapalogs also inhibits mTORC2",
                List.of(fold("pAkt_S473", sensitive.drug("rapamycin", RAPAMYCIN), sensitive, DOWN),
                        fold("pAkt_S473", rapa24h, c24h, NOT_DOWN))));

        // Beyond the list of the issue: further effects the review states.
        Condition everolimus24h = with("everolimus", EVEROLIMUS, DAY);
        f.add(new Finding("17", "Everolimus raises Akt and Erk phosphorylation over a day", "5",
                "the levels of Akt phosphorylation were higher following RAD001 treatment [...] Erk phosphorylation "
                        + "was increased following treatment",
                List.of(fold("pAkt_T308", everolimus24h, c24h, UP), fold("pERK", everolimus24h, c24h, UP))));

        f.add(new Finding("18", "mTOR kinase inhibitors also activate Erk", "7",
                "activation of Mek/Erk signaling pathway following exposure of cancer cells to ATP-competitive "
                        + "inhibitors of mTOR has also been reported",
                List.of(fold("pERK", torin1h, c1h, UP))));

        f.add(new Finding("19", "ATP-competitive inhibitors block 4E-BP1 and proliferation more than rapamycin", "7",
                "the proliferation of mouse embryo fibroblasts is slightly reduced by rapamycin while it is totally "
                        + "blocked by Torin 1 or PP242",
                List.of(Check.compare("p4EBP1", torin1h, c1h, DOWN, "p4EBP1", rapa1h, c1h),
                        Check.compare("p4EBP1", with("pp242", PP242, HOUR), c1h, DOWN, "p4EBP1", rapa1h, c1h))));

        Condition mek1h = with("u0126", U0126, HOUR);
        f.add(new Finding("20", "Erk and p90RSK contribute to mTORC1 activation through TSC2 and raptor", "2",
                "Phosphorylation of TSC2 by Erk or phosphorylation of raptor by p90RSK, a downstream effector of Erk, "
                        + "have both been proposed to explain the activation of mTORC1 by Erk signaling pathway.",
                List.of(fold("pTSC2", mek1h, c1h, DOWN), fold("mTORC1_active", mek1h, c1h, DOWN))));

        f.add(new Finding("21", "mTORC2 phosphorylates PKC alpha and SGK1; rapamycin spares them", "2, Figure 1",
                "Downstream effectors of mTORC2 are Akt [...] and PKC alpha [...] mTORC2 also activates SGK1",
                List.of(fold("pPKCa", torin1h, c1h, DOWN), fold("pSGK1", torin1h, c1h, DOWN),
                        fold("pPKCa", rapa1h, c1h, NOT_DOWN), fold("pSGK1", rapa1h, c1h, NOT_DOWN))));

        f.add(new Finding("22", "mTORC2 activation requires PI3K activity", "2, Figure 2",
                "the activation of mTORC2 requires its association with ribosomes and that this association requires "
                        + "PI3K activity",
                List.of(fold("mTORC2_active", with("ly294002", LY294002, HOUR), c1h, DOWN))));

        Condition tsc2 = c1h.in("tsc2_null");
        f.add(new Finding("23", "TSC2 loss activates mTORC1, even without growth factor", "2",
                "Inactivation of the TSC1/2 complex leads to the activation of the small GTPase Rheb which stimulates "
                        + "the kinase activity of mTORC1",
                List.of(fold("mTORC1_active", tsc2, c1h, UP),
                        fold("mTORC1_active", tsc2.before("GF", 0), c1h.before("GF", 0), UP))));

        f.add(new Finding("24", "Activating PI3K, AKT1 and KRAS mutations raise their pathways", "2",
                "Gain of function mutations of the catalytic as well as the regulatory subunits of PI3K have been "
                        + "identified [...] activating mutations of AKT have been described [...] increased PI3K "
                        + "activity is also common in cancer with Ras mutations",
                List.of(fold("PIP3", c1h.in("pik3ca_mutant"), c1h, UP), fold("pAkt_T308", c1h.in("akt_e17k"), c1h, UP),
                        fold("pERK", c1h.in("kras_mutant"), c1h, UP))));

        Condition low = c24h.in("low_4ebp1");
        f.add(new Finding("25", "Cells with very low 4E-BP1 resist rapamycin's growth inhibition", "3",
                "rhabdomyosarcoma cells harboring very low level of 4E-BP1 are resistant to the growth inhibitory "
                        + "effects of rapamycin",
                List.of(Check.compare("proliferation", low.drug("rapamycin", RAPAMYCIN), low, UP, "proliferation",
                        rapa24h, c24h))));

        Condition pik = c24h.in("pik3ca_mutant");
        Condition kras = c24h.in("kras_mutant");
        f.add(new Finding("26", "BEZ235 works in PI3K-mutant but less in KRAS-mutant cells", "7",
                "NVP-BEZ235 displayed anti-tumor efficacy in cancer models harboring PI3K mutations but not K-Ras "
                        + "mutations",
                List.of(Check.compare("proliferation", kras.drug("bez235", 20), kras, UP, "proliferation",
                        pik.drug("bez235", 20), pik))));
        f.add(new Finding("27", "Feedback relief builds over hours: rapamycin restores IRS-1 and receptor protein", "5",
                "down regulation of insulin receptor substrate 1 (IRS-1) by S6K1 as well as down regulation of "
                        + "platelet-derived growth factor have been involved in this negative feedback loop",
                List.of(fold("IRS1_total", rapa24h, c24h, UP), fold("RTK_total", rapa24h, c24h, UP),
                        Check.compare("IRS1_total", rapa24h, c24h, UP, "IRS1_total", rapa1h, c1h),
                        Check.compare("RTK_total", rapa24h, c24h, UP, "RTK_total", rapa1h, c1h),
                        Check.compare("PIP3", rapa24h, c24h, UP, "PIP3", rapa1h, c1h))));
        Condition rapaMnk24h = rapa24h.drug("cgp57380", CGP57380);
        f.add(new Finding("28", "Mnk inhibition increases rapamycin's growth inhibition through eIF4E S209", "5",
                "eIF4E regulates the initiation translation of mRNA with 5'untranlsated regions including a number of "
                        + "transformation related genes [...] the inhibition of Mnk increased rapamycin-mediated growth "
                        + "inhibition",
                List.of(fold("proliferation", rapaMnk24h, rapa24h, DOWN), fold("CyclinD1", rapaMnk24h, rapa24h, DOWN),
                        fold("Mcl1", rapaMnk24h, rapa24h, DOWN))));
        Condition jnk24h = with("sp600125", SP600125, DAY);
        Condition rapaJnk24h = rapa24h.drug("sp600125", SP600125);
        f.add(new Finding("29", "Rapamycin activates JNK; JNK and mTOR inhibition add up", "5",
                "it has also been reported that rapamycin-activated JNK signaling pathway in colon cancer cells plus "
                        + "combined JNK and mTOR inhibition had additive anti-tumor effects",
                List.of(fold("pJNK", rapa1h, c1h, UP), fold("JNK_activity", rapa1h, c1h, UP),
                        fold("JNK_activity", rapa1h.drug("sp600125", SP600125), c1h, NOT_UP),
                        fold("proliferation", rapaJnk24h, rapa24h, DOWN), fold("proliferation", rapaJnk24h, jnk24h, DOWN))));
        Condition bezLow1h = with("bez235", BEZ235_MTOR_DOSE, HOUR);
        Condition bezLow24h = with("bez235", BEZ235_MTOR_DOSE, DAY);
        f.add(new Finding("30", "Dual PI3K/mTOR inhibition raises Erk through the receptor route, over hours", "7",
                "activation of Mek/Erk signaling pathway following exposure of cancer cells to ATP-competitive "
                        + "inhibitors of mTOR has also been reported even with dual PI3K/mTOR inhibitors",
                List.of(fold("pERK", bezLow24h, c24h, UP), fold("RTK_total", bezLow24h, c24h, UP),
                        fold("SOS_rtk", bezLow24h, c24h, UP), fold("pERK", bezLow1h, c1h, NOT_UP))));
        Condition kras1h = c1h.in("kras_mutant");
        f.add(new Finding("31", "Rapalog-induced Erk activation depends on the cell type", "5",
                "It is also worth noting that rapalogs induced Erk activation is cell type dependent",
                List.of(fold("pERK", kras1h.drug("rapamycin", RAPAMYCIN), kras1h, NOT_UP),
                        Check.compare("pERK", rapa1h, c1h, UP, "pERK", kras1h.drug("rapamycin", RAPAMYCIN), kras1h))));
        return List.copyOf(f);
    }
}
