/**
 * Perturbation experiments on a model: drugs, knockouts, dose-response, combinations, scans, sensitivities, SED-ML.
 */
package org.mtorworkbench.experiments;
