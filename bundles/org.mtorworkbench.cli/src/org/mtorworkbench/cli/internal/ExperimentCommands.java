package org.mtorworkbench.cli.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.mtorworkbench.cli.Command;
import org.mtorworkbench.cli.CommandException;
import org.mtorworkbench.cli.CommandIO;
import org.mtorworkbench.cli.ExitCode;
import org.mtorworkbench.experiments.BatchEngines;
import org.mtorworkbench.experiments.BatchRunner;
import org.mtorworkbench.experiments.Cancellation;
import org.mtorworkbench.experiments.Cells;
import org.mtorworkbench.experiments.Combination;
import org.mtorworkbench.experiments.DoseResponse;
import org.mtorworkbench.experiments.HillFit;
import org.mtorworkbench.experiments.PreparedModel;
import org.mtorworkbench.experiments.Progress;
import org.mtorworkbench.experiments.ReadoutTime;
import org.mtorworkbench.experiments.SavedDesign;
import org.mtorworkbench.experiments.Scan;
import org.mtorworkbench.experiments.Sensitivity;
import org.mtorworkbench.experiments.Table;
import org.mtorworkbench.network.DrugCatalogue;
import org.mtorworkbench.network.extension.Contributions;
import org.mtorworkbench.simulation.SimulationException;

/**
 * The experiment commands: dose-response, combination, scan and sensitivity. They share
 * READOUT-TIME ({@code --t-end MIN} or {@code --steady-state}), PERTURBATIONS (the cells;
 * {@code --drug ID=nM} adds a drug to every run), {@code --threads}, {@code --progress} and
 * {@code --out}. Results are tidy CSV tables; summaries go to standard error.
 */
final class ExperimentCommands {

    static final String READOUT = "--readout";
    static final String THREADS = "--threads";
    static final String T_END = "--t-end";
    static final String STEADY = "--steady-state";
    static final String PROGRESS = "--progress";
    static final String SEDML = "--sedml";
    static final String ENGINE = "--engine";
    static final String MASTER = "--master";

    static final String COMMON_HELP = "  --readout ID     the readout (species or rule-defined parameter)\n"
            + "  --t-end MIN      read out at this time after treatment (default 1440), or\n"
            + "  --steady-state   read out at the treated steady state\n"
            + "  --threads N      worker threads (default: all cores); results do not depend on it\n"
            + "  --engine E       threads (default) or spark: where the runs execute; results are the\n"
            + "                   same on both, bit for bit\n"
            + "  --master URL     the Spark master with --engine spark: local[N] (default local[*]),\n"
            + "                   spark://HOST:7077, k8s://..., yarn (see docs/scale-out.md)\n"
            + "  --progress       show a progress bar with ETA on standard error\n"
            + "  --out FILE       write the CSV there (default or '-': standard output)\n"
            + "  --sedml F.omex   also save the design as SED-ML L1V3 in a COMBINE archive with the model\n"
            + "                   (rerun it with './mtorwb experiment F.omex')\n"
            + "Cells are pre-equilibrated to steady state with their context, knockouts and --set values;\n"
            + "drugs are added at time 0.\n" + Perturbations.help();

    private ExperimentCommands() {
    }

    /** What every experiment command parses. */
    record Setup(Options options, String modelRef, Cells cells, String context, Map<String, Double> backgroundDrugs,
            List<String> variedDrugs, ReadoutTime time, BatchRunner runner, Progress progress) {
    }

    static Setup setup(List<String> args, CommandIO io, Set<String> moreValued, Set<String> moreRepeatable)
            throws CommandException {
        Set<String> valued = new HashSet<>(Set.of(READOUT, THREADS, T_END, ModelRuns.OUT, ModelRuns.SOLVER,
                ModelRuns.RTOL, ModelRuns.ATOL, SEDML, ENGINE, MASTER));
        valued.addAll(Perturbations.OPTIONS);
        valued.addAll(moreValued);
        Set<String> repeatable = new HashSet<>(Perturbations.REPEATABLE);
        repeatable.addAll(moreRepeatable);
        Options o = Options.parse(args, valued, repeatable, Set.of(STEADY, PROGRESS));
        String model = o.onePositional("MODEL");
        if (o.flag(STEADY) && o.get(T_END) != null) {
            throw CommandException.usage("give --t-end or --steady-state, not both");
        }
        ReadoutTime time = o.flag(STEADY) ? ReadoutTime.steadyState() : ReadoutTime.at(o.number(T_END, 1440));
        // --drug ID=nM is a background drug; --drug ID (no dose) names the drug(s) the design varies
        List<String> varied = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(Perturbations.DRUG) && i + 1 < args.size() && !args.get(i + 1).contains("=")) {
                varied.add(args.get(++i));
            } else if (a.startsWith(Perturbations.DRUG + "=") && !a.substring(Perturbations.DRUG.length() + 1)
                    .contains("=")) {
                varied.add(a.substring(Perturbations.DRUG.length() + 1));
            } else {
                rest.add(a);
            }
        }
        o = Options.parse(rest, valued, repeatable, Set.of(STEADY, PROGRESS));
        for (String d : varied) {
            if (Contributions.drugs().find(d).isEmpty()) {
                throw CommandException.usage("unknown drug '" + d + "'; './mtorwb drugs' lists the catalogue");
            }
        }
        int threads = o.integer(THREADS, 0, 0);
        PreparedModel m = ModelRuns.prepare(model, io);
        Perturbations.Parsed p = Perturbations.parse(o, m);
        Map<String, Double> background = drugs(o);
        Cells cells = new Cells(m, p.cells(), Contributions.drugs(), ModelRuns.solverOptions(o))
                .withTreatmentChanges(p.treatmentExtras());
        String context = o.get(Perturbations.CONTEXT) == null ? "model" : o.get(Perturbations.CONTEXT);
        Progress progress = o.flag(PROGRESS) ? new Bar(io) : Progress.NONE;
        BatchRunner runner;
        try {
            runner = BatchEngines.runner(o.get(ENGINE), o.get(MASTER), threads);
        } catch (IllegalArgumentException e) {
            throw CommandException.usage(e.getMessage());
        }
        return new Setup(o, model, cells, context, background, varied, time, runner, progress);
    }

    /** The perturbation options a saved design records. */
    private static final Set<String> SAVED_PERTURBATIONS = Set.of(Perturbations.DRUG, Perturbations.CONTEXT,
            Perturbations.KNOCKOUT, Perturbations.OVEREXPRESS, Perturbations.SET);

    /** The design these options describe, to save as SED-ML. */
    static SavedDesign design(Setup s, SavedDesign.Kind kind, List<double[]> doses,
            List<Map<String, Double>> points, List<String> readouts) throws CommandException {
        return design(s.options(), kind, s.backgroundDrugs(), s.variedDrugs(), doses, points, readouts, s.time(), 1);
    }

    /** The design of parsed PERTURBATIONS options plus what the design varies. */
    static SavedDesign design(Options o, SavedDesign.Kind kind, Map<String, Double> drugs,
            List<String> varied, List<double[]> doses, List<Map<String, Double>> points, List<String> readouts,
            ReadoutTime time, int intervals) throws CommandException {
        for (String option : Perturbations.OPTIONS) {
            if (!SAVED_PERTURBATIONS.contains(option) && !o.all(option).isEmpty()) {
                throw new CommandException(ExitCode.UNSUPPORTED, "--sedml: the perturbation " + option
                        + " of an installed bundle cannot be written as SED-ML; leave out --sedml or " + option);
            }
        }
        return new SavedDesign(kind, o.get(Perturbations.CONTEXT), o.all(Perturbations.KNOCKOUT),
                pairs(o.all(Perturbations.OVEREXPRESS)), pairs(o.all(Perturbations.SET)), drugs, varied, doses, points,
                readouts, time, intervals);
    }

    /** {@code ID=VALUE} options (already checked by {@link Perturbations#parse}) as a map; repeated ids add up. */
    static Map<String, Double> pairs(List<String> values) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String v : values) {
            int eq = v.indexOf('=');
            m.merge(v.substring(0, eq).strip(), Double.parseDouble(v.substring(eq + 1).strip()), (a, b) -> b);
        }
        return m;
    }

    /** The {@code --drug ID=nM} doses (already checked); doses of one drug add up. */
    static Map<String, Double> drugs(Options o) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String v : o.all(Perturbations.DRUG)) {
            int eq = v.indexOf('=');
            m.merge(v.substring(0, eq).strip(), Double.parseDouble(v.substring(eq + 1).strip()), Double::sum);
        }
        return m;
    }

    /** Saves a design when {@code --sedml FILE.omex} is among the options. */
    static void saveIfAsked(Options o, String modelRef, PreparedModel model, CommandIO io, SavedDesign d)
            throws CommandException {
        String f = o.get(SEDML);
        if (f != null) {
            ExperimentCommand.save(d, modelRef, model, io.resolve(f), io);
        }
    }

    /** Saves the design when --sedml FILE.omex is given. */
    static void saveIfAsked(Setup s, CommandIO io, SavedDesign d) throws CommandException {
        saveIfAsked(s.options(), s.modelRef(), s.cells().model(), io, d);
    }

    static String readout(Setup s) throws CommandException {
        String r = s.options().get(READOUT);
        if (r == null) {
            throw CommandException.usage("missing --readout ID");
        }
        if (!s.cells().model().compiled().hasId(r)) {
            throw CommandException.usage("--readout: model has no id '" + r + "'");
        }
        return r;
    }

    static double[] numbers(Options o, String name) throws CommandException {
        List<String> l = o.list(name);
        if (l.isEmpty()) {
            throw CommandException.usage("missing " + name + " LIST (comma-separated numbers)");
        }
        double[] d = new double[l.size()];
        for (int i = 0; i < d.length; i++) {
            try {
                d[i] = Double.parseDouble(l.get(i));
            } catch (NumberFormatException e) {
                throw CommandException.usage(name + ": '" + l.get(i) + "' is not a number");
            }
            if (!(d[i] >= 0) || !Double.isFinite(d[i])) {
                throw CommandException.usage(name + ": doses must be finite and >= 0 nM");
            }
        }
        return d;
    }

    static CommandException failure(Setup s, SimulationException e) {
        return ModelRuns.failure(s.modelRef(), e);
    }

    static void write(Setup s, CommandIO io, Table t) throws CommandException {
        ModelRuns.write(s.options(), io, t::write);
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

    static final class DoseResponseCommand implements Command {
        @Override
        public String name() {
            return "dose-response";
        }

        @Override
        public String synopsis() {
            return "dose-response MODEL --drug ID --doses LIST --readout ID [READOUT-TIME] [PERTURBATIONS] [--out FILE]";
        }

        @Override
        public String summary() {
            return "a drug's dose-response curve with a four-parameter Hill fit (IC50, slope)";
        }

        @Override
        public String help() {
            return "Treats the cells with each dose (nM; the untreated control is added) and reads out the\n"
                    + "readout. CSV: run,context,drug,dose_nM,readout,time,value,fitted. Standard error gets the\n"
                    + "Hill fit: IC50 (EC50 for a rising curve) with its 95% interval, slope, top, bottom.\n"
                    + "  --drug ID        the drug to vary\n  --doses LIST     the doses in nM\n" + COMMON_HELP;
        }

        @Override
        public ExitCode run(List<String> args, CommandIO io) throws CommandException {
            Setup s = setup(args, io, Set.of("--doses"), Set.of());
            if (s.variedDrugs().size() != 1) {
                throw CommandException.usage("name exactly one drug to vary with --drug ID");
            }
            String readout = readout(s);
            double[] doses = numbers(s.options(), "--doses");
            try {
                saveIfAsked(s, io, design(s, SavedDesign.Kind.DOSE_RESPONSE, List.of(doses), List.of(),
                        List.of(readout)));
            } catch (IllegalArgumentException e) {
                throw CommandException.usage(e.getMessage());
            }
            DoseResponse.Result r;
            try {
                r = DoseResponse.run(withBackground(s), s.context(), s.variedDrugs().get(0), doses, readout, s.time(),
                        s.runner(), s.progress(), new Cancellation());
            } catch (SimulationException e) {
                throw failure(s, e);
            } catch (IllegalArgumentException e) {
                throw CommandException.usage(e.getMessage());
            }
            write(s, io, r.table());
            HillFit f = r.fit();
            io.err().println(String.format(Locale.ROOT,
                    "%s on %s: %s %.4g nM (95%% CI %.4g-%.4g), Hill slope %.3g, top %.4g, bottom %.4g, rmse %.3g%s",
                    r.drug(), readout, f.top() >= f.bottom() ? "IC50" : "EC50", f.ic50(), f.ic50Low(), f.ic50High(),
                    f.hill(), f.top(), f.bottom(), f.rmse(), f.converged() ? "" : " (fit did not converge)"));
            return ExitCode.OK;
        }
    }

    /** The cells with the background drugs (--drug ID=nM) given with every treatment. */
    private static Cells withBackground(Setup s) {
        return s.cells().withBackground(s.backgroundDrugs());
    }

    static final class CombinationCommand implements Command {
        @Override
        public String name() {
            return "combination";
        }

        @Override
        public String synopsis() {
            return "combination MODEL --drug A --drug B --doses-a LIST --doses-b LIST --readout ID "
                    + "[--synergy bliss|loewe|hsa] [READOUT-TIME] [PERTURBATIONS] [--out FILE]";
        }

        @Override
        public String summary() {
            return "a two-drug combination matrix with Bliss, Loewe and HSA synergy scores";
        }

        @Override
        public String help() {
            return "Treats the cells with every pair of doses (nM; zero doses are added) and reads out the\n"
                    + "readout. Effects are fractional inhibitions relative to the untreated control; each cell's\n"
                    + "excess over Bliss independence, Loewe additivity (from Hill fits of the single agents) and\n"
                    + "the highest single agent is in the CSV: run,context,drug_a,dose_a_nM,drug_b,dose_b_nM,\n"
                    + "readout,time,value,effect,bliss_excess,loewe_excess,hsa_excess. Standard error gets the mean\n"
                    + "excess per model and a classification: synergy above +" + Combination.THRESHOLD
                    + ", antagonism below -" + Combination.THRESHOLD + ", additive between.\n"
                    + "  --synergy M      the model whose classification is reported first (default bliss)\n"
                    + COMMON_HELP;
        }

        @Override
        public ExitCode run(List<String> args, CommandIO io) throws CommandException {
            Setup s = setup(args, io, Set.of("--doses-a", "--doses-b", "--synergy"), Set.of());
            if (s.variedDrugs().size() != 2) {
                throw CommandException.usage("name two drugs with --drug A --drug B");
            }
            String model = s.options().get("--synergy") == null ? "bliss" : s.options().get("--synergy");
            Combination.Model chosen;
            try {
                chosen = Combination.Model.valueOf(model.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw CommandException.usage("unknown --synergy '" + model + "'; use bliss, loewe or hsa");
            }
            String readout = readout(s);
            double[] dosesA = numbers(s.options(), "--doses-a");
            double[] dosesB = numbers(s.options(), "--doses-b");
            Combination.Result r;
            try {
                saveIfAsked(s, io, design(s, SavedDesign.Kind.COMBINATION, List.of(dosesA, dosesB), List.of(),
                        List.of(readout)));
                r = Combination.run(withBackground(s), s.context(), s.variedDrugs().get(0), dosesA,
                        s.variedDrugs().get(1), dosesB, readout, s.time(), s.runner(), s.progress(),
                        new Cancellation());
            } catch (SimulationException e) {
                throw failure(s, e);
            } catch (IllegalArgumentException e) {
                throw CommandException.usage(e.getMessage());
            }
            write(s, io, r.table());
            List<Combination.Model> order = new ArrayList<>(List.of(chosen));
            for (Combination.Model m : Combination.Model.values()) {
                if (m != chosen) {
                    order.add(m);
                }
            }
            for (Combination.Model m : order) {
                io.err().println(String.format(Locale.ROOT, "%s + %s on %s: %s mean excess %+.4f -> %s", r.drugA(),
                        r.drugB(), readout, m.name().toLowerCase(Locale.ROOT), r.score()[m.ordinal()],
                        r.classification(m)));
            }
            return ExitCode.OK;
        }
    }

    static final class ScanCommand implements Command {
        @Override
        public String name() {
            return "scan";
        }

        @Override
        public String synopsis() {
            return "scan MODEL --param ID=FROM:TO:N[:log]... --readout ID [--samples N [--seed S]] [--threads N] "
                    + "[READOUT-TIME] [PERTURBATIONS] [--out FILE]";
        }

        @Override
        public String summary() {
            return "scan parameters or initial values on a grid or a Latin-hypercube sample";
        }

        @Override
        public String help() {
            return "Runs the cells at every point of the grid spanned by the --param axes (1-D, 2-D, N-D; linear,\n"
                    + "or log with ':log'), or, with --samples N, at N Latin-hypercube points of the same ranges\n"
                    + "(--seed S, default 1, makes it reproducible). Each point's values change the cells before\n"
                    + "pre-equilibration. CSV: run,context,<ids>,drugs,readout,time,value.\n"
                    + "  --param SPEC     an axis ID=FROM:TO:N[:log] (repeatable)\n" + COMMON_HELP;
        }

        @Override
        public ExitCode run(List<String> args, CommandIO io) throws CommandException {
            Setup s = setup(args, io, Set.of("--param", "--samples", "--seed"), Set.of("--param"));
            if (!s.variedDrugs().isEmpty()) {
                throw CommandException.usage("give drugs to scan runs as --drug ID=nM");
            }
            List<Scan.Axis> axes = new ArrayList<>();
            for (String p : s.options().all("--param")) {
                try {
                    Scan.Axis a = Scan.Axis.parse(p);
                    if (!s.cells().model().compiled().hasId(a.id())) {
                        throw CommandException.usage("--param: model has no id '" + a.id() + "'");
                    }
                    axes.add(a);
                } catch (IllegalArgumentException e) {
                    throw CommandException.usage(e.getMessage());
                }
            }
            if (axes.isEmpty()) {
                throw CommandException.usage("give at least one --param ID=FROM:TO:N[:log]");
            }
            String readout = readout(s);
            int samples = s.options().integer("--samples", 0, 0);
            List<Map<String, Double>> points = samples > 0
                    ? Scan.latinHypercube(axes, samples, (long) s.options().number("--seed", 1)) : Scan.grid(axes);
            saveIfAsked(s, io, design(s, SavedDesign.Kind.SCAN, List.of(), points, List.of(readout)));
            try {
                write(s, io, Scan.run(s.cells(), s.context(), points, s.backgroundDrugs(), List.of(readout), s.time(),
                        s.runner(), s.progress(), new Cancellation()));
            } catch (SimulationException e) {
                throw failure(s, e);
            }
            io.err().println(points.size() + " runs on " + s.runner().describe());
            return ExitCode.OK;
        }
    }

    static final class SensitivityCommand implements Command {
        @Override
        public String name() {
            return "sensitivity";
        }

        @Override
        public String synopsis() {
            return "sensitivity MODEL --readout ID [--method local|morris|sobol] [--params LIST] [--trajectories N] "
                    + "[--samples N] [--seed S] [READOUT-TIME] [PERTURBATIONS] [--out FILE]";
        }

        @Override
        public String summary() {
            return "sensitivity of a readout to parameters (local coefficients, Morris screening, Sobol indices)";
        }

        @Override
        public String help() {
            return "Varies every global parameter that is constant and non-zero (or those of --params LIST).\n"
                    + "'local' (default): scaled control coefficients (dR/R)/(dp/p) by central differences of +-1%;\n"
                    + "CSV parameter,value,readout,time,readout_value,coefficient. 'morris': elementary effects over\n"
                    + "[p/2, 2p] (log scale, 4 levels, --trajectories N default 10); CSV\n"
                    + "parameter,value,readout,time,mu_star,sigma,trajectories. 'sobol': first-order and total\n"
                    + "variance-based indices with every parameter log-uniform over [p/2, 2p], Saltelli sampling\n"
                    + "(--samples N base points, default 64: N (k + 2) runs for k parameters) and 95% bootstrap\n"
                    + "intervals (200 resamples); CSV parameter,value,readout,time,first_order,first_order_low,\n"
                    + "first_order_high,total,total_low,total_high,samples. --seed S (default 1) makes Morris\n"
                    + "trajectories and Sobol bootstraps reproducible.\n"
                    + "  --params LIST    the parameters to vary (comma-separated ids)\n" + COMMON_HELP;
        }

        @Override
        public ExitCode run(List<String> args, CommandIO io) throws CommandException {
            Setup s = setup(args, io, Set.of("--method", "--trajectories", "--seed", "--samples", "--params"), Set.of());
            String method = s.options().get("--method") == null ? "local" : s.options().get("--method");
            if (s.options().get(SEDML) != null) {
                throw new CommandException(ExitCode.UNSUPPORTED, "--sedml: SED-ML L1V3 cannot express a sensitivity "
                        + "analysis (its coefficients and indices compare runs, which SED-ML data generators cannot); "
                        + "save a scan of the parameters instead");
            }
            String readout = readout(s);
            Map<String, Double> all = s.cells().model().constantParameters();
            Map<String, Double> params = all;
            List<String> chosen = s.options().list("--params");
            if (chosen != null) {
                if (chosen.isEmpty()) {
                    throw CommandException.usage("--params needs at least one parameter id");
                }
                params = new LinkedHashMap<>();
                for (String id : chosen) {
                    Double v = all.get(id);
                    if (v == null) {
                        throw CommandException.usage("--params: '" + id + "' is not a constant, non-zero global "
                                + "parameter of the model");
                    }
                    params.put(id, v);
                }
            }
            if (params.isEmpty()) {
                throw CommandException.usage("the model has no constant, non-zero global parameter to vary");
            }
            long seed = (long) s.options().number("--seed", 1);
            try {
                Table t = switch (method) {
                    case "local" -> Sensitivity.local(s.cells(), params, s.backgroundDrugs(), List.of(readout), s.time(),
                            s.runner(), s.progress(), new Cancellation());
                    case "morris" -> Sensitivity.morris(s.cells(), params, s.backgroundDrugs(), List.of(readout),
                            s.time(), s.options().integer("--trajectories", 10, 2), seed, s.runner(), s.progress(),
                            new Cancellation());
                    case "sobol" -> Sensitivity.sobol(s.cells(), params, s.backgroundDrugs(), List.of(readout),
                            s.time(), s.options().integer("--samples", 64, 2), 200, seed, s.runner(), s.progress(),
                            new Cancellation());
                    default -> throw CommandException.usage("unknown --method '" + method
                            + "'; use local, morris or sobol");
                };
                write(s, io, t);
            } catch (SimulationException e) {
                throw failure(s, e);
            } catch (IllegalArgumentException e) {
                throw CommandException.usage(e.getMessage());
            }
            return ExitCode.OK;
        }
    }
}
