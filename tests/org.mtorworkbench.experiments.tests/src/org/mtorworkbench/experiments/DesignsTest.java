package org.mtorworkbench.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mtorworkbench.network.CellContexts;
import org.mtorworkbench.network.DrugCatalogue;
import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.network.NetworkModel;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SolverOptions;

/** Dose-response, combinations, scans and sensitivities on the built-in network. */
class DesignsTest {

    private static PreparedModel model;

    @BeforeAll
    static void compile() throws Exception {
        model = PreparedModel.of(NetworkModel.newDocument());
    }

    private static Cells cells(String context) {
        return new Cells(model, CellContexts.builtin().find(context).orElseThrow().changes(), DrugCatalogue.builtin(),
                SolverOptions.defaults());
    }

    @Test
    void hillFitRecoversAKnownCurve() {
        double[] doses = { 0, 0.1, 0.3, 1, 3, 10, 30, 100 };
        double[] y = new double[doses.length];
        for (int i = 0; i < doses.length; i++) {
            y[i] = 0.1 + (0.9 - 0.1) / (1 + Math.pow(doses[i] / 4.0, 1.5));
        }
        HillFit f = HillFit.fit(doses, y);
        assertTrue(f.converged());
        assertEquals(4.0, f.ic50(), 1e-4);
        assertEquals(1.5, f.hill(), 1e-4);
        assertEquals(0.9, f.top(), 1e-6);
        assertEquals(0.1, f.bottom(), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> HillFit.fit(new double[] { 0, 1, 2 }, new double[3]));
    }

    @Test
    void rapamycinDoseResponseOnS6K1() throws Exception {
        DoseResponse.Result r = DoseResponse.run(cells("wildtype"), "wildtype", "rapamycin",
                DoseResponse.logDoses(0.001, 100, 11), "pS6K1", ReadoutTime.at(60), new BatchRunner(2), Progress.NONE,
                new Cancellation());
        assertEquals(12, r.doses().length, "the control is added");
        assertEquals(0, r.doses()[0]);
        for (int i = 1; i < r.responses().length; i++) {
            assertTrue(r.responses()[i] <= r.responses()[i - 1] + 1e-9, "pS6K1 falls with the dose");
        }
        assertTrue(r.fit().converged());
        assertTrue(r.fit().ic50() > 0.005 && r.fit().ic50() < 1, "IC50 " + r.fit().ic50());
        assertTrue(r.fit().ic50Low() <= r.fit().ic50() && r.fit().ic50() <= r.fit().ic50High());
        assertEquals(r.responses()[0], r.fit().top(), 0.05 * r.responses()[0]);
        assertEquals(12, r.table().rows().size());
    }

    @Test
    void combinationScoresAgainstTheThreeModels() throws Exception {
        Combination.Result r = Combination.run(cells("wildtype"), "wildtype", "rapamycin",
                new double[] { 0.1, 1, 10, 100 }, "u0126", new double[] { 100, 1000, 10000, 100000 }, "proliferation",
                ReadoutTime.at(1440), new BatchRunner(2), Progress.NONE, new Cancellation());
        assertEquals(25, r.table().rows().size());
        assertEquals(0, r.effect()[0][0], 0);
        for (Combination.Model m : Combination.Model.values()) {
            assertTrue(Double.isFinite(r.score()[m.ordinal()]), m + " score");
            assertTrue(Double.isNaN(r.excess()[m.ordinal()][0][2]), "no excess where a drug is alone");
        }
        // Rapamycin plus a Mek inhibitor: more than either alone (review section 5: Mek blockade "increased the
        // growth inhibitory efficacy of rapamycin"), and at least independent action
        assertEquals("synergy", r.classification(Combination.Model.HSA), "hsa " + r.score()[2]);
        assertNotEquals("antagonism", r.classification(Combination.Model.BLISS), "bliss " + r.score()[0]);
        double ea = r.effect()[4][0];
        double eb = r.effect()[0][4];
        assertEquals(r.effect()[4][4] - Math.max(ea, eb), r.excess()[Combination.Model.HSA.ordinal()][4][4], 1e-12);
        assertEquals(r.effect()[4][4] - (ea + eb - ea * eb), r.excess()[Combination.Model.BLISS.ordinal()][4][4],
                1e-12);
    }

    @Test
    void scansAreTheSameOnOneAndTwoThreads() throws Exception {
        List<Scan.Axis> axes = List.of(Scan.Axis.parse("GF=0:1:3"), Scan.Axis.parse("k_s6k=1:10:3:log"));
        List<Map<String, Double>> grid = Scan.grid(axes);
        assertEquals(9, grid.size());
        assertEquals(Map.of("GF", 0.0, "k_s6k", 1.0), grid.get(0));
        Table one = Scan.run(cells("wildtype"), "wildtype", grid, Map.of("rapamycin", 1.0), List.of("pS6K1"),
                ReadoutTime.at(60), new BatchRunner(1), Progress.NONE, new Cancellation());
        Table two = Scan.run(cells("wildtype"), "wildtype", grid, Map.of("rapamycin", 1.0), List.of("pS6K1"),
                ReadoutTime.at(60), new BatchRunner(2), Progress.NONE, new Cancellation());
        assertEquals(one.rows(), two.rows());
        assertThrows(IllegalArgumentException.class, () -> Scan.Axis.parse("GF=0:1"));
        assertThrows(IllegalArgumentException.class, () -> Scan.Axis.parse("GF=0:1:3:log"));
    }

    @Test
    void latinHypercubeSamplesEveryStratumOnceAndIsReproducible() {
        List<Scan.Axis> axes = List.of(new Scan.Axis("a", 0, 1, 1, false), new Scan.Axis("b", 1, 100, 1, true));
        List<Map<String, Double>> s = Scan.latinHypercube(axes, 10, 7);
        assertEquals(s, Scan.latinHypercube(axes, 10, 7));
        boolean[] seen = new boolean[10];
        for (Map<String, Double> p : s) {
            int stratum = (int) Math.floor(p.get("a") * 10);
            assertTrue(!seen[stratum], "stratum " + stratum + " sampled twice");
            seen[stratum] = true;
            assertTrue(p.get("b") >= 1 && p.get("b") <= 100);
        }
    }

    @Test
    void localSensitivitiesHaveTheExpectedSigns() throws Exception {
        Table t = Sensitivity.local(cells("wildtype"), Map.of("k_s6k", 5.0, "k_s6k_deph", 1.0), Map.of(),
                List.of("pS6K1"), ReadoutTime.at(60), new BatchRunner(2), Progress.NONE, new Cancellation());
        // rows follow the parameters' map order, which Map.of does not fix: look them up by name
        double up = coefficient(t, "k_s6k");
        double down = coefficient(t, "k_s6k_deph");
        assertTrue(up > 0.1, "more mTORC1 phosphorylation, more pS6K1: " + up);
        assertTrue(down < -0.1, "faster dephosphorylation, less pS6K1: " + down);
    }

    private static double coefficient(Table t, String parameter) {
        return t.rows().stream().filter(r -> parameter.equals(r.get(0))).mapToDouble(r -> (Double) r.get(5))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + parameter));
    }

    @Test
    void morrisIsReproducibleBySeed() throws Exception {
        Map<String, Double> p = Map.of("k_s6k", 5.0, "k_rheb_gef", 0.2, "k_pten", 1.0);
        Table a = Sensitivity.morris(cells("wildtype"), p, Map.of(), List.of("pS6K1"), ReadoutTime.at(60), 4, 3,
                new BatchRunner(2), Progress.NONE, new Cancellation());
        Table b = Sensitivity.morris(cells("wildtype"), p, Map.of(), List.of("pS6K1"), ReadoutTime.at(60), 4, 3,
                new BatchRunner(1), Progress.NONE, new Cancellation());
        assertEquals(a.rows(), b.rows());
        for (List<Object> row : a.rows()) {
            assertTrue((Double) row.get(4) >= 0, "mu* is a mean of absolute values");
        }
    }

    @Test
    void cancellingStopsABatchWithin100Milliseconds() throws Exception {
        List<Map<String, Double>> points = Scan.latinHypercube(List.of(new Scan.Axis("k_s6k", 1, 10, 1, true)), 400, 1);
        Cancellation c = new Cancellation();
        SimulationException[] caught = new SimulationException[1];
        Thread t = new Thread(() -> {
            try {
                Scan.run(cells("wildtype"), "wildtype", points, Map.of(), List.of("pS6K1"), ReadoutTime.at(1440),
                        new BatchRunner(2), Progress.NONE, c);
            } catch (SimulationException e) {
                caught[0] = e;
            }
        });
        t.start();
        Thread.sleep(300);
        long cancelledAt = System.nanoTime();
        c.cancel();
        t.join(5000);
        long ms = (System.nanoTime() - cancelledAt) / 1_000_000;
        assertTrue(!t.isAlive(), "the batch did not stop");
        assertEquals(SimulationException.Kind.CANCELLED, caught[0].kind());
        assertTrue(ms < 100, "stopped " + ms + " ms after cancel");
    }

    @Test
    void treatmentsDoNotLeakIntoLaterRuns() throws Exception {
        Cells c = cells("wildtype");
        double before = c.treat(Map.of(), Map.of(), List.of("pS6K1"), ReadoutTime.at(60), new Cancellation())[0];
        c.treat(Map.of("torin1", 1000.0), Map.of("k_s6k", 50.0), List.of("pS6K1"), ReadoutTime.at(60),
                new Cancellation());
        double after = c.treat(Map.of(), Map.of(), List.of("pS6K1"), ReadoutTime.at(60), new Cancellation())[0];
        assertEquals(before, after, 0);
        Cells pten = c.with(ModelChanges.initialValue("PTEN", 0));
        assertTrue(pten.treat(Map.of(), Map.of(), List.of("PIP3"), ReadoutTime.at(60), new Cancellation())[0] > c
                .treat(Map.of(), Map.of(), List.of("PIP3"), ReadoutTime.at(60), new Cancellation())[0]);
    }

    @Test
    void washingOutRapamycinLetsS6K1Recover() throws Exception {
        Schedule s = Schedule.create().then(new Schedule.Step(0, Map.of("rapamycin", 10.0), Map.of()))
                .then(new Schedule.Step(60, Map.of(), Map.of()));
        double[][] v = s.run(cells("wildtype"), new double[] { 0, 59, 600 }, List.of("pS6K1"), new Cancellation());
        Cells c = cells("wildtype");
        double control = c.treat(Map.of(), Map.of(), List.of("pS6K1"), ReadoutTime.at(60), new Cancellation())[0];
        assertTrue(v[1][0] < 0.3 * control, "blocked under rapamycin: " + v[1][0]);
        assertTrue(v[2][0] > v[1][0] * 2, "recovers after washout: " + v[2][0]);
        double[][] pulse = Schedule.create().then(new Schedule.Step(0, Map.of(), Map.of("GF", 0.0)))
                .then(new Schedule.Step(30, Map.of(), Map.of("GF", 1.0))).then(new Schedule.Step(40, Map.of(),
                        Map.of("GF", 0.0)))
                .run(cells("wildtype"), new double[] { 29, 39, 300 }, List.of("pAkt_T308"), new Cancellation());
        assertTrue(pulse[1][0] > pulse[0][0] && pulse[1][0] > pulse[2][0], "a growth factor pulse: "
                + pulse[0][0] + ", " + pulse[1][0] + ", " + pulse[2][0]);
    }

    @Test
    void overexpressionRaisesTheTotalAndThePanelCoversEveryContext() throws Exception {
        Cells wt = cells("wildtype");
        Cells more = wt.with(model.overexpression("S6K1", 3));
        double a = wt.treat(Map.of(), Map.of(), List.of("pS6K1"), ReadoutTime.at(60), new Cancellation())[0];
        double b = more.treat(Map.of(), Map.of(), List.of("pS6K1"), ReadoutTime.at(60), new Cancellation())[0];
        assertTrue(b > 1.5 * a, a + " -> " + b);
        assertThrows(IllegalArgumentException.class, () -> model.overexpression("nope", 2));
        Table panel = ContextPanel.run(model, CellContexts.builtin(), DrugCatalogue.builtin(), SolverOptions.defaults(),
                Map.of("rapamycin", 10.0), List.of("pAkt_S473"), ReadoutTime.at(1440), new BatchRunner(2),
                Progress.NONE, new Cancellation());
        assertEquals(CellContexts.builtin().contexts().size(), panel.rows().size());
        for (List<Object> row : panel.rows()) {
            double fold = (Double) row.get(6);
            if (row.get(0).equals("mtorc2_rapamycin_sensitive")) {
                assertTrue(fold < 0.8, "prolonged rapamycin lowers S473 here: " + fold);
            }
        }
    }

    @Test
    void tablesWriteTidyCsv() {
        Table t = new Table(List.of("run", "drugs", "value"));
        t.add(1, "a, b", 0.5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.write(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertArrayEquals(new String[] { "run,drugs,value", "1,\"a, b\",0.5" },
                out.toString(StandardCharsets.UTF_8).strip().split("\n"));
    }
}
