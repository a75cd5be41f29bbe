package org.mtorworkbench.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import org.mtorworkbench.cli.internal.Main;

/**
 * Runs {@code ./mtorwb COMMAND ...} in this JVM, inside OSGi or outside it: the launcher's
 * fast path and the Spark launcher run the commands on a plain class path ({@link #main}).
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

    /**
     * The command line as a plain Java program: runs one command with the working directory
     * of the system property {@code mtorwb.cwd} (the launcher's, else {@code user.dir}) and
     * exits with its status.
     */
    public static void main(String[] args) {
        Path cwd = Path.of(System.getProperty("mtorwb.cwd", System.getProperty("user.dir")));
        int code = run(args, System.out, System.err, cwd);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }
}
