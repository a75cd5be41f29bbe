package org.mtorworkbench.cli.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.mtorworkbench.cli.Command;
import org.mtorworkbench.cli.CommandException;
import org.mtorworkbench.cli.CommandIO;
import org.mtorworkbench.cli.ExitCode;
import org.mtorworkbench.experiments.BatchRunner;
import org.mtorworkbench.experiments.Cancellation;
import org.mtorworkbench.experiments.FindingsRunner;
import org.mtorworkbench.experiments.FindingsRunner.CheckResult;
import org.mtorworkbench.experiments.FindingsRunner.FindingRobustness;
import org.mtorworkbench.experiments.FindingsRunner.Robustness;
import org.mtorworkbench.experiments.Progress;
import org.mtorworkbench.network.Findings;
import org.mtorworkbench.network.NetworkModel;
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
        return "findings [--robustness N [--seed S] [--threads N]]";
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
                + "Exit code 0 when all pass, 1 when any fails, 5 on a numerical failure.\n"
                + "\n"
                + "  --robustness N  re-run every finding on N Latin-hypercube samples of all calibrated\n"
                + "                  parameters (each log-uniform within [p/2, 2p]) and print instead CSV:\n"
                + "                  finding,section,samples,held,fraction,fragile,hinges. A finding is fragile\n"
                + "                  when it holds in fewer than 80% of the samples; 'hinges' then names the\n"
                + "                  parameters whose values best predict whether it holds, as id(rho) with\n"
                + "                  Spearman's rank correlation (positive: larger values help), ';'-separated.\n"
                + "                  Exit code 0 when no finding is fragile, 1 otherwise.\n"
                + "  --seed S        the sample's seed (default 1); the same seed gives the same table\n"
                + "  --threads N     worker threads for the samples (default: all cores)";
    }

    private static final String ROBUSTNESS = "--robustness";
    private static final String SEED = "--seed";

    @Override
    public ExitCode run(List<String> args, CommandIO io) throws CommandException {
        Options o = Options.parse(args, Set.of(ROBUSTNESS, SEED, ExperimentCommands.THREADS), Set.of());
        if (!o.positionals().isEmpty()) {
            throw CommandException.usage("unexpected argument '" + o.positionals().get(0) + "'");
        }
        if (o.get(ROBUSTNESS) != null) {
            return robustness(o.integer(ROBUSTNESS, 0, 1), seed(o), o.integer(ExperimentCommands.THREADS, 0, 0), io);
        }
        if (o.get(SEED) != null) {
            throw CommandException.usage("--seed applies to --robustness only");
        }
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

    private static long seed(Options o) throws CommandException {
        String v = o.get(SEED);
        if (v == null) {
            return 1;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw CommandException.usage("option " + SEED + " needs a whole number, not '" + v + "'");
        }
    }

    private static ExitCode robustness(int samples, long seed, int threads, CommandIO io) throws CommandException {
        Robustness r;
        try {
            r = FindingsRunner.forBuiltinNetwork().robustness(Findings.builtin(), NetworkModel.calibratedParameters(),
                    samples, seed, new BatchRunner(threads), Progress.NONE, new Cancellation());
        } catch (SimulationException e) {
            throw new CommandException(ExitCode.NUMERICAL, "simulating the findings failed: " + e.getMessage(), e);
        }
        PrintStream out = io.out();
        out.println("finding,section,samples,held,fraction,fragile,hinges");
        for (FindingRobustness f : r.findings()) {
            String hinges = f.hinges().stream()
                    .map(h -> h.parameter() + "(" + NumberText.format(h.correlation()) + ")")
                    .collect(Collectors.joining(";"));
            out.println(String.join(",", f.finding().id(), CatalogueCommands.csv(f.finding().section()),
                    Integer.toString(f.samples()), Integer.toString(f.held()), NumberText.format(f.fraction()),
                    f.fragile() ? "yes" : "no", hinges));
        }
        int fragile = r.fragile().size();
        io.err().println("robustness: " + r.samples() + " samples of " + r.parameters().size()
                + " calibrated parameters (seed " + r.seed() + ", [p/2, 2p] log-uniform); "
                + (r.findings().size() - fragile) + " of " + r.findings().size() + " findings hold in at least 80%"
                + (r.unsolved() > 0 ? "; " + r.unsolved() + " samples failed to simulate" : ""));
        return fragile == 0 ? ExitCode.OK : ExitCode.PROBLEMS_FOUND;
    }
}
