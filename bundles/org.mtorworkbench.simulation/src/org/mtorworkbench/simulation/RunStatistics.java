package org.mtorworkbench.simulation;

/**
 * The solver's work in one run.
 *
 * @param steps accepted steps
 * @param rejectedSteps steps rejected for error or Newton failure
 * @param rhsEvaluations evaluations of the right-hand side (including those for Jacobians)
 * @param jacobianEvaluations Jacobian evaluations
 * @param luDecompositions LU factorisations of the Newton matrix
 * @param eventsFired event executions
 * @param nanos wall-clock time of the run
 */
public record RunStatistics(long steps, long rejectedSteps, long rhsEvaluations, long jacobianEvaluations,
        long luDecompositions, long eventsFired, long nanos) {
}
