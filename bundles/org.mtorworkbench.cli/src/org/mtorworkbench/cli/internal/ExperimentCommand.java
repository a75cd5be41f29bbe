package org.mtorworkbench.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.mtorworkbench.cli.Command;
import org.mtorworkbench.cli.CommandException;
import org.mtorworkbench.cli.CommandIO;
import org.mtorworkbench.cli.ExitCode;
import org.mtorworkbench.experiments.BatchRunner;
import org.mtorworkbench.experiments.Cancellation;
import org.mtorworkbench.experiments.PreparedModel;
import org.mtorworkbench.experiments.Progress;
import org.mtorworkbench.experiments.SavedDesign;
import org.mtorworkbench.experiments.extension.DesignRequest;
import org.mtorworkbench.experiments.extension.DesignResult;
import org.mtorworkbench.experiments.extension.ExperimentDesign;
import org.mtorworkbench.experiments.extension.ExperimentDesigns;
import org.mtorworkbench.experiments.Table;
import org.mtorworkbench.experiments.sedml.SedmlException;
import org.mtorworkbench.experiments.sedml.SedmlExperiment;
import org.mtorworkbench.experiments.sedml.SedmlWriter;
import org.mtorworkbench.network.extension.Contributions;
import org.mtorworkbench.simulation.SimulationException;

/** {@code experiment FILE.omex|FILE.sedml [--out DIR]}: runs a SED-ML experiment and writes its reports as CSV. */
final class ExperimentCommand implements Command {

    @Override
    public String name() {
        return "experiment";
    }

    @Override
    public String synopsis() {
        return "experiment FILE.omex|FILE.sedml [--out DIR] [--threads N] [--progress]";
    }

    @Override
    public String summary() {
        return "run a SED-ML experiment (COMBINE archive or SED-ML file) and write its reports as CSV";
    }

    @Override
    public String help() {
        return "Reads a COMBINE archive (.omex: manifest.xml, the SED-ML file marked master, the SBML model)\n"
                + "or a SED-ML file whose model sources are files beside it, and runs it.\n"
                + "Experiments saved by the workbench (--sedml FILE.omex on dose-response, combination, scan,\n"
                + "simulate --equilibrate and steady-state) are rerun and written as the command that saved\n"
                + "them writes them: DIR/<design>.csv (time-course, steady-state, dose-response, combination or\n"
                + "scan); the numbers are the command's (a steady state is found again from the pre-equilibrated\n"
                + "cells and agrees to about 8 digits). Other SED-ML Level 1 files are run as SED-ML defines them:\n"
                + "uniformTimeCourse and steadyState simulations, tasks, repeatedTasks with uniform or vector\n"
                + "ranges and setValue changes, changeAttribute of values in models, data generators with\n"
                + "MathML; each report becomes DIR/<report id>.csv (the ranges of a repeated task first).\n"
                + "Species targets are reported as concentrations (L1V4's urn:sedml:symbol:amount asks for the\n"
                + "amount); the algorithm's KiSAO id is run as requested (exact stochastic KISAO:0000029 and\n"
                + "KISAO:0000027 included, seeded by KISAO:0000488), by a documented ODE or steady-state\n"
                + "equivalent, flux balance (KISAO:0000437) on fbc models, or refused with exit code 3.\n"
                + "Plots are not drawn. See docs/experiments.md for what is supported.\n"
                + "  --out DIR     where the CSV files go (default: the current folder; created when missing)\n"
                + "  --threads N   worker threads for workbench designs (default: all cores)\n"
                + "  --progress    a progress bar on standard error\n"
                + "Exit codes: 2 malformed or invalid SED-ML/archive, unknown ids, bad usage; 3 a construct the\n"
                + "workbench does not run; 4 an unreadable model; 5 numerical failure.";
    }

    @Override
    public ExitCode run(List<String> args, CommandIO io) throws CommandException {
        Options o = Options.parse(args, Set.of(ModelRuns.OUT, ExperimentCommands.THREADS), Set.of(),
                Set.of(ExperimentCommands.PROGRESS));
        Path file = io.resolve(o.onePositional("FILE.omex|FILE.sedml"));
        Path dir = io.resolve(o.get(ModelRuns.OUT) == null ? "." : o.get(ModelRuns.OUT));
        int threads = o.integer(ExperimentCommands.THREADS, 0, 0);
        Progress progress = o.flag(ExperimentCommands.PROGRESS) ? new ExperimentCommands.Bar(io) : Progress.NONE;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw CommandException.usage("--out " + dir + ": cannot create the folder (" + e.getMessage() + ")");
        }
        try {
            SedmlExperiment x = SedmlExperiment.open(file);
            if (x.design().isPresent()) {
                SavedDesign d = x.design().get();
                ExperimentDesign design = ExperimentDesigns.byId(d.design()).orElseThrow(() -> new CommandException(
                        ExitCode.UNSUPPORTED, file + ": the design '" + d.design() + "' is not installed; install "
                                + "the bundle that contributes it"));
                PreparedModel model = PreparedModel.of(x.firstModel());
                DesignResult result;
                try {
                    result = design.run(DesignRequest.prepare(design, d, model, Contributions.drugs(),
                            x.designOptions(org.mtorworkbench.simulation.SolverOptions.defaults()), new BatchRunner(threads), progress,
                            new Cancellation()));
                } catch (IllegalArgumentException e) {
                    throw CommandException.usage(file + ": " + e.getMessage());
                }
                write(io, dir.resolve(d.design() + ".csv"), result.table());
                result.messages().forEach(m -> io.err().println("mtorwb experiment: " + m));
            } else {
                for (SedmlExperiment.Report r : x.run(org.mtorworkbench.simulation.SolverOptions.defaults(),
                        new Cancellation())) {
                    write(io, dir.resolve(r.id().replaceAll("[^A-Za-z0-9_.-]", "_") + ".csv"), r.table());
                }
                for (String note : x.notes()) {
                    io.err().println("mtorwb experiment: note: " + note);
                }
            }
        } catch (SedmlException e) {
            throw new CommandException(e.kind() == SedmlException.Kind.UNSUPPORTED ? ExitCode.UNSUPPORTED
                    : ExitCode.USAGE, e.getMessage(), e);
        } catch (SimulationException e) {
            throw ModelRuns.failure(file.toString(), e);
        }
        return ExitCode.OK;
    }

    private static void write(CommandIO io, Path file, Table t) throws CommandException {
        try {
            DemoCommand.writeCsv(file, t);
        } catch (IOException e) {
            throw CommandException.usage("cannot write " + file + " (" + e.getMessage() + "); choose a writable --out");
        }
        io.err().println("mtorwb experiment: wrote " + file + " (" + t.rows().size() + " rows)");
    }
}
