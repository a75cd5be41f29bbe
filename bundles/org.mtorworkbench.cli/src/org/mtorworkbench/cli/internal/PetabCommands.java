package org.mtorworkbench.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.mtorworkbench.calibration.DesignPetab;
import org.mtorworkbench.calibration.GradientTable;
import org.mtorworkbench.calibration.FitTables;
import org.mtorworkbench.calibration.MultiStart;
import org.mtorworkbench.calibration.ObjectiveValue;
import org.mtorworkbench.calibration.Optimizer;
import org.mtorworkbench.calibration.OptimizerSettings;
import org.mtorworkbench.calibration.Optimizers;
import org.mtorworkbench.calibration.ParameterValues;
import org.mtorworkbench.calibration.PetabException;
import org.mtorworkbench.calibration.PetabObjective;
import org.mtorworkbench.calibration.PetabProblem;
import org.mtorworkbench.calibration.PetabTestSuite;
import org.mtorworkbench.calibration.Profile;
import org.mtorworkbench.calibration.SimulationTable;
import org.mtorworkbench.cli.Command;
import org.mtorworkbench.cli.CommandException;
import org.mtorworkbench.cli.CommandIO;
import org.mtorworkbench.cli.ExitCode;
import org.mtorworkbench.experiments.extension.DesignRequest;
import org.mtorworkbench.experiments.extension.ExperimentDesign;
import org.mtorworkbench.simulation.SolverOptions;
import org.mtorworkbench.simulation.TestSuiteRunner;

/** The PEtab commands: {@code petab-testsuite}, {@code objective}, {@code fit} and {@code profile}. */
final class PetabCommands {

    private PetabCommands() {
    }

    /** Writes a design as a PEtab problem with a measurement template ({@code --petab DIR}). */
    static void export(ExperimentDesign design, DesignRequest request, String modelRef, Path dir, CommandIO io)
            throws CommandException {
        try {
            DesignPetab.write(design, request, Models.open(modelRef, io), dir);
        } catch (PetabException e) {
            throw failure(e);
        } catch (IllegalArgumentException e) {
            throw CommandException.usage("--petab: " + e.getMessage());
        }
        io.err().println("wrote the PEtab problem " + dir.resolve("problem.yaml")
                + " (fill in the measurements in measurements.tsv)");
    }

    static CommandException failure(PetabException e) {
        ExitCode code = switch (e.kind()) {
        case UNSUPPORTED -> ExitCode.UNSUPPORTED;
        case NUMERICAL -> ExitCode.NUMERICAL;
        default -> ExitCode.BAD_INPUT;
        };
        return new CommandException(code, e.getMessage(), e);
    }

    /** {@code petab-testsuite DIR [--cases LIST]}. */
    static final class TestSuite implements Command {

        @Override
        public String name() {
            return "petab-testsuite";
        }

        @Override
        public String synopsis() {
            return "petab-testsuite DIR [--cases LIST]";
        }

        @Override
        public String summary() {
            return "run PEtab test suite cases and report failures";
        }

        @Override
        public String help() {
            return "DIR holds the suite's case folders (NNNN/ with _NNNN.yaml, _model.xml, the tables and\n"
                    + "_NNNN_solution.yaml), like petab-test-suite/v1.0.0/sbml or v2.0.0/sbml. Evaluates each case at\n"
                    + "its nominal parameters and compares llh, chi2 and every simulated value with the solution,\n"
                    + "within the case's tolerances; prints one line per failed or skipped case with the reason and\n"
                    + "ends with 'N passed, M failed, K skipped'.\n"
                    + "  --cases LIST   the cases to run, like 1-10,15 (default all)\n"
                    + "Exit code 0 when no case failed, 1 otherwise.";
        }

        @Override
        public ExitCode run(List<String> args, CommandIO io) throws CommandException {
            Options o = Options.parse(args, Set.of("--cases"), Set.of());
            Path dir = io.resolve(o.onePositional("DIR"));
            if (!Files.isDirectory(dir)) {
                throw new CommandException(ExitCode.BAD_INPUT, dir + ": no such folder; give a folder of PEtab test cases"
                        + " such as petab-test-suite/v1.0.0/sbml");
            }
            PetabTestSuite suite = new PetabTestSuite(dir, PetabObjective.defaultOptions());
            List<Integer> cases;
            try {
                cases = o.get("--cases") != null ? TestSuiteRunner.parseCases(o.get("--cases")) : suite.availableCases();
            } catch (IllegalArgumentException e) {
                throw CommandException.usage("--cases: " + e.getMessage());
            } catch (IOException e) {
                throw new CommandException(ExitCode.BAD_INPUT, dir + ": cannot list: " + e.getMessage(), e);
            }
            int[] counts = new int[3];
            for (int c : cases) {
                PetabTestSuite.CaseResult r = suite.run(c);
                counts[r.status().ordinal()]++;
                if (r.status() != PetabTestSuite.Status.PASSED) {
                    io.out().println(String.format("%04d %s: %s", c,
                            r.status() == PetabTestSuite.Status.FAILED ? "failed" : "skipped", r.reason()));
                }
            }
            io.out().println(counts[0] + " passed, " + counts[1] + " failed, " + counts[2] + " skipped");
            return counts[1] == 0 ? ExitCode.OK : ExitCode.PROBLEMS_FOUND;
        }
    }

    /** {@code objective PROBLEM.yaml [--parameters FILE] [--gradient] [--out DIR]}. */
    static final class Objective implements Command {

        @Override
        public String name() {
            return "objective";
        }

        @Override
        public String synopsis() {
            return "objective PROBLEM.yaml [--parameters FILE] [--gradient] [--out DIR] [--solver ID] [--rtol R] [--atol A]";
        }

        @Override
        public String summary() {
            return "log-likelihood and chi2 of a PEtab problem, and the time of one evaluation";
        }

        @Override
        public String help() {
            return "Reads a PEtab v1 or v2 problem, simulates every experiment (pre-equilibration to steady state\n"
                    + "where the problem asks) and prints 'llh = <value>' (log-likelihood, higher is better, as PEtab\n"
                    + "and AMICI define it: noise normalisation and transformation Jacobians included, priors not),\n"
                    + "'chi2 = <value>' and 'objective: <ms> ms', the median time of one evaluation of all\n"
                    + "experiments after a JIT warm-up.\n"
                    + "  --parameters FILE  evaluate at these values instead of the nominal ones: a PEtab parameter\n"
                    + "                     table (its nominalValue column) or a TSV of id and linear value\n"
                    + "  --gradient         also the gradient of llh on the parameter scales, from forward\n"
                    + "                     sensitivities; prints 'gradient: <ms> ms', the median time of one\n"
                    + "                     evaluation with it, timed as the objective is\n"
                    + "  --out DIR          write DIR/simulations.tsv, the simulation table in PEtab format, and with\n"
                    + "                     --gradient DIR/gradient.tsv (parameterId, parameterScale, value, gradient)\n"
                    + "  --solver auto|bdf|dormand-prince, --rtol, --atol  the integrator (default bdf, 1e-8, 1e-12,\n"
                    + "                     first step 1e-6)";
        }

        @Override
        public ExitCode run(List<String> args, CommandIO io) throws CommandException {
            Options o = Options.parse(args, Set.of("--parameters", "--out", ModelRuns.SOLVER, ModelRuns.RTOL,
                    ModelRuns.ATOL), Set.of(), Set.of("--gradient"));
            Path yaml = io.resolve(o.onePositional("PROBLEM.yaml"));
            SolverOptions options = ModelRuns.solverOptions(o, PetabObjective.defaultOptions());
            try {
                PetabProblem problem = PetabProblem.read(yaml);
                PetabObjective objective = PetabObjective.create(problem, options);
                Map<String, Double> values = Map.of();
                if (o.get("--parameters") != null) {
                    values = ParameterValues.read(io.resolve(o.get("--parameters")));
                    for (String id : values.keySet()) {
                        if (!problem.parameters().containsKey(id)) {
                            throw new CommandException(ExitCode.BAD_INPUT, o.get("--parameters") + ": '" + id
                                    + "' is not in the problem's parameter table");
                        }
                    }
                }
                Map<String, Double> at = values;
                ObjectiveValue v = objective.evaluate(at, () -> false);
                io.out().println("llh = " + v.llh());
                io.out().println("chi2 = " + v.chi2());
                io.out().println("objective: " + String.format(java.util.Locale.ROOT, "%.3f",
                        medianMillis(() -> objective.evaluate(at, () -> false))) + " ms");
                boolean gradient = o.flag("--gradient");
                ObjectiveValue g = null;
                if (gradient) {
                    g = objective.evaluate(at, true, () -> false);
                    io.out().println("gradient: " + String.format(java.util.Locale.ROOT, "%.3f",
                            medianMillis(() -> objective.evaluate(at, true, () -> false))) + " ms");
                }
                if (o.get("--out") != null) {
                    Path dir = io.resolve(o.get("--out"));
                    Path file = dir.resolve("simulations.tsv");
                    Path gfile = dir.resolve("gradient.tsv");
                    try {
                        SimulationTable.write(problem, v, file);
                        io.err().println("wrote " + file);
                        if (g != null) {
                            GradientTable.write(objective, objective.onParameterScale(at), g, gfile);
                            io.err().println("wrote " + gfile);
                        }
                    } catch (IOException e) {
                        throw new CommandException(ExitCode.BAD_INPUT, dir + ": cannot write: " + e.getMessage(), e);
                    }
                }
                return ExitCode.OK;
            } catch (PetabException e) {
                throw failure(e);
            }
        }

        private interface Evaluation {
            void run() throws PetabException;
        }

        /** The median of timed evaluations after a warm-up (at least 5 runs, about a second, before timing). */
        private static double medianMillis(Evaluation e) throws PetabException {
            long warmEnd = System.nanoTime() + 1_000_000_000L;
            int warm = 0;
            while (warm < 5 || (System.nanoTime() < warmEnd && warm < 200)) {
                e.run();
                warm++;
            }
            List<Long> times = new ArrayList<>();
            long end = System.nanoTime() + 2_000_000_000L;
            while (times.size() < 5 || (System.nanoTime() < end && times.size() < 101)) {
                long t0 = System.nanoTime();
                e.run();
                times.add(System.nanoTime() - t0);
            }
            long[] a = times.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(a);
            return a[a.length / 2] / 1e6;
        }
    }

    /** The optimiser of {@code --optimizer ID}, the default when absent. */
    private static Optimizer optimizer(Options o) throws CommandException {
        String id = o.get("--optimizer") == null ? Optimizers.DEFAULT : o.get("--optimizer");
        return Optimizers.byId(id).orElseThrow(() -> CommandException.usage("--optimizer: no optimiser '" + id
                + "'; use one of " + String.join(", ", Optimizers.ids())));
    }

    private static OptimizerSettings optimizerSettings(Options o) throws CommandException {
        OptimizerSettings d = OptimizerSettings.defaults();
        return d.withMaxIterations(o.integer("--max-iterations", d.maxIterations(), 1))
                .withMaxEvaluations(o.integer("--max-evaluations", d.maxEvaluations(), 1));
    }

    private static final String OPTIMIZER_HELP = "  --optimizer ID     the local optimiser (default trust-region-lm): trust-region-lm, bfgs-box,\n"
            + "                     bobyqa, nelder-mead, or one an installed bundle contributes\n"
            + "  --max-iterations N, --max-evaluations N  when a local optimisation stops (default 200, 2000)\n"
            + "  --threads N        worker threads (default 0: one per processor)\n"
            + "  --solver auto|bdf|dormand-prince, --rtol, --atol  the integrator (default bdf, 1e-8, 1e-12)\n";

    private static void write(String text, Path file, CommandIO io) throws CommandException {
        try {
            FitTables.write(text, file);
        } catch (IOException e) {
            throw new CommandException(ExitCode.BAD_INPUT, file + ": cannot write: " + e.getMessage(), e);
        }
        io.err().println("wrote " + file);
    }

    /** {@code fit PROBLEM.yaml --starts N [--seed S] [--threads N] [--optimizer ID] [--out DIR]}. */
    static final class Fit implements Command {

        @Override
        public String name() {
            return "fit";
        }

        @Override
        public String synopsis() {
            return "fit PROBLEM.yaml --starts N [--seed S] [--threads N] [--optimizer ID] [--out DIR]";
        }

        @Override
        public String summary() {
            return "multi-start maximum-likelihood fit of a PEtab problem";
        }

        @Override
        public String help() {
            return "Maximises the log-likelihood of a PEtab v1 or v2 problem over its estimated parameters, on their\n"
                    + "parameter scales within their bounds, from N starts: start 0 is the nominal point of the\n"
                    + "parameter table, the others a Latin hypercube of the bounds drawn from the seed. Starts run in\n"
                    + "parallel; results are the same for any thread count. Prints 'best llh = <value>', the best\n"
                    + "start and how many starts reached the best llh within 0.1; progress on standard error.\n"
                    + "  --starts N         number of starts (required)\n"
                    + "  --seed S           seed of the Latin hypercube (default 0)\n"
                    + "  --no-nominal       draw start 0 from the hypercube too\n"
                    + OPTIMIZER_HELP
                    + "  --out DIR          write DIR/starts.tsv (every start: start and end vectors on the parameter\n"
                    + "                     scale, llh, iterations, evaluations, seconds, exit reason, in start order),\n"
                    + "                     DIR/best_parameters.tsv (the parameter table with nominalValue = the best\n"
                    + "                     fit, usable as --parameters of objective and --from of profile) and\n"
                    + "                     DIR/simulations.tsv (the best fit's simulations)";
        }

        @Override
        public ExitCode run(List<String> args, CommandIO io) throws CommandException {
            Options o = Options.parse(args, Set.of("--starts", "--seed", "--threads", "--optimizer", "--out",
                    "--max-iterations", "--max-evaluations", ModelRuns.SOLVER, ModelRuns.RTOL, ModelRuns.ATOL),
                    Set.of(), Set.of("--no-nominal"));
            Path yaml = io.resolve(o.onePositional("PROBLEM.yaml"));
            if (o.get("--starts") == null) {
                throw CommandException.usage("give --starts N, the number of starts");
            }
            int starts = o.integer("--starts", 1, 1);
            long seed;
            try {
                seed = o.get("--seed") == null ? 0 : Long.parseLong(o.get("--seed").strip());
            } catch (NumberFormatException e) {
                throw CommandException.usage("--seed: '" + o.get("--seed") + "' is not an integer");
            }
            int threads = o.integer("--threads", 0, 0);
            Optimizer optimizer = optimizer(o);
            MultiStart.Settings settings = new MultiStart.Settings(starts, seed, threads, !o.flag("--no-nominal"),
                    optimizerSettings(o));
            SolverOptions options = ModelRuns.solverOptions(o, PetabObjective.defaultOptions());
            try {
                PetabProblem problem = PetabProblem.read(yaml);
                PetabObjective objective = PetabObjective.create(problem, options);
                io.err().println("fitting " + objective.parameterIds().size() + " parameter(s) from " + starts
                        + " start(s) with " + optimizer.id());
                double[] bestSoFar = {Double.NEGATIVE_INFINITY};
                MultiStart.Result r = MultiStart.run(objective, optimizer, settings, (s, done, total) -> {
                    if (Double.isFinite(s.llh()) && s.llh() > bestSoFar[0]) {
                        bestSoFar[0] = s.llh();
                    }
                    io.err().println(String.format(Locale.ROOT, "start %d done (%d/%d): llh = %s, %d iterations,"
                            + " %d evaluations, %.1f s, %s; best so far %s", s.index(), done, total, s.llh(),
                            s.iterations(), s.evaluations(), s.seconds(), s.exit().id(), bestSoFar[0]));
                }, () -> false);
                MultiStart.Start best = r.best();
                if (best == null) {
                    throw new CommandException(ExitCode.NUMERICAL, yaml + ": no start could be evaluated; check the"
                            + " bounds and the solver options");
                }
                io.out().println("best llh = " + best.llh());
                io.out().println("best start = " + best.index());
                long within = r.starts().stream().filter(s -> s.llh() >= best.llh() - 0.1).count();
                io.out().println("starts within 0.1 of the best = " + within + "/" + r.starts().size());
                if (o.get("--out") != null) {
                    Path dir = io.resolve(o.get("--out"));
                    write(FitTables.starts(r), dir.resolve("starts.tsv"), io);
                    write(FitTables.parameters(problem, r.parameterIds(), best.end()),
                            dir.resolve("best_parameters.tsv"), io);
                    ObjectiveValue v = objective.evaluate(best.end(), () -> false);
                    write(SimulationTable.format(problem, v), dir.resolve("simulations.tsv"), io);
                }
                return ExitCode.OK;
            } catch (PetabException e) {
                throw failure(e);
            }
        }
    }

    /** {@code profile PROBLEM.yaml [--param ID...] [--from FILE] [--out DIR]}. */
    static final class ProfileCommand implements Command {

        @Override
        public String name() {
            return "profile";
        }

        @Override
        public String synopsis() {
            return "profile PROBLEM.yaml [--param ID...] [--from FILE] [--out DIR]";
        }

        @Override
        public String summary() {
            return "profile likelihoods, 95% confidence intervals and identifiability of a PEtab problem";
        }

        @Override
        public String help() {
            return "Optimises locally from the nominal parameters (or those of --from, e.g. the best_parameters.tsv\n"
                    + "of fit), then profiles each parameter: fixed at steps away from the best fit, the others\n"
                    + "re-optimised, until the llh falls below llh_best - chi2(0.95,1)/2 = llh_best - 1.92 or the\n"
                    + "bound is reached. Prints 'best llh = <value>' and a table: parameter, scale, best value, the\n"
                    + "95% interval on the parameter and linear scales (-inf/inf where open), the highest llh seen\n"
                    + "on the profile (above the best: a better fit exists) and the verdict: identifiable,\n"
                    + "practically non-identifiable (the profile does not cross the threshold on one side or both),\n"
                    + "structurally non-identifiable (flat: within 0.1 of the best everywhere explored).\n"
                    + "  --param ID         a parameter to profile (repeatable; default every estimated one)\n"
                    + "  --from FILE        start here: a PEtab parameter table or a TSV of id and linear value\n"
                    + "  --max-steps N      steps per direction (default 40)\n"
                    + OPTIMIZER_HELP
                    + "  --out DIR          write DIR/intervals.tsv (the table) and DIR/profiles.tsv (every profile\n"
                    + "                     point: parameter, value, llh, exit, all parameters on their scales)";
        }

        @Override
        public ExitCode run(List<String> args, CommandIO io) throws CommandException {
            Options o = Options.parse(args, Set.of("--param", "--from", "--out", "--optimizer", "--threads",
                    "--max-steps", "--max-iterations", "--max-evaluations", ModelRuns.SOLVER, ModelRuns.RTOL,
                    ModelRuns.ATOL), Set.of("--param"));
            Path yaml = io.resolve(o.onePositional("PROBLEM.yaml"));
            Optimizer optimizer = optimizer(o);
            int threads = o.integer("--threads", 0, 0);
            Profile.Settings d = Profile.Settings.defaults();
            Profile.Settings settings = new Profile.Settings(optimizerSettings(o), o.integer("--max-steps",
                    d.maxSteps(), 1), d.targetDrop());
            SolverOptions options = ModelRuns.solverOptions(o, PetabObjective.defaultOptions());
            try {
                PetabProblem problem = PetabProblem.read(yaml);
                PetabObjective objective = PetabObjective.create(problem, options);
                List<String> ids = objective.parameterIds();
                double[] start = objective.nominalParameters();
                if (o.get("--from") != null) {
                    Map<String, Double> values = ParameterValues.read(io.resolve(o.get("--from")));
                    for (Map.Entry<String, Double> e : values.entrySet()) {
                        if (!problem.parameters().containsKey(e.getKey())) {
                            throw new CommandException(ExitCode.BAD_INPUT, o.get("--from") + ": '" + e.getKey()
                                    + "' is not in the problem's parameter table");
                        }
                        int k = ids.indexOf(e.getKey());
                        if (k >= 0) {
                            start[k] = problem.parameters().get(e.getKey()).scale().toScale(e.getValue());
                        }
                    }
                }
                List<String> chosen = o.all("--param");
                for (String id : chosen) {
                    if (!ids.contains(id)) {
                        throw CommandException.usage("--param: '" + id + "' is not an estimated parameter; use one of "
                                + String.join(", ", ids));
                    }
                }
                io.err().println("profiling " + (chosen.isEmpty() ? ids.size() : chosen.size()) + " parameter(s) with "
                        + optimizer.id());
                Profile.Result r = Profile.run(objective, start, chosen, optimizer, settings, threads,
                        (id, p) -> io.err().println(String.format(Locale.ROOT, "%s = %s: llh = %s (%s)", id,
                                p.value(), p.llh(), p.exit().id())),
                        () -> false);
                io.out().println("best llh = " + r.bestLlh());
                String table = FitTables.intervals(problem, r);
                io.out().print(table);
                if (o.get("--out") != null) {
                    Path dir = io.resolve(o.get("--out"));
                    write(table, dir.resolve("intervals.tsv"), io);
                    write(FitTables.profiles(r), dir.resolve("profiles.tsv"), io);
                }
                return ExitCode.OK;
            } catch (PetabException e) {
                throw failure(e);
            }
        }
    }
}
