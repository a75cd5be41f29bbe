package org.mtorworkbench.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.mtorworkbench.cli.Command;
import org.mtorworkbench.cli.CommandException;
import org.mtorworkbench.cli.CommandIO;
import org.mtorworkbench.cli.ExitCode;
import org.mtorworkbench.simulation.CompiledModel;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.reference.Crosscheck;
import org.mtorworkbench.simulation.reference.CvodeReference;

/** {@code crosscheck}: each model's default run against the truth from a tight-tolerance reference solver. */
final class CrosscheckCommand implements Command {

    static final String HEADER = "model,states,t-end,points,truth,truth note,truth atol,max deviation,at state,at time,"
            + "min amount,at species,at time,verdict,ms";

    @Override
    public String name() {
        return "crosscheck";
    }

    @Override
    public String synopsis() {
        return "crosscheck MODEL... [--t-end T] [--points N] [--no-cvode]";
    }

    @Override
    public String summary() {
        return "compare each model's default run with the truth from CVODE at rtol 1e-10";
    }

    @Override
    public String help() {
        return "Runs each MODEL with the default options (AUTO, rtol 1e-6, atol 1e-12) from 0 to --t-end (default\n"
                + "100) with --points equal intervals (default 100) and compares the state vector (species as\n"
                + "amounts) with the truth: SUNDIALS CVODE (BDF) at rtol 1e-10 and atol 1e-14 times the\n"
                + "largest initial magnitude of the state, compiled with gcc as for bench (releng/sundials.sh\n"
                + "fetches SUNDIALS). Models CVODE cannot be given (events, algebraic rules, rateOf, delays,\n"
                + "...), runs where CVODE fails, and every model with --no-cvode or without gcc and SUNDIALS\n"
                + "are compared with the engine's own BDF at rtol 1e-11 instead; the columns truth and truth\n"
                + "note say which and why.\n"
                + "One CSV row per model: " + HEADER + ".\n"
                + "max deviation is the largest |ours - truth| relative to that state's peak over the truth,\n"
                + "the peak never taken below 1e-6 of the largest state's; min amount the most negative\n"
                + "species amount of the default run (0 if none). verdict: PASS, or FAIL when the deviation\n"
                + "is above 1e-4 or an amount is below -1e-12 (the run's atol). A model that cannot be read\n"
                + "or run gets a row saying why and the others carry on.\n"
                + "Exit code: 0 if every model passes, 1 if one fails the comparison, else the exit code of\n"
                + "the most serious failure (4 unreadable model, 3 unsupported construct, 5 numerical failure).";
    }

    @Override
    public ExitCode run(List<String> args, CommandIO io) throws CommandException {
        Options o = Options.parse(args, Set.of("--t-end", "--points"), Set.of(), Set.of("--no-cvode"));
        if (o.positionals().isEmpty()) {
            throw CommandException.usage("crosscheck needs at least one MODEL");
        }
        double tEnd = o.number("--t-end", 100);
        if (!(tEnd > 0) || Double.isInfinite(tEnd)) {
            throw CommandException.usage("--t-end must be a positive number");
        }
        int points = o.integer("--points", 100, 1);
        CvodeReference.Toolchain toolchain = null;
        PrintStream out = io.out();
        if (o.flag("--no-cvode")) {
            io.err().println("crosscheck: truth from the engine's BDF at rtol 1e-11 (--no-cvode)");
        } else {
            CvodeReference.Availability a = CvodeReference.locate();
            if (a.available()) {
                toolchain = a.toolchain();
            } else {
                io.err().println("crosscheck: CVODE reference n/a (" + a.problem() + "); truth from the engine's BDF"
                        + " at rtol 1e-11");
            }
        }
        out.println(HEADER);
        ExitCode worst = ExitCode.OK;
        for (String model : o.positionals()) {
            String name = csv(Models.describe(model, io));
            ExitCode code;
            try {
                CompiledModel m = ModelRuns.load(model, io);
                Crosscheck.Report r = Crosscheck.run(m, tEnd, points, toolchain);
                out.println(row(name, r));
                code = r.passes(Crosscheck.BOUND) ? ExitCode.OK : ExitCode.PROBLEMS_FOUND;
            } catch (CommandException e) {
                out.println(name + ",failed: " + csv(e.getMessage()));
                code = e.exitCode();
            } catch (SimulationException e) {
                CommandException c = ModelRuns.failure(name, e);
                out.println(name + ",failed: " + csv(e.kind() + ": " + e.getMessage()));
                code = c.exitCode();
            } catch (IOException e) {
                out.println(name + ",failed: the CVODE reference could not be run: " + csv(e.getMessage()));
                code = ExitCode.NUMERICAL;
            }
            out.flush();
            worst = severity(code) > severity(worst) ? code : worst;
        }
        return worst;
    }

    /** @return how serious an outcome is, for the exit code of several models */
    private static int severity(ExitCode c) {
        return switch (c) {
        case OK -> 0;
        case PROBLEMS_FOUND -> 1;
        case NUMERICAL -> 2;
        case UNSUPPORTED -> 3;
        default -> 4;
        };
    }

    static String row(String name, Crosscheck.Report r) {
        List<String> why = new java.util.ArrayList<>();
        if (!(r.deviation() <= Crosscheck.BOUND)) {
            why.add("deviation");
        }
        if (r.negative()) {
            why.add("negative amount");
        }
        String verdict = why.isEmpty() ? "PASS" : "FAIL (" + String.join(" and ", why) + ")";
        return String.join(",", name, Integer.toString(r.states()), ModelRuns.format(r.tEnd()),
                Integer.toString(r.points()), r.truth() == Crosscheck.Truth.CVODE ? "cvode rtol 1e-10" : "engine bdf rtol 1e-11",
                csv(r.truthNote()), ModelRuns.format(r.truthAtol()), ModelRuns.format(r.deviation()), csv(r.deviationState()),
                ModelRuns.format(r.deviationTime()), ModelRuns.format(r.minimumAmount()), csv(r.minimumState()),
                ModelRuns.format(r.minimumTime()), verdict, String.format(Locale.ROOT, "%.0f", r.millis()));
    }

    private static String csv(String s) {
        return s == null ? "" : s.replace(',', ';').replace('\n', ' ').replace('\r', ' ');
    }
}
