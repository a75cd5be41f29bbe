package org.mtorworkbench.cli.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mtorworkbench.cli.Command;
import org.mtorworkbench.cli.CommandException;
import org.mtorworkbench.cli.CommandIO;
import org.mtorworkbench.cli.ExitCode;
import org.mtorworkbench.experiments.Cancellation;
import org.mtorworkbench.experiments.Table;
import org.mtorworkbench.experiments.extension.DesignRequest;
import org.mtorworkbench.experiments.extension.ExperimentDesign;
import org.mtorworkbench.network.extension.Contributions;
import org.mtorworkbench.simulation.SimulationException;

/**
 * The command of an {@link ExperimentDesign} service: {@code ./mtorwb ID MODEL --readout ID
 * [design options] [READOUT-TIME] [PERTURBATIONS] [--out FILE]}, with the options, threads,
 * progress and output every experiment command has.
 */
final class DesignCommand implements Command {

    private final ExperimentDesign design;

    DesignCommand(ExperimentDesign design) {
        this.design = design;
    }

    @Override
    public String name() {
        return design.id();
    }

    @Override
    public String synopsis() {
        StringBuilder b = new StringBuilder(design.id()).append(" MODEL --readout ID");
        for (ExperimentDesign.Option o : design.options()) {
            String opt = "--" + o.name() + " " + o.syntax();
            b.append(' ').append(o.required() ? opt : "[" + opt + "]");
        }
        return b.append(" [READOUT-TIME] [PERTURBATIONS] [--out FILE]").toString();
    }

    @Override
    public String summary() {
        return design.summary();
    }

    @Override
    public String help() {
        StringBuilder b = new StringBuilder(design.description().stripTrailing()).append('\n');
        b.append("  --readout ID     the readout (repeatable)\n");
        for (ExperimentDesign.Option o : design.options()) {
            String head = "  --" + o.name() + " " + o.syntax();
            b.append(head.length() > 18 ? head + "  " : String.format("%-19s", head)).append(o.description())
                    .append(o.required() ? " (required)" : "").append('\n');
        }
        return b.append(ExperimentCommands.COMMON_HELP.replace("  --readout ID     the readout (species or"
                + " rule-defined parameter)\n", "")).toString();
    }

    @Override
    public ExitCode run(List<String> args, CommandIO io) throws CommandException {
        Set<String> own = new LinkedHashSet<>();
        for (ExperimentDesign.Option o : design.options()) {
            own.add("--" + o.name());
        }
        // a design option may be given more than once: its values are joined with commas
        Set<String> repeatable = new LinkedHashSet<>(own);
        repeatable.add(ExperimentCommands.READOUT);
        ExperimentCommands.Setup s = ExperimentCommands.setup(args, io, own, repeatable);
        if (!s.variedDrugs().isEmpty()) {
            throw CommandException.usage(design.id() + " takes drugs with their doses: --drug ID=nM");
        }
        List<String> readouts = s.options().all(ExperimentCommands.READOUT);
        if (readouts.isEmpty()) {
            throw CommandException.usage("missing --readout ID");
        }
        for (String r : readouts) {
            if (!s.cells().model().compiled().hasId(r)) {
                throw CommandException.usage("--readout: model has no id '" + r + "'");
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (ExperimentDesign.Option o : design.options()) {
            List<String> given = s.options().all("--" + o.name());
            String v = given.isEmpty() ? null : String.join(",", given);
            if (v == null && o.required()) {
                throw CommandException.usage("missing --" + o.name() + " " + o.syntax());
            }
            if (v != null) {
                values.put(o.name(), v);
            }
        }
        Table t;
        try {
            t = design.run(new DesignRequest(s.cells().model(), s.cells().state(), Contributions.drugs(),
                    s.backgroundDrugs(), s.cells().treatmentChanges(), readouts, s.time(), s.cells().options(), values, s.runner(), s.progress(),
                    new Cancellation()));
        } catch (SimulationException e) {
            throw ExperimentCommands.failure(s, e);
        } catch (IllegalArgumentException e) {
            throw CommandException.usage(e.getMessage());
        }
        ExperimentCommands.write(s, io, t);
        t.notes().forEach(io.err()::println);
        return ExitCode.OK;
    }
}
