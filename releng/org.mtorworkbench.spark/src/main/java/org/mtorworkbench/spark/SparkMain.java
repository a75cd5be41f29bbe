package org.mtorworkbench.spark;

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
        CommandLine.main(args);
    }
}
