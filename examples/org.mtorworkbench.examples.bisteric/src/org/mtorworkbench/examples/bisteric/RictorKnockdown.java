package org.mtorworkbench.examples.bisteric;

import java.util.List;

import org.mtorworkbench.network.CellContext;
import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.network.extension.CellContextProvider;

/** Adds a cell context: Rictor knocked down to a tenth, so little mTORC2 assembles. */
public final class RictorKnockdown implements CellContextProvider {

    /** The id users type: {@code --context rictor_knockdown}. */
    public static final String ID = "rictor_knockdown";

    @Override
    public List<CellContext> contexts() {
        return List.of(new CellContext(ID, "Rictor knockdown (example)",
                "Rictor at a tenth of normal: mTORC2 starts at 0.1 of its usual amount", "2",
                ModelChanges.initialValue("mTORC2", 0.1)));
    }
}
