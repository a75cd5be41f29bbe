package org.mtorworkbench.network.internal;

import java.util.List;

import org.mtorworkbench.network.CellContext;
import org.mtorworkbench.network.CellContexts;
import org.mtorworkbench.network.extension.CellContextProvider;

/** The product's own cell contexts, contributed through the same service as everybody else's. */
public final class BuiltinContexts implements CellContextProvider {

    @Override
    public List<CellContext> contexts() {
        return CellContexts.builtin().contexts();
    }
}
