package org.mtorworkbench.cli.internal;

import java.io.PrintStream;
import java.util.List;

import org.mtorworkbench.cli.Command;
import org.mtorworkbench.cli.CommandException;
import org.mtorworkbench.cli.CommandIO;
import org.mtorworkbench.cli.ExitCode;
import org.mtorworkbench.experiments.FindingsRunner;
import org.mtorworkbench.experiments.FindingsRunner.CheckResult;
import org.mtorworkbench.network.Findings;
import org.mtorworkbench.sbml.NumberText;
import org.mtorworkbench.simulation.SimulationException;

/** {@code findings}: the review's findings, simulated on the built-in network, as a table. */
final class FindingsCommand implements Command {

    @Override
    public String name() {
        return "findings";
    }

    @Override
    public String synopsis() {
        return "findings";
    }

    @Override
    public String summary() {
        return "simulate the review's findings on builtin:mtor and report PASS/FAIL";
    }

    @Override
    public String help() {
        return "Runs every finding of the review (docs/network.md lists them with the review's sentences)\n"
                + "and prints CSV: finding,section,readout,protocol,expected,simulated_ratio,result.\n"
                + "'simulated_ratio' is the readout's fold change, treated over reference (divided by the\n"
                + "second fold change for comparisons); a check passes only with an effect of at least 20%\n"
                + "in the expected direction. The last line on standard error counts passes and failures.\n"
                + "Exit code 0 when all pass, 1 when any fails, 5 on a numerical failure.";
    }

    @Override
    public ExitCode run(List<String> args, CommandIO io) throws CommandException {
        Args.positionals(args);
        List<CheckResult> results;
        try {
            results = FindingsRunner.forBuiltinNetwork().run(Findings.builtin(), () -> false);
        } catch (SimulationException e) {
            throw new CommandException(ExitCode.NUMERICAL, "simulating the findings failed: " + e.getMessage(), e);
        }
        PrintStream out = io.out();
        out.println("finding,section,readout,protocol,expected,simulated_ratio,result");
        int failed = 0;
        for (CheckResult r : results) {
            out.println(String.join(",", r.finding().id(), CatalogueCommands.csv(r.finding().section()),
                    r.check().readout(), CatalogueCommands.csv(r.check().describe()),
                    CatalogueCommands.csv(r.check().expectation().words()),
                    NumberText.format(r.ratio()), r.passed() ? "PASS" : "FAIL"));
            if (!r.passed()) {
                failed++;
            }
        }
        long findings = results.stream().map(r -> r.finding().id()).distinct().count();
        long failedFindings = results.stream().filter(r -> !r.passed()).map(r -> r.finding().id()).distinct().count();
        io.err().println("findings: " + (findings - failedFindings) + " of " + findings + " hold; checks: "
                + (results.size() - failed) + " passed, " + failed + " failed");
        return failed == 0 ? ExitCode.OK : ExitCode.PROBLEMS_FOUND;
    }
}
