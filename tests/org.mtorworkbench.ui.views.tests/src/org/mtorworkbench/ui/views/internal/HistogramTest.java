package org.mtorworkbench.ui.views.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.experiments.Population;
import org.mtorworkbench.experiments.ResponderRule;

/** The population histogram's bins, counts and threshold, on populations made up for the test. */
class HistogramTest {

    private static Population.Result population(double[] untreated, double[] treated, String rule) {
        List<Population.Variation> varied = List.of(new Population.Variation("A", true, 1, 0.2));
        double[][] values = new double[untreated.length][];
        Arrays.setAll(values, i -> new double[] { 1 + i });
        return new Population.Result(varied, values, untreated, treated, ResponderRule.parse(rule));
    }

    @Test
    void aRuleComparingFoldWithANumberHasThatThreshold() {
        assertEquals(1.2, Histogram.threshold("fold >= 1.2"));
        assertEquals(0.8, Histogram.threshold("fold<0.8"));
        assertEquals(2.5, Histogram.threshold(" 2.5 <= fold "));
        assertEquals(1e-3, Histogram.threshold("fold > 1e-3"));
        assertTrue(Double.isNaN(Histogram.threshold("fold >= 1.2 && treated > 0.1")));
        assertTrue(Double.isNaN(Histogram.threshold("treated >= 1.2")));
        assertTrue(Double.isNaN(Histogram.threshold("abs(log(fold)) > 0.2")));
    }

    @Test
    void everyMemberIsInTheBinOfItsFoldAndTheThresholdIsAnEdge() {
        int n = 200;
        double[] u = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = 1;
            t[i] = 0.5 + 2.0 * i / (n - 1); // folds 0.5 to 2.5
        }
        Population.Result r = population(u, t, "fold >= 1.2");
        Histogram h = Histogram.of(r, "test");
        assertEquals(n, h.binned());
        assertEquals(0, h.missing());
        assertEquals(Math.max(5, Math.min(40, (int) Math.ceil(2 * Math.cbrt(n)))), h.bins(), 1, "Rice's rule");
        double w = h.edges()[1] - h.edges()[0];
        double k = (1.2 - h.edges()[0]) / w;
        assertEquals(Math.round(k), k, 1e-9, "1.2 is an edge");
        assertTrue(h.edges()[0] <= 0.5 && h.edges()[h.bins()] >= 2.5, Arrays.toString(h.edges()));
        // below the threshold's edge only non-responders, above only responders
        int edge = (int) Math.round(k);
        for (int b = 0; b < h.bins(); b++) {
            if (b < edge - 1) {
                assertEquals(0, h.responders()[b], "bin " + b);
            } else if (b > edge) {
                assertEquals(0, h.others()[b], "bin " + b);
            }
        }
        assertEquals(r.responders(), Arrays.stream(h.responders()).sum());
        assertTrue(h.title().contains(r.responders() + " of " + n), h.title());
    }

    @Test
    void membersWithoutAFoldChangeAreCountedApartAndEqualFoldsMakeOneBin() {
        Population.Result r = population(new double[] { 1, 0, 2, 4 }, new double[] { 3, 1, 6, 12 }, "fold >= 1.2");
        Histogram h = Histogram.of(r, "test");
        assertEquals(1, h.missing(), "the member with an untreated value of 0");
        assertEquals(3, h.binned());
        assertEquals(3, Arrays.stream(h.responders()).sum(), "fold 3 >= 1.2");
        assertTrue(h.summary().contains("1 members without a fold change"), h.summary());
        int full = 0;
        for (int b = 0; b < h.bins(); b++) {
            full += h.responders()[b] + h.others()[b] > 0 ? 1 : 0;
        }
        assertEquals(1, full, "all three folds are 3: one bin holds them");
    }
}
