package org.mtorworkbench.experiments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.simulation.SimulationException;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.Species;

/**
 * A virtual population: N cells (or patients) that differ in their protein levels and,
 * optionally, in named parameters, each pre-equilibrated, treated and read out against its own
 * untreated control. Levels are log-normal around the model's values with mean factor 1 and
 * a coefficient of variation (CV) per quantity; by default the protein totals vary (the initial
 * values of the proteins' unmodified forms) with the CV {@link #DEFAULT_CV} from single-cell
 * protein-abundance measurements (Sigal et al. 2006, Nature 444:643: 20 endogenous proteins in
 * living human cells, standard deviations of 15% to 30% of the mean). Sampling is reproducible
 * by seed and independent of the engine.
 */
public final class Population {

    /** The default CV of protein totals: the middle of the 15-30% Sigal et al. (2006) measured. */
    public static final double DEFAULT_CV = 0.22;

    /** The two-sided 97.5% normal quantile, for 95% intervals. */
    private static final double Z95 = 1.959963984540054;

    /** SBO terms of proteins: macromolecule, polypeptide chain, non-covalent complex, protein complex. */
    private static final Set<Integer> PROTEIN_SBO = Set.of(245, 252, 253, 297);

    /**
     * A varied quantity.
     *
     * @param id a species (its initial value varies) or a parameter
     * @param species whether it is a species
     * @param value its value in the unperturbed cells
     * @param cv the coefficient of variation of its log-normal distribution (> 0)
     */
    public record Variation(String id, boolean species, double value, double cv) {
        public Variation {
            if (!(cv > 0) || !Double.isFinite(cv)) {
                throw new IllegalArgumentException("the CV of '" + id + "' must be positive and finite, not " + cv);
            }
        }
    }

    /**
     * The result.
     *
     * @param varied the varied quantities
     * @param values each member's sampled values, in the order of {@code varied}
     * @param untreated each member's readout without the treatment
     * @param treated each member's readout after the treatment
     * @param rule who responds
     */
    public record Result(List<Variation> varied, double[][] values, double[] untreated, double[] treated,
            ResponderRule rule) {

        /** @return the member's fold change, treated / untreated (NaN for a zero untreated value) */
        public double fold(int member) {
            return untreated[member] == 0 ? Double.NaN : treated[member] / untreated[member];
        }

        /** @return whether the member responds */
        public boolean responder(int member) {
            return rule.test(fold(member), treated[member], untreated[member]);
        }

        /** @return the number of members */
        public int size() {
            return untreated.length;
        }

        /** @return how many respond */
        public int responders() {
            int k = 0;
            for (int i = 0; i < size(); i++) {
                k += responder(i) ? 1 : 0;
            }
            return k;
        }

        /** @return the fold changes of every member */
        public double[] folds() {
            double[] f = new double[size()];
            for (int i = 0; i < f.length; i++) {
                f[i] = fold(i);
            }
            return f;
        }
    }

    /**
     * A biomarker candidate: how a varied quantity ranks with response.
     *
     * @param id the quantity
     * @param withResponse Spearman's rank correlation with being a responder (1/0)
     * @param withFold Spearman's rank correlation with the fold change
     */
    public record Biomarker(String id, double withResponse, double withFold) {
    }

    private Population() {
    }

    /**
     * The protein totals of cells: species with a protein SBO term (macromolecule, polypeptide
     * chain, complex) and a positive initial value, i.e. the unmodified forms that hold each
     * protein's total at the start; in a model without protein SBO terms, every species with a
     * positive initial value. Knocked-out species are left out.
     */
    public static List<Variation> proteinTotals(PreparedModel model, ModelChanges cells, double cv) {
        Model m = model.document().getModel();
        List<Species> positive = new ArrayList<>();
        boolean annotated = false;
        for (Species s : m.getListOfSpecies()) {
            if (cells.knockouts().contains(s.getId()) || !(value(model, cells, s.getId()) > 0)) {
                continue;
            }
            positive.add(s);
            annotated |= s.isSetSBOTerm() && PROTEIN_SBO.contains(s.getSBOTerm());
        }
        List<Variation> out = new ArrayList<>();
        for (Species s : positive) {
            if (!annotated || (s.isSetSBOTerm() && PROTEIN_SBO.contains(s.getSBOTerm()))) {
                out.add(new Variation(s.getId(), true, value(model, cells, s.getId()), cv));
            }
        }
        return out;
    }

    /**
     * A named quantity to vary: a species' initial value or a constant parameter.
     *
     * @throws IllegalArgumentException for an id that is neither, or a zero value
     */
    public static Variation named(PreparedModel model, ModelChanges cells, String id, double cv) {
        boolean species = model.compiled().speciesIds().contains(id);
        Double v = species ? Double.valueOf(value(model, cells, id))
                : cells.parameters().containsKey(id) ? cells.parameters().get(id) : model.constantParameters().get(id);
        if (v == null) {
            throw new IllegalArgumentException("--vary: '" + id + "' is neither a species nor a constant, non-zero "
                    + "global parameter of model '" + model.compiled().modelId() + "'");
        }
        if (v == 0) {
            throw new IllegalArgumentException("--vary: '" + id + "' is zero in these cells; a log-normal factor "
                    + "cannot vary it");
        }
        return new Variation(id, species, v, cv);
    }

    private static double value(PreparedModel model, ModelChanges cells, String species) {
        Double v = cells.initialValues().get(species);
        return v != null ? v : model.initialValue(species);
    }

    /**
     * Samples the members' values: log-normal with mean factor 1 and each quantity's CV,
     * member by member and quantity by quantity from one generator.
     *
     * @return {@code n} rows of values in the order of {@code varied}
     */
    public static double[][] sample(List<Variation> varied, int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("a population needs at least one member, not " + n);
        }
        Random rnd = new Random(seed);
        double[] sigma = new double[varied.size()];
        for (int k = 0; k < sigma.length; k++) {
            double cv = varied.get(k).cv();
            sigma[k] = Math.sqrt(Math.log1p(cv * cv));
        }
        double[][] out = new double[n][varied.size()];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < sigma.length; k++) {
                out[i][k] = varied.get(k).value() * Math.exp(-sigma[k] * sigma[k] / 2 + sigma[k] * rnd.nextGaussian());
            }
        }
        return out;
    }

    /**
     * Runs the population: each member's cells (the given cells with its values) are
     * pre-equilibrated, then read out untreated and after the treatment.
     *
     * @param cells the cells every member starts from (context, knockouts, values)
     * @param treated the same cells with the treatment-stage changes they get alongside the drugs
     * @param doses the drugs, nM
     */
    public static Result run(Cells cells, Cells treated, Map<String, Double> doses, List<Variation> varied,
            double[][] values, String readout, ReadoutTime time, ResponderRule rule, BatchRunner runner,
            Progress progress, Cancellation cancellation) throws SimulationException {
        List<ModelChanges> treatments = List.of(cells.treatment(Map.of()), treated.treatment(doses));
        List<RunBatch.Point> points = new ArrayList<>(values.length);
        for (double[] member : values) {
            Map<String, Double> params = new LinkedHashMap<>();
            Map<String, Double> initials = new LinkedHashMap<>();
            for (int k = 0; k < member.length; k++) {
                (varied.get(k).species() ? initials : params).put(varied.get(k).id(), member[k]);
            }
            points.add(RunBatch.Point.of(new ModelChanges(params, initials, Set.of()), treatments));
        }
        RunBatch batch = new RunBatch(cells.model(), cells.state(), List.of(readout), time, cells.options(), points);
        List<double[]> rows = runner.run(batch, progress, cancellation);
        double[] u = new double[values.length];
        double[] t = new double[values.length];
        for (int i = 0; i < u.length; i++) {
            u[i] = rows.get(i)[0];
            t[i] = rows.get(i)[1];
        }
        return new Result(List.copyOf(varied), values, u, t, rule);
    }

    /** @return the members as a table: member, the sampled values, readout, time, untreated, treated, fold, responder */
    public static Table table(Result r, String readout, ReadoutTime time) {
        List<String> cols = new ArrayList<>(List.of("member"));
        r.varied().forEach(v -> cols.add(v.id()));
        cols.addAll(List.of("readout", "time", "untreated", "treated", "fold", "responder"));
        Table t = new Table(cols);
        for (int i = 0; i < r.size(); i++) {
            List<Object> row = new ArrayList<>();
            row.add(i + 1);
            for (double v : r.values()[i]) {
                row.add(v);
            }
            row.addAll(List.of(readout, time.label(), r.untreated()[i], r.treated()[i], r.fold(i),
                    r.responder(i) ? 1 : 0));
            t.add(row.toArray());
        }
        return t;
    }

    /**
     * The Wilson score interval of a binomial proportion (Wilson 1927, JASA 22:209), which keeps
     * its coverage near 95% for small samples and proportions near 0 or 1.
     *
     * @return {low, high}
     */
    public static double[] wilson(int successes, int n) {
        if (n < 1 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 <= successes <= n and n >= 1, not " + successes + " of " + n);
        }
        double p = (double) successes / n;
        double z2 = Z95 * Z95;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = Z95 / denom * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] { Math.max(0, centre - half), Math.min(1, centre + half) };
    }

    /**
     * @param q between 0 and 1
     * @return the quantile of the finite values, linearly interpolated between order statistics
     *         (Hyndman and Fan's type 7), or NaN when there are none
     */
    public static double percentile(double[] values, double q) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        double h = (v.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, v.length - 1);
        return v[lo] + (h - lo) * (v[hi] - v[lo]);
    }

    /** @return Spearman's rank correlation (average ranks for ties), or NaN when either side is constant */
    public static double spearman(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("samples differ in length");
        }
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        int n = x.length;
        double mx = Arrays.stream(rx).sum() / n;
        double my = Arrays.stream(ry).sum() / n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    private static double[] ranks(double[] x) {
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> x[i]));
        double[] r = new double[x.length];
        for (int i = 0; i < order.length;) {
            int j = i;
            while (j + 1 < order.length && Double.compare(x[order[j + 1]], x[order[i]]) == 0) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[order[k]] = rank;
            }
            i = j + 1;
        }
        return r;
    }

    /**
     * @return the varied quantities as biomarker candidates, those whose ranks best separate
     *         responders from non-responders first (members with a NaN fold change left out)
     */
    public static List<Biomarker> biomarkers(Result r) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            if (!Double.isNaN(r.fold(i))) {
                kept.add(i);
            }
        }
        double[] resp = new double[kept.size()];
        double[] fold = new double[kept.size()];
        for (int j = 0; j < resp.length; j++) {
            resp[j] = r.responder(kept.get(j)) ? 1 : 0;
            fold[j] = r.fold(kept.get(j));
        }
        List<Biomarker> out = new ArrayList<>();
        for (int k = 0; k < r.varied().size(); k++) {
            double[] x = new double[kept.size()];
            for (int j = 0; j < x.length; j++) {
                x[j] = r.values()[kept.get(j)][k];
            }
            out.add(new Biomarker(r.varied().get(k).id(), spearman(x, resp), spearman(x, fold)));
        }
        out.sort(Comparator.comparingDouble((Biomarker b) -> Double.isNaN(b.withResponse()) ? -1
                : Math.abs(b.withResponse())).thenComparingDouble(b -> Double.isNaN(b.withFold()) ? -1
                        : Math.abs(b.withFold())).reversed());
        return out;
    }

    /**
     * @return the summary lines: the responder fraction with its 95% Wilson interval, the fold
     *         change's percentiles, and the leading biomarker candidates
     */
    public static List<String> summary(Result r, int biomarkers) {
        List<String> lines = new ArrayList<>();
        int k = r.responders();
        double[] ci = wilson(k, r.size());
        lines.add(String.format(Locale.ROOT, "responders: %.4f (95%% CI %.4f-%.4f; %d of %d, responder: %s)",
                (double) k / r.size(), ci[0], ci[1], k, r.size(), r.rule()));
        double[] f = r.folds();
        long nan = Arrays.stream(f).filter(Double::isNaN).count();
        lines.add(String.format(Locale.ROOT, "fold change percentiles: p5 %.4g, p25 %.4g, median %.4g, p75 %.4g, p95 %.4g%s",
                percentile(f, 0.05), percentile(f, 0.25), percentile(f, 0.5), percentile(f, 0.75), percentile(f, 0.95),
                nan == 0 ? "" : " (" + nan + " members without a fold change: untreated value 0)"));
        List<Biomarker> b = biomarkers(r);
        for (int i = 0; i < Math.min(biomarkers, b.size()); i++) {
            lines.add(String.format(Locale.ROOT, "biomarker %d: %s (Spearman rho with response %+.3f, with fold %+.3f)",
                    i + 1, b.get(i).id(), b.get(i).withResponse(), b.get(i).withFold()));
        }
        return lines;
    }
}
