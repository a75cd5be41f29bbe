package org.mtorworkbench.spark;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.spark.api.java.JavaSparkContext;
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
import org.mtorworkbench.simulation.SolverOptions;

/**
 * The benchmark of {@code docs/scale-out.md} (not a test): a Latin-hypercube scan of
 * {@code builtin:mtor} (two parameters, each point pre-equilibrated, Akt S473 at 24 h) on the
 * thread pool and on Spark in this JVM with the same number of slots, after a JIT warm-up; Spark's
 * start-up and its per-task overhead separately; and a check that both gave the same rows.
 * Run with {@code spark/mtorwb-spark --benchmark [POINTS] [SLOTS]}.
 */
public final class ScanBenchmark {

    private ScanBenchmark() {
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int slots = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        PreparedModel model = PreparedModel.of(NetworkModel.newDocument());
        Cells cells = new Cells(model, ModelChanges.NONE, DrugCatalogue.builtin(), SolverOptions.defaults());
        List<Scan.Axis> axes = List.of(new Scan.Axis("k_irs_fb", 0.1, 3, 1, true), new Scan.Axis("k_s473", 1, 20, 1,
                true));
        RunBatch batch = Scan.batch(cells, Scan.latinHypercube(axes, n, 1), Map.of(), List.of("pAkt_S473"),
                ReadoutTime.at(1440));
        RunBatch warm = Scan.batch(cells, Scan.latinHypercube(axes, 3000, 2), Map.of(), List.of("pAkt_S473"),
                ReadoutTime.at(1440));
        BatchRunner threads = new BatchRunner(slots);
        threads.run(warm, Progress.NONE, new Cancellation());

        // the CPU cost of one run, whatever else loads the machine: one thread runs on the calling thread
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        new BatchRunner(1).run(warm.slice(0, 1000), Progress.NONE, new Cancellation());
        double cpuPerRun = (mx.getCurrentThreadCpuTime() - cpu0) / 1e6 / 1000;

        long t0 = System.nanoTime();
        JavaSparkContext sc = SparkEngine.context("local[" + slots + "]");
        SparkEngine spark = new SparkEngine("local[" + slots + "]");
        spark.run(warm.slice(0, 4), Progress.NONE, new Cancellation());
        double startup = (System.nanoTime() - t0) / 1e9;
        spark.run(warm, Progress.NONE, new Cancellation());

        int tasks = 4000;
        List<Integer> empty = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            empty.add(i);
        }
        long t1 = System.nanoTime();
        sc.parallelize(empty, tasks).map(x -> x).count();
        double perTask = (System.nanoTime() - t1) / 1e9 * slots / tasks;

        // the engines take turns on quarters of the scan, so that a change of the machine's load
        // (other builds share it) falls on both alike
        int rounds = 4;
        double tThreads = 0;
        double tSpark = 0;
        double loadSum = 0;
        int differ = 0;
        for (int r = 0; r < rounds; r++) {
            RunBatch part = batch.slice(r * n / rounds, (r + 1) * n / rounds);
            loadSum += load();
            long a = System.nanoTime();
            List<double[]> byThreads = threads.run(part, Progress.NONE, new Cancellation());
            tThreads += (System.nanoTime() - a) / 1e9;
            long b = System.nanoTime();
            List<double[]> bySpark = spark.run(part, Progress.NONE, new Cancellation());
            tSpark += (System.nanoTime() - b) / 1e9;
            for (int i = 0; i < byThreads.size(); i++) {
                if (!java.util.Arrays.equals(byThreads.get(i), bySpark.get(i))) {
                    differ++;
                }
            }
            System.out.println(String.format(Locale.ROOT, "round %d: threads %.1f s, spark %.1f s so far", r + 1,
                    tThreads, tSpark));
        }
        double l0 = loadSum / rounds;
        double l1 = load();
        System.out.println(String.format(Locale.ROOT, "points %d, slots %d, cores %d", n, slots,
                Runtime.getRuntime().availableProcessors()));
        System.out.println(String.format(Locale.ROOT, "threads: %.1f s, %.0f runs/s (mean load at the rounds' start %.1f, at the end %.1f)",
                tThreads, n / tThreads, l0, l1));
        System.out.println(String.format(Locale.ROOT, "spark local[%d]: %.1f s, %.0f runs/s", slots, tSpark,
                n / tSpark));
        System.out.println(String.format(Locale.ROOT, "spark/threads throughput: %.3f", tThreads / tSpark));
        System.out.println(String.format(Locale.ROOT, "spark start-up (context and first job): %.2f s", startup));
        System.out.println(String.format(Locale.ROOT, "spark per-task overhead (empty tasks, per slot): %.2f ms",
                perTask * 1000));
        System.out.println(String.format(Locale.ROOT, "CPU per run (one thread, 1000 runs): %.3f ms", cpuPerRun));
        System.out.println("rows differing between the engines: " + differ);
        sc.stop();
    }
}
