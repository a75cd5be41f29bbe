package org.mtorworkbench.cli.internal;

import java.util.List;
import java.util.Set;

import org.mtorworkbench.cli.Command;
import org.mtorworkbench.cli.CommandException;
import org.mtorworkbench.cli.CommandIO;
import org.mtorworkbench.cli.ExitCode;
import org.mtorworkbench.experiments.PreparedModel;
import org.mtorworkbench.simulation.Ensemble;
import org.mtorworkbench.simulation.Output;
import org.mtorworkbench.simulation.Simulation;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SolverOptions;
import org.mtorworkbench.simulation.TimeCourse;

/** {@code simulate MODEL ...}: a time course as CSV. */
final class SimulateCommand implements Command {

    private static final String RUNS = "--runs";
    private static final String SEED = "--seed";

    @Override
    public String name() {
        return "simulate";
    }

    @Override
    public String synopsis() {
        return "simulate MODEL [--t-end MIN] [--points N] [PERTURBATIONS] [--equilibrate [--sedml F.omex]] [--ids a,b] "
                + "[--solver ssa|next-reaction [--seed S] [--runs N [--threads N]]] [--out FILE]";
    }

    @Override
    public String summary() {
        return "simulate a model's time course and print it as CSV";
    }

    @Override
    public String help() {
        return "Compiles the model and integrates it from time 0 to --t-end (default 1440, in the\n"
                + "model's time units, minutes for the built-in models) and writes the CSV 'time,<ids>'\n"
                + "with --points equal intervals (default 100, so 101 rows). Perturbations act from time 0 on\n"
                + "the model's initial state; with --equilibrate the cells (context, knockouts, --set) are first\n"
                + "run to steady state and the drugs are added at time 0.\n"
                + "  --sedml F.omex   with --equilibrate, also save the time course as SED-ML L1V3 in a COMBINE\n"
                + "                   archive (rerun it with './mtorwb experiment F.omex')\n"
                + "  --solver ssa     exact stochastic simulation (Gillespie's direct method; next-reaction for\n"
                + "                   Gibson and Bruck's): species amounts are molecule counts, one trajectory\n"
                + "  --seed S         seed of the stochastic solver's random numbers (default 1): same seed, same run\n"
                + "  --runs N         with a stochastic solver, N trajectories (run i seeded from S and i) summarised\n"
                + "                   per id as <id>_mean,<id>_sd and the percentiles <id>_p2.5,_p25,_p50,_p75,_p97.5\n"
                + "  --threads N      threads for --runs (default: all cores); results do not depend on it\n"
                + Perturbations.help()
                + ModelRuns.OPTIONS_HELP;
    }

    @Override
    public ExitCode run(List<String> args, CommandIO io) throws CommandException {
        Set<String> valued = new java.util.HashSet<>(Set.of("--t-end", "--points", ModelRuns.IDS, ModelRuns.OUT,
                ModelRuns.SOLVER, ModelRuns.RTOL, ModelRuns.ATOL, ExperimentCommands.SEDML, RUNS, SEED,
                ExperimentCommands.THREADS));
        valued.addAll(Perturbations.OPTIONS);
        Options o = Options.parse(args, valued, Perturbations.REPEATABLE, Set.of("--equilibrate"));
        String model = o.onePositional("MODEL");
        double tEnd = o.number("--t-end", 1440);
        if (tEnd <= 0) {
            throw CommandException.usage("--t-end must be positive");
        }
        int points = o.integer("--points", 100, 1);
        var options = ModelRuns.solverOptions(o);
        boolean stochastic = options.get(SolverOptions.SOLVER).isStochastic();
        if (o.get(SEED) != null) {
            try {
                options = options.withSeed(Long.parseLong(o.get(SEED).trim()));
            } catch (NumberFormatException e) {
                throw CommandException.usage("--seed must be a whole number, not '" + o.get(SEED) + "'");
            }
        }
        int runs = o.integer(RUNS, 0, 1);
        if ((runs > 0 || o.get(SEED) != null) && !stochastic) {
            throw CommandException.usage((runs > 0 ? "--runs" : "--seed") + " needs a stochastic solver: add --solver "
                    + "ssa or --solver next-reaction");
        }
        if (stochastic && o.flag("--equilibrate")) {
            throw CommandException.usage("--equilibrate runs the cells to a deterministic steady state; it does not "
                    + "combine with a stochastic solver");
        }
        PreparedModel m = ModelRuns.prepare(model, io);
        List<String> ids = ModelRuns.ids(m.compiled(), o);
        Perturbations.Parsed p = Perturbations.parse(o, m);
        double[] times = new double[points + 1];
        for (int i = 0; i <= points; i++) {
            times[i] = tEnd * i / points;
        }
        if (o.get(ExperimentCommands.SEDML) != null) {
            if (!o.flag("--equilibrate")) {
                throw CommandException.usage("--sedml saves the workbench's time course of equilibrated cells: add "
                        + "--equilibrate");
            }
            ExperimentCommands.saveIfAsked(o, model, m, io, new org.mtorworkbench.experiments.SavedDesign(
                    "time-course", java.util.Map.of("readout", ids, "t-end", List.of(ModelRuns.exact(tEnd)), "points",
                            List.of(String.valueOf(points))), ExperimentCommands.perturbations(o)), options);
        }
        if (runs > 0) {
            Simulation s;
            try {
                s = m.simulation(p.all());
            } catch (SimulationException e) {
                throw ModelRuns.failure(model, e);
            }
            ensemble(o, io, model, s, times, ids, options, runs);
            return ExitCode.OK;
        }
        TimeCourse tc;
        try {
            tc = o.flag("--equilibrate") ? m.treat(p.cells(), p.drugs(), times, ids, options, () -> false)
                    : m.simulation(p.all()).run(times, ids.stream().map(Output::of).toList(), options, () -> false);
        } catch (SimulationException e) {
            throw ModelRuns.failure(model, e);
        }
        ModelRuns.write(o, io, out -> {
            out.println("time," + String.join(",", ids));
            StringBuilder sb = new StringBuilder();
            for (int r = 0; r < tc.size(); r++) {
                sb.setLength(0);
                sb.append(ModelRuns.format(tc.time(r)));
                for (int c = 0; c < ids.size(); c++) {
                    sb.append(',').append(ModelRuns.format(tc.value(r, c)));
                }
                out.println(sb);
            }
        });
        return ExitCode.OK;
    }

    private static void ensemble(Options o, CommandIO io, String model, Simulation s, double[] times, List<String> ids,
            SolverOptions options, int runs) throws CommandException {
        int threads = o.integer(ExperimentCommands.THREADS, Runtime.getRuntime().availableProcessors(), 1);
        Ensemble e;
        try {
            e = Ensemble.run(s, times, ids.stream().map(Output::of).toList(), options, runs, threads, () -> false);
        } catch (SimulationException ex) {
            throw ModelRuns.failure(model, ex);
        }
        ModelRuns.write(o, io, out -> {
            StringBuilder sb = new StringBuilder("time");
            for (String id : ids) {
                sb.append(',').append(id).append("_mean,").append(id).append("_sd");
                for (double q : Ensemble.PERCENTILES) {
                    sb.append(',').append(id).append("_p").append(ModelRuns.format(q));
                }
            }
            out.println(sb);
            for (int r = 0; r < e.size(); r++) {
                sb.setLength(0);
                sb.append(ModelRuns.format(e.time(r)));
                for (int c = 0; c < ids.size(); c++) {
                    sb.append(',').append(ModelRuns.format(e.mean(r, c))).append(',')
                            .append(ModelRuns.format(e.standardDeviation(r, c)));
                    for (double q : Ensemble.PERCENTILES) {
                        sb.append(',').append(ModelRuns.format(e.percentile(r, c, q)));
                    }
                }
                out.println(sb);
            }
        });
        io.err().println(runs + " stochastic runs of " + options.get(SolverOptions.SOLVER) + ", seed "
                + options.get(SolverOptions.SEED));
    }
}
