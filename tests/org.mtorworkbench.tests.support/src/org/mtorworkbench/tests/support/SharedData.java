package org.mtorworkbench.tests.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The read-only data set beside the checkout ({@code ../shared}: the SBML Test Suite,
 * BioModels files, the review). A user's clone has none, so tests that need it are
 * skipped with a message saying so; CI has it and runs them.
 */
public final class SharedData {

    private SharedData() {
    }

    /** @return the shared folder, or null when it is absent */
    public static Path root() {
        String p = System.getProperty("mtorwb.shared");
        if (p == null) {
            return null;
        }
        Path dir = Path.of(p).normalize();
        return Files.isDirectory(dir) ? dir : null;
    }

    /**
     * Resolves a path inside the shared folder, skipping the calling test (with a message
     * naming what is missing) when the folder or the path is absent.
     */
    public static Path require(String relative) {
        Path root = root();
        assumeTrue(root != null, "skipped: the shared data set (../shared, property mtorwb.shared="
                + System.getProperty("mtorwb.shared") + ") is absent; this test runs where it is present, as in CI");
        Path p = root.resolve(relative);
        assumeTrue(Files.exists(p), "skipped: " + p + " is absent from the shared data set");
        return p;
    }

    /** @return a directory under the test bundle's build output, created if needed */
    public static Path outputDir(String name) {
        Path base = Path.of(System.getProperty("mtorwb.testOutput", System.getProperty("java.io.tmpdir")));
        Path dir = base.resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return dir;
    }
}
