package org.mtorworkbench.cli;

/**
 * The exit codes of {@code ./mtorwb}. Users' scripts rely on them; they never change meaning.
 */
public enum ExitCode {
    /** The command succeeded. */
    OK(0),
    /** The command ran and found problems (validate, findings, testsuite failures). */
    PROBLEMS_FOUND(1),
    /** Bad usage: unknown command, option or id. */
    USAGE(2),
    /** The model uses a feature that is not supported. */
    UNSUPPORTED(3),
    /** An input file is unreadable or invalid. */
    BAD_INPUT(4),
    /** Numerical failure: no steady state, step size underflow, non-finite values. */
    NUMERICAL(5);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** @return the process exit status */
    public int code() {
        return code;
    }
}
