package org.mtorworkbench.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The batch engines by id: {@code threads} (this JVM's pool, always there) and those whose
 * {@link BatchEngine.Factory} is on the class path ({@link ServiceLoader}); the Spark engine
 * is one, and lives outside OSGi, in the Spark launcher that {@code ./mtorwb --engine spark} starts.
 */
public final class BatchEngines {

    private BatchEngines() {
    }

    /** @return the ids of the engines this JVM can use, {@code threads} first */
    public static List<String> ids() {
        List<String> ids = new ArrayList<>(List.of(BatchRunner.THREADS));
        for (BatchEngine.Factory f : ServiceLoader.load(BatchEngine.Factory.class, BatchEngines.class.getClassLoader())) {
            ids.add(f.id());
        }
        return ids;
    }

    /**
     * @param id {@code threads}, or the id of an engine on the class path
     * @param master where the engine runs (null: its default); not for {@code threads}
     * @param threads worker threads of the pool (0: all cores)
     * @return a runner on that engine
     * @throws IllegalArgumentException for an unknown id or master, naming what to do
     */
    public static BatchRunner runner(String id, String master, int threads) {
        if (id == null || id.equals(BatchRunner.THREADS)) {
            if (master != null) {
                throw new IllegalArgumentException("--master is for --engine spark; the threads engine runs in this"
                        + " process (--threads N)");
            }
            return new BatchRunner(threads);
        }
        for (BatchEngine.Factory f : ServiceLoader.load(BatchEngine.Factory.class, BatchEngines.class.getClassLoader())) {
            if (f.id().equals(id)) {
                return new BatchRunner(threads, f.create(master, threads));
            }
        }
        if (id.equals("spark")) {
            throw new IllegalArgumentException("--engine spark runs outside the workbench's OSGi runtime: start the"
                    + " command with ./mtorwb, which hands it to the Spark launcher (built by ./mvnw verify into"
                    + " spark/target/launcher)");
        }
        throw new IllegalArgumentException("unknown --engine '" + id + "'; use " + String.join(" or ", ids()));
    }
}
