package org.mtorworkbench.network.internal;

import java.util.List;

import org.mtorworkbench.network.Drug;
import org.mtorworkbench.network.extension.DrugProvider;
import org.mtorworkbench.network.DrugCatalogue;

/** The product's own drugs, contributed through the same service as everybody else's. */
public final class BuiltinDrugs implements DrugProvider {

    @Override
    public List<Drug> drugs() {
        return DrugCatalogue.builtin().drugs();
    }
}
