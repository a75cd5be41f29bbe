package org.mtorworkbench.network;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mtorworkbench.network.internal.ModelSpec;
import org.mtorworkbench.network.internal.NetworkSbmlBuilder;
import org.sbml.jsbml.SBMLDocument;

/**
 * The curated mTORC1/mTORC2 network of the review, reachable as {@code builtin:mtor}.
 * The ids below are a contract: users' scripts and other tools rely on them.
 */
public final class NetworkModel {

    /** The id after {@code builtin:}. */
    public static final String ID = "mtor";
    /** The SBML model id. */
    public static final String MODEL_ID = "mtor_network";

    /** Input parameters: growth factor, amino acids, energy stress, hypoxia, DNA damage. */
    public static final List<String> INPUTS = List.of("GF", "aminoacids", "energy_stress", "hypoxia", "dna_damage");

    /** Readouts: species or assignment-rule parameters, each a fraction or normalised level. */
    public static final List<String> READOUTS = List.of("pIRS1_S", "PIP3", "pAkt_T308", "pAkt_S473", "pTSC2",
            "RhebGTP", "pPRAS40", "mTORC1_active", "mTORC2_active", "pS6K1", "pS6", "p4EBP1", "eIF4E_free",
            "p_eIF4E", "RasGTP", "pMEK", "pERK", "pRSK", "AMPK_active", "REDD1", "RagGTP", "p53_active", "pPKCa",
            "pSGK1", "CyclinD1", "cMyc", "HIF1a", "VEGF", "proliferation", "apoptosis", "IRS1_total", "RTK_total", "Mcl1", "pJNK", "JNK_activity", "SOS_rtk");

    private static final ModelSpec SPEC = ModelSpec.builtin();

    private NetworkModel() {
    }

    /** The source of parameters chosen so the network reproduces the review's findings. */
    public static final String CALIBRATED = "calibrated";

    /**
     * @return the calibrated parameters (source {@value #CALIBRATED} in the model source) and
     *         their values, in model order; the set a robustness analysis varies
     */
    public static Map<String, Double> calibratedParameters() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (ModelSpec.Parameter p : SPEC.parameters()) {
            if (CALIBRATED.equals(p.source())) {
                out.put(p.id(), p.value());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** @return a new document of the network (SBML L3V2); callers may change it freely */
    public static SBMLDocument newDocument() {
        return NetworkSbmlBuilder.build(SPEC, MODEL_ID,
                "mTORC1/mTORC2 signalling network in cancer (mTOR Workbench built-in model)");
    }
}
