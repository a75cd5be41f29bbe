package org.mtorworkbench.experiments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.mtorworkbench.network.CellContexts;
import org.mtorworkbench.network.DrugCatalogue;
import org.mtorworkbench.network.Finding;
import org.mtorworkbench.network.Finding.Check;
import org.mtorworkbench.network.Finding.Condition;
import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.network.NetworkModel;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SolverOptions;

/**
 * Runs the review's findings on the built-in network. Each condition is pre-equilibrated
 * to steady state in its cell context with its "before" inputs, then treated at time 0;
 * conditions shared by several checks are simulated once. {@link #robustness} re-runs the
 * findings on a Latin-hypercube sample of parameters to show which hold beyond their
 * calibration.
 */
public final class FindingsRunner {

    /** The outcome of one check. */
    public record CheckResult(Finding finding, Check check, double ratio, boolean passed) {
    }

    /** A finding holding in fewer samples than this fraction is fragile. */
    public static final double FRAGILE_BELOW = 0.8;
    /** How many parameters are named for a fragile finding. */
    public static final int HINGES = 3;

    /**
     * How robust the findings are to their parameters.
     *
     * @param samples the number of parameter samples
     * @param seed the seed of the sample
     * @param parameters the varied parameters, each over [p/2, 2p] log-uniform
     * @param unsolved samples whose simulation failed (no finding counts as holding in them)
     * @param findings one entry per finding, in order
     */
    public record Robustness(int samples, long seed, List<String> parameters, int unsolved,
            List<FindingRobustness> findings) {
        public Robustness {
            parameters = List.copyOf(parameters);
            findings = List.copyOf(findings);
        }

        /** @return the fragile findings, in order */
        public List<FindingRobustness> fragile() {
            return findings.stream().filter(FindingRobustness::fragile).toList();
        }
    }

    /**
     * How one finding fares over the samples.
     *
     * @param finding the finding
     * @param held the samples in which every check of the finding passed
     * @param samples all samples
     * @param hinges for a fragile finding, the parameters whose value best predicts whether it
     *        holds (strongest first); empty for a robust one
     */
    public record FindingRobustness(Finding finding, int held, int samples, List<Hinge> hinges) {
        public FindingRobustness {
            hinges = List.copyOf(hinges);
        }

        /** @return the fraction of samples in which the finding holds */
        public double fraction() {
            return samples == 0 ? Double.NaN : (double) held / samples;
        }

        /** @return whether it holds in fewer than {@link FindingsRunner#FRAGILE_BELOW} of the samples */
        public boolean fragile() {
            return fraction() < FRAGILE_BELOW;
        }
    }

    /**
     * A parameter a finding hinges on.
     *
     * @param parameter the parameter id
     * @param correlation Spearman's rank correlation between the parameter's value (equivalently
     *        its log) and the finding holding (1) or not (0): positive means larger values help
     */
    public record Hinge(String parameter, double correlation) {
    }

    private final PreparedModel model;
    private final DrugCatalogue drugs;
    private final CellContexts contexts;
    private final SolverOptions options;
    /** Changes applied under every cell context (a robustness sample's parameters). */
    private final ModelChanges base;
    private final Map<Condition, Map<String, Double>> cache = new ConcurrentHashMap<>();
    /** Conditions with the same context and inputs before treatment share one pre-equilibration. */
    private final Map<ModelChanges, Cells> cells = new ConcurrentHashMap<>();

    public FindingsRunner(PreparedModel model, DrugCatalogue drugs, CellContexts contexts, SolverOptions options) {
        this(model, drugs, contexts, options, ModelChanges.NONE);
    }

    private FindingsRunner(PreparedModel model, DrugCatalogue drugs, CellContexts contexts, SolverOptions options,
            ModelChanges base) {
        this.base = base;
        this.model = model;
        this.drugs = drugs;
        this.contexts = contexts;
        this.options = options;
    }

    /** A runner for {@code builtin:mtor} with its catalogue and the default solver options. */
    public static FindingsRunner forBuiltinNetwork() throws SimulationException {
        return new FindingsRunner(PreparedModel.of(NetworkModel.newDocument()), DrugCatalogue.builtin(),
                CellContexts.builtin(), SolverOptions.defaults());
    }

    /**
     * Re-runs the findings on {@code samples} Latin-hypercube points of the parameters, each
     * varied log-uniformly within [p/2, 2p] of its value here; samples run in parallel on the
     * runner. The sample depends only on the seed, so results are reproducible.
     *
     * @param parameters the parameters to vary and their values (e.g.
     *        {@link NetworkModel#calibratedParameters()})
     * @throws SimulationException CANCELLED when cancelled
     */
    public Robustness robustness(List<Finding> findings, Map<String, Double> parameters, int samples, long seed,
            BatchRunner runner, Progress progress, Cancellation cancellation) throws SimulationException {
        if (samples < 1) {
            throw new IllegalArgumentException("robustness needs at least one sample, not " + samples);
        }
        List<Scan.Axis> axes = new ArrayList<>();
        for (Map.Entry<String, Double> e : parameters.entrySet()) {
            double p = e.getValue();
            if (!(p > 0) || Double.isInfinite(p)) {
                throw new IllegalArgumentException("parameter '" + e.getKey() + "' = " + p
                        + " cannot be varied over [p/2, 2p] on a log scale; leave it out of the varied set");
            }
            axes.add(new Scan.Axis(e.getKey(), p / 2, 2 * p, 1, true));
        }
        List<Map<String, Double>> points = Scan.latinHypercube(axes, samples, seed);
        List<BatchRunner.Task<boolean[]>> tasks = new ArrayList<>();
        for (Map<String, Double> point : points) {
            tasks.add(() -> holds(findings, point, cancellation));
        }
        List<boolean[]> held = runner.run(tasks, progress, cancellation);
        int unsolved = (int) held.stream().filter(h -> h == null).count();
        List<String> ids = List.copyOf(parameters.keySet());
        List<FindingRobustness> out = new ArrayList<>();
        for (int f = 0; f < findings.size(); f++) {
            double[] pass = new double[samples];
            int n = 0;
            for (int s = 0; s < samples; s++) {
                boolean ok = held.get(s) != null && held.get(s)[f];
                pass[s] = ok ? 1 : 0;
                n += ok ? 1 : 0;
            }
            List<Hinge> hinges = new ArrayList<>();
            if ((double) n / samples < FRAGILE_BELOW) {
                for (String id : ids) {
                    double[] x = points.stream().mapToDouble(pt -> pt.get(id)).toArray();
                    double rho = Population.spearman(x, pass);
                    if (!Double.isNaN(rho)) {
                        hinges.add(new Hinge(id, rho));
                    }
                }
                hinges.sort(Comparator.comparingDouble((Hinge h) -> -Math.abs(h.correlation())));
                hinges = hinges.subList(0, Math.min(HINGES, hinges.size()));
            }
            out.add(new FindingRobustness(findings.get(f), n, samples, hinges));
        }
        return new Robustness(samples, seed, ids, unsolved, out);
    }

    /** @return per finding whether all its checks pass with these parameters, or null if a run failed */
    private boolean[] holds(List<Finding> findings, Map<String, Double> point, Cancellation cancellation)
            throws SimulationException {
        FindingsRunner sample = new FindingsRunner(model, drugs, contexts, options,
                base.and(new ModelChanges(point, Map.of(), Set.of())));
        List<CheckResult> results;
        try {
            results = sample.run(findings, cancellation);
        } catch (SimulationException e) {
            if (e.kind() == SimulationException.Kind.CANCELLED) {
                throw e;
            }
            return null;
        }
        boolean[] ok = new boolean[findings.size()];
        java.util.Arrays.fill(ok, true);
        for (CheckResult r : results) {
            if (!r.passed()) {
                ok[findings.indexOf(r.finding())] = false;
            }
        }
        return ok;
    }

    /** Runs every check of the findings, in order. */
    public List<CheckResult> run(List<Finding> findings, BooleanSupplier cancelled) throws SimulationException {
        List<CheckResult> out = new ArrayList<>();
        for (Finding f : findings) {
            for (Check c : f.checks()) {
                double ratio = fold(c, cancelled);
                if (c.versus() != null) {
                    ratio /= fold(c.versus(), cancelled);
                }
                out.add(new CheckResult(f, c, ratio, c.expectation().test(ratio)));
            }
        }
        return out;
    }

    private double fold(Check c, BooleanSupplier cancelled) throws SimulationException {
        double treated = value(c.treated(), c.readout(), cancelled);
        double reference = value(c.reference(), c.readout(), cancelled);
        return treated / reference;
    }

    /** @return the readout of a condition (all readouts of a condition are computed together) */
    public double value(Condition cond, String readout, BooleanSupplier cancelled) throws SimulationException {
        Map<String, Double> values = cache.get(cond);
        if (values == null) {
            values = simulate(cond, cancelled);
            cache.put(cond, values);
        }
        Double v = values.get(readout);
        if (v == null) {
            throw new IllegalArgumentException("'" + readout + "' is not a readout of the network");
        }
        return v;
    }

    private Map<String, Double> simulate(Condition cond, BooleanSupplier cancelled) throws SimulationException {
        ModelChanges context = contexts.find(cond.context())
                .orElseThrow(() -> new IllegalArgumentException("unknown cell context '" + cond.context() + "'"))
                .changes();
        ModelChanges before = base.and(context).and(new ModelChanges(cond.before(), Map.of(), Set.of()));
        Cells c = cells.computeIfAbsent(before, b -> new Cells(model, b, drugs, options));
        List<String> ids = List.copyOf(new LinkedHashSet<>(NetworkModel.READOUTS));
        double[] v = c.treat(cond.drugsNm(), cond.after(), ids, ReadoutTime.at(cond.minutes()), cancelled);
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            values.put(ids.get(i), v[i]);
        }
        return values;
    }
}
