package org.mtorworkbench.ui.views.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mtorworkbench.experiments.Population;
import org.mtorworkbench.sbml.NumberText;

/**
 * A population's fold changes binned for a histogram: equal-width bins over the finite fold
 * changes, responders and non-responders counted apart (stacked when drawn), and, when the
 * responder rule is a comparison of {@code fold} with a number, that threshold on a bin edge
 * so each bin holds one kind of member.
 *
 * @param title the chart's title (the responder fraction and its 95% Wilson interval)
 * @param edges the bins' edges, ascending, one more than the bins
 * @param responders each bin's responders
 * @param others each bin's non-responders
 * @param threshold the fold change the responder rule compares with, NaN when it is not such a comparison
 * @param rule the responder rule as written
 * @param missing members without a finite fold change (untreated value 0), not binned
 * @param summary a line of the distribution's percentiles, for people
 */
public record Histogram(String title, double[] edges, int[] responders, int[] others, double threshold, String rule,
        int missing, String summary) {

    /** {@code fold OP number} or {@code number OP fold}, the rules with a threshold to draw. */
    private static final Pattern FOLD_FIRST = Pattern.compile("\\s*fold\\s*(<=|>=|<|>)\\s*([-+0-9.eE]+)\\s*");
    private static final Pattern NUMBER_FIRST = Pattern.compile("\\s*([-+0-9.eE]+)\\s*(<=|>=|<|>)\\s*fold\\s*");

    public Histogram {
        edges = edges.clone();
        responders = responders.clone();
        others = others.clone();
        if (edges.length != responders.length + 1 || responders.length != others.length) {
            throw new IllegalArgumentException("a histogram needs one more edge than bins: " + edges.length + " edges, "
                    + responders.length + " and " + others.length + " counts");
        }
    }

    /** @return the number of bins */
    public int bins() {
        return responders.length;
    }

    /** @return every member binned, responders and others */
    public int binned() {
        return Arrays.stream(responders).sum() + Arrays.stream(others).sum();
    }

    /**
     * Bins a population's fold changes: 2 n^(1/3) bins (Rice's rule, 5 to 40) of equal width
     * over the finite fold changes, shifted to put the responder threshold on an edge.
     *
     * @param label what was run, for the title
     */
    public static Histogram of(Population.Result r, String label) {
        double[] folds = r.folds();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int missing = 0;
        for (double f : folds) {
            if (Double.isFinite(f)) {
                lo = Math.min(lo, f);
                hi = Math.max(hi, f);
            } else {
                missing++;
            }
        }
        double threshold = threshold(r.rule().toString());
        int n = folds.length - missing;
        double[] edges;
        if (n == 0) {
            edges = new double[] { 0, 1 };
        } else {
            int bins = Math.max(5, Math.min(40, (int) Math.ceil(2 * Math.cbrt(n))));
            double width = hi > lo ? (hi - lo) / bins : Math.max(Math.abs(lo) * 0.01, 1e-12);
            double start = hi > lo ? lo : lo - width / 2;
            if (Double.isFinite(threshold)) {
                // the edge at the threshold: move the first edge down onto the threshold's grid
                start = threshold - Math.ceil((threshold - start) / width) * width;
            }
            int count = Math.max(1, (int) Math.floor((hi - start) / width) + 1);
            edges = new double[count + 1];
            for (int i = 0; i <= count; i++) {
                edges[i] = start + i * width;
            }
        }
        int[] resp = new int[edges.length - 1];
        int[] other = new int[edges.length - 1];
        double width = edges[1] - edges[0];
        for (int i = 0; i < folds.length; i++) {
            if (!Double.isFinite(folds[i])) {
                continue;
            }
            int bin = Math.max(0, Math.min(resp.length - 1, (int) Math.floor((folds[i] - edges[0]) / width)));
            if (r.responder(i)) {
                resp[bin]++;
            } else {
                other[bin]++;
            }
        }
        int k = r.responders();
        double[] ci = Population.wilson(k, r.size());
        String title = String.format(Locale.ROOT, "Population: %s - responders %.2f (95%% CI %.2f-%.2f), %d of %d",
                label, (double) k / r.size(), ci[0], ci[1], k, r.size());
        String summary = String.format(Locale.ROOT,
                "fold change: p5 %.4g, p25 %.4g, median %.4g, p75 %.4g, p95 %.4g; responder: %s%s",
                Population.percentile(folds, 0.05), Population.percentile(folds, 0.25),
                Population.percentile(folds, 0.5), Population.percentile(folds, 0.75),
                Population.percentile(folds, 0.95), r.rule(),
                missing == 0 ? "" : "; " + missing + " members without a fold change (untreated value 0)");
        return new Histogram(title, edges, resp, other, threshold, r.rule().toString(), missing, summary);
    }

    /** @return the number a rule compares {@code fold} with ({@code fold >= 1.2}, {@code 0.8 > fold}), else NaN */
    static double threshold(String rule) {
        Matcher m = FOLD_FIRST.matcher(rule);
        String number = m.matches() ? m.group(2) : null;
        Matcher n = NUMBER_FIRST.matcher(rule);
        if (number == null && n.matches()) {
            number = n.group(1);
        }
        if (number == null) {
            return Double.NaN;
        }
        try {
            double t = NumberText.parse(number);
            return Double.isFinite(t) ? t : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
