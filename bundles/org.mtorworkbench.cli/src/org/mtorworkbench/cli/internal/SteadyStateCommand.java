package org.mtorworkbench.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.mtorworkbench.cli.Command;
import org.mtorworkbench.cli.CommandException;
import org.mtorworkbench.cli.CommandIO;
import org.mtorworkbench.cli.ExitCode;
import org.mtorworkbench.experiments.PreparedModel;
import org.mtorworkbench.simulation.Output;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SteadyState;

/** {@code steady-state MODEL ...}: a steady state as CSV. */
final class SteadyStateCommand implements Command {

    @Override
    public String name() {
        return "steady-state";
    }

    @Override
    public String synopsis() {
        return "steady-state MODEL [PERTURBATIONS] [--ids a,b] [--sedml F.omex] [--out FILE]";
    }

    @Override
    public String summary() {
        return "find a model's steady state and print it as CSV";
    }

    @Override
    public String help() {
        return "Finds a state where every derivative vanishes, by damped Newton on the Jacobian with\n"
                + "conserved moieties held at their initial totals, falling back to integration over\n"
                + "growing horizons. Writes the CSV '<ids>' with one row of values; says on standard\n"
                + "error how it was found. No steady state is a numerical failure (exit code 5).\n"
                + "  --sedml F.omex   also save the steady state as SED-ML L1V3 in a COMBINE archive\n"
                + Perturbations.help() + ModelRuns.OPTIONS_HELP;
    }

    @Override
    public ExitCode run(List<String> args, CommandIO io) throws CommandException {
        Set<String> valued = new java.util.HashSet<>(Set.of(ModelRuns.IDS, ModelRuns.OUT, ModelRuns.SOLVER,
                ModelRuns.RTOL, ModelRuns.ATOL, ExperimentCommands.SEDML));
        valued.addAll(Perturbations.OPTIONS);
        Options o = Options.parse(args, valued, Perturbations.REPEATABLE);
        String model = o.onePositional("MODEL");
        var options = ModelRuns.solverOptions(o);
        PreparedModel m = ModelRuns.prepare(model, io);
        List<String> ids = ModelRuns.ids(m.compiled(), o);
        List<Output> outs = new ArrayList<>();
        for (String id : ids) {
            outs.add(Output.of(id));
        }
        Perturbations.parse(o, m);
        ExperimentCommands.saveIfAsked(o, model, m, io, new org.mtorworkbench.experiments.SavedDesign("steady-state",
                java.util.Map.of("readout", ids), ExperimentCommands.perturbations(o)), options);
        SteadyState ss;
        try {
            ss = m.simulation(Perturbations.parse(o, m).all()).steadyState(outs, options, () -> false);
        } catch (SimulationException e) {
            throw ModelRuns.failure(model, e);
        }
        io.err().println("steady state found by " + ss.method() + " (" + ss.iterations() + " Newton iterations, "
                + ss.conservationLaws() + " conservation laws, largest derivative " + ss.residual() + ")");
        ModelRuns.write(o, io, out -> {
            out.println(String.join(",", ids));
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < ids.size(); c++) {
                sb.append(c > 0 ? "," : "").append(ModelRuns.format(ss.value(c)));
            }
            out.println(sb);
        });
        return ExitCode.OK;
    }
}
