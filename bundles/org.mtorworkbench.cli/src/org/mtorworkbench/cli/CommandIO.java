package org.mtorworkbench.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Where a command writes: results to {@link #out()}, messages and progress to
 * {@link #err()}; relative paths resolve against {@link #workingDirectory()}.
 *
 * @param out results (CSV, reports)
 * @param err messages and progress
 * @param workingDirectory the directory the user ran {@code ./mtorwb} in
 */
public record CommandIO(PrintStream out, PrintStream err, Path workingDirectory) {

    /** Resolves a path typed by the user. */
    public Path resolve(String path) {
        return workingDirectory.resolve(path).normalize();
    }
}
