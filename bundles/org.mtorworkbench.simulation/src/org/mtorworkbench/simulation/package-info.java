/**
 * Compiles an SBML model into an immutable ODE system and integrates it: rate laws, rules, events, steady states.
 */
package org.mtorworkbench.simulation;
