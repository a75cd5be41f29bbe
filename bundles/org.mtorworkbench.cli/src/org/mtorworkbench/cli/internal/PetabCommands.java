package org.mtorworkbench.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mtorworkbench.calibration.DesignPetab;
import org.mtorworkbench.calibration.GradientTable;
import org.mtorworkbench.calibration.ObjectiveValue;
import org.mtorworkbench.calibration.ParameterValues;
import org.mtorworkbench.calibration.PetabException;
import org.mtorworkbench.calibration.PetabObjective;
import org.mtorworkbench.calibration.PetabProblem;
import org.mtorworkbench.calibration.PetabTestSuite;
import org.mtorworkbench.calibration.SimulationTable;
import org.mtorworkbench.cli.Command;
import org.mtorworkbench.cli.CommandException;
import org.mtorworkbench.cli.CommandIO;
import org.mtorworkbench.cli.ExitCode;
import org.mtorworkbench.experiments.extension.DesignRequest;
import org.mtorworkbench.experiments.extension.ExperimentDesign;
import org.mtorworkbench.simulation.SolverOptions;
import org.mtorworkbench.simulation.TestSuiteRunner;

/** The PEtab commands: {@code petab-testsuite} and {@code objective}. */
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
}
