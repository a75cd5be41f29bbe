package org.mtorworkbench.cli.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mtorworkbench.cli.Command;
import org.mtorworkbench.cli.CommandException;
import org.mtorworkbench.cli.CommandIO;
import org.mtorworkbench.cli.ExitCode;
import org.mtorworkbench.experiments.BatchEngines;
import org.mtorworkbench.experiments.BatchRunner;
import org.mtorworkbench.experiments.Cancellation;
import org.mtorworkbench.experiments.PreparedModel;
import org.mtorworkbench.experiments.Progress;
import org.mtorworkbench.experiments.SavedDesign;
import org.mtorworkbench.experiments.extension.DesignOption;
import org.mtorworkbench.experiments.extension.DesignOptions;
import org.mtorworkbench.experiments.extension.DesignRequest;
import org.mtorworkbench.experiments.extension.DesignResult;
import org.mtorworkbench.experiments.extension.ExperimentDesign;
import org.mtorworkbench.experiments.extension.OptionType;
import org.mtorworkbench.network.extension.Contributions;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SolverOptions;

/**
 * The one command of every {@link ExperimentDesign} service ({@code dose-response},
 * {@code combination}, {@code scan}, {@code sensitivity}, {@code context-panel},
 * {@code knockout-screen}, {@code time-course} and any a bundle contributes):
 * {@code ./mtorwb ID MODEL [design options] [PERTURBATIONS] [--out FILE]}. The design's option
 * descriptors say which options it takes and how they read; besides them every design takes
 * the perturbations, {@code --threads}, {@code --progress}, {@code --out}, the solver options
 * {@code --sedml F.omex} and {@code --petab DIR}. The table goes to {@code --out}, the design's messages to
 * standard error.
 */
final class DesignCommand implements Command {

    /** The options every design command takes besides the design's own. */
    static final String COMMON_HELP = "  --threads N      worker threads (default: all cores); results do not depend on it\n"
            + "  --engine E       threads (default) or spark: where the runs execute; results are the\n"
            + "                   same on both, bit for bit\n"
            + "  --master URL     the Spark master with --engine spark: local[N] (default local[*]),\n"
            + "                   spark://HOST:7077, k8s://..., yarn (see docs/scale-out.md)\n"
            + "  --progress       show a progress bar with ETA on standard error\n"
            + "  --out FILE       write the CSV there (default or '-': standard output)\n"
            + "  --sedml F.omex   also save the design as SED-ML L1V3 in a COMBINE archive with the model\n"
            + "                   (rerun it with './mtorwb experiment F.omex')\n"
            + "  --petab DIR      also save it as a PEtab problem with a measurement template (DIR/problem.yaml)\n"
            + "Cells are pre-equilibrated to steady state with their context, knockouts and --set values;\n"
            + "drugs are added at time 0.\n";

    private final ExperimentDesign design;

    DesignCommand(ExperimentDesign design) {
        this.design = design;
    }

    @Override
    public String name() {
        return design.id();
    }

    private boolean readoutTime() {
        return design.options().contains(DesignOptions.T_END) && design.options().contains(DesignOptions.STEADY_STATE);
    }

    @Override
    public String synopsis() {
        StringBuilder b = new StringBuilder(design.id()).append(" MODEL");
        boolean time = readoutTime();
        for (DesignOption<?> o : design.options()) {
            if (time && (o.equals(DesignOptions.T_END) || o.equals(DesignOptions.STEADY_STATE))) {
                continue;
            }
            String opt = o.type().kind() == OptionType.Kind.FLAG ? o.flag() : o.flag() + " " + o.syntax();
            b.append(' ').append(o.required() ? opt : "[" + opt + "]");
            if (o.repeatable()) {
                b.append("...");
            }
        }
        return b.append(time ? " [READOUT-TIME]" : "").append(" [PERTURBATIONS] [--out FILE]").toString();
    }

    @Override
    public String summary() {
        return design.summary();
    }

    @Override
    public String help() {
        StringBuilder b = new StringBuilder(design.description().stripTrailing()).append('\n');
        for (DesignOption<?> o : design.options()) {
            String head = "  " + o.flag() + (o.type().kind() == OptionType.Kind.FLAG ? "" : " " + o.syntax());
            b.append(head.length() > 18 ? head + "  " : String.format("%-19s", head)).append(o.help())
                    .append(o.required() ? " (required)" : "").append('\n');
        }
        return b.append(COMMON_HELP).append(Perturbations.help()).toString();
    }

    @Override
    public ExitCode run(List<String> args, CommandIO io) throws CommandException {
        List<DesignOption<?>> options = design.options();
        List<DesignOption<?>> varied = options.stream().filter(o -> o.flag().equals(Perturbations.DRUG)).toList();
        // --drug ID=nM is a perturbation; --drug ID (no dose) names a drug the design varies
        List<String> drugs = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(Perturbations.DRUG) && i + 1 < args.size() && !args.get(i + 1).contains("=")) {
                drugs.add(args.get(++i));
            } else if (a.startsWith(Perturbations.DRUG + "=") && !a.substring(Perturbations.DRUG.length() + 1)
                    .contains("=")) {
                drugs.add(a.substring(Perturbations.DRUG.length() + 1));
            } else {
                rest.add(a);
            }
        }
        if (!drugs.isEmpty() && varied.isEmpty()) {
            throw CommandException.usage(design.id() + " takes drugs with their doses: --drug ID=nM");
        }
        Set<String> valued = new HashSet<>(Set.of(ExperimentCommands.THREADS, ModelRuns.OUT, ModelRuns.SOLVER,
                ModelRuns.RTOL, ModelRuns.ATOL, ExperimentCommands.SEDML, ExperimentCommands.PETAB,
                ExperimentCommands.ENGINE, ExperimentCommands.MASTER));
        valued.addAll(Perturbations.OPTIONS);
        Set<String> repeatable = new HashSet<>(Perturbations.REPEATABLE);
        Set<String> flags = new HashSet<>(Set.of(ExperimentCommands.PROGRESS));
        for (DesignOption<?> o : options) {
            if (o.flag().equals(Perturbations.DRUG)) {
                continue;
            }
            (o.type().kind() == OptionType.Kind.FLAG ? flags : valued).add(o.flag());
            if (o.repeatable()) {
                repeatable.add(o.flag());
            }
        }
        Options o = Options.parse(rest, valued, repeatable, flags);
        String modelRef = o.onePositional("MODEL");
        Map<String, List<String>> values = new LinkedHashMap<>();
        int next = 0;
        for (DesignOption<?> option : options) {
            if (option.flag().equals(Perturbations.DRUG)) {
                int n = option.repeatable() ? drugs.size() - next : Math.min(1, drugs.size() - next);
                values.put(option.id(), drugs.subList(next, next + n));
                next += n;
            } else if (option.type().kind() == OptionType.Kind.FLAG) {
                values.put(option.id(), o.flag(option.flag()) ? List.of("true") : List.of());
            } else {
                values.put(option.id(), o.all(option.flag()));
            }
        }
        if (next < drugs.size()) {
            throw CommandException.usage(design.id() + " varies " + next + " drug(s) (--drug ID); give the others "
                    + "with their doses: --drug ID=nM");
        }
        SavedDesign saved = new SavedDesign(design.id(), values, ExperimentCommands.perturbations(o));
        int threads = o.integer(ExperimentCommands.THREADS, 0, 0);
        SolverOptions solver = ModelRuns.solverOptions(o);
        PreparedModel model = ModelRuns.prepare(modelRef, io);
        Progress progress = o.flag(ExperimentCommands.PROGRESS) ? new ExperimentCommands.Bar(io) : Progress.NONE;
        BatchRunner runner;
        try {
            runner = BatchEngines.runner(o.get(ExperimentCommands.ENGINE), o.get(ExperimentCommands.MASTER), threads);
        } catch (IllegalArgumentException e) {
            throw CommandException.usage(e.getMessage());
        }
        DesignRequest request;
        try {
            request = DesignRequest.prepare(design, saved, model, Contributions.drugs(), solver, runner, progress,
                    new Cancellation());
        } catch (IllegalArgumentException e) {
            throw CommandException.usage(e.getMessage());
        }
        if (o.get(ExperimentCommands.SEDML) != null) {
            ExperimentCommands.save(design, request, modelRef, io.resolve(o.get(ExperimentCommands.SEDML)), io);
        }
        if (o.get(ExperimentCommands.PETAB) != null) {
            PetabCommands.export(design, request, modelRef, io.resolve(o.get(ExperimentCommands.PETAB)), io);
        }
        DesignResult result;
        try {
            result = design.run(request);
        } catch (SimulationException e) {
            throw ModelRuns.failure(modelRef, e);
        } catch (IllegalArgumentException e) {
            throw CommandException.usage(e.getMessage());
        }
        ModelRuns.write(o, io, result.table()::write);
        result.messages().forEach(io.err()::println);
        return ExitCode.OK;
    }
}
