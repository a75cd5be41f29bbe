package org.mtorworkbench.network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The cell contexts of the built-in network: wild type, the review's cancer genotypes, cell-type properties. */
public final class CellContexts {

    private static final List<CellContext> BUILTIN = List.of(
            new CellContext("wildtype", "Wild type", "no mutation: the model as it is", "2", ModelChanges.NONE),
            new CellContext("pten_null", "PTEN loss", "PTEN deleted: PIP3 is no longer converted back to PIP2", "2, 3",
                    ModelChanges.initialValue("PTEN", 0)),
            new CellContext("pik3ca_mutant", "PIK3CA gain of function",
                    "activating PI3K mutation: receptor-independent PI3K activation (pi3k_basal = 0.2 per min)", "2, 7",
                    ModelChanges.parameter("pi3k_basal", 0.2)),
            new CellContext("kras_mutant", "KRAS mutant",
                    "oncogenic Ras: receptor-independent GTP loading (ras_basal = 1 per min)", "2, 7",
                    ModelChanges.parameter("ras_basal", 1)),
            new CellContext("tsc2_null", "TSC2 loss", "TSC2 deleted: no GAP toward Rheb", "2",
                    ModelChanges.initialValue("TSC2", 0).and(ModelChanges.initialValue("pTSC2", 0))),
            new CellContext("lkb1_null", "LKB1 loss (Peutz-Jeghers)", "LKB1 deleted: energy stress cannot activate AMPK",
                    "2", ModelChanges.initialValue("LKB1", 0)),
            new CellContext("low_4ebp1", "Low 4E-BP1",
                    "4E-BP1 at a tenth of normal (rhabdomyosarcoma cells resistant to rapamycin, ref. 30)", "3",
                    ModelChanges.initialValue("hypo4EBP1", 0.1)),
            new CellContext("akt_e17k", "AKT1 E17K",
                    "activating AKT1 PH-domain mutation: PIP3-independent membrane localisation (akt_membrane = 0.2)",
                    "2", ModelChanges.parameter("akt_membrane", 0.2)),
            new CellContext("mtorc2_rapamycin_sensitive", "mTORC2 rapamycin-sensitive cell type",
                    "prolonged rapalog exposure blocks mTORC2 assembly (as in U937 and PC3 cells, ref. 28)", "3",
                    ModelChanges.parameter("mtorc2_rapa_sens", 1)));

    private final Map<String, CellContext> contexts;

    private CellContexts(List<CellContext> list) {
        Map<String, CellContext> m = new LinkedHashMap<>();
        for (CellContext c : list) {
            if (m.putIfAbsent(c.id(), c) != null) {
                throw new IllegalArgumentException("duplicate cell context id " + c.id());
            }
        }
        contexts = m;
    }

    /** @return the contexts of the built-in network */
    public static CellContexts builtin() {
        return new CellContexts(BUILTIN);
    }

    /**
     * @return these contexts
     * @throws IllegalArgumentException if two share an id
     */
    public static CellContexts of(List<CellContext> contexts) {
        return new CellContexts(contexts);
    }

    /** @return these contexts and more (an id already present is an error) */
    public CellContexts with(List<CellContext> more) {
        List<CellContext> all = new java.util.ArrayList<>(contexts.values());
        all.addAll(more);
        return new CellContexts(all);
    }

    public List<CellContext> contexts() {
        return List.copyOf(contexts.values());
    }

    public Optional<CellContext> find(String id) {
        return Optional.ofNullable(contexts.get(id));
    }

    public Set<String> ids() {
        return java.util.Collections.unmodifiableSet(contexts.keySet());
    }
}
