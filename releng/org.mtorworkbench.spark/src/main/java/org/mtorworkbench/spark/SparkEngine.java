package org.mtorworkbench.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.mtorworkbench.experiments.BatchEngine;
import org.mtorworkbench.experiments.Cancellation;
import org.mtorworkbench.experiments.Progress;
import org.mtorworkbench.experiments.RunBatch;
import org.mtorworkbench.simulation.SimulationException;

/**
 * Runs batches on Apache Spark. The batch's settings and the model's SBML text travel once, as
 * a broadcast; the points travel as partitions of plain data. Each executor JVM compiles the
 * model once per batch and runs its partitions' points with the same evaluator the thread pool
 * uses, so rows are identical to the pool's, bit for bit; they come back in run order. Progress
 * comes from a {@link SparkListener} (finished tasks and their points); cancelling cancels the
 * batch's job group, which interrupts its tasks.
 * <p>
 * One Spark context per JVM (Spark allows no more), made on first use with this engine's
 * master and kept until the JVM ends.
 */
public final class SparkEngine implements BatchEngine {

    /** The id given as {@code --engine spark}. */
    public static final String ID = "spark";

    /** The master when none is given: Spark in this JVM on every core. */
    public static final String DEFAULT_MASTER = "local[*]";

    /** Points per task at most; more tasks than this needs are made when the cluster has more cores. */
    public static final int MAX_POINTS_PER_TASK = 2000;

    /** How often the driver looks at the cancellation, ms. */
    private static final long POLL_MILLIS = 25;

    /** Makes Spark engines for {@code --engine spark [--master URL]}. */
    public static final class Factory implements BatchEngine.Factory {
        @Override
        public String id() {
            return ID;
        }

        @Override
        public BatchEngine create(String master, int threads) {
            return new SparkEngine(master == null ? DEFAULT_MASTER : master);
        }
    }

    private static JavaSparkContext context;
    /** The master the context was asked for (spark-submit's own --master wins over it). */
    private static String contextMaster;
    private static final ProgressListener LISTENER = new ProgressListener();

    private final String master;

    /**
     * @param master a Spark master URL: {@code local[N]}, {@code local[*]}, {@code spark://HOST:PORT},
     *        {@code k8s://...}, {@code yarn}
     * @throws IllegalArgumentException for a URL Spark does not know
     */
    public SparkEngine(String master) {
        if (!(master.startsWith("local") || master.startsWith("spark://") || master.startsWith("k8s://")
                || master.equals("yarn") || master.startsWith("mesos://"))) {
            throw new IllegalArgumentException("--master '" + master + "' is not a Spark master URL; use local[N],"
                    + " spark://HOST:7077, k8s://https://HOST:PORT or yarn");
        }
        this.master = master;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String describe() {
        JavaSparkContext sc = context;
        return "Spark " + master + (sc == null ? "" : " (" + sc.defaultParallelism() + " task slots)");
    }

    /**
     * @return the JVM's Spark context, made on first use with this engine's master
     * @throws IllegalStateException when the context runs on another master
     */
    static synchronized JavaSparkContext context(String master) {
        if (context == null) {
            SparkConf conf = new SparkConf().setAppName("mTOR Workbench").setIfMissing("spark.master", master)
                    .setIfMissing("spark.ui.enabled", "false").setIfMissing("spark.ui.showConsoleProgress", "false");
            if (master.startsWith("local")) {
                // in-process Spark talks to itself over the loopback interface only
                conf.setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            }
            JavaSparkContext sc = new JavaSparkContext(conf);
            sc.sc().addSparkListener(LISTENER);
            context = sc;
            contextMaster = master;
        } else if (!contextMaster.equals(master)) {
            throw new IllegalStateException("this JVM's Spark context runs on " + context.master() + ", not " + master);
        }
        return context;
    }

    @Override
    public List<double[]> run(RunBatch batch, Progress progress, Cancellation cancellation) throws SimulationException {
        int n = batch.points().size();
        progress.update(0, n, -1);
        if (n == 0) {
            return List.of();
        }
        JavaSparkContext sc = context(master);
        RunBatch header = batch.slice(0, 0);
        header.sbml(); // written once on the driver, then broadcast with the settings
        Broadcast<RunBatch> shared = sc.broadcast(header);
        int tasks = Math.max(Math.min(n, 2 * sc.defaultParallelism()), (n + MAX_POINTS_PER_TASK - 1) / MAX_POINTS_PER_TASK);
        String group = "mtorwb-" + UUID.randomUUID();
        Tracker tracker = new Tracker(n, tasks, progress);
        LISTENER.groups.put(group, tracker);
        try {
            sc.setJobGroup(group, "mTOR Workbench: " + n + " runs", true);
            JavaRDD<RunBatch.Point> points = sc.parallelize(batch.points(), tasks);
            JavaFutureAction<List<Outcome>> future = points.mapPartitions(new Runs(shared)).collectAsync();
            List<Outcome> outcomes = await(sc, group, future, cancellation);
            List<double[]> rows = new ArrayList<>(n);
            for (Outcome o : outcomes) {
                if (o.failure != null && o.kind == null) {
                    throw new IllegalArgumentException(o.failure);
                }
                if (o.failure != null) {
                    throw new SimulationException(o.kind, o.failure);
                }
                rows.add(o.values);
            }
            if (rows.size() != n) {
                throw new IllegalStateException("Spark returned " + rows.size() + " rows for " + n + " points");
            }
            // the listener hears of the last tasks asynchronously, perhaps after the job's end
            tracker.complete();
            return rows;
        } finally {
            sc.clearJobGroup();
            LISTENER.groups.remove(group);
            shared.destroy();
        }
    }

    private static List<Outcome> await(JavaSparkContext sc, String group, JavaFutureAction<List<Outcome>> future,
            Cancellation cancellation) throws SimulationException {
        while (true) {
            if (cancellation.isCancelled()) {
                sc.cancelJobGroup(group);
                future.cancel(true);
                throw new SimulationException(SimulationException.Kind.CANCELLED, "the runs were cancelled");
            }
            try {
                return future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // look at the cancellation again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancellation.cancel();
            } catch (ExecutionException e) {
                throw new IllegalStateException("the Spark job failed: " + e.getCause(), e.getCause());
            }
        }
    }

    /**
     * A point's result as it travels back: its row, or the failure that stopped its partition
     * (a simulation failure with its kind, or bad input, without a kind).
     */
    static final class Outcome implements Serializable {
        private static final long serialVersionUID = 1L;
        final double[] values;
        final SimulationException.Kind kind;
        final String failure;

        Outcome(double[] values, SimulationException.Kind kind, String failure) {
            this.values = values;
            this.kind = kind;
            this.failure = failure;
        }
    }

    /** Runs one partition's points on the executor's evaluator for the batch. */
    static final class Runs implements FlatMapFunction<Iterator<RunBatch.Point>, Outcome> {
        private static final long serialVersionUID = 1L;
        /** Per executor JVM: the batch's compiled model, by broadcast id (a few batches kept). */
        private static final Map<Long, RunBatch.Evaluator> COMPILED = new ConcurrentHashMap<>();
        private final Broadcast<RunBatch> batch;

        Runs(Broadcast<RunBatch> batch) {
            this.batch = batch;
        }

        @Override
        public Iterator<Outcome> call(Iterator<RunBatch.Point> points) throws Exception {
            TaskContext task = TaskContext.get();
            List<Outcome> out = new ArrayList<>();
            RunBatch.Evaluator e;
            try {
                e = evaluator();
            } catch (SimulationException x) {
                out.add(new Outcome(null, x.kind(), x.getMessage()));
                return out.iterator();
            }
            while (points.hasNext()) {
                RunBatch.Point p = points.next();
                try {
                    out.add(new Outcome(e.run(p, task::isInterrupted), null, null));
                } catch (SimulationException x) {
                    out.add(new Outcome(null, x.kind(), x.getMessage()));
                    break;
                } catch (IllegalArgumentException x) {
                    out.add(new Outcome(null, null, x.getMessage()));
                    break;
                }
            }
            return out.iterator();
        }

        private RunBatch.Evaluator evaluator() throws SimulationException {
            long id = batch.id();
            RunBatch.Evaluator e = COMPILED.get(id);
            if (e == null) {
                synchronized (COMPILED) {
                    e = COMPILED.get(id);
                    if (e == null) {
                        if (COMPILED.size() >= 4) {
                            COMPILED.clear();
                        }
                        e = batch.value().compile();
                        COMPILED.put(id, e);
                    }
                }
            }
            return e;
        }
    }

    /** Counts a batch's finished points from the sizes of its finished tasks. */
    static final class Tracker {
        private final int total;
        private final int tasks;
        private final Progress progress;
        private final long start = System.nanoTime();
        private final AtomicLong done = new AtomicLong();
        private boolean closed;
        final java.util.Set<Integer> stages = ConcurrentHashMap.newKeySet();

        Tracker(int total, int tasks, Progress progress) {
            this.total = total;
            this.tasks = tasks;
            this.progress = progress;
        }

        /** The points of task {@code index}: how Spark slices a list into {@code tasks} partitions. */
        int size(int index) {
            return (int) ((long) (index + 1) * total / tasks - (long) index * total / tasks);
        }

        synchronized void finished(int index) {
            if (closed) {
                return;
            }
            long d = done.addAndGet(size(index));
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            progress.update((int) Math.min(d, total), total, d == 0 ? -1 : elapsed * (total - d) / d);
        }

        /** Every point is done: reports the total (once) and ignores the listener's late news. */
        synchronized void complete() {
            if (!closed && done.get() < total) {
                progress.update(total, total, 0);
            }
            closed = true;
        }
    }

    /** Spark's listener: jobs by group, finished tasks into their batch's progress. */
    static final class ProgressListener extends SparkListener {
        final Map<String, Tracker> groups = new ConcurrentHashMap<>();

        @Override
        public void onJobStart(SparkListenerJobStart start) {
            String group = start.properties() == null ? null : start.properties().getProperty("spark.jobGroup.id");
            Tracker t = group == null ? null : groups.get(group);
            if (t != null) {
                scala.collection.Iterator<Object> it = start.stageIds().iterator();
                while (it.hasNext()) {
                    t.stages.add((Integer) it.next());
                }
            }
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            if (!end.taskInfo().successful()) {
                return;
            }
            for (Tracker t : groups.values()) {
                if (t.stages.contains(end.stageId())) {
                    t.finished(end.taskInfo().index());
                }
            }
        }
    }
}
