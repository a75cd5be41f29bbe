package org.mtorworkbench.simulation.extension;

/**
 * Contributes an integration method. Register an implementation as an OSGi service
 * (Declarative Services); it is then offered wherever a solver is chosen (the command line's
 * {@code --solver ID}, SED-ML's KiSAO ids, the workbench's preferences) while its bundle is
 * active. The product's own BDF, Dormand-Prince and automatic methods are contributed the
 * same way. Events, rules, delays and outputs stay with the engine: a solver only integrates.
 * <p>
 * Implementations are stateless and thread-safe; {@link #create} is called once per run (and
 * again when a run switches method).
 *
 * @since 0.2
 */
public interface SolverProvider {

    /** @return the id users type, upper case with underscores, e.g. {@code BDF}; unique */
    String id();

    /** @return the KiSAO term of the algorithm, e.g. {@code KISAO:0000288} */
    String kisaoId();

    /** @return a one-line description for listings */
    String description();

    /** @return a new integrator for one run of {@code system} */
    Integrator create(OdeSystem system, IntegratorSettings settings);
}
