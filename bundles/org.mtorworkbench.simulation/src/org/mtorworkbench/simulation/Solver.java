package org.mtorworkbench.simulation;

/** The integration methods, each with its KiSAO term (Kinetic Simulation Algorithm Ontology). */
public enum Solver {
    /** Variable-order (1-5), variable-step BDF with Newton iteration and Jacobian/LU reuse; for stiff models. */
    BDF("KISAO:0000288", "variable-order BDF"),
    /** Explicit Runge-Kutta 5(4) of Dormand and Prince; for non-stiff models. */
    DORMAND_PRINCE("KISAO:0000087", "Dormand-Prince 5(4)"),
    /**
     * Starts with Dormand-Prince and switches to BDF for the rest of the run when a stiffness
     * test fires, in the manner of LSODA (KiSAO's term for automatic stiff/non-stiff switching).
     */
    AUTO("KISAO:0000088", "Dormand-Prince with switch to BDF on stiffness");

    private final String kisao;
    private final String description;

    Solver(String kisao, String description) {
        this.kisao = kisao;
        this.description = description;
    }

    /** @return the KiSAO id, e.g. {@code KISAO:0000288} */
    public String kisaoId() {
        return kisao;
    }

    public String description() {
        return description;
    }

    /** @return the solver with this KiSAO id or name (case-insensitive), or null */
    public static Solver byName(String name) {
        for (Solver s : values()) {
            if (s.name().equalsIgnoreCase(name) || s.kisao.equalsIgnoreCase(name)
                    || s.kisao.replace(':', '_').equalsIgnoreCase(name)) {
                return s;
            }
        }
        return null;
    }
}
