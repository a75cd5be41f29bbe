package org.mtorworkbench.cli.internal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.mtorworkbench.cli.Command;
import org.mtorworkbench.cli.CommandException;
import org.mtorworkbench.cli.CommandIO;
import org.mtorworkbench.cli.ExitCode;
import org.mtorworkbench.sbml.SbmlException;
import org.mtorworkbench.sbml.SbmlReader;
import org.mtorworkbench.simulation.CompiledModel;
import org.mtorworkbench.simulation.reference.CvodeReference;
import org.mtorworkbench.simulation.Output;
import org.mtorworkbench.simulation.RunStatistics;
import org.mtorworkbench.simulation.Simulation;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SolverOptions;
import org.mtorworkbench.simulation.TimeCourse;

/** {@code bench}: prints the simulation engine's speed on reference models. */
final class BenchCommand implements Command {

    /** The reference models, relative to the shared data folder. */
    static final List<String> MODELS = List.of("models/BIOMD0000000448.xml", "models/BIOMD0000000474.xml",
            "models/petab/Chen_MSB2009/model_Chen_MSB2009.xml");

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String synopsis() {
        return "bench [--models F1,F2,...] [--shared DIR] [--t-end T] [--runs N] [--rtol X] [--cvode-jacobian analytic|dq]\n"
                + "       [--cvode-solver auto|dense|klu] [--no-cvode] | bench --experiments [--threads N]";
    }

    @Override
    public String summary() {
        return "print the simulation engine's speed on reference models";
    }

    @Override
    public String help() {
        return "For builtin:mtor (over 24 h, 1440 min) and each reference model (BIOMD0000000448,\n"
                + "BIOMD0000000474 and Chen_MSB2009 from the shared data folder: --shared, else the property\n"
                + "mtorwb.shared, else ../shared) prints: species,\n"
                + "load+compile time, milliseconds per simulation to --t-end (default 100 time units, 100\n"
                + "output intervals) as the median of --runs runs (default 20, fewer if a model is slow) after\n"
                + "a warm-up (at least 5 runs, then up to 2 s) in which the JIT compiles the generated code,\n"
                + "accepted steps, right-hand side and Jacobian evaluations of one run, and the throughput\n"
                + "of a parameter scan on 1 and 2 threads (scans of about 1.5 s, each thread count twice, the\n"
                + "better kept). Absent models are reported as skipped.\n"
                + "With --models F1,F2,... (files, or builtin:ID), those models instead, each timed the same way\n"
                + "to --t-end (default 100); a model that cannot be read or compiled gets a row saying why,\n"
                + "the others carry on, and the exit code is then 4 (unreadable) or 3 (unsupported).\n"
                + "In the same run, the reference: the model's right-hand side written as C and integrated\n"
                + "by SUNDIALS CVODE (BDF; linear solver: --cvode-solver dense, klu, or auto (default): KLU\n"
                + "for models of 100 states or more that have an analytic Jacobian, else dense; the model's\n"
                + "analytic Jacobian, or CVODE's difference quotients with --cvode-jacobian dq and dense) with\n"
                + "the same tolerances, initial state and output times, compiled with gcc -O2 at run time;\n"
                + "prints its median ms per simulation, steps, evaluations, the ratio (ours / CVODE; below 1\n"
                + "means faster) of the wall-clock medians and of the CPU-time medians (less disturbed by other\n"
                + "load on the machine), the largest difference between the two trajectories, and each one's\n"
                + "error against CVODE at rtol 1e-10 (differences relative to each state's peak, or to\n"
                + "atol/rtol for states that stay below it). Needs gcc and\n"
                + "SUNDIALS (releng/sundials.sh fetches it); without them, or with --no-cvode, it says so and\n"
                + "carries on. Models with events, algebraic rules or rateOf have no reference (n/a).\n"
                + "With --experiments, instead: the experiment designs on builtin:mtor, readout at 24 h: a 10x10\n"
                + "combination matrix (rapamycin x PD0325901, the controls included; median of 5 after a\n"
                + "warm-up, the cells pre-equilibrated once), and a 2-D scan of 100 x 100 points (GF and\n"
                + "aminoacids, each point pre-equilibrated), on --threads N (default all cores).\n"
                + "Numbers are printed, not judged: the exit code is 0 unless the options or models are wrong.";
    }

    @Override
    public ExitCode run(List<String> args, CommandIO io) throws CommandException {
        Options o = Options.parse(args,
                Set.of("--models", "--shared", "--t-end", "--runs", ModelRuns.RTOL, "--cvode-jacobian", "--cvode-solver",
                        ExperimentCommands.THREADS),
                Set.of(), Set.of("--no-cvode", "--experiments"));
        String jac = o.get("--cvode-jacobian") == null ? "analytic" : o.get("--cvode-jacobian");
        if (!jac.equals("analytic") && !jac.equals("dq")) {
            throw CommandException.usage("--cvode-jacobian takes analytic or dq, not '" + jac + "'");
        }
        String linear = o.get("--cvode-solver") == null ? "auto" : o.get("--cvode-solver");
        if (!List.of("auto", "dense", "klu").contains(linear)) {
            throw CommandException.usage("--cvode-solver takes auto, dense or klu, not '" + linear + "'");
        }
        if (!o.positionals().isEmpty()) {
            throw CommandException.usage("unexpected argument '" + o.positionals().get(0) + "'");
        }
        if (o.flag("--experiments")) {
            try {
                experiments(io.out(), o.integer(ExperimentCommands.THREADS, 0, 0));
            } catch (SimulationException e) {
                throw ModelRuns.failure("builtin:mtor", e);
            }
            return ExitCode.OK;
        }
        Path shared;
        if (o.get("--shared") != null) {
            shared = io.resolve(o.get("--shared"));
        } else if (System.getProperty("mtorwb.shared") != null) {
            shared = Path.of(System.getProperty("mtorwb.shared"));
        } else {
            shared = io.resolve("../shared");
        }
        double tEnd = o.number("--t-end", 100);
        int runs = o.integer("--runs", 20, 1);
        SolverOptions options = SolverOptions.defaults().withRelativeTolerance(o.number(ModelRuns.RTOL, 1e-6));
        PrintStream out = io.out();
        out.printf(Locale.ROOT, "simulation benchmark: t-end %s, 100 intervals, %s, %d cores%n", ModelRuns.format(tEnd),
                options, Runtime.getRuntime().availableProcessors());
        Reference ref = Reference.NONE;
        if (o.flag("--no-cvode")) {
            out.println("CVODE reference: off (--no-cvode)");
        } else {
            CvodeReference.Availability a = CvodeReference.locate();
            if (linear.equals("klu") && a.available() && !a.toolchain().hasKlu()) {
                out.println("CVODE reference: KLU is not installed, using the dense solver; "
                        + CvodeReference.INSTALL_HINT);
                linear = "dense";
            }
            if (a.available()) {
                ref = new Reference(a.toolchain(), jac.equals("analytic"),
                        linear.equals("auto") && !a.toolchain().hasKlu() ? "dense" : linear);
                out.println("CVODE reference: SUNDIALS CVODE, BDF, " + switch (ref.linear) {
                case "klu" -> "KLU sparse direct solver";
                case "dense" -> "dense direct solver";
                default -> "KLU sparse direct solver from 100 states, else dense";
                } + ", " + (ref.analytic ? "analytic Jacobian where the model has one" : "difference-quotient Jacobian")
                        + ", rate laws compiled by " + a.toolchain().compiler() + " -O2; library "
                        + a.toolchain().cvodeLibrary());
            } else {
                out.println("CVODE reference: n/a (" + a.problem() + ")");
            }
        }
        List<String> chosen = o.list("--models");
        if (chosen != null && chosen.isEmpty()) {
            throw CommandException.usage("--models needs at least one model");
        }
        out.println("model,species,states,load+compile ms,ms per simulation (median),runs,steps,rhs evaluations,"
                + "jacobian evaluations,scan sims/s 1 thread,scan sims/s 2 threads,2-thread speed-up,"
                + "cvode ms per simulation (median),cvode runs,cvode steps,cvode rhs evaluations (+ for jacobians),"
                + "cvode jacobian evaluations,ratio ours/cvode (medians),ratio ours/cvode (cpu time medians),"
                + "max difference to cvode,"
                + "our error (vs cvode rtol 1e-10),cvode error (vs cvode rtol 1e-10)");
        if (chosen != null) {
            ExitCode code = ExitCode.OK;
            for (String model : chosen) {
                String name = Models.describe(model, io);
                Source source;
                if (org.mtorworkbench.network.BuiltinModels.isBuiltin(model)) {
                    Models.open(model, io); // an unknown built-in id is a usage error
                    source = () -> org.mtorworkbench.network.BuiltinModels.open(model).orElseThrow();
                } else {
                    Path file = io.resolve(model);
                    source = () -> org.mtorworkbench.sbml.extension.ModelFormats.readerFor(file).read(file);
                }
                try {
                    bench(name, source, tEnd, runs, options, ref, out);
                } catch (SbmlException e) {
                    out.println(name + ",failed: " + e.getMessage());
                    code = ExitCode.BAD_INPUT;
                } catch (SimulationException e) {
                    out.println(name + ",failed: " + e.kind() + ": " + e.getMessage());
                    ExitCode c = ModelRuns.failure(name, e).exitCode();
                    code = code == ExitCode.BAD_INPUT ? code : c == ExitCode.NUMERICAL ? code : c;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CommandException(ExitCode.NUMERICAL, "interrupted");
                }
            }
            return code;
        }
        try {
            // the built-in network over 24 h, the time scale of the review's experiments
            bench("builtin:mtor (24 h)", () -> org.mtorworkbench.network.NetworkModel.newDocument(), 1440, runs,
                    options, ref, out);
        } catch (SbmlException | SimulationException e) {
            out.println("builtin:mtor,failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException(ExitCode.NUMERICAL, "interrupted");
        }
        for (String rel : MODELS) {
            Path file = shared.resolve(rel);
            String name = file.getFileName().toString();
            if (!Files.isRegularFile(file)) {
                out.println(name + ",skipped: " + file + " is absent");
                continue;
            }
            try {
                bench(name, () -> new SbmlReader().read(file), tEnd, runs, options, ref, out);
            } catch (SbmlException e) {
                out.println(name + ",failed: " + e.getMessage());
            } catch (SimulationException e) {
                out.println(name + ",failed: " + e.kind() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CommandException(ExitCode.NUMERICAL, "interrupted");
            }
        }
        return ExitCode.OK;
    }

    /** Times the experiment designs on the built-in network. */
    static void experiments(PrintStream out, int threads) throws SimulationException {
        org.mtorworkbench.experiments.BatchRunner runner = new org.mtorworkbench.experiments.BatchRunner(threads);
        long t0 = System.nanoTime();
        org.mtorworkbench.experiments.PreparedModel model = org.mtorworkbench.experiments.PreparedModel
                .of(org.mtorworkbench.network.NetworkModel.newDocument());
        org.mtorworkbench.experiments.Cells cells = new org.mtorworkbench.experiments.Cells(model,
                org.mtorworkbench.network.ModelChanges.NONE, org.mtorworkbench.network.extension.Contributions.drugs(),
                SolverOptions.defaults());
        org.mtorworkbench.experiments.ReadoutTime day = org.mtorworkbench.experiments.ReadoutTime.at(1440);
        cells.equilibratedState(() -> false);
        out.printf(Locale.ROOT, "experiment benchmark: builtin:mtor, readout at 24 h, %d thread(s), %d cores%n",
                runner.threads(), Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "compile + pre-equilibrate: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        double[] a = org.mtorworkbench.experiments.DoseResponse.logDoses(0.01, 100, 9);
        double[] b = org.mtorworkbench.experiments.DoseResponse.logDoses(1, 1000, 9);
        List<Double> ms = new ArrayList<>();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        double comboCpu = 0;
        for (int i = 0; i < 6; i++) {
            long s = System.nanoTime();
            long c = cpu.getCurrentThreadCpuTime();
            org.mtorworkbench.experiments.Combination.run(cells, "model", "rapamycin", a, "pd0325901", b,
                    "proliferation", day, runner, org.mtorworkbench.experiments.Progress.NONE,
                    new org.mtorworkbench.experiments.Cancellation());
            if (i > 0) {
                ms.add((System.nanoTime() - s) / 1e6);
                comboCpu += (cpu.getCurrentThreadCpuTime() - c) / 1e6 / 5;
            }
        }
        java.util.Collections.sort(ms);
        // with one thread the runs execute on this thread: its CPU time is the work, whatever else loads the machine
        out.printf(Locale.ROOT, "combination 10x10 (100 runs): %.0f ms median (min %.0f, max %.0f)%s%n", ms.get(2),
                ms.get(0), ms.get(4), runner.threads() == 1 ? String.format(Locale.ROOT, "; %.0f ms CPU", comboCpu)
                        : "");
        List<org.mtorworkbench.experiments.Scan.Axis> axes = List.of(
                new org.mtorworkbench.experiments.Scan.Axis("GF", 0.1, 1, 100, false),
                new org.mtorworkbench.experiments.Scan.Axis("aminoacids", 0.1, 1, 100, false));
        long s = System.nanoTime();
        long c = cpu.getCurrentThreadCpuTime();
        org.mtorworkbench.experiments.Scan.run(cells, "model", org.mtorworkbench.experiments.Scan.grid(axes),
                java.util.Map.of(), List.of("pS6K1"), day, runner, org.mtorworkbench.experiments.Progress.NONE,
                new org.mtorworkbench.experiments.Cancellation());
        double scanMs = (System.nanoTime() - s) / 1e6;
        double scanCpu = (cpu.getCurrentThreadCpuTime() - c) / 1e6;
        out.printf(Locale.ROOT, "scan 100x100 (10,000 points, each pre-equilibrated): %.0f ms (%.0f points/s)%s%n",
                scanMs, 10_000 / (scanMs / 1000), runner.threads() == 1 ? String.format(Locale.ROOT,
                        "; %.0f ms CPU", scanCpu) : "");
    }

    /** Where a benchmarked model comes from. */
    private interface Source {
        org.sbml.jsbml.SBMLDocument load() throws SbmlException;
    }

    /** The CVODE tool chain to compare against, or none. */
    private record Reference(CvodeReference.Toolchain toolchain, boolean analytic, String linear) {
        static final Reference NONE = new Reference(null, true, "dense");
    }

    private static void bench(String name, Source source, double tEnd, int runs, SolverOptions options,
            Reference ref, PrintStream out) throws SbmlException, SimulationException, InterruptedException {
        long t0 = System.nanoTime();
        CompiledModel m = CompiledModel.compile(source.load());
        double loadMs = (System.nanoTime() - t0) / 1e6;
        List<Output> outs = new ArrayList<>();
        for (String id : m.speciesIds()) {
            outs.add(Output.of(id));
        }
        double[] times = new double[101];
        for (int i = 0; i <= 100; i++) {
            times[i] = tEnd * i / 100;
        }
        Simulation sim = m.newSimulation();
        TimeCourse first = sim.run(times, outs, options, () -> false);
        RunStatistics stats = first.statistics();
        // Warm-up, as a scan's runs are: the JIT compiles the generated model code and the solver's loops
        // during the first runs (at least 5 runs, then until 2 s or 200 runs).
        long warm = System.nanoTime() + 2_000_000_000L;
        for (int i = 0; i < 200 && (i < 5 || System.nanoTime() < warm); i++) {
            sim.run(times, outs, options, () -> false);
        }
        List<Double> ms = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long budget = System.nanoTime() + 15_000_000_000L;
        for (int i = 0; i < runs && (i < 3 || System.nanoTime() < budget); i++) {
            long s = System.nanoTime();
            long c = threads.getCurrentThreadCpuTime();
            sim.run(times, outs, options, () -> false);
            cpu.add((threads.getCurrentThreadCpuTime() - c) / 1e6);
            ms.add((System.nanoTime() - s) / 1e6);
        }
        double cpuMedian = CvodeReference.median(cpu.stream().mapToDouble(Double::doubleValue).toArray());
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : 0.5 * (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]);
        // Scans of about 1.5 s each: shorter ones are dominated by thread start-up and the machine's noise.
        int scanRuns = (int) Math.max(4, Math.min(4000, 1500 / Math.max(median, 1e-3)));
        scanRuns += scanRuns % 2;
        // One unmeasured scan first, so neither measurement pays for JIT compilation of the perturbed runs;
        // then each thread count twice, alternating, keeping the better of the two.
        scan(m, times, outs, options, scanRuns, 2);
        double one = 0;
        double two = 0;
        for (int rep = 0; rep < 2; rep++) {
            one = Math.max(one, scan(m, times, outs, options, scanRuns, 1));
            two = Math.max(two, scan(m, times, outs, options, scanRuns, 2));
        }
        out.printf(Locale.ROOT, "%s,%d,%d,%.1f,%.3f,%d,%d,%d,%d,%.1f,%.1f,%.2f,%s%n", name, m.speciesIds().size(),
                m.stateCount(), loadMs, median, sorted.length, stats.steps(), stats.rhsEvaluations(),
                stats.jacobianEvaluations(), one, two, two / one,
                reference(m, times, options, runs, median, cpuMedian, ref));
    }

    /** @return the CVODE columns: its timings and work, the ratio, and how far apart the results are */
    private static String reference(CompiledModel m, double[] times, SolverOptions options, int runs, double ourMedian,
            double ourCpuMedian, Reference ref) {
        if (ref.toolchain == null) {
            return "n/a,,,,,,,,,";
        }
        String reason = CvodeReference.unsupportedReason(m);
        if (reason != null) {
            return "n/a (" + reason.replace(',', ';') + "),,,,,,,,,";
        }
        boolean analytic = CvodeReference.hasAnalyticJacobian(m);
        CvodeReference.LinearSolver linear = switch (ref.linear) {
        case "klu" -> CvodeReference.LinearSolver.KLU;
        case "dense" -> CvodeReference.LinearSolver.DENSE;
        default -> m.stateCount() >= 100 && analytic && ref.analytic ? CvodeReference.LinearSolver.KLU
                : CvodeReference.LinearSolver.DENSE;
        };
        if (linear == CvodeReference.LinearSolver.KLU && !analytic) {
            linear = CvodeReference.LinearSolver.DENSE;
        }
        try (CvodeReference.Program program = CvodeReference.compile(ref.toolchain, m, ref.analytic, linear)) {
            CvodeReference.Result r = program.run(m.newSimulation(), times, options, runs, 15_000);
            double rtol = options.get(SolverOptions.RELATIVE_TOLERANCE);
            double atol = options.get(SolverOptions.ABSOLUTE_TOLERANCE);
            // the truth: CVODE with a tolerance 10^4 times tighter
            CvodeReference.Result tight = program.run(m.newSimulation(), times,
                    options.withRelativeTolerance(1e-10).withAbsoluteTolerance(atol * 1e-4), 1, 0);
            double[][] ours = CvodeReference.engineStates(m.newSimulation(), times, options);
            double floor = atol / rtol;
            return String.format(Locale.ROOT, "%.3f,%d,%d,%d+%d,%d (%s%s),%.2f,%.2f,%.2g,%.2g,%.2g", r.medianMillis(),
                    r.runMillis().length, r.steps(), r.rhsEvaluations(), r.jacobianRhsEvaluations(),
                    r.jacobianEvaluations(), r.linearSolver().name().toLowerCase(Locale.ROOT),
                    r.analyticJacobian() ? " analytic" : " dq", ourMedian / r.medianMillis(), ourCpuMedian / r.medianCpuMillis(),
                    CvodeReference.maxRelativeDifference(ours, r.states(), floor),
                    CvodeReference.maxRelativeDifference(ours, tight.states(), floor),
                    CvodeReference.maxRelativeDifference(r.states(), tight.states(), floor));
        } catch (SimulationException | java.io.IOException e) {
            return "failed (" + e.getMessage().replace(',', ';').replace('\n', ' ') + "),,,,,,,,,";
        }
    }

    /** Runs a scan of the first global parameter over [0.5, 2] times its value; @return simulations per second */
    private static double scan(CompiledModel m, double[] times, List<Output> outs, SolverOptions options, int n,
            int threads) throws InterruptedException, SimulationException {
        List<String> params = m.parameterIds();
        ExecutorService ex = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            List<Future<TimeCourse>> fs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double factor = 0.5 + 1.5 * i / Math.max(1, n - 1);
                Simulation sim = m.newSimulation();
                if (!params.isEmpty()) {
                    try {
                        sim = sim.withValue(params.get(0), factor * baseValue(m, params.get(0)));
                    } catch (IllegalArgumentException e) {
                        // the first parameter is rule-defined: scan the unperturbed model
                    }
                }
                Simulation s = sim;
                fs.add(ex.submit(() -> s.run(times, outs, options, () -> false)));
            }
            int ok = 0;
            for (Future<TimeCourse> f : fs) {
                try {
                    f.get();
                    ok++;
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof SimulationException se && ok == 0 && fs.size() == 1) {
                        throw se;
                    }
                }
            }
            return ok / ((System.nanoTime() - t0) / 1e9);
        } finally {
            ex.shutdownNow();
        }
    }

    private static double baseValue(CompiledModel m, String id) throws SimulationException {
        TimeCourse tc = m.newSimulation().run(new double[] { 0 }, List.of(Output.of(id)), SolverOptions.defaults(),
                () -> false);
        double v = tc.value(0, 0);
        return Double.isFinite(v) && v != 0 ? v : 1.0;
    }
}
