package org.mtorworkbench.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.simulation.SimulationException;

/**
 * A parameter scan: a grid over one or more parameters or initial values (linear or log
 * spacing), or a Latin-hypercube sample of the same ranges. Each point changes the cells
 * (they are pre-equilibrated with the point's values), then the treatment is applied and
 * the readouts are taken.
 */
public final class Scan {

    /**
     * One scanned quantity.
     *
     * @param id a parameter or species id
     * @param from the first value
     * @param to the last value
     * @param points the number of values (grid) or ignored (sampling)
     * @param log whether values are spaced on a log scale
     */
    public record Axis(String id, double from, double to, int points, boolean log) {

        public Axis {
            if (points < 1) {
                throw new IllegalArgumentException("axis " + id + ": points must be >= 1");
            }
            if (log && !(from > 0 && to > 0)) {
                throw new IllegalArgumentException("axis " + id + ": a log axis needs positive bounds");
            }
        }

        /** Parses {@code ID=FROM:TO:N[:log]}. */
        public static Axis parse(String spec) {
            int eq = spec.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("a scan axis is ID=FROM:TO:N[:log], not '" + spec + "'");
            }
            String[] p = spec.substring(eq + 1).split(":");
            if (p.length < 3 || p.length > 4 || (p.length == 4 && !p[3].equals("log"))) {
                throw new IllegalArgumentException("a scan axis is ID=FROM:TO:N[:log], not '" + spec + "'");
            }
            try {
                return new Axis(spec.substring(0, eq).strip(), Double.parseDouble(p[0]), Double.parseDouble(p[1]),
                        Integer.parseInt(p[2]), p.length == 4);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a scan axis is ID=FROM:TO:N[:log], not '" + spec + "'", e);
            }
        }

        /** @return the grid values */
        public double[] values() {
            double[] v = new double[points];
            for (int i = 0; i < points; i++) {
                v[i] = value(points == 1 ? 0 : (double) i / (points - 1));
            }
            return v;
        }

        /** @return the value at a fraction of the range */
        double value(double u) {
            return log ? Math.pow(10, Math.log10(from) + (Math.log10(to) - Math.log10(from)) * u)
                    : from + (to - from) * u;
        }
    }

    /**
     * The axes of a full grid, as a scan's result detail for views (a curve for one axis, a
     * heatmap for two).
     *
     * @param axes the axes, the first varying slowest
     */
    public record Grid(List<Axis> axes) {
        public Grid {
            axes = List.copyOf(axes);
        }
    }

    /** The points of a full grid, the first axis varying slowest. */
    public static List<Map<String, Double>> grid(List<Axis> axes) {
        List<Map<String, Double>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Axis a : axes) {
            List<Map<String, Double>> next = new ArrayList<>();
            for (Map<String, Double> p : points) {
                for (double v : a.values()) {
                    Map<String, Double> q = new LinkedHashMap<>(p);
                    q.put(a.id(), v);
                    next.add(q);
                }
            }
            points = next;
        }
        return points;
    }

    /** A Latin-hypercube sample of {@code n} points over the axes' ranges (reproducible by seed). */
    public static List<Map<String, Double>> latinHypercube(List<Axis> axes, int n, long seed) {
        Random rnd = new Random(seed);
        double[][] u = new double[axes.size()][n];
        for (int k = 0; k < axes.size(); k++) {
            List<Integer> strata = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                strata.add(i);
            }
            java.util.Collections.shuffle(strata, rnd);
            for (int i = 0; i < n; i++) {
                u[k][i] = (strata.get(i) + rnd.nextDouble()) / n;
            }
        }
        List<Map<String, Double>> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Double> p = new LinkedHashMap<>();
            for (int k = 0; k < axes.size(); k++) {
                p.put(axes.get(k).id(), axes.get(k).value(u[k][i]));
            }
            points.add(p);
        }
        return points;
    }

    private Scan() {
    }

    /**
     * The points as a batch of plain data: each point changes the cells (parameters, or species
     * initial values), which are pre-equilibrated with it; without doses a point is read out in
     * one run, with doses the drugs (and the cells' treatment changes) are given at time 0.
     */
    public static RunBatch batch(Cells cells, List<Map<String, Double>> points, Map<String, Double> doses,
            List<String> readouts, ReadoutTime time) {
        List<String> species = cells.model().compiled().speciesIds();
        RunBatch.Builder b = new RunBatch.Builder(cells, readouts, time);
        for (Map<String, Double> p : points) {
            Map<String, Double> params = new LinkedHashMap<>();
            Map<String, Double> initials = new LinkedHashMap<>();
            p.forEach((id, v) -> (species.contains(id) ? initials : params).put(id, v));
            b.run(new ModelChanges(params, initials, java.util.Set.of()), doses);
        }
        return b.build();
    }

    /**
     * Runs the points.
     *
     * @param points each point's values by id (parameters, or species initial values)
     * @param doses the treatment applied to every point
     */
    public static Table run(Cells cells, String context, List<Map<String, Double>> points, Map<String, Double> doses,
            List<String> readouts, ReadoutTime time, BatchRunner runner, Progress progress, Cancellation cancellation)
            throws SimulationException {
        List<double[]> values = runner.run(batch(cells, points, doses, readouts, time), progress, cancellation);
        List<String> cols = new ArrayList<>(List.of("run", "context"));
        List<String> ids = points.isEmpty() ? List.of() : List.copyOf(points.get(0).keySet());
        cols.addAll(ids);
        cols.add("drugs");
        cols.addAll(List.of("readout", "time", "value"));
        Table t = new Table(cols);
        String drugs = doses.isEmpty() ? "none"
                : String.join(" + ", doses.entrySet().stream().map(e -> e.getKey() + " " + Table.number(e.getValue())
                        + " nM").toList());
        for (int i = 0; i < points.size(); i++) {
            for (int r = 0; r < readouts.size(); r++) {
                List<Object> row = new ArrayList<>(List.of(i + 1, context));
                for (String id : ids) {
                    row.add(points.get(i).get(id));
                }
                row.add(drugs);
                row.addAll(List.of(readouts.get(r), time.label(), values.get(i)[r]));
                t.add(row.toArray());
            }
        }
        return t;
    }
}
