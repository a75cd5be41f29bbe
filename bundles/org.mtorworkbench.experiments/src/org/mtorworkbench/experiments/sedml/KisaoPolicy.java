package org.mtorworkbench.experiments.sedml;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mtorworkbench.simulation.Solver;
import org.mtorworkbench.simulation.SolverOptions;
import org.w3c.dom.Element;

/**
 * How the workbench honours a SED-ML simulation's algorithm (a KiSAO term), in the spirit of
 * KiSAO's algorithm-substitution policy: it runs the requested algorithm when it has it, a
 * documented equivalent when the algorithm solves the same mathematical problem, and refuses
 * (exit code 3, naming the KiSAO id) otherwise; an algorithm is never silently replaced by one
 * that samples a different kind of result.
 * <ul>
 * <li>Exact stochastic simulation: KISAO:0000029 (Gillespie's direct method) and KISAO:0000027
 * (Gibson and Bruck's next reaction method) run as requested, seeded by the random-seed
 * parameter KISAO:0000488 when given.</li>
 * <li>Deterministic ODE integration: the methods the workbench has run as requested (BDF
 * KISAO:0000288, Dormand-Prince KISAO:0000087, the LSODA-like automatic method KISAO:0000088,
 * and any contributed solver with its KiSAO id); the other integrators of the same ODEs
 * ({@link #ODE_EQUIVALENTS}) are run by the workbench's chosen ODE solver, which integrates
 * the same equations to its tolerances.</li>
 * <li>Steady states: root finding (KISAO:0000407, the workbench's own term, and the Newton-type
 * solvers in {@link #STEADY_STATE_EQUIVALENTS}) and the ODE integrators above (integration to
 * steady state) run with the workbench's steady-state solver.</li>
 * <li>Flux balance analysis KISAO:0000437 and flux variability analysis KISAO:0000526 on fbc
 * models.</li>
 * </ul>
 * Algorithm parameters: relative tolerance KISAO:0000209, absolute tolerance KISAO:0000211,
 * maximum number of steps KISAO:0000415, random seed KISAO:0000488 and, for flux variability
 * analysis, the fraction of the optimum KISAO:0000531 (0 to 1, default 1) are honoured; others
 * are reported in a note and not applied.
 */
final class KisaoPolicy {

    /** Deterministic integrators of the same ODEs the workbench's ODE solvers integrate. */
    static final Map<String, String> ODE_EQUIVALENTS = Map.ofEntries(Map.entry("KISAO:0000019", "CVODE"),
            Map.entry("KISAO:0000030", "forward Euler"), Map.entry("KISAO:0000032", "explicit fourth-order Runge-Kutta"),
            Map.entry("KISAO:0000033", "Rosenbrock"), Map.entry("KISAO:0000086", "Runge-Kutta-Fehlberg"),
            Map.entry("KISAO:0000087", "Dormand-Prince"), Map.entry("KISAO:0000088", "LSODA"),
            Map.entry("KISAO:0000089", "LSODAR"), Map.entry("KISAO:0000280", "Adams-Moulton"),
            Map.entry("KISAO:0000283", "IDA"), Map.entry("KISAO:0000288", "BDF"),
            Map.entry("KISAO:0000304", "RADAU5"), Map.entry("KISAO:0000560", "LSODA/LSODAR hybrid"));
    /** Root finders for steady states. */
    static final Map<String, String> STEADY_STATE_EQUIVALENTS = Map.of("KISAO:0000407", "steady-state root finding",
            "KISAO:0000282", "KINSOL", "KISAO:0000568", "NLEQ1", "KISAO:0000569", "NLEQ2");
    /** Flux balance analysis. */
    static final String FBA = "KISAO:0000437";
    /** Flux variability analysis. */
    static final String FVA = "KISAO:0000526";
    /** Flux variability analysis' fraction of the optimum the objective must reach. */
    static final String FRACTION_OF_OPTIMUM = "KISAO:0000531";

    private static final String RTOL = "KISAO:0000209";
    private static final String ATOL = "KISAO:0000211";
    private static final String MAX_STEPS = "KISAO:0000415";
    private static final String SEED = "KISAO:0000488";

    /**
     * The algorithm a simulation runs with.
     *
     * @param kisaoId the requested KiSAO id (normalised {@code KISAO:nnnnnnn}), or "" when the file gives none
     * @param solver the solver to run, or null for the one the options choose (a documented equivalent)
     * @param stochastic whether the algorithm is an exact stochastic method
     * @param fluxBalance whether it is flux balance analysis
     * @param parameters the honoured parameters: KiSAO id to value
     */
    record Choice(String kisaoId, Solver solver, boolean stochastic, boolean fluxBalance, Map<String, String> parameters) {

        /** @return the options for this algorithm: its solver and parameters over the run's options */
        SolverOptions apply(SolverOptions options) {
            SolverOptions o = options;
            if (solver != null) {
                o = o.withSolver(solver);
            } else if (o.get(SolverOptions.SOLVER).isStochastic()) {
                o = o.withSolver(Solver.AUTO);
            }
            for (Map.Entry<String, String> e : parameters.entrySet()) {
                String v = e.getValue().trim();
                o = switch (e.getKey()) {
                    case RTOL -> o.withRelativeTolerance(Double.parseDouble(v));
                    case ATOL -> o.withAbsoluteTolerance(Double.parseDouble(v));
                    case MAX_STEPS -> o.withMaxSteps((long) Double.parseDouble(v));
                    case SEED -> o.withSeed((long) Double.parseDouble(v));
                    default -> o;
                };
            }
            return o;
        }
    }

    private KisaoPolicy() {
    }

    /** @return the id as {@code KISAO:nnnnnnn} ({@code KISAO_nnnnnnn} and lower case accepted) */
    static String normalise(String id) {
        return id.trim().toUpperCase(Locale.ROOT).replace('_', ':');
    }

    /**
     * Reads a simulation's algorithm and decides how to run it.
     *
     * @param steadyState whether the simulation is a steady state
     * @param notes where parameters that are not applied are reported
     * @throws SedmlException UNSUPPORTED naming the KiSAO id the workbench has neither nor an equivalent of;
     *         INVALID for a malformed parameter value
     */
    static Choice read(Element simulation, boolean steadyState, String where, List<String> notes, String source)
            throws SedmlException {
        Element alg = Xml.child(simulation, "algorithm");
        String id = alg == null ? "" : normalise(alg.getAttribute("kisaoID"));
        Map<String, String> params = new java.util.LinkedHashMap<>();
        if (alg != null) {
            for (Element p : Xml.list(alg, "listOfAlgorithmParameters")) {
                String pid = normalise(p.getAttribute("kisaoID"));
                String value = p.getAttribute("value");
                if (List.of(RTOL, ATOL, MAX_STEPS, SEED).contains(pid) || (pid.equals(FRACTION_OF_OPTIMUM) && id.equals(FVA))) {
                    try {
                        double x = Double.parseDouble(value.trim());
                        if (!Double.isFinite(x) || (pid.equals(FRACTION_OF_OPTIMUM) ? x < 0 || x > 1
                                : !pid.equals(SEED) && x <= 0)) {
                            throw new NumberFormatException();
                        }
                    } catch (NumberFormatException e) {
                        throw new SedmlException(SedmlException.Kind.INVALID, source + ": " + where
                                + " <algorithmParameter kisaoID=\"" + pid + "\">: value '" + value
                                + "' is not a valid number for it" + (pid.equals(FRACTION_OF_OPTIMUM)
                                        ? " (a fraction of the optimum from 0 to 1)" : ""));
                    }
                    params.put(pid, value);
                } else {
                    String note = where + ": algorithm parameter " + pid + " = " + value + " is not applied (the "
                            + "workbench honours " + RTOL + ", " + ATOL + ", " + MAX_STEPS + " and " + SEED + ")";
                    if (!notes.contains(note)) {
                        notes.add(note);
                    }
                }
            }
        }
        if (id.isEmpty()) {
            return new Choice(id, null, false, false, params);
        }
        if (id.equals(FBA) || id.equals(FVA)) {
            return new Choice(id, null, false, true, params);
        }
        Solver exact = Solver.byName(id);
        if (exact != null && exact.isStochastic()) {
            if (steadyState) {
                throw unsupported(source, where + ": the stochastic algorithm " + id + " gives trajectories, not "
                        + "steady states; use a uniformTimeCourse");
            }
            return new Choice(id, exact, true, false, params);
        }
        if (steadyState && (STEADY_STATE_EQUIVALENTS.containsKey(id) || ODE_EQUIVALENTS.containsKey(id)
                || exact != null)) {
            return new Choice(id, null, false, false, params);
        }
        if (!steadyState && exact != null) {
            return new Choice(id, exact, false, false, params);
        }
        if (!steadyState && ODE_EQUIVALENTS.containsKey(id)) {
            return new Choice(id, null, false, false, params);
        }
        throw unsupported(source, where + ": the algorithm " + id + " is neither one the workbench runs nor one it "
                + "has an equivalent of (exact stochastic: KISAO:0000029, KISAO:0000027; ODE integrators such as "
                + "KISAO:0000019 CVODE, KISAO:0000088 LSODA; steady states: KISAO:0000407; flux balance: " + FBA
                + ", flux variability: " + FVA + "); see docs/experiments.md");
    }

    private static SedmlException unsupported(String source, String what) {
        return new SedmlException(SedmlException.Kind.UNSUPPORTED, source + ": " + what);
    }
}
