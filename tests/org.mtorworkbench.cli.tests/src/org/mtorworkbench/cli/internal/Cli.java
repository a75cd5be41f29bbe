package org.mtorworkbench.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs one command line in-process and captures what it prints, for the command tests. */
final class Cli {

    /** The exit code and what was printed. */
    record Result(int code, String out, String err) {
    }

    private Cli() {
    }

    /** Runs {@code ./mtorwb args...} in the working directory {@code cwd}. */
    static Result run(Path cwd, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), cwd);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
