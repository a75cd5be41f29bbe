package org.mtorworkbench.cli.internal;

import java.util.List;
import java.util.Set;

import org.mtorworkbench.cli.Command;
import org.mtorworkbench.cli.CommandException;
import org.mtorworkbench.cli.CommandIO;
import org.mtorworkbench.cli.ExitCode;
import org.mtorworkbench.simulation.CompiledModel;
import org.mtorworkbench.simulation.Simulation;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.TimeCourse;

/** {@code simulate MODEL ...}: a time course as CSV. */
final class SimulateCommand implements Command {

    @Override
    public String name() {
        return "simulate";
    }

    @Override
    public String synopsis() {
        return "simulate MODEL [--t-end MIN] [--points N] [--set ID=VALUE ...] [--ids a,b] [--out FILE]";
    }

    @Override
    public String summary() {
        return "simulate a model's time course and print it as CSV";
    }

    @Override
    public String help() {
        return "Compiles the model and integrates it from time 0 to --t-end (default 1440, in the\n"
                + "model's time units, minutes for the built-in models) and writes the CSV 'time,<ids>'\n"
                + "with --points equal intervals (default 100, so 101 rows).\n" + ModelRuns.OPTIONS_HELP;
    }

    @Override
    public ExitCode run(List<String> args, CommandIO io) throws CommandException {
        Options o = Options.parse(args, Set.of("--t-end", "--points", ModelRuns.SET, ModelRuns.IDS, ModelRuns.OUT,
                ModelRuns.SOLVER, ModelRuns.RTOL, ModelRuns.ATOL), Set.of(ModelRuns.SET));
        String model = o.onePositional("MODEL");
        double tEnd = o.number("--t-end", 1440);
        if (tEnd <= 0) {
            throw CommandException.usage("--t-end must be positive");
        }
        int points = o.integer("--points", 100, 1);
        var options = ModelRuns.solverOptions(o);
        CompiledModel m = ModelRuns.load(model, io);
        List<String> ids = ModelRuns.ids(m, o);
        Simulation sim = ModelRuns.perturb(m.newSimulation(), o);
        TimeCourse tc;
        try {
            tc = sim.run(tEnd, points, ids, options);
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
}
