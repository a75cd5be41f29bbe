package org.mtorworkbench.calibration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.mtorworkbench.calibration.internal.Table;
import org.mtorworkbench.calibration.internal.Yaml;
import org.mtorworkbench.simulation.SolverOptions;

/**
 * Runs the cases of the PEtab test suite (a folder of {@code NNNN/} cases, each with
 * {@code _NNNN.yaml}, the model, the tables and {@code _NNNN_solution.yaml} holding chi2, llh, the
 * simulations and their tolerances) and compares with the solutions: |computed - expected| within
 * the case's tolerance for llh, chi2 and every simulated value.
 */
public final class PetabTestSuite {

    /** A case's outcome. */
    public enum Status {
        PASSED, FAILED, SKIPPED
    }

    /** The outcome of one case: its number, status and, unless passed, why. */
    public record CaseResult(int number, Status status, String reason) {
    }

    private final Path dir;
    private final SolverOptions options;

    public PetabTestSuite(Path dir, SolverOptions options) {
        this.dir = dir;
        this.options = options;
    }

    /** @return the case numbers present, ascending */
    public List<Integer> availableCases() throws IOException {
        List<Integer> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> n.matches("[0-9]{4}"))
                    .sorted().forEach(n -> out.add(Integer.parseInt(n)));
        }
        return out;
    }

    /** Runs one case; never throws for a failing case. */
    public CaseResult run(int number) {
        String id = String.format(Locale.ROOT, "%04d", number);
        Path c = dir.resolve(id);
        Path yaml = c.resolve("_" + id + ".yaml");
        Path solution = c.resolve("_" + id + "_solution.yaml");
        if (!Files.isRegularFile(yaml) || !Files.isRegularFile(solution)) {
            return new CaseResult(number, Status.SKIPPED, "no " + yaml.getFileName() + " or " + solution.getFileName());
        }
        try {
            Yaml.MapNode sol = Yaml.read(solution);
            PetabProblem problem = PetabProblem.read(yaml);
            ObjectiveValue v = PetabObjective.create(problem, options).evaluateNominal();
            List<String> problems = new ArrayList<>();
            compare(sol, "llh", "tol_llh", v.llh(), problems);
            compare(sol, "chi2", "tol_chi2", v.chi2(), problems);
            double tolSim = number(sol, "tol_simulations");
            Yaml.Node files = sol.entries().get("simulation_files");
            if (files instanceof Yaml.Seq q) {
                int i = 0;
                for (Yaml.Node f : q.items()) {
                    Table t = Table.read(c.resolve(((Yaml.Scalar) f).text()), "observableId", "time", "simulation");
                    for (Table.Row r : t.rows()) {
                        if (i >= v.size()) {
                            problems.add("the solution has more simulations than measurements");
                            break;
                        }
                        PetabMeasurement m = v.measurements().get(i);
                        double expected = r.number("simulation", Double.NaN);
                        if (!r.get("observableId").equals(m.observableId()) || r.number("time", 0) != m.time()) {
                            problems.add("simulation row " + r.line() + " is not measurement " + m.line());
                        } else if (!(Math.abs(v.simulation(i) - expected) <= tolSim)) {
                            problems.add("simulation of " + m.observableId() + " at t=" + m.time() + " is "
                                    + v.simulation(i) + ", expected " + expected);
                        }
                        i++;
                    }
                }
            }
            if (problems.isEmpty()) {
                return new CaseResult(number, Status.PASSED, "");
            }
            return new CaseResult(number, Status.FAILED, String.join("; ", problems.subList(0, Math.min(3, problems.size())))
                    + (problems.size() > 3 ? "; and " + (problems.size() - 3) + " more" : ""));
        } catch (PetabException e) {
            return new CaseResult(number, e.kind() == PetabException.Kind.UNSUPPORTED ? Status.SKIPPED : Status.FAILED,
                    e.getMessage());
        } catch (RuntimeException e) {
            return new CaseResult(number, Status.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static void compare(Yaml.MapNode sol, String key, String tolKey, double computed, List<String> problems)
            throws PetabException {
        double expected = number(sol, key);
        double tol = number(sol, tolKey);
        if (!(Math.abs(computed - expected) <= tol)) {
            problems.add(key + " is " + computed + ", expected " + expected + " (tolerance " + tol + ")");
        }
    }

    private static double number(Yaml.MapNode sol, String key) throws PetabException {
        Yaml.Node n = sol.entries().get(key);
        Double d = n instanceof Yaml.Scalar s ? Table.parseNumber(s.text()) : null;
        if (d == null) {
            throw new PetabException(PetabException.Kind.INVALID, null, n == null ? 0 : n.line(),
                    "the solution file gives no number for '" + key + "'");
        }
        return d;
    }
}
