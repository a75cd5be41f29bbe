package org.mtorworkbench.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.mtorworkbench.cli.Command;
import org.mtorworkbench.cli.CommandException;
import org.mtorworkbench.cli.CommandIO;
import org.mtorworkbench.cli.ExitCode;
import org.mtorworkbench.experiments.BatchRunner;
import org.mtorworkbench.experiments.Cancellation;
import org.mtorworkbench.experiments.Cells;
import org.mtorworkbench.experiments.Combination;
import org.mtorworkbench.experiments.DoseResponse;
import org.mtorworkbench.experiments.FindingsRunner;
import org.mtorworkbench.experiments.FindingsRunner.CheckResult;
import org.mtorworkbench.experiments.HillFit;
import org.mtorworkbench.experiments.PreparedModel;
import org.mtorworkbench.experiments.Progress;
import org.mtorworkbench.experiments.ReadoutTime;
import org.mtorworkbench.experiments.Table;
import org.mtorworkbench.network.CellContexts;
import org.mtorworkbench.network.DrugCatalogue;
import org.mtorworkbench.network.Findings;
import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.network.NetworkModel;
import org.mtorworkbench.network.extension.Contributions;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SolverOptions;
import org.mtorworkbench.simulation.TimeCourse;

/**
 * {@code demo [--out DIR]}: the review's story on {@code builtin:mtor} in one run. Rapamycin's
 * feedback activation of Akt and Erk over a day; dose-responses of a rapalog, an
 * ATP-competitive mTOR kinase inhibitor and a dual PI3K/mTOR inhibitor; the rapamycin + MEK
 * inhibitor combination matrix with synergy; the review's findings. Writes CSV tables, SVG and
 * PNG charts and {@code report.html}, and prints a summary.
 */
final class DemoCommand implements Command {

    /** The rapalog, the ATP-competitive mTOR kinase inhibitor and the dual PI3K/mTOR inhibitor compared. */
    static final List<String> DRUGS = List.of("rapamycin", "azd8055", "bez235");
    static final Map<String, String> CLASSES = Map.of("rapamycin", "rapalog (allosteric mTORC1)", "azd8055",
            "ATP-competitive mTOR kinase inhibitor (TORKi)", "bez235", "dual PI3K/mTOR inhibitor");
    static final List<String> DOSE_READOUTS = List.of("pS6K1", "p4EBP1", "pAkt_S473", "proliferation");
    static final List<String> FEEDBACK_READOUTS = List.of("pS6K1", "pIRS1_S", "pAkt_T308", "pAkt_S473", "pERK");
    static final double RAPAMYCIN_NM = 10;
    static final String MEK_INHIBITOR = "pd0325901";
    static final double[] COMBO_RAPAMYCIN = { 0.01, 0.1, 1, 10, 100 };
    static final double[] COMBO_MEK = { 1, 3, 10, 30, 100, 300 };
    static final String COMBO_READOUT = "proliferation";

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String synopsis() {
        return "demo [--out DIR] [--threads N]";
    }

    @Override
    public String summary() {
        return "the review's story on builtin:mtor: feedback, inhibitor classes, a combination with its synergy scores, findings";
    }

    @Override
    public String help() {
        return "Runs on builtin:mtor (wild-type cells, pre-equilibrated; drugs added at time 0):\n"
                + "  1. rapamycin " + Table.number(RAPAMYCIN_NM) + " nM over 24 h: " + String.join(", ", FEEDBACK_READOUTS)
                + "\n     relative to untreated cells (the S6K1-IRS1 feedback loop releases Akt and Erk);\n"
                + "  2. dose-responses at 24 h of rapamycin (rapalog), AZD8055 (ATP-competitive mTOR kinase\n"
                + "     inhibitor) and BEZ235 (dual PI3K/mTOR inhibitor) on " + String.join(", ", DOSE_READOUTS)
                + ",\n     with Hill fits;\n"
                + "  3. rapamycin x " + MEK_INHIBITOR + " (MEK inhibitor) combination matrix on " + COMBO_READOUT
                + " at 24 h,\n     with Bliss, Loewe and HSA excess;\n"
                + "  4. the review's findings (as './mtorwb findings').\n"
                + "Writes into DIR (default ./mtorwb-demo): feedback.csv, dose_response.csv, fits.csv,\n"
                + "combination.csv, findings.csv, charts as .svg and .png, and report.html linking them all.\n"
                + "Prints a summary. Exit code 0, or 1 when a finding fails.\n"
                + "  --out DIR     the folder to write (created when missing)\n"
                + "  --threads N   worker threads (default: all cores)";
    }

    @Override
    public ExitCode run(List<String> args, CommandIO io) throws CommandException {
        Options o = Options.parse(args, Set.of(ModelRuns.OUT, ExperimentCommands.THREADS), Set.of());
        if (!o.positionals().isEmpty()) {
            throw CommandException.usage("unexpected argument '" + o.positionals().get(0) + "'");
        }
        Path dir = io.resolve(o.get(ModelRuns.OUT) == null ? "mtorwb-demo" : o.get(ModelRuns.OUT));
        int threads = o.integer(ExperimentCommands.THREADS, 0, 0);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw CommandException.usage("--out " + dir + ": cannot create the folder (" + e.getMessage()
                    + "); choose a writable location");
        }
        long start = System.nanoTime();
        Story story;
        try {
            story = run(dir, threads);
        } catch (SimulationException e) {
            throw ModelRuns.failure("builtin:mtor", e);
        } catch (IOException e) {
            throw CommandException.usage("cannot write into " + dir + " (" + e.getMessage() + "); choose a writable folder");
        }
        story.printSummary(io.out(), dir, (System.nanoTime() - start) / 1e9);
        return story.findingsFailed() == 0 ? ExitCode.OK : ExitCode.PROBLEMS_FOUND;
    }

    /** What the demo found. */
    record Story(Map<String, double[]> feedbackFold, List<DoseResponse.Result> doseResponses,
            Combination.Result combination, List<CheckResult> findings) {

        int findingsFailed() {
            return (int) findings.stream().filter(r -> !r.passed()).count();
        }

        /** Fold change of a readout at 24 h under rapamycin. */
        double foldAtEnd(String readout) {
            double[] f = feedbackFold.get(readout);
            return f[f.length - 1];
        }

        /** Largest fold change of a readout during the day under rapamycin. */
        double peakFold(String readout) {
            double m = 0;
            for (double v : feedbackFold.get(readout)) {
                m = Math.max(m, v);
            }
            return m;
        }

        DoseResponse.Result doseResponse(String drug, String readout) {
            return doseResponses.stream().filter(r -> r.drug().equals(drug) && r.readout().equals(readout)).findFirst()
                    .orElseThrow();
        }

        void printSummary(PrintStream out, Path dir, double seconds) {
            out.println("mTOR Workbench demo on builtin:mtor (wild-type cells; readouts 24 h after the drugs)");
            out.println();
            out.printf(Locale.ROOT, "1. Rapamycin %s nM relieves the S6K1-IRS1 feedback (fold change vs untreated):%n",
                    Table.number(RAPAMYCIN_NM));
            for (String r : FEEDBACK_READOUTS) {
                out.printf(Locale.ROOT, "   %-10s at 24 h %7.3g   peak %7.3g%n", r, foldAtEnd(r), peakFold(r));
            }
            out.println();
            out.println("2. Inhibitor classes, IC50 (EC50 where the readout rises) in nM at 24 h, and the residual at the top dose:");
            out.printf(Locale.ROOT, "   %-10s", "drug");
            for (String r : DOSE_READOUTS) {
                out.printf(Locale.ROOT, " %22s", r);
            }
            out.println();
            for (String d : DRUGS) {
                out.printf(Locale.ROOT, "   %-10s", d);
                for (String r : DOSE_READOUTS) {
                    DoseResponse.Result dr = doseResponse(d, r);
                    double residual = dr.responses()[dr.responses().length - 1] / dr.responses()[0];
                    out.printf(Locale.ROOT, " %22s", String.format(Locale.ROOT, "%s (%.2f)", ic50Text(dr.fit()),
                            residual));
                }
                out.println();
            }
            out.println();
            out.printf(Locale.ROOT, "3. Rapamycin + %s on %s, %dx%d matrix:%n", MEK_INHIBITOR, COMBO_READOUT,
                    combination.dosesA().length, combination.dosesB().length);
            for (Combination.Model m : Combination.Model.values()) {
                out.printf(Locale.ROOT, "   %-6s mean excess %+.3f -> %s%n", m.name().toLowerCase(Locale.ROOT),
                        combination.score()[m.ordinal()], combination.classification(m));
            }
            out.println();
            long ids = findings.stream().map(r -> r.finding().id()).distinct().count();
            long failedIds = findings.stream().filter(r -> !r.passed()).map(r -> r.finding().id()).distinct().count();
            out.printf(Locale.ROOT, "4. The review's findings: %d of %d hold (%d of %d checks pass)%n", ids - failedIds,
                    ids, findings.size() - findingsFailed(), findings.size());
            out.println();
            out.printf(Locale.ROOT, "Report: %s (%.1f s)%n", dir.resolve("report.html"), seconds);
        }
    }

    static String ic50Text(HillFit f) {
        if (!f.converged() || !Double.isFinite(f.ic50())) {
            return "no fit";
        }
        return String.format(Locale.ROOT, "%.3g", f.ic50());
    }

    /** Runs the story and writes every file into {@code dir}. */
    static Story run(Path dir, int threads) throws SimulationException, IOException {
        PreparedModel model = PreparedModel.of(NetworkModel.newDocument());
        DrugCatalogue drugs = Contributions.drugs();
        CellContexts contexts = Contributions.contexts();
        SolverOptions options = SolverOptions.defaults();
        BatchRunner runner = new BatchRunner(threads);
        Cancellation cancel = new Cancellation();
        ModelChanges wildtype = contexts.find("wildtype").orElseThrow().changes();
        Cells cells = new Cells(model, wildtype, drugs, options);
        // the findings run alongside the designs: they share nothing but the compiled model
        CompletableFuture<List<CheckResult>> findings = CompletableFuture.supplyAsync(() -> {
            try {
                return new FindingsRunner(model, drugs, contexts, options).run(Findings.builtin(), cancel);
            } catch (SimulationException e) {
                throw new CompletionException(e);
            }
        });
        try {
            Map<String, double[]> fold = feedback(cells, runner, cancel, dir);
            ReadoutTime day = ReadoutTime.at(1440);
            List<DoseResponse.Result> doseResponses = new ArrayList<>();
            double[] doses = DoseResponse.logDoses(0.01, 10000, 13);
            for (String d : DRUGS) {
                doseResponses.addAll(DoseResponse.run(cells, "wildtype", d, doses, DOSE_READOUTS, day, runner,
                        Progress.NONE, cancel));
            }
            Combination.Result combo = Combination.run(cells, "wildtype", "rapamycin", COMBO_RAPAMYCIN, MEK_INHIBITOR,
                    COMBO_MEK, COMBO_READOUT, day, runner, Progress.NONE, cancel);
            writeDoseResponses(dir, doseResponses);
            writeCombination(dir, combo);
            List<CheckResult> checks = findings.join();
            writeFindings(dir, checks);
            Story story = new Story(fold, doseResponses, combo, checks);
            DemoReport.write(dir, story);
            return story;
        } catch (CompletionException e) {
            if (e.getCause() instanceof SimulationException s) {
                throw s;
            }
            throw e;
        } finally {
            cancel.cancel();
        }
    }

    /** Untreated and rapamycin-treated cells over 24 h; writes feedback.csv and the chart. */
    private static Map<String, double[]> feedback(Cells cells, BatchRunner runner, Cancellation cancel, Path dir)
            throws SimulationException, IOException {
        double[] times = new double[97];
        for (int i = 0; i < times.length; i++) {
            times[i] = 15.0 * i;
        }
        Map<String, Double> state = cells.equilibratedState(cancel);
        List<BatchRunner.Task<TimeCourse>> tasks = new ArrayList<>();
        for (Map<String, Double> doses : List.of(Map.<String, Double>of(), Map.of("rapamycin", RAPAMYCIN_NM))) {
            ModelChanges treatment = cells.drugs().changes(doses);
            tasks.add(() -> cells.model().treatFrom(state, cells.state(), treatment, times, FEEDBACK_READOUTS,
                    cells.options(), cancel));
        }
        List<TimeCourse> runs = runner.run(tasks, Progress.NONE, cancel);
        Table t = new Table(List.of("time_min", "readout", "untreated", "rapamycin_nM", "treated", "fold_change"));
        Map<String, double[]> fold = new LinkedHashMap<>();
        List<ReportCharts.Curve> curves = new ArrayList<>();
        double[] hours = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            hours[i] = times[i] / 60;
        }
        for (int r = 0; r < FEEDBACK_READOUTS.size(); r++) {
            double[] f = new double[times.length];
            for (int i = 0; i < times.length; i++) {
                double u = runs.get(0).value(i, r);
                double v = runs.get(1).value(i, r);
                f[i] = u == 0 ? Double.NaN : v / u;
                t.add(times[i], FEEDBACK_READOUTS.get(r), u, RAPAMYCIN_NM, v, f[i]);
            }
            fold.put(FEEDBACK_READOUTS.get(r), f);
            curves.add(new ReportCharts.Curve(FEEDBACK_READOUTS.get(r), hours, f, false, r));
        }
        writeCsv(dir.resolve("feedback.csv"), t);
        ReportCharts.write(ReportCharts.lines("Rapamycin " + Table.number(RAPAMYCIN_NM) + " nM: feedback activation",
                "hours after rapamycin", "fold change vs untreated", false, curves), dir, "feedback");
        return fold;
    }

    private static void writeDoseResponses(Path dir, List<DoseResponse.Result> results) throws IOException {
        Table all = new Table(results.get(0).table().columns());
        Table fits = new Table(List.of("drug", "class", "readout", "time", "ic50_nM", "ic50_low_nM", "ic50_high_nM",
                "hill", "top", "bottom", "rmse", "converged"));
        for (DoseResponse.Result r : results) {
            for (List<Object> row : r.table().rows()) {
                all.add(row.toArray());
            }
            HillFit f = r.fit();
            fits.add(r.drug(), CLASSES.get(r.drug()), r.readout(), r.time().label(), f.ic50(), f.ic50Low(),
                    f.ic50High(), f.hill(), f.top(), f.bottom(), f.rmse(), String.valueOf(f.converged()));
        }
        writeCsv(dir.resolve("dose_response.csv"), all);
        writeCsv(dir.resolve("fits.csv"), fits);
        for (String readout : DOSE_READOUTS) {
            List<ReportCharts.Curve> curves = new ArrayList<>();
            for (int d = 0; d < DRUGS.size(); d++) {
                String drug = DRUGS.get(d);
                DoseResponse.Result r = results.stream()
                        .filter(x -> x.drug().equals(drug) && x.readout().equals(readout)).findFirst().orElseThrow();
                double control = r.responses()[0];
                double[] rel = new double[r.doses().length];
                for (int i = 0; i < rel.length; i++) {
                    rel[i] = r.responses()[i] / control;
                }
                curves.add(new ReportCharts.Curve(drug, r.doses(), rel, true, d));
                double[] fine = DoseResponse.logDoses(r.doses()[1], r.doses()[r.doses().length - 1], 120);
                double[] fitted = new double[fine.length];
                for (int i = 0; i < fine.length; i++) {
                    fitted[i] = r.fit().predict(fine[i]) / control;
                }
                if (r.fit().converged()) {
                    curves.add(new ReportCharts.Curve(drug + " (Hill fit)", fine, fitted, false, d));
                }
            }
            ReportCharts.write(ReportCharts.lines(readout + " at 24 h", "dose (nM)", readout + " relative to untreated",
                    true, curves), dir, "dose_response_" + readout);
        }
    }

    private static void writeCombination(Path dir, Combination.Result r) throws IOException {
        writeCsv(dir.resolve("combination.csv"), r.table());
        double[][] rel = new double[r.dosesA().length][r.dosesB().length];
        for (int i = 0; i < rel.length; i++) {
            for (int j = 0; j < rel[i].length; j++) {
                rel[i][j] = r.response()[i][j] / r.response()[0][0];
            }
        }
        String a = r.drugA() + " (nM)";
        String b = r.drugB() + " (nM)";
        ReportCharts.write(ReportCharts.heatmap(r.readout() + " relative to untreated", a, r.dosesA(), b, r.dosesB(),
                rel, false, "relative " + r.readout()), dir, "combination_response");
        ReportCharts.write(ReportCharts.heatmap(String.format(Locale.ROOT, "Bliss excess (mean %+.3f: %s)",
                r.score()[Combination.Model.BLISS.ordinal()], r.classification(Combination.Model.BLISS)), a,
                r.dosesA(), b, r.dosesB(), r.excess()[Combination.Model.BLISS.ordinal()], true,
                "Bliss excess (synergy > 0)"), dir, "combination_bliss");
    }

    private static void writeFindings(Path dir, List<CheckResult> results) throws IOException {
        Table t = new Table(List.of("finding", "section", "readout", "protocol", "expected", "simulated_ratio",
                "result"));
        for (CheckResult r : results) {
            t.add(r.finding().id(), r.finding().section(), r.check().readout(), r.check().describe(),
                    r.check().expectation().words(), r.ratio(), r.passed() ? "PASS" : "FAIL");
        }
        writeCsv(dir.resolve("findings.csv"), t);
    }

    static void writeCsv(Path file, Table t) throws IOException {
        ReportCharts.atomically(file, out -> {
            PrintStream ps = new PrintStream(out, false, StandardCharsets.UTF_8);
            t.write(ps);
            ps.flush();
        });
    }
}
