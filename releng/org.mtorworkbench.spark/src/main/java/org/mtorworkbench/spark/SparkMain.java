package org.mtorworkbench.spark;

import java.nio.file.Path;

import org.mtorworkbench.cli.CommandLine;

/**
 * {@code ./mtorwb COMMAND ... --engine spark}: the workbench's commands on a plain class path
 * with Spark (the local launcher, {@code spark/mtorwb-spark}), or as the main class of the job
 * artifact under {@code spark-submit}.
 */
public final class SparkMain {

    private SparkMain() {
    }

    public static void main(String[] args) {
        Path cwd = Path.of(System.getProperty("mtorwb.cwd", System.getProperty("user.dir")));
        int code = CommandLine.run(args, System.out, System.err, cwd);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }
}
