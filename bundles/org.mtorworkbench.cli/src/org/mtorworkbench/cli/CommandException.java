package org.mtorworkbench.cli;

/**
 * A command failed in a way the user can act on. The message is one line that names the
 * file, element or option at fault and says what to do.
 */
public class CommandException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    public CommandException(ExitCode exitCode, String message) {
        this(exitCode, message, null);
    }

    public CommandException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** A usage error (exit code 2). */
    public static CommandException usage(String message) {
        return new CommandException(ExitCode.USAGE, message);
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
