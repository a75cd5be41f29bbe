package org.mtorworkbench.cli;

import java.util.List;

/**
 * One {@code ./mtorwb} command. Implementations are stateless; {@link #run} gets the
 * arguments after the command name.
 */
public interface Command {

    /** @return the name typed on the command line, e.g. {@code info} */
    String name();

    /** @return the usage line, e.g. {@code info MODEL} */
    String synopsis();

    /** @return a one-line description for {@code ./mtorwb help} */
    String summary();

    /** @return the full help text for {@code ./mtorwb help COMMAND}, without the usage line */
    String help();

    /**
     * Runs the command.
     *
     * @param args the arguments after the command name
     * @param io where output and messages go
     * @return the exit code
     * @throws CommandException for a problem the user can act on
     */
    ExitCode run(List<String> args, CommandIO io) throws CommandException;
}
