package org.mtorworkbench.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtorworkbench.cli.CommandLine;
import org.mtorworkbench.experiments.BatchEngines;
import org.mtorworkbench.experiments.BatchRunner;
import org.mtorworkbench.experiments.Cancellation;
import org.mtorworkbench.experiments.Cells;
import org.mtorworkbench.experiments.PreparedModel;
import org.mtorworkbench.experiments.Progress;
import org.mtorworkbench.experiments.ReadoutTime;
import org.mtorworkbench.experiments.RunBatch;
import org.mtorworkbench.experiments.Scan;
import org.mtorworkbench.network.DrugCatalogue;
import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.network.NetworkModel;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SolverOptions;

/**
 * The Spark engine in local mode (two task slots in this JVM) against the thread pool: the same
 * rows bit for bit and in run order, progress, cancellation, failures, and the commands with
 * {@code --engine spark}.
 */
class SparkEngineTest {

    private static final String MASTER = "local[2]";
    private static PreparedModel model;

    @BeforeAll
    static void compile() throws Exception {
        model = PreparedModel.of(NetworkModel.newDocument());
    }

    private static Cells cells() {
        return new Cells(model, ModelChanges.NONE, DrugCatalogue.builtin(), SolverOptions.defaults());
    }

    private static RunBatch scan(int n, Map<String, Double> doses) {
        return Scan.batch(cells(), Scan.latinHypercube(List.of(new Scan.Axis("IRS1", 0.3, 3, 1, true),
                new Scan.Axis("k_irs_fb", 0.1, 3, 1, true)), n, 5), doses, List.of("pAkt_S473", "pS6K1"),
                ReadoutTime.at(720));
    }

    private static void assertSameRows(List<double[]> expected, List<double[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "row " + i);
            for (int k = 0; k < expected.get(i).length; k++) {
                assertEquals(Double.doubleToRawLongBits(expected.get(i)[k]), Double.doubleToRawLongBits(actual.get(i)[k]));
            }
        }
    }

    @Test
    void sparkRowsAreTheThreadPoolsBitForBitInRunOrder() throws Exception {
        for (Map<String, Double> doses : List.of(Map.<String, Double>of(), Map.of("rapamycin", 3.0))) {
            RunBatch b = scan(37, doses);
            List<double[]> one = new BatchRunner(1).run(b, Progress.NONE, new Cancellation());
            List<double[]> two = new BatchRunner(2).run(b, Progress.NONE, new Cancellation());
            List<double[]> spark = new SparkEngine(MASTER).run(b, Progress.NONE, new Cancellation());
            assertSameRows(one, two);
            assertSameRows(one, spark);
        }
    }

    @Test
    void rowsDoNotDependOnThePartitioning() throws Exception {
        RunBatch b = scan(9, Map.of());
        List<double[]> whole = new SparkEngine(MASTER).run(b, Progress.NONE, new Cancellation());
        // the same points shipped as slices of different sizes (other partitions, other tasks)
        List<double[]> parts = new java.util.ArrayList<>();
        for (int[] r : new int[][] { { 0, 1 }, { 1, 5 }, { 5, 9 } }) {
            parts.addAll(new SparkEngine(MASTER).run(b.slice(r[0], r[1]), Progress.NONE, new Cancellation()));
        }
        assertSameRows(whole, parts);
    }

    @Test
    void progressComesFromTheListenerAndReachesTheTotal() throws Exception {
        RunBatch b = scan(400, Map.of());
        AtomicInteger last = new AtomicInteger(-1);
        AtomicInteger partial = new AtomicInteger();
        new SparkEngine(MASTER).run(b, new Progress() {
            @Override
            public void update(int done, int total, long etaMillis) {
                assertEquals(400, total);
                assertTrue(done >= last.get(), "progress only grows");
                last.set(done);
                if (done > 0 && done < total) {
                    assertEquals(0, done % 100, "whole tasks of 100 points (4 tasks on 2 slots): " + done);
                    partial.incrementAndGet();
                }
            }
        }, new Cancellation());
        assertEquals(400, last.get(), "the total is reported when the batch returns");
        assertTrue(partial.get() >= 1, "the listener reported finished tasks while others ran");
    }

    @Test
    void cancellingStopsTheSparkJob() throws Exception {
        RunBatch b = scan(4000, Map.of("rapamycin", 1.0));
        Cancellation c = new Cancellation();
        AtomicInteger done = new AtomicInteger();
        Thread canceller = new Thread(() -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            c.cancel();
        });
        canceller.start();
        long t0 = System.nanoTime();
        SimulationException e = assertThrows(SimulationException.class, () -> new SparkEngine(MASTER).run(b,
                new Progress() {
                    @Override
                    public void update(int d, int total, long eta) {
                        done.set(d);
                    }
                }, c));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(SimulationException.Kind.CANCELLED, e.kind());
        assertTrue(ms < 6000, "stopped " + ms + " ms after the start (cancelled at 1500 ms); 4000 runs take far longer");
        assertTrue(done.get() < 4000, "not every run finished");
        // the context is still usable afterwards
        assertEquals(3, new SparkEngine(MASTER).run(b.slice(0, 3), Progress.NONE, new Cancellation()).size());
    }

    @Test
    void aFailingRunFailsTheBatchWithItsKindAndMessage() {
        RunBatch b = Scan.batch(cells(), List.of(Map.of("IRS1", 1.0), Map.of("no_such_id", 1.0)), Map.of(),
                List.of("pS6K1"), ReadoutTime.at(60));
        IllegalArgumentException threads = assertThrows(IllegalArgumentException.class,
                () -> new BatchRunner(1).run(b, Progress.NONE, new Cancellation()));
        IllegalArgumentException spark = assertThrows(IllegalArgumentException.class, () -> new SparkEngine(MASTER)
                .run(b, Progress.NONE, new Cancellation()));
        assertEquals(threads.getMessage(), spark.getMessage());
    }

    @Test
    void theEngineIsChosenByIdAndMasterUrlsAreChecked() {
        assertEquals(List.of("threads", "spark"), BatchEngines.ids());
        assertEquals("spark", BatchEngines.runner("spark", MASTER, 0).id());
        assertEquals("threads", BatchEngines.runner(null, null, 2).id());
        assertThrows(IllegalArgumentException.class, () -> BatchEngines.runner("spark", "http://x", 0));
        assertThrows(IllegalArgumentException.class, () -> BatchEngines.runner("threads", MASTER, 0));
        assertThrows(IllegalArgumentException.class, () -> BatchEngines.runner("mpi", null, 0));
    }

    private record Run(int code, String out, String err) {
    }

    private static Run cli(Path dir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), dir);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void commandsGiveTheSameTablesOnSparkAsOnThreads(@TempDir Path dir) {
        String[] scan = { "scan", "builtin:mtor", "--param", "IRS1=0.5:2:4:log", "--param", "k_irs_fb=0.2:2:3",
            "--readout", "pAkt_S473", "--t-end", "600", "--drug", "rapamycin=5" };
        Run one = cli(dir, concat(scan, "--threads", "1"));
        Run spark = cli(dir, concat(scan, "--engine", "spark", "--master", MASTER));
        assertEquals(0, one.code(), one.err());
        assertEquals(0, spark.code(), spark.err());
        assertEquals(one.out(), spark.out());
        assertTrue(spark.err().contains("12 runs on Spark local[2]"), spark.err());

        String[] population = { "population", "builtin:mtor", "--size", "10", "--seed", "4", "--vary", "k_irs_fb=0.4",
            "--drug", "rapamycin=10", "--readout", "pAkt_S473" };
        Run p1 = cli(dir, concat(population, "--threads", "1"));
        Run p2 = cli(dir, concat(population, "--threads", "2"));
        Run ps = cli(dir, concat(population, "--engine", "spark", "--master", MASTER));
        assertEquals(0, ps.code(), ps.err());
        assertEquals(p1.out(), p2.out());
        assertEquals(p1.out(), ps.out());
        assertEquals(11, ps.out().strip().split("\n").length, "a header and one row per member");
        assertTrue(ps.err().startsWith("responders: "), ps.err());
        assertEquals(p1.err(), ps.err(), "the same summary");

        // every design command ships its runs as a batch: the same table on Spark as on one thread
        for (String[] design : List.of(
                new String[] { "dose-response", "builtin:mtor", "--drug", "azd8055", "--doses", "0.3,3,30,300", "--readout",
                    "p4EBP1", "--t-end", "120" },
                new String[] { "combination", "builtin:mtor", "--drug", "rapamycin", "--drug", "pd0325901", "--doses-a",
                    "1,10", "--doses-b", "10", "--readout", "proliferation", "--t-end", "240" },
                new String[] { "sensitivity", "builtin:mtor", "--readout", "pS6K1", "--params", "k_irs_fb,k_s473",
                    "--t-end", "120" },
                new String[] { "knockout-screen", "builtin:mtor", "--readout", "pS6K1", "--species", "IRS1,TSC2",
                    "--drug", "rapamycin=1", "--t-end", "120" },
                new String[] { "context-panel", "builtin:mtor", "--readout", "pAkt_S473", "--drug", "rapamycin=10",
                    "--t-end", "120" })) {
            Run threads = cli(dir, concat(design, "--threads", "1"));
            Run onSpark = cli(dir, concat(design, "--engine", "spark", "--master", MASTER));
            assertEquals(0, threads.code(), threads.err());
            assertEquals(0, onSpark.code(), design[0] + ": " + onSpark.err());
            assertEquals(threads.out(), onSpark.out(), design[0]);
            assertEquals(threads.err(), onSpark.err(), design[0]);
        }
    }

    @Test
    void runsGivenAsClosuresDoNotGoToSpark() {
        BatchRunner runner = BatchEngines.runner("spark", MASTER, 0);
        SimulationException e = assertThrows(SimulationException.class, () -> runner.run(
                List.<BatchRunner.Task<Integer>>of(() -> 1), Progress.NONE, new Cancellation()));
        assertEquals(SimulationException.Kind.UNSUPPORTED, e.kind());
        assertTrue(e.getMessage().contains("use --engine threads"), e.getMessage());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
