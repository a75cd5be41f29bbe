package org.mtorworkbench.cli.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

import org.mtorworkbench.cli.CommandException;
import org.mtorworkbench.cli.CommandIO;
import org.mtorworkbench.cli.ExitCode;
import org.mtorworkbench.sbml.SbmlException;
import org.mtorworkbench.sbml.SbmlReader;
import org.mtorworkbench.experiments.PreparedModel;
import org.mtorworkbench.simulation.CompiledModel;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.Solver;
import org.mtorworkbench.simulation.SolverOptions;

/** What the simulating commands share: loading and compiling a model, perturbations, solver options, output. */
final class ModelRuns {

    static final String IDS = "--ids";
    static final String OUT = "--out";
    static final String SOLVER = "--solver";
    static final String RTOL = "--rtol";
    static final String ATOL = "--atol";

    static final String OPTIONS_HELP = "  --ids a,b        the ids to report (default: every species)\n"
            + "  --out FILE       write the CSV there (default or '-': standard output)\n"
            + "  --solver NAME    auto (default), bdf, dormand-prince, ssa or next-reaction (exact stochastic\n"
            + "                   simulation), a solver an installed bundle contributes, or a KiSAO id\n"
            + "  --rtol X, --atol X   relative and absolute tolerances (default 1e-6, 1e-12)\n"
            + "Exit codes: 2 bad usage or unknown id, 3 unsupported model feature, 4 unreadable or\n"
            + "invalid model, 5 numerical failure.";

    private ModelRuns() {
    }

    static CompiledModel load(String arg, CommandIO io) throws CommandException {
        try {
            return CompiledModel.compile(Models.open(arg, io));
        } catch (SimulationException e) {
            throw failure(Models.describe(arg, io), e);
        }
    }

    /** Opens and compiles a model for perturbed runs. */
    static PreparedModel prepare(String arg, CommandIO io) throws CommandException {
        try {
            return PreparedModel.of(Models.open(arg, io));
        } catch (SimulationException e) {
            throw failure(Models.describe(arg, io), e);
        }
    }

    /** Maps a simulation failure to the command line's exit codes. */
    static CommandException failure(String source, SimulationException e) {
        ExitCode code = switch (e.kind()) {
        case UNSUPPORTED -> ExitCode.UNSUPPORTED;
        case INVALID_MODEL -> ExitCode.BAD_INPUT;
        default -> ExitCode.NUMERICAL;
        };
        return new CommandException(code, source + ": " + e.getMessage(), e);
    }

    static SolverOptions solverOptions(Options o) throws CommandException {
        return solverOptions(o, SolverOptions.defaults());
    }

    /** The --solver, --rtol and --atol options applied to {@code base}. */
    static SolverOptions solverOptions(Options o, SolverOptions base) throws CommandException {
        SolverOptions opts = base;
        String s = o.get(SOLVER);
        if (s != null) {
            Solver solver = Solver.byName(s);
            if (solver == null) {
                throw CommandException.usage("unknown solver '" + s + "'; use one of " + String.join(", ",
                        Solver.values().stream().map(v -> v.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList())
                        + ", or its KiSAO id");
            }
            opts = opts.withSolver(solver);
        }
        if (o.get(RTOL) != null) {
            opts = opts.withRelativeTolerance(positive(o, RTOL));
        }
        if (o.get(ATOL) != null) {
            opts = opts.withAbsoluteTolerance(positive(o, ATOL));
        }
        return opts;
    }

    private static double positive(Options o, String name) throws CommandException {
        double d = o.number(name, 0);
        if (d <= 0) {
            throw CommandException.usage("option " + name + " must be positive");
        }
        return d;
    }

    static List<String> ids(CompiledModel m, Options o) throws CommandException {
        List<String> ids = o.list(IDS);
        if (ids == null) {
            return m.speciesIds();
        }
        if (ids.isEmpty()) {
            throw CommandException.usage("--ids needs at least one id");
        }
        for (String id : ids) {
            if (!m.hasId(id)) {
                throw CommandException.usage("--ids: model '" + m.modelId() + "' has no id '" + id + "'");
            }
        }
        return ids;
    }

    /** Writes through {@code body} to standard output, or atomically to a file. */
    static void write(Options o, CommandIO io, Body body) throws CommandException {
        String out = o.get(OUT);
        if (out == null || out.equals("-")) {
            body.write(io.out());
            io.out().flush();
            return;
        }
        Path file = io.resolve(out);
        try {
            Path dir = file.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, ".mtorwb", ".tmp");
            try (OutputStream os = Files.newOutputStream(tmp);
                    PrintStream ps = new PrintStream(os, false, StandardCharsets.UTF_8)) {
                body.write(ps);
                ps.flush();
                if (ps.checkError()) {
                    throw new IOException("write failed");
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CommandException(ExitCode.BAD_INPUT, "cannot write " + file + ": " + e.getMessage()
                    + "; check the folder exists and is writable", e);
        }
    }

    /** @return the text that reads back as exactly {@code x}, for saved option values */
    static String exact(double x) {
        return org.mtorworkbench.experiments.extension.OptionType.exact(x);
    }

    static String format(double x) {
        return org.mtorworkbench.experiments.Table.number(x);
    }

    /** Writes a table. */
    interface Body {
        void write(PrintStream out);
    }
}
