package org.mtorworkbench.cli.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mtorworkbench.cli.CommandException;
import org.mtorworkbench.cli.CommandIO;
import org.mtorworkbench.cli.ExitCode;
import org.mtorworkbench.experiments.BatchRunner;
import org.mtorworkbench.experiments.Cancellation;
import org.mtorworkbench.experiments.PreparedModel;
import org.mtorworkbench.experiments.Progress;
import org.mtorworkbench.experiments.SavedDesign;
import org.mtorworkbench.experiments.extension.DesignRequest;
import org.mtorworkbench.experiments.extension.ExperimentDesign;
import org.mtorworkbench.experiments.extension.ExperimentDesigns;
import org.mtorworkbench.experiments.extension.PerturbationType;
import org.mtorworkbench.experiments.extension.PerturbationTypes;
import org.mtorworkbench.experiments.sedml.CombineArchive;
import org.mtorworkbench.experiments.sedml.SedmlException;
import org.mtorworkbench.experiments.sedml.SedmlWriter;
import org.mtorworkbench.network.extension.Contributions;
import org.mtorworkbench.sbml.SbmlException;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SolverOptions;
import org.sbml.jsbml.SBMLDocument;

/**
 * What the experiment commands share: the design commands ({@link DesignCommand}),
 * {@code experiment}, and {@code simulate --equilibrate} and {@code steady-state}, which save
 * their runs as the time-course and steady-state designs: option names, the progress bar and
 * saving a design as SED-ML in a COMBINE archive.
 */
final class ExperimentCommands {

    static final String READOUT = "--readout";
    static final String THREADS = "--threads";
    static final String PROGRESS = "--progress";
    static final String SEDML = "--sedml";
    static final String PETAB = "--petab";
    static final String ENGINE = "--engine";
    static final String MASTER = "--master";

    private ExperimentCommands() {
    }

    /** @return the perturbation arguments given, by type id, as a saved design records them */
    static Map<String, List<String>> perturbations(Options o) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        for (PerturbationType t : PerturbationTypes.all()) {
            List<String> given = o.all("--" + t.id());
            if (!given.isEmpty()) {
                p.put(t.id(), given);
            }
        }
        return p;
    }

    /** Saves a design when {@code --sedml FILE.omex} is among the options (simulate, steady-state). */
    static void saveIfAsked(Options o, String modelRef, PreparedModel model, CommandIO io, SavedDesign saved,
            SolverOptions solver) throws CommandException {
        String f = o.get(SEDML);
        if (f == null) {
            return;
        }
        ExperimentDesign design = ExperimentDesigns.byId(saved.design()).orElseThrow(() -> new CommandException(
                ExitCode.UNSUPPORTED, "--sedml: the design '" + saved.design() + "' is not installed"));
        DesignRequest request;
        try {
            request = DesignRequest.prepare(design, saved, model, Contributions.drugs(), solver, new BatchRunner(1),
                    Progress.NONE, new Cancellation());
        } catch (IllegalArgumentException e) {
            throw CommandException.usage(e.getMessage());
        }
        save(design, request, modelRef, io.resolve(f), io);
    }

    /** Saves a design as a COMBINE archive: the model, the SED-ML and the manifest. */
    static void save(ExperimentDesign design, DesignRequest request, String modelRef, Path omex, CommandIO io)
            throws CommandException {
        if (!omex.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".omex")) {
            throw CommandException.usage("--sedml " + omex + ": the file name must end in .omex (a COMBINE archive)");
        }
        SBMLDocument doc = Models.open(modelRef, io);
        try {
            String sedml = SedmlWriter.write(design, request, doc, () -> false);
            byte[] sbml = new org.mtorworkbench.sbml.SbmlWriter().toBytes(doc, modelRef);
            CombineArchive.write(omex, sbml, "sbml.level-" + doc.getLevel() + ".version-" + doc.getVersion(), sedml);
        } catch (SedmlException e) {
            throw new CommandException(ExitCode.UNSUPPORTED, e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw CommandException.usage("--sedml: " + e.getMessage());
        } catch (SimulationException e) {
            throw ModelRuns.failure(modelRef, e);
        } catch (SbmlException e) {
            throw new CommandException(ExitCode.UNSUPPORTED, e.getMessage(), e);
        } catch (IOException e) {
            throw CommandException.usage("--sedml " + omex + ": cannot write the archive (" + e.getMessage() + ")");
        }
        io.err().println("saved the design as SED-ML L1V3 in " + omex);
    }

    /** A progress bar with ETA on standard error. */
    static final class Bar implements Progress {
        private final CommandIO io;
        private int last = -1;

        Bar(CommandIO io) {
            this.io = io;
        }

        @Override
        public synchronized void update(int done, int total, long etaMillis) {
            int pct = total == 0 ? 100 : done * 100 / total;
            if (pct == last && done != total) {
                return;
            }
            last = pct;
            int filled = pct / 5;
            io.err().print(String.format(Locale.ROOT, "\r[%-20s] %3d%% %d/%d%s", "#".repeat(filled), pct, done, total,
                    etaMillis < 0 ? "" : String.format(Locale.ROOT, " ETA %.1f s", etaMillis / 1000.0)));
            if (done == total) {
                io.err().println();
            }
            io.err().flush();
        }
    }
}
