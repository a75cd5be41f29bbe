package org.mtorworkbench.experiments.extension;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mtorworkbench.experiments.DoseResponse;

/**
 * A design's runs as plain data: what SED-ML saves as tasks and what a batch engine (threads,
 * a cluster) ships to its workers. Every run starts from the request's cells (its cell-stage
 * perturbations) and background drugs; then it is one of
 * <ul>
 * <li>a single run ({@link #single}): a time course with {@link #intervals()} output
 * intervals, or one readout;</li>
 * <li>doses of one drug (a dose-response) or every pair of doses of two drugs (a combination
 * matrix, the first drug's doses slowest), the untreated control at 0 nM always included;</li>
 * <li>points: values of parameters, compartments or species set before each point's
 * pre-equilibration (a scan).</li>
 * </ul>
 * Immutable and serializable.
 *
 * @param variedDrugs the drugs whose doses vary (none, one or two)
 * @param doses each varied drug's doses in nM, as given
 * @param points the values of each point, by id; empty unless the design is a scan
 * @param intervals the output intervals of a single time course; 1 otherwise
 * @since 0.3
 */
public record RunSpecification(List<String> variedDrugs, List<double[]> doses, List<Map<String, Double>> points,
        int intervals) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * One run as plain data.
     *
     * @param doses the varied drugs' doses, nM by id (empty for a single run or a point)
     * @param values the values set before pre-equilibration, by id (empty unless a point)
     */
    public record Run(Map<String, Double> doses, Map<String, Double> values) implements Serializable {
        private static final long serialVersionUID = 1L;

        public Run {
            doses = Collections.unmodifiableMap(new LinkedHashMap<>(doses));
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    public RunSpecification {
        variedDrugs = List.copyOf(variedDrugs);
        doses = doses.stream().map(double[]::clone).toList();
        points = points.stream().map(p -> Collections.unmodifiableMap(new LinkedHashMap<>(p))).toList();
        if (variedDrugs.size() > 2 || doses.size() != variedDrugs.size()) {
            throw new IllegalArgumentException("a run specification varies none, one or two drugs, each with doses");
        }
        for (double[] d : doses) {
            DoseResponse.withControl(d);
        }
        if (!variedDrugs.isEmpty() && !points.isEmpty()) {
            throw new IllegalArgumentException("a run specification varies doses or points, not both");
        }
        if (intervals < 1 || (intervals > 1 && (!variedDrugs.isEmpty() || !points.isEmpty()))) {
            throw new IllegalArgumentException("only a single time course has more than 1 output interval");
        }
    }

    /** @return one run with this many output intervals */
    public static RunSpecification single(int intervals) {
        return new RunSpecification(List.of(), List.of(), List.of(), intervals);
    }

    /** @return the doses of one drug, or every pair of doses of two */
    public static RunSpecification doses(List<String> drugs, List<double[]> doses) {
        return new RunSpecification(drugs, doses, List.of(), 1);
    }

    /** @return a run at each point */
    public static RunSpecification points(List<Map<String, Double>> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a scan needs at least one point");
        }
        return new RunSpecification(List.of(), List.of(), points, 1);
    }

    /** @return whether this is a single run */
    public boolean isSingle() {
        return variedDrugs.isEmpty() && points.isEmpty();
    }

    /** @return every run, in the order of the design's table (a dose-response's and a combination's control included) */
    public List<Run> runs() {
        List<Run> runs = new ArrayList<>();
        if (!points.isEmpty()) {
            points.forEach(p -> runs.add(new Run(Map.of(), p)));
        } else if (variedDrugs.size() == 1) {
            for (double d : DoseResponse.withControl(doses.get(0))) {
                runs.add(new Run(Map.of(variedDrugs.get(0), d), Map.of()));
            }
        } else if (variedDrugs.size() == 2) {
            for (double a : DoseResponse.withControl(doses.get(0))) {
                for (double b : DoseResponse.withControl(doses.get(1))) {
                    Map<String, Double> m = new LinkedHashMap<>();
                    m.put(variedDrugs.get(0), a);
                    m.put(variedDrugs.get(1), b);
                    runs.add(new Run(m, Map.of()));
                }
            }
        } else {
            runs.add(new Run(Map.of(), Map.of()));
        }
        return runs;
    }
}
