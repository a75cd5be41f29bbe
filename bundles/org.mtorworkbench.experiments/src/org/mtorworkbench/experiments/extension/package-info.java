/**
 * The extension API of the experiments layer:
 * {@link org.mtorworkbench.experiments.extension.PerturbationType} services contribute kinds of
 * perturbation, and {@link org.mtorworkbench.experiments.extension.ExperimentDesign} services
 * contribute experiment designs. See docs/extending.md.
 *
 * @since 0.2
 */
package org.mtorworkbench.experiments.extension;
