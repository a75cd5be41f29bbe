package org.mtorworkbench.simulation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.mtorworkbench.sbml.SbmlException;
import org.mtorworkbench.sbml.SbmlReader;
import org.sbml.jsbml.SBMLDocument;

/**
 * Runs cases of the SBML Test Suite's semantic suite: a folder of {@code NNNNN/} case folders,
 * each with {@code NNNNN-sbml-lXvY.xml} models, {@code NNNNN-settings.txt} (start, duration,
 * steps, variables, absolute and relative tolerance, amount and concentration lists) and
 * {@code NNNNN-results.csv}. A case passes when every expected value {@code e} is matched by
 * the simulated {@code a} with {@code |a - e| <= absolute + relative * |e|}, the suite's own
 * criterion. Flux-balance cases (models using the {@code fbc} package) are solved with
 * {@link FluxBalance} and compared the same way. Stateless and thread-safe.
 */
public final class TestSuiteRunner {

    /** The outcome of one case. */
    public enum Status {
        PASSED, FAILED, SKIPPED
    }

    /**
     * @param number the case number
     * @param status passed, failed or skipped
     * @param reason why it failed or was skipped; empty when passed
     */
    public record CaseResult(int number, Status status, String reason) {
    }

    private static final String[] LEVELS = { "l3v2", "l3v1", "l2v5", "l2v4", "l2v3", "l2v2", "l2v1", "l1v2" };

    private final Path dir;
    private final SolverOptions options;

    /** @param dir the folder holding the case folders */
    public TestSuiteRunner(Path dir) {
        this(dir, SolverOptions.defaults().withRelativeTolerance(1e-9).withAbsoluteTolerance(1e-14)
                .withMaxSteps(2_000_000L));
    }

    private TestSuiteRunner(Path dir, SolverOptions options) {
        this.dir = dir;
        this.options = options;
    }

    /** @return a copy that integrates with other options */
    public TestSuiteRunner withOptions(SolverOptions o) {
        return new TestSuiteRunner(dir, o);
    }

    /** @return the case numbers present in the folder, ascending */
    public List<Integer> availableCases() throws IOException {
        TreeSet<Integer> out = new TreeSet<>();
        try (var s = Files.list(dir)) {
            s.forEach(p -> {
                String n = p.getFileName().toString();
                if (n.matches("\\d{5}") && Files.isDirectory(p)) {
                    out.add(Integer.parseInt(n));
                }
            });
        }
        return new ArrayList<>(out);
    }

    /**
     * Parses a list like {@code 1-100,205}.
     *
     * @throws IllegalArgumentException naming the bad item
     */
    public static List<Integer> parseCases(String list) {
        TreeSet<Integer> out = new TreeSet<>();
        for (String item : list.split(",")) {
            String s = item.strip();
            if (s.isEmpty()) {
                continue;
            }
            try {
                int dash = s.indexOf('-');
                if (dash > 0) {
                    int a = Integer.parseInt(s.substring(0, dash).strip());
                    int b = Integer.parseInt(s.substring(dash + 1).strip());
                    if (b < a || a < 0) {
                        throw new IllegalArgumentException("bad case range '" + s + "'");
                    }
                    for (int i = a; i <= b; i++) {
                        out.add(i);
                    }
                } else {
                    out.add(Integer.parseInt(s));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad case number '" + s + "'; use a list like 1-100,205");
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * Runs cases on {@code threads} threads, passing each result to {@code sink} (from the
     * calling thread, in case order). The first case runs alone, so the SBML reader's one-time
     * initialisation happens on a single thread.
     */
    public void runAll(List<Integer> cases, int threads, java.util.function.Consumer<CaseResult> sink)
            throws InterruptedException {
        if (cases.isEmpty()) {
            return;
        }
        sink.accept(run(cases.get(0)));
        java.util.concurrent.ExecutorService ex = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<java.util.concurrent.Future<CaseResult>> fs = new ArrayList<>();
            for (int c : cases.subList(1, cases.size())) {
                fs.add(ex.submit(() -> run(c)));
            }
            for (java.util.concurrent.Future<CaseResult> f : fs) {
                try {
                    sink.accept(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            ex.shutdownNow();
        }
    }

    /** Runs one case; never throws for a failing case. */
    public CaseResult run(int number) {
        String nn = String.format("%05d", number);
        Path caseDir = dir.resolve(nn);
        Path settingsFile = caseDir.resolve(nn + "-settings.txt");
        Path resultsFile = caseDir.resolve(nn + "-results.csv");
        Path model = null;
        for (String lv : LEVELS) {
            Path p = caseDir.resolve(nn + "-sbml-" + lv + ".xml");
            if (Files.isRegularFile(p)) {
                model = p;
                break;
            }
        }
        if (!Files.isDirectory(caseDir)) {
            return new CaseResult(number, Status.SKIPPED, "no case folder " + caseDir);
        }
        if (model == null || !Files.isRegularFile(settingsFile) || !Files.isRegularFile(resultsFile)) {
            return new CaseResult(number, Status.SKIPPED, "the case has no SBML model, settings or results file");
        }
        try {
            SBMLDocument doc = new SbmlReader().read(model);
            if (FluxBalance.uses(doc)) {
                return fluxBalance(number, doc, readSettings(settingsFile), Files.readAllLines(resultsFile));
            }
            CompiledModel cm = CompiledModel.compile(doc);
            Map<String, String> settings = readSettings(settingsFile);
            List<String> lines = Files.readAllLines(resultsFile);
            String[] header = lines.get(0).split(",");
            List<double[]> expected = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                double[] row = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    row[i] = parse(f[i]);
                }
                expected.add(row);
            }
            if (settings.getOrDefault("duration", "").isEmpty() || settings.getOrDefault("steps", "").isEmpty()) {
                return new CaseResult(number, Status.FAILED, "not a time course (the settings give no duration or steps)");
            }
            double start = Double.parseDouble(settings.getOrDefault("start", "0"));
            double duration = Double.parseDouble(settings.get("duration"));
            int steps = (int) Double.parseDouble(settings.get("steps"));
            double abs = Double.parseDouble(settings.get("absolute"));
            double rel = Double.parseDouble(settings.get("relative"));
            List<String> amount = list(settings.get("amount"));
            List<String> conc = list(settings.get("concentration"));
            List<Output> outs = new ArrayList<>();
            for (int c = 1; c < header.length; c++) {
                String id = header[c].strip();
                Quantity q = amount.contains(id) ? Quantity.AMOUNT : conc.contains(id) ? Quantity.CONCENTRATION : Quantity.VALUE;
                outs.add(new Output(id, q));
            }
            double[] times = new double[steps + 1];
            for (int i = 0; i <= steps; i++) {
                times[i] = start + duration * i / steps;
            }
            for (Output o : outs) {
                if (!cm.hasId(o.id())) {
                    return new CaseResult(number, Status.FAILED, "the results name '" + o.id() + "', which the model lacks");
                }
            }
            double atol = Math.min(options.get(SolverOptions.ABSOLUTE_TOLERANCE), abs * 1e-4);
            TimeCourse tc = cm.newSimulation().withStartTime(0.0).run(times, outs,
                    options.withAbsoluteTolerance(Math.max(atol, 1e-300)), () -> false);
            if (expected.size() != tc.size()) {
                return new CaseResult(number, Status.FAILED, "expected " + expected.size() + " rows, simulated " + tc.size());
            }
            for (int r = 0; r < tc.size(); r++) {
                double[] e = expected.get(r);
                for (int c = 0; c < outs.size(); c++) {
                    double ev = e[c + 1];
                    double av = tc.value(r, c);
                    if (!close(av, ev, abs, rel)) {
                        return new CaseResult(number, Status.FAILED, "'" + outs.get(c).id() + "' at time " + tc.time(r)
                                + " is " + av + ", expected " + ev);
                    }
                }
            }
            return new CaseResult(number, Status.PASSED, "");
        } catch (SimulationException e) {
            String kind = e.kind() == SimulationException.Kind.UNSUPPORTED ? "unsupported: " : e.kind().name().toLowerCase() + ": ";
            return new CaseResult(number, Status.FAILED, kind + e.getMessage());
        } catch (SbmlException e) {
            return new CaseResult(number, Status.FAILED, "unreadable: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            return new CaseResult(number, Status.FAILED, "error: " + e);
        }
    }

    /**
     * A flux-balance case: the results are one row of reaction fluxes and objective values at
     * the optimum (all NaN when the problem is infeasible).
     */
    private static CaseResult fluxBalance(int number, SBMLDocument doc, Map<String, String> settings, List<String> lines)
            throws SimulationException {
        double abs = Double.parseDouble(settings.get("absolute"));
        double rel = Double.parseDouble(settings.get("relative"));
        String[] header = lines.get(0).split(",");
        String[] row = lines.get(1).split(",");
        FluxBalance.Solution solution;
        try {
            solution = FluxBalance.solve(doc);
        } catch (SimulationException e) {
            if (e.kind() != SimulationException.Kind.NO_STEADY_STATE) {
                throw e;
            }
            solution = null; // infeasible: the suite expects NaN
        }
        for (int c = 0; c < header.length; c++) {
            String id = header[c].strip();
            double ev = parse(row[c]);
            if (solution != null && !solution.has(id)) {
                return new CaseResult(number, Status.FAILED, "the results name '" + id + "', which is neither a reaction nor the objective");
            }
            double av = solution == null ? Double.NaN : solution.value(id);
            if (!close(av, ev, abs, rel)) {
                return new CaseResult(number, Status.FAILED, "flux balance: '" + id + "' is " + av + ", expected " + ev);
            }
        }
        return new CaseResult(number, Status.PASSED, "");
    }

    static boolean close(double a, double e, double abs, double rel) {
        if (Double.isNaN(e)) {
            return Double.isNaN(a);
        }
        if (Double.isInfinite(e)) {
            return a == e;
        }
        return Math.abs(a - e) <= abs + rel * Math.abs(e);
    }

    private static double parse(String s) {
        String t = s.strip();
        if (t.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        if (t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        if (t.equalsIgnoreCase("-inf") || t.equalsIgnoreCase("-infinity")) {
            return Double.NEGATIVE_INFINITY;
        }
        return Double.parseDouble(t);
    }

    private static List<String> list(String s) {
        List<String> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        for (String x : s.split(",")) {
            if (!x.isBlank()) {
                out.add(x.strip());
            }
        }
        return out;
    }

    private static Map<String, String> readSettings(Path file) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                m.put(line.substring(0, colon).strip().toLowerCase(), line.substring(colon + 1).strip());
            }
        }
        return m;
    }
}
