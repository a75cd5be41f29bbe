package org.mtorworkbench.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import org.mtorworkbench.cli.internal.Main;

/**
 * Runs {@code ./mtorwb COMMAND ...} in this JVM, inside OSGi or outside it (the Spark
 * launcher runs the commands on a plain class path).
 *
 * @since 0.2
 */
public final class CommandLine {

    private CommandLine() {
    }

    /**
     * @param args the command and its arguments
     * @param workingDirectory where relative paths resolve
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Path workingDirectory) {
        return new Main().run(args, out, err, workingDirectory);
    }
}
