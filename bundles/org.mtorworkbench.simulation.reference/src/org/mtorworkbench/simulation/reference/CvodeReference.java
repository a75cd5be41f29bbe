package org.mtorworkbench.simulation.reference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.mtorworkbench.simulation.CompiledModel;
import org.mtorworkbench.simulation.Simulation;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SimulationException.Kind;
import org.mtorworkbench.simulation.SolverOptions;
import org.mtorworkbench.simulation.reference.internal.CEmitter;
import org.mtorworkbench.simulation.reference.internal.CvodeDriver;
import org.mtorworkbench.simulation.seam.ReferenceSeam;

/**
 * The reference the engine's speed and accuracy are measured against: the same ODE system
 * (the model's rules, rates and derivatives written as C) integrated by SUNDIALS CVODE (BDF,
 * dense or KLU sparse direct solver) in a native program compiled with gcc at run time, from the same
 * initial state, with the same tolerances and output times. Needs gcc and the SUNDIALS
 * headers and libraries (see {@link #locate()}); models with events, algebraic rules or
 * rateOf are refused with the reason.
 */
public final class CvodeReference {

    /** Where {@link #locate()} looks for SUNDIALS when nothing is configured: the folder {@code releng/sundials.sh} fills. */
    public static final Path DEFAULT_CACHE = Path.of(System.getProperty("user.home"), ".cache", "mtorwb", "sundials");

    /** How to install what is missing; shown when {@link #locate()} finds no tool chain. */
    public static final String INSTALL_HINT = "run releng/sundials.sh (downloads Debian's libsundials-dev into "
            + "~/.cache/mtorwb/sundials, no root needed) and make sure gcc is installed (apt-get install gcc), "
            + "or point the property mtorwb.sundials or the variable MTORWB_SUNDIALS at a SUNDIALS 6 prefix";

    /**
     * A C compiler and a SUNDIALS installation (prefix with include/cvode/cvode.h and the CVODE
     * library); {@code kluLibraries} are SUNDIALS' KLU solver and SuiteSparse's KLU with what it
     * needs, in link order, or empty when they are not installed.
     */
    public record Toolchain(Path compiler, Path include, Path cvodeLibrary, List<Path> kluLibraries) {
        public Toolchain {
            kluLibraries = List.copyOf(kluLibraries);
        }

        /** @return true if the KLU sparse direct solver can be linked */
        public boolean hasKlu() {
            return !kluLibraries.isEmpty();
        }
    }

    /** CVODE's linear solver for the Newton iterations. */
    public enum LinearSolver {
        /** Dense LU (SUNDIALS' own). */
        DENSE,
        /** KLU sparse LU (SuiteSparse) on the model's Jacobian pattern; needs the analytic Jacobian. */
        KLU
    }

    /** What {@link #locate()} found: a tool chain, or why there is none. */
    public record Availability(Toolchain toolchain, String problem) {
        public boolean available() {
            return toolchain != null;
        }
    }

    /**
     * One reference measurement.
     *
     * @param runMillis wall-clock time of each run (creating the solver, integrating, freeing it)
     * @param cpuMillis CPU time of each run (less disturbed than wall-clock time by other load)
     * @param steps CVODE's steps in one run
     * @param rhsEvaluations right-hand side evaluations by the integrator in one run
     * @param jacobianRhsEvaluations right-hand side evaluations for difference-quotient Jacobians
     * @param jacobianEvaluations Jacobian evaluations in one run
     * @param analyticJacobian true if CVODE used the model's analytic Jacobian
     * @param linearSolver the linear solver CVODE used
     * @param times the output times
     * @param states the state vector at each output time (species as amounts)
     * @param compileMillis time taken by gcc
     */
    public record Result(double[] runMillis, double[] cpuMillis, long steps, long rhsEvaluations, long jacobianRhsEvaluations,
            long jacobianEvaluations, boolean analyticJacobian, LinearSolver linearSolver, double[] times,
            double[][] states,
            double compileMillis) {

        /** @return the median of the run times, in ms */
        public double medianMillis() {
            return median(runMillis);
        }

        /** @return the median of the CPU times, in ms */
        public double medianCpuMillis() {
            return median(cpuMillis);
        }

        /** @return the state at the last output time */
        public double[] finalState() {
            return states[states.length - 1].clone();
        }
    }

    private CvodeReference() {
    }

    /**
     * Finds gcc on the PATH and SUNDIALS in the first of: the system property
     * {@code mtorwb.sundials}, the environment variable {@code MTORWB_SUNDIALS}, each a prefix or
     * a folder holding {@code usr/}; {@link #DEFAULT_CACHE}; {@code /usr/local}; {@code /usr}.
     */
    public static Availability locate() {
        Path gcc = onPath("gcc");
        if (gcc == null) {
            gcc = onPath("cc");
        }
        List<Path> prefixes = new ArrayList<>();
        for (String s : new String[] { System.getProperty("mtorwb.sundials"), System.getenv("MTORWB_SUNDIALS") }) {
            if (s != null && !s.isBlank()) {
                prefixes.add(Path.of(s));
                prefixes.add(Path.of(s, "usr"));
            }
        }
        prefixes.add(DEFAULT_CACHE.resolve("usr"));
        prefixes.add(Path.of("/usr/local"));
        prefixes.add(Path.of("/usr"));
        Toolchain found = null;
        for (Path p : prefixes) {
            Path include = p.resolve("include");
            if (!Files.isRegularFile(include.resolve("cvode/cvode.h"))) {
                continue;
            }
            Path lib = cvodeLibrary(p);
            if (lib != null) {
                found = new Toolchain(gcc, include, lib, kluLibraries(include, lib.getParent()));
                break;
            }
        }
        if (gcc == null && found == null) {
            return new Availability(null, "neither gcc nor SUNDIALS CVODE is installed; " + INSTALL_HINT);
        }
        if (gcc == null) {
            return new Availability(null, "gcc is not on the PATH; install it (apt-get install gcc)");
        }
        if (found == null) {
            return new Availability(null, "SUNDIALS CVODE headers and library not found; " + INSTALL_HINT);
        }
        return new Availability(found, null);
    }

    private static Path onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, exe);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** @return the static CVODE library (preferred: no run-time dependencies) or the shared one under a prefix */
    private static Path cvodeLibrary(Path prefix) {
        for (String name : new String[] { "libsundials_cvode.a", "libsundials_cvode.so" }) {
            for (String dir : new String[] { "lib/x86_64-linux-gnu", "lib/aarch64-linux-gnu", "lib64", "lib" }) {
                Path p = prefix.resolve(dir).resolve(name);
                if (Files.isRegularFile(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** @return the KLU libraries in link order, each static or shared, if all are in {@code dir}; else empty */
    private static List<Path> kluLibraries(Path include, Path dir) {
        if (!Files.isRegularFile(include.resolve("suitesparse/klu.h")) && !Files.isRegularFile(include.resolve("klu.h"))) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        for (String name : new String[] { "sundials_sunlinsolklu", "klu", "amd", "colamd", "btf", "suitesparseconfig" }) {
            Path a = dir.resolve("lib" + name + ".a");
            Path so = dir.resolve("lib" + name + ".so");
            if (Files.isRegularFile(a)) {
                out.add(a);
            } else if (Files.isRegularFile(so)) {
                out.add(so);
            } else {
                return List.of();
            }
        }
        return out;
    }

    /**
     * Checks that a model can be written as C for the reference.
     *
     * @return null if it can, else the reason it cannot
     */
    public static String unsupportedReason(CompiledModel model) {
        try {
            CEmitter.source(ReferenceSeam.equations(model), true);
            return model.stateCount() == 0 ? "the model has no state variables" : null;
        } catch (CEmitter.Unsupported e) {
            return e.getMessage();
        }
    }

    /**
     * Compiles the simulation's model with CVODE and runs it {@code runs} times (at least 3,
     * more while {@code budgetMillis} lasts, at most {@code runs}).
     *
     * @param times output times; the first must be the simulation's start time
     * @param analyticJacobian use the model's analytic Jacobian when it has one (else difference quotients)
     * @throws SimulationException UNSUPPORTED if the model cannot be written as C, or with the
     *         solver's failure
     * @throws IOException if gcc fails or the program cannot be run (the message holds gcc's errors)
     */
    public static Result run(Toolchain tc, Simulation sim, double[] times, SolverOptions options, int runs,
            long budgetMillis, boolean analyticJacobian) throws SimulationException, IOException {
        return run(tc, sim, times, options, runs, budgetMillis, analyticJacobian, LinearSolver.DENSE);
    }

    /**
     * Like {@link #run(Toolchain, Simulation, double[], SolverOptions, int, long, boolean)} with
     * a choice of linear solver; KLU needs {@link Toolchain#hasKlu()} and the model's analytic
     * Jacobian (see {@link #hasAnalyticJacobian(CompiledModel)}).
     */
    public static Result run(Toolchain tc, Simulation sim, double[] times, SolverOptions options, int runs,
            long budgetMillis, boolean analyticJacobian, LinearSolver solver) throws SimulationException, IOException {
        try (Program p = compile(tc, sim.model(), analyticJacobian, solver)) {
            return p.run(sim, times, options, runs, budgetMillis);
        }
    }

    /**
     * Compiles the reference program for a model once, to run it with several simulations or
     * options (its temporary folder goes on {@link Program#close()}).
     *
     * @throws SimulationException UNSUPPORTED if the model cannot be written as C
     * @throws IOException if gcc fails (the message holds its errors) or KLU is asked for and absent
     */
    public static Program compile(Toolchain tc, CompiledModel model, boolean analyticJacobian, LinearSolver solver)
            throws SimulationException, IOException {
        ReferenceSeam.Equations equations = ReferenceSeam.equations(model);
        boolean klu = solver == LinearSolver.KLU;
        if (klu && !tc.hasKlu()) {
            throw new IOException("the KLU libraries are not installed; " + INSTALL_HINT);
        }
        String source;
        try {
            source = CEmitter.source(equations, analyticJacobian || klu, klu);
        } catch (CEmitter.Unsupported e) {
            throw new SimulationException(Kind.UNSUPPORTED, "the CVODE reference cannot run this model: "
                    + e.getMessage());
        }
        Path dir = Files.createTempDirectory("mtorwb-cvode");
        try {
            Path src = dir.resolve("model.c");
            Path exe = dir.resolve("model");
            Files.writeString(src, CvodeDriver.program(source), StandardCharsets.US_ASCII);
            List<String> cmd = new ArrayList<>(List.of(tc.compiler().toString(), "-O2", "-o", exe.toString(),
                    src.toString(), "-I" + tc.include()));
            if (klu) {
                cmd.add("-I" + tc.include().resolve("suitesparse"));
                cmd.add(tc.kluLibraries().get(0).toString());
            }
            cmd.add(tc.cvodeLibrary().toString());
            if (klu) {
                tc.kluLibraries().subList(1, tc.kluLibraries().size()).forEach(l -> cmd.add(l.toString()));
            }
            cmd.add("-lm");
            cmd.add("-Wl,-rpath," + tc.cvodeLibrary().getParent());
            long c0 = System.nanoTime();
            String gccOut = exec(cmd, dir, 600);
            double compileMs = (System.nanoTime() - c0) / 1e6;
            if (!Files.isExecutable(exe)) {
                throw new IOException("gcc failed to compile the CVODE reference: " + gccOut);
            }
            return new Program(model, equations.states(), dir, exe, analyticJacobian,
                    (analyticJacobian || klu) && equations.hasJacobian(), solver, compileMs);
        } catch (IOException | RuntimeException e) {
            delete(dir);
            throw e;
        }
    }

    /** A compiled reference program for one model; close it to delete its temporary folder. */
    public static final class Program implements AutoCloseable {
        private final CompiledModel model;
        private final int states;
        private final Path dir;
        private final Path exe;
        private final boolean analyticAsked;
        private final boolean analytic;
        private final LinearSolver solver;
        private final double compileMillis;
        private int inputs;

        private Program(CompiledModel model, int states, Path dir, Path exe, boolean analyticAsked, boolean analytic,
                LinearSolver solver, double compileMillis) {
            this.model = model;
            this.states = states;
            this.dir = dir;
            this.exe = exe;
            this.analyticAsked = analyticAsked;
            this.analytic = analytic;
            this.solver = solver;
            this.compileMillis = compileMillis;
        }

        /** @return the time gcc took, in ms */
        public double compileMillis() {
            return compileMillis;
        }

        /**
         * Runs a simulation of the program's model (its overrides and start time) {@code runs}
         * times (at least 3, more while {@code budgetMillis} lasts, at most {@code runs}).
         *
         * @param times output times; the first must be the simulation's start time
         * @throws SimulationException with CVODE's failure
         * @throws IOException if the program cannot be run or prints something unexpected
         */
        public Result run(Simulation sim, double[] times, SolverOptions options, int runs, long budgetMillis)
                throws SimulationException, IOException {
            if (sim.model() != model) {
                throw new IllegalArgumentException("the simulation is of another model than the program's");
            }
            ReferenceSeam.Start start = ReferenceSeam.start(sim, options);
            if (times.length < 2 || times[0] != start.time()) {
                throw new IllegalArgumentException("the output times must start at the simulation's start time");
            }
            String input = CvodeDriver.input(start.symbols(), start.state(), times,
                    Math.max(1, runs), budgetMillis, analyticAsked, options.get(SolverOptions.RELATIVE_TOLERANCE),
                    start.absoluteTolerance(), options.get(SolverOptions.MAX_STEPS),
                    options.get(SolverOptions.INITIAL_STEP), options.get(SolverOptions.MAX_STEP));
            Path in = dir.resolve("input-" + (inputs++) + ".txt");
            Files.writeString(in, input, StandardCharsets.US_ASCII);
            String out = exec(List.of(exe.toString(), in.toString()), dir, 3600);
            return parse(out, states, times, analytic, solver, compileMillis);
        }

        @Override
        public void close() throws IOException {
            delete(dir);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** @return true if the model has an analytic Jacobian the C export can write (needed for KLU) */
    public static boolean hasAnalyticJacobian(CompiledModel model) {
        ReferenceSeam.Equations e = ReferenceSeam.equations(model);
        try {
            CEmitter.check(e);
            return e.hasJacobian();
        } catch (CEmitter.Unsupported x) {
            return false;
        }
    }

    private static String exec(List<String> cmd, Path dir, long timeoutSeconds) throws IOException {
        Path log = dir.resolve("out-" + System.nanoTime() + ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // plain ASCII diagnostics from gcc
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(cmd.get(0) + " did not finish within " + timeoutSeconds + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + cmd.get(0), e);
        }
        String out = Files.readString(log, StandardCharsets.ISO_8859_1);
        if (p.exitValue() == 2 && out.contains("error ")) {
            return out;
        }
        if (p.exitValue() != 0) {
            throw new IOException(Path.of(cmd.get(0)).getFileName() + " exited with status " + p.exitValue() + ": "
                    + out.strip());
        }
        return out;
    }

    private static Result parse(String out, int ns, double[] times, boolean analytic, LinearSolver solver,
            double compileMs)
            throws SimulationException, IOException {
        double[] ms = null;
        double[] cpu = null;
        long[] stats = null;
        List<double[]> rows = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split(" ");
            switch (f[0]) {
            case "ms" -> ms = Arrays.stream(f, 1, f.length).mapToDouble(Double::parseDouble).toArray();
            case "cpu" -> cpu = Arrays.stream(f, 1, f.length).mapToDouble(Double::parseDouble).toArray();
            case "stats" -> stats = Arrays.stream(f, 1, f.length).mapToLong(Long::parseLong).toArray();
            case "y" -> {
                double[] r = new double[ns];
                for (int i = 0; i < ns; i++) {
                    r[i] = Double.parseDouble(f[i + 2]);
                }
                rows.add(r);
            }
            case "error" -> throw new SimulationException(Kind.CONVERGENCE_FAILURE,
                    String.format(Locale.ROOT, "CVODE failed with flag %s at time %s", f[1], f[2]));
            default -> {
                // the compiler's or the C library's diagnostics: not part of the result
            }
            }
        }
        if (ms == null || ms.length == 0 || cpu == null || cpu.length != ms.length || stats == null || stats.length < 6 || rows.size() != times.length) {
            throw new IOException("unexpected output from the CVODE reference program: " + out.strip());
        }
        return new Result(ms, cpu, stats[0], stats[1], stats[2], stats[3], analytic, solver, times.clone(),
                rows.toArray(new double[0][]), compileMs);
    }

    /**
     * Integrates the simulation with the engine and returns the state vector (species as
     * amounts, as CVODE sees it) at each output time.
     */
    public static double[][] engineStates(Simulation sim, double[] times, SolverOptions options)
            throws SimulationException {
        return ReferenceSeam.stateTrajectory(sim, times, options);
    }

    /**
     * The largest difference between two trajectories of the same states, each component's
     * difference relative to that component's largest magnitude over the reference trajectory
     * (components that stay below {@code floor} in magnitude are measured against {@code floor}).
     */
    public static double maxRelativeDifference(double[][] ours, double[][] reference, double floor) {
        int ns = reference[0].length;
        double worst = 0;
        for (int k = 0; k < ns; k++) {
            double scale = floor;
            for (double[] r : reference) {
                scale = Math.max(scale, Math.abs(r[k]));
            }
            for (int t = 0; t < reference.length; t++) {
                double d = Math.abs(ours[t][k] - reference[t][k]) / scale;
                if (!(d <= worst)) {
                    worst = d;
                }
            }
        }
        return worst;
    }

    /** @return the median of some numbers */
    public static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
