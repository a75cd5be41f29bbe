package org.mtorworkbench.examples.bisteric;

import java.util.List;

import org.mtorworkbench.network.Drug;
import org.mtorworkbench.network.Drug.Effect;
import org.mtorworkbench.network.Drug.Mechanism;
import org.mtorworkbench.network.extension.DrugProvider;

/**
 * Adds an mTORC1-selective bi-steric inhibitor: a rapamycin-like FRB binder linked to an
 * ATP-site inhibitor, so it blocks S6K1 and 4E-BP1 phosphorylation by mTORC1 fully while
 * sparing mTORC2. The potency is illustrative (this example cites no measurement).
 */
public final class BisTericDrug implements DrugProvider {

    /** The id users type: {@code --drug bisteric_mtorc1=10}. */
    public static final String ID = "bisteric_mtorc1";

    @Override
    public List<Drug> drugs() {
        return List.of(new Drug(ID, "Bi-steric mTORC1-selective inhibitor (example)", Mechanism.MTOR_KINASE_INHIBITOR,
                List.of("mTORC1 (FRB domain and ATP site)"), List.of(), "7 (beyond the review)", "",
                List.of(new Effect("inh_mTORC1", Effect.Kind.INHIBITION, 1.0, 1.0, 1.0,
                        "illustrative IC50 of this example extension; no source"))));
    }
}
