package org.mtorworkbench.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One run of the command line in a test: exit code, standard output and standard error.
 *
 * @param code the exit code
 * @param out what went to standard output
 * @param err what went to standard error
 */
record CliRun(int code, String out, String err) {

    /** Runs {@code ./mtorwb args...} with {@code dir} as the working directory. */
    static CliRun of(Path dir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), dir);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
