package org.mtorworkbench.calibration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * The tables of a fit and of profiles, tab-separated, numbers in round-trip form
 * ({@link org.mtorworkbench.sbml.NumberText}; {@code inf}, {@code -inf}, {@code nan} as PEtab spells them).
 */
public final class FitTables {

    private FitTables() {
    }

    /**
     * @return {@code starts.tsv}: one row per start in start order: {@code start}, the start vector
     *         ({@code start:<id>}), the end vector ({@code end:<id>}), both on the parameter scale, then
     *         {@code llh}, {@code iterations}, {@code evaluations}, {@code gradients} (evaluations with
     *         derivatives), {@code seconds}, {@code exit}
     */
    public static String starts(MultiStart.Result result) {
        StringBuilder b = new StringBuilder("start");
        for (String id : result.parameterIds()) {
            b.append("\tstart:").append(id);
        }
        for (String id : result.parameterIds()) {
            b.append("\tend:").append(id);
        }
        b.append("\tllh\titerations\tevaluations\tgradients\tseconds\texit\n");
        for (MultiStart.Start s : result.starts()) {
            b.append(s.index());
            for (double v : s.start()) {
                b.append('\t').append(SimulationTable.number(v));
            }
            for (double v : s.end()) {
                b.append('\t').append(SimulationTable.number(v));
            }
            b.append('\t').append(SimulationTable.number(s.llh())).append('\t').append(s.iterations()).append('\t')
                    .append(s.evaluations()).append('\t').append(s.gradients()).append('\t')
                    .append(String.format(Locale.ROOT, "%.3f", s.seconds())).append('\t').append(s.exit().id())
                    .append('\n');
        }
        return b.toString();
    }

    /**
     * @return the problem's parameter table with {@code nominalValue} replaced, for the estimated
     *         parameters, by the linear values of {@code onParameterScale} (in {@code ids} order); columns
     *         parameterId, parameterName, parameterScale, lowerBound, upperBound, nominalValue, estimate and,
     *         when a parameter has a prior, objectivePriorType and objectivePriorParameters
     */
    public static String parameters(PetabProblem problem, List<String> ids, double[] onParameterScale) {
        boolean priors = problem.parameters().values().stream().anyMatch(p -> !p.prior().isEmpty());
        StringBuilder b = new StringBuilder(
                "parameterId\tparameterName\tparameterScale\tlowerBound\tupperBound\tnominalValue\testimate");
        b.append(priors ? "\tobjectivePriorType\tobjectivePriorParameters\n" : "\n");
        for (PetabParameter p : problem.parameters().values()) {
            int k = ids.indexOf(p.id());
            double value = k >= 0 ? p.scale().fromScale(onParameterScale[k]) : p.nominalValue();
            b.append(p.id()).append('\t').append(p.name()).append('\t').append(p.scale().id()).append('\t')
                    .append(SimulationTable.number(p.lowerBound())).append('\t')
                    .append(SimulationTable.number(p.upperBound())).append('\t').append(SimulationTable.number(value))
                    .append('\t').append(p.estimated() ? 1 : 0);
            if (priors) {
                b.append('\t').append(p.prior()).append('\t').append(p.priorParameters());
            }
            b.append('\n');
        }
        return b.toString();
    }

    /**
     * @return {@code intervals.tsv}: per profiled parameter its scale, best value, the 95% interval's ends
     *         on the parameter scale ({@code -inf}/{@code inf} when open), the same on the linear scale, the
     *         highest llh seen on the profile and the verdict
     */
    public static String intervals(PetabProblem problem, Profile.Result result) {
        StringBuilder b = new StringBuilder(
                "parameterId\tparameterScale\tbest\tlower\tupper\tbestLinear\tlowerLinear\tupperLinear\tmaxLlh\tverdict\n");
        for (Profile.ParameterProfile p : result.profiles()) {
            ParameterScale scale = problem.parameters().get(p.id()).scale();
            b.append(p.id()).append('\t').append(scale.id());
            for (double v : new double[] {p.best(), p.lower(), p.upper()}) {
                b.append('\t').append(SimulationTable.number(v));
            }
            for (double v : new double[] {p.best(), p.lower(), p.upper()}) {
                b.append('\t').append(SimulationTable.number(scale.fromScale(v)));
            }
            b.append('\t').append(SimulationTable.number(p.maxLlh())).append('\t').append(p.verdict().text())
                    .append('\n');
        }
        return b.toString();
    }

    /**
     * @return {@code profiles.tsv}: one row per profile point: the profiled parameter, its value, the
     *         llh, the re-optimisation's exit and every parameter's value (parameter scale)
     */
    public static String profiles(Profile.Result result) {
        StringBuilder b = new StringBuilder("parameterId\tvalue\tllh\texit");
        for (String id : result.parameterIds()) {
            b.append('\t').append(id);
        }
        b.append('\n');
        for (Profile.ParameterProfile p : result.profiles()) {
            for (Profile.Point q : p.points()) {
                b.append(p.id()).append('\t').append(SimulationTable.number(q.value())).append('\t')
                        .append(SimulationTable.number(q.llh())).append('\t').append(q.exit().id());
                for (double v : q.parameters()) {
                    b.append('\t').append(SimulationTable.number(v));
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    /** Writes text to a file atomically (a temporary file in the same folder moved into place). */
    public static void write(String text, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
