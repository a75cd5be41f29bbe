/**
 * The extension API of the simulation engine: {@link org.mtorworkbench.simulation.extension.SolverProvider}
 * services contribute integration methods, each with its KiSAO id, that integrate the
 * engine's {@link org.mtorworkbench.simulation.extension.OdeSystem}. See docs/extending.md.
 *
 * @since 0.2
 */
package org.mtorworkbench.simulation.extension;
