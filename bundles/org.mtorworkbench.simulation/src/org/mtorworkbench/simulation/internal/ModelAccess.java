package org.mtorworkbench.simulation.internal;

import org.mtorworkbench.simulation.CompiledModel;
import org.mtorworkbench.simulation.Simulation;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SolverOptions;

/**
 * The engine's view of its public API objects: the layout of a {@link CompiledModel} and the
 * engine of a {@link Simulation}, which the API keeps package-private. {@code CompiledModel}
 * installs the one implementation when its class is initialised, so every caller that holds
 * a compiled model finds it installed. Used by the friend seam
 * ({@code org.mtorworkbench.simulation.seam}) only.
 */
public abstract class ModelAccess {

    private static volatile ModelAccess installed;

    /** Called once, by {@link CompiledModel}'s static initialiser. */
    public static void install(ModelAccess access) {
        if (installed != null) {
            throw new IllegalStateException("the model access is installed once");
        }
        installed = access;
    }

    /** @return the installed access (present once any {@link CompiledModel} exists) */
    public static ModelAccess get() {
        ModelAccess a = installed;
        if (a == null) {
            throw new IllegalStateException("no compiled model has been created yet");
        }
        return a;
    }

    /** @return the model's layout */
    public abstract ModelLayout layout(CompiledModel model);

    /** @return a fresh engine for one run of the simulation, initialised (initial assignments applied) */
    public abstract Engine engine(Simulation simulation, SolverOptions options) throws SimulationException;
}
