/**
 * The engine's one seam for the CVODE reference bundle ({@code org.mtorworkbench.simulation.reference}),
 * exported to it alone ({@code x-friends}): a compiled model's equations as read-only terms,
 * a run's initial values, and the engine's trajectory of the state vector. Nothing here is
 * needed to simulate.
 */
package org.mtorworkbench.simulation.seam;
