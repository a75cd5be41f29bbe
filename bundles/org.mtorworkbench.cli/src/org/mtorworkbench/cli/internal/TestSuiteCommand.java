package org.mtorworkbench.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.mtorworkbench.cli.Command;
import org.mtorworkbench.cli.CommandException;
import org.mtorworkbench.cli.CommandIO;
import org.mtorworkbench.cli.ExitCode;
import org.mtorworkbench.simulation.TestSuiteRunner;
import org.mtorworkbench.simulation.TestSuiteRunner.CaseResult;

/** {@code testsuite DIR ...}: runs SBML Test Suite cases. */
final class TestSuiteCommand implements Command {

    @Override
    public String name() {
        return "testsuite";
    }

    @Override
    public String synopsis() {
        return "testsuite DIR [--cases LIST] [--out FILE]";
    }

    @Override
    public String summary() {
        return "run SBML Test Suite cases and report failures";
    }

    @Override
    public String help() {
        return "DIR holds the suite's case folders (NNNNN/ with NNNNN-sbml-lXvY.xml, NNNNN-settings.txt and\n"
                + "NNNNN-results.csv), like sbml-test-suite/semantic. Runs the cases in --cases (a list like\n"
                + "1-100,205; default all), comparing with the suite's tolerances, prints one line per failed\n"
                + "or skipped case with the reason, and ends with 'N passed, M failed, K skipped'.\n"
                + "  --out FILE     also write every case's result as CSV 'case,status,reason'\n"
                + "  --threads N    cases run in parallel (default: all cores)\n"
                + "Exit code 0 when no case failed, 1 otherwise.";
    }

    @Override
    public ExitCode run(List<String> args, CommandIO io) throws CommandException {
        Options o = Options.parse(args, Set.of("--cases", ModelRuns.OUT, "--threads"), Set.of());
        Path dir = io.resolve(o.onePositional("DIR"));
        if (!Files.isDirectory(dir)) {
            throw new CommandException(ExitCode.BAD_INPUT, dir + ": no such folder; give the suite's 'semantic' folder");
        }
        int threads = o.integer("--threads", Runtime.getRuntime().availableProcessors(), 1);
        TestSuiteRunner runner = new TestSuiteRunner(dir);
        List<Integer> cases;
        try {
            cases = o.get("--cases") != null ? TestSuiteRunner.parseCases(o.get("--cases")) : runner.availableCases();
        } catch (IllegalArgumentException e) {
            throw CommandException.usage("--cases: " + e.getMessage());
        } catch (IOException e) {
            throw new CommandException(ExitCode.BAD_INPUT, dir + ": cannot list: " + e.getMessage(), e);
        }
        List<CaseResult> results = new ArrayList<>();
        int[] counts = new int[3];
        try {
            runner.runAll(cases, threads, r -> {
                results.add(r);
                counts[r.status().ordinal()]++;
                if (r.status() != TestSuiteRunner.Status.PASSED) {
                    io.out().println(String.format("%05d %s: %s", r.number(),
                            r.status() == TestSuiteRunner.Status.FAILED ? "failed" : "skipped", r.reason()));
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException(ExitCode.NUMERICAL, "interrupted");
        }
        if (o.get(ModelRuns.OUT) != null) {
            ModelRuns.write(o, io, out -> {
                out.println("case,status,reason");
                for (CaseResult r : results) {
                    out.println(String.format("%05d,%s,\"%s\"", r.number(), r.status().name().toLowerCase(),
                            r.reason().replace("\"", "\"\"")));
                }
            });
        }
        io.out().println(counts[0] + " passed, " + counts[1] + " failed, " + counts[2] + " skipped");
        return counts[1] == 0 ? ExitCode.OK : ExitCode.PROBLEMS_FOUND;
    }
}
