package org.mtorworkbench.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mtorworkbench.experiments.extension.DesignRequest;
import org.mtorworkbench.experiments.extension.DesignResult;
import org.mtorworkbench.experiments.extension.ExperimentDesign;
import org.mtorworkbench.experiments.extension.ExperimentDesigns;
import org.mtorworkbench.network.DrugCatalogue;
import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.network.NetworkModel;
import org.mtorworkbench.simulation.SolverOptions;

/** Virtual populations: sampling, statistics, the responder rule, the design, and batches of plain data. */
class PopulationTest {

    private static PreparedModel model;

    @BeforeAll
    static void compile() throws Exception {
        model = PreparedModel.of(NetworkModel.newDocument());
    }

    @Test
    void wilsonIntervalMatchesPublishedValues() {
        // 0 of 10: the upper bound 0.2775 (Newcombe 1998, Stat Med 17:857, table I)
        assertArrayEquals(new double[] { 0, 0.27753 }, Population.wilson(0, 10), 1e-5);
        assertArrayEquals(new double[] { 0.72247, 1 }, Population.wilson(10, 10), 1e-5);
        assertArrayEquals(new double[] { 0.375108, 0.567111 }, Population.wilson(47, 100), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> Population.wilson(3, 2));
    }

    @Test
    void spearmanAndPercentiles() {
        assertEquals(0.8207826816681233, Population.spearman(new double[] { 1, 2, 3, 4, 5 },
                new double[] { 5, 6, 7, 8, 7 }), 1e-12, "ties get average ranks");
        assertEquals(-1, Population.spearman(new double[] { 1, 2, 3 }, new double[] { 9, 4, 1 }), 1e-15);
        assertTrue(Double.isNaN(Population.spearman(new double[] { 1, 2, 3 }, new double[] { 1, 1, 1 })));
        double[] v = { 4, 1, 3, 2, Double.NaN, 5 };
        assertEquals(3, Population.percentile(v, 0.5), 0);
        assertEquals(1.2, Population.percentile(v, 0.05), 1e-12);
        assertEquals(5, Population.percentile(v, 1), 0);
    }

    @Test
    void samplesAreLogNormalWithTheRequestedMeanAndCv() {
        List<Population.Variation> v = List.of(new Population.Variation("a", true, 2.0, 0.3),
                new Population.Variation("k", false, 0.5, 0.1));
        double[][] s = Population.sample(v, 40_000, 7);
        for (int k = 0; k < 2; k++) {
            double sum = 0;
            double sq = 0;
            for (double[] row : s) {
                assertTrue(row[k] > 0);
                sum += row[k];
                sq += row[k] * row[k];
            }
            double mean = sum / s.length;
            double sd = Math.sqrt(sq / s.length - mean * mean);
            assertEquals(v.get(k).value(), mean, 0.01 * v.get(k).value(), "mean factor 1");
            assertEquals(v.get(k).cv(), sd / mean, 0.02 * v.get(k).cv() + 0.002, "coefficient of variation");
        }
        assertArrayEquals(s[123], Population.sample(v, 40_000, 7)[123], "reproducible by seed");
        assertFalse(s[5][0] == Population.sample(v, 40_000, 8)[5][0], "another seed, other members");
    }

    @Test
    void responderRules() {
        assertTrue(ResponderRule.parse(ResponderRule.DEFAULT).test(1.2, 0, 0));
        assertFalse(ResponderRule.parse(ResponderRule.DEFAULT).test(1.19, 0, 0));
        assertFalse(ResponderRule.parse(ResponderRule.DEFAULT).test(Double.NaN, 0, 0), "NaN never responds");
        ResponderRule r = ResponderRule.parse("treated < 0.5 * untreated && !(fold > 0.1) || abs(log(fold)) >= 3");
        assertTrue(r.test(0.05, 0.05, 1));
        assertFalse(r.test(0.2, 0.2, 1));
        assertTrue(r.test(Math.exp(3.5), 1, 1));
        assertTrue(ResponderRule.parse("2^3 == 8 && -1 != 1 && 1e-3 <= 0.001").test(0, 0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResponderRule.parse("fold >= x"));
        assertTrue(e.getMessage().contains("character 9") && e.getMessage().contains("unknown name 'x'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ResponderRule.parse("(fold > 1"));
        assertThrows(IllegalArgumentException.class, () -> ResponderRule.parse("fold > 1 )"));
    }

    @Test
    void defaultVariationIsTheProteinTotals() {
        List<String> ids = Population.proteinTotals(model, ModelChanges.knockout("S6K1"), 0.2).stream()
                .map(Population.Variation::id).toList();
        assertTrue(ids.containsAll(List.of("Akt_S473", "IRS1", "mTORC1", "PTEN", "FKBP12")), ids.toString());
        assertFalse(ids.contains("pAkt_S473"), "modified forms start at 0 and do not vary");
        assertFalse(ids.contains("PIP2"), "a lipid is not a protein");
        assertFalse(ids.contains("S6K1"), "a knocked-out protein stays at zero");
        assertThrows(IllegalArgumentException.class, () -> Population.named(model, ModelChanges.NONE, "nope", 0.2));
        assertEquals(model.constantParameters().values().iterator().next(), Population.named(model, ModelChanges.NONE,
                model.constantParameters().keySet().iterator().next(), 0.2).value());
    }

    private static DesignResult population(int threads, Map<String, String> options) throws Exception {
        Map<String, List<String>> given = new LinkedHashMap<>();
        options.forEach((k, v) -> given.put(k, List.of(v)));
        given.put("readout", List.of("pAkt_S473"));
        given.put("t-end", List.of("1440"));
        SavedDesign saved = new SavedDesign("population", given, Map.of("drug", List.of("rapamycin=10")));
        ExperimentDesign design = ExperimentDesigns.byId("population").orElseThrow();
        return design.run(DesignRequest.prepare(design, saved, model, DrugCatalogue.builtin(), SolverOptions.defaults(),
                new BatchRunner(threads), Progress.NONE, new Cancellation()));
    }

    @Test
    void populationDesignOnTheBuiltinNetwork() throws Exception {
        Map<String, String> options = Map.of("size", "12", "seed", "3", "vary", "k_irs_fb=0.5,PTEN=0");
        DesignResult one = population(1, options);
        DesignResult two = population(2, options);
        assertEquals(one.table().rows(), two.table().rows(), "independent of the thread count");
        assertEquals(one.messages(), two.messages());
        assertEquals(12, one.table().rows().size());
        List<String> cols = one.table().columns();
        assertEquals("member", cols.get(0));
        assertTrue(cols.contains("k_irs_fb") && cols.contains("Akt_S473") && !cols.contains("PTEN"), cols.toString());
        assertEquals(List.of("readout", "time", "untreated", "treated", "fold", "responder"),
                cols.subList(cols.size() - 6, cols.size()));
        int responders = 0;
        for (List<Object> row : one.table().rows()) {
            double u = (Double) row.get(cols.indexOf("untreated"));
            double t = (Double) row.get(cols.indexOf("treated"));
            assertEquals(t / u, (Double) row.get(cols.indexOf("fold")), 0);
            int resp = (Integer) row.get(cols.indexOf("responder"));
            assertEquals(t / u >= 1.2 ? 1 : 0, resp);
            responders += resp;
        }
        // rapamycin relieves the S6K1 feedback: Akt S473 rises in most members (2.5-fold in the unperturbed cell)
        assertTrue(responders >= 6, "responders: " + responders);
        String first = one.messages().get(0);
        double[] ci = Population.wilson(responders, 12);
        assertTrue(first.startsWith(String.format(java.util.Locale.ROOT, "responders: %.4f (95%% CI %.4f-%.4f",
                responders / 12.0, ci[0], ci[1])), first);
        assertTrue(one.messages().get(1).startsWith("fold change percentiles: p5 "), one.messages().get(1));
        assertTrue(one.messages().get(2).startsWith("biomarker 1: "), one.messages().get(2));
        DesignResult other = population(2, Map.of("size", "12", "seed", "3", "responder", "fold >= 100"));
        assertTrue(other.messages().get(0).startsWith("responders: 0.0000"), other.messages().get(0));
        assertThrows(IllegalArgumentException.class, () -> population(1, Map.of("size", "0")));
        assertThrows(IllegalArgumentException.class, () -> population(1, Map.of("size", "3", "vary", "PTEN")));
        assertThrows(IllegalArgumentException.class, () -> population(1, Map.of("size", "3", "vary", "proteins=0")));
    }

    @Test
    void aMemberIsTheCellsWithItsValuesPreEquilibratedAndTreated() throws Exception {
        Cells cells = new Cells(model, ModelChanges.NONE, DrugCatalogue.builtin(), SolverOptions.defaults());
        List<Population.Variation> v = List.of(new Population.Variation("Akt_S473", true, 1, 0.3),
                new Population.Variation("k_irs_fb", false, model.constantParameters().get("k_irs_fb"), 0.3));
        double[][] values = Population.sample(v, 3, 11);
        Population.Result r = Population.run(cells, cells, Map.of("rapamycin", 10.0), v, values, "pAkt_S473",
                ReadoutTime.at(600), ResponderRule.parse(ResponderRule.DEFAULT), new BatchRunner(2), Progress.NONE,
                new Cancellation());
        for (int i = 0; i < 3; i++) {
            Cells member = cells.with(new ModelChanges(Map.of("k_irs_fb", values[i][1]),
                    Map.of("Akt_S473", values[i][0]), java.util.Set.of()));
            assertEquals(member.treat(Map.of(), Map.of(), List.of("pAkt_S473"), ReadoutTime.at(600), () -> false)[0],
                    r.untreated()[i], 0);
            assertEquals(member.treat(Map.of("rapamycin", 10.0), Map.of(), List.of("pAkt_S473"), ReadoutTime.at(600),
                    () -> false)[0], r.treated()[i], 0);
        }
    }

    @Test
    void scanBatchesGiveWhatTheCellsGiveRunByRun() throws Exception {
        Cells cells = new Cells(model, ModelChanges.NONE, DrugCatalogue.builtin(), SolverOptions.defaults());
        List<Map<String, Double>> points = Scan.grid(List.of(new Scan.Axis("IRS1", 0.5, 2, 3, true),
                new Scan.Axis("k_irs_fb", 0.01, 1, 2, true)));
        for (Map<String, Double> doses : List.of(Map.<String, Double>of(), Map.of("azd8055", 5.0))) {
            Table t = Scan.run(cells, "model", points, doses, List.of("pS6K1", "pAkt_T308"), ReadoutTime.at(300),
                    new BatchRunner(2), Progress.NONE, new Cancellation());
            List<Object> values = new ArrayList<>();
            for (List<Object> row : t.rows()) {
                values.add(row.get(row.size() - 1));
            }
            List<Object> expected = new ArrayList<>();
            for (Map<String, Double> p : points) {
                Cells at = cells.with(new ModelChanges(Map.of("k_irs_fb", p.get("k_irs_fb")),
                        Map.of("IRS1", p.get("IRS1")), java.util.Set.of()));
                double[] v = doses.isEmpty() ? at.untreated(List.of("pS6K1", "pAkt_T308"), ReadoutTime.at(300), () -> false)
                        : at.treat(doses, Map.of(), List.of("pS6K1", "pAkt_T308"), ReadoutTime.at(300), () -> false);
                expected.add(v[0]);
                expected.add(v[1]);
            }
            assertEquals(expected, values, "doses " + doses);
        }
    }

    @Test
    void aBatchCompiledFromItsSbmlTextGivesTheSameRows() throws Exception {
        Cells cells = new Cells(model, ModelChanges.NONE, DrugCatalogue.builtin(), SolverOptions.defaults()
                .withRelativeTolerance(1e-7));
        Map<String, Double> point = new LinkedHashMap<>(Map.of("IRS1", 1.3));
        RunBatch b = Scan.batch(cells, List.of(point, Map.of("IRS1", 0.7)), Map.of("rapamycin", 1.0),
                List.of("pAkt_S473"), ReadoutTime.at(720));
        RunBatch.Evaluator here = b.evaluator();
        RunBatch.Evaluator there = b.compile();
        for (RunBatch.Point p : b.points()) {
            assertArrayEquals(here.run(p, () -> false), there.run(p, () -> false));
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(b);
        }
        RunBatch copy;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(
                bytes.toByteArray()))) {
            copy = (RunBatch) in.readObject();
        }
        assertThrows(IllegalStateException.class, copy::evaluator, "a copy has no compiled model, only the text");
        RunBatch.Evaluator copied = copy.compile();
        assertArrayEquals(here.run(b.points().get(1), () -> false), copied.run(copy.points().get(1), () -> false));
        assertEquals(b.time(), copy.time());
    }
}
