package org.mtorworkbench.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mtorworkbench.cli.Command;
import org.mtorworkbench.cli.CommandException;
import org.mtorworkbench.cli.CommandIO;
import org.mtorworkbench.cli.ExitCode;
import org.mtorworkbench.experiments.extension.ExperimentDesign;
import org.mtorworkbench.experiments.extension.ExperimentDesigns;

/**
 * Dispatches {@code ./mtorwb <command> ...} to a {@link Command}. Usable with or without
 * OSGi: the Equinox application and the tests both call {@link #run}.
 */
public final class Main {

    /** Global option: print stack traces with errors. */
    public static final String DEBUG = "--debug";

    private final Map<String, Command> commands = new LinkedHashMap<>();

    /** A dispatcher with the built-in commands. */
    public Main() {
        register(new HelpCommand(this));
        register(new VersionCommand());
        register(new InfoCommand());
        register(new ValidateCommand());
        register(new ConvertCommand());
        register(new SimulateCommand());
        register(new SteadyStateCommand());
        register(new TestSuiteCommand());
        register(new PetabCommands.TestSuite());
        register(new PetabCommands.Objective());
        register(new PetabCommands.Fit());
        register(new PetabCommands.ProfileCommand());
        register(new BenchCommand());
        register(new CrosscheckCommand());
        register(new RenderCommand());
        register(new CatalogueCommands.Drugs());
        register(new CatalogueCommands.Contexts());
        register(new FindingsCommand());
        register(new ExperimentCommand());
        register(new DemoCommand());
        // Experiment designs of the active bundles (the product's own: time-course, dose-response, combination,
        // scan, sensitivity, context-panel, knockout-screen; steady-state is the command above), unless a
        // command has the name.
        for (ExperimentDesign d : ExperimentDesigns.all()) {
            commands.putIfAbsent(d.id(), new DesignCommand(d));
        }
    }

    void register(Command c) {
        commands.put(c.name(), c);
    }

    /** @return the commands, in the order {@code help} lists them */
    public Collection<Command> commands() {
        return commands.values();
    }

    /** @return the command with that name, or null */
    public Command command(String name) {
        return commands.get(name);
    }

    /**
     * Runs one command line.
     *
     * @return the process exit status
     */
    public int run(String[] argv, PrintStream out, PrintStream err, Path workingDirectory) {
        List<String> args = new java.util.ArrayList<>(Arrays.asList(argv));
        boolean debug = args.remove(DEBUG);
        CommandIO io = new CommandIO(out, err, workingDirectory);
        if (args.isEmpty()) {
            err.println("mtorwb: no command given; run './mtorwb help' for the list, or './mtorwb' alone for the workbench");
            return ExitCode.USAGE.code();
        }
        String name = args.get(0);
        if ("--version".equals(name) || "-version".equals(name)) {
            name = VersionCommand.NAME;
        } else if ("--help".equals(name) || "-h".equals(name)) {
            name = HelpCommand.NAME;
        }
        Command command = commands.get(name);
        if (command == null) {
            err.println("mtorwb: unknown command '" + name + "'; run './mtorwb help' for the list of commands");
            return ExitCode.USAGE.code();
        }
        List<String> rest = args.subList(1, args.size());
        if (!HelpCommand.NAME.equals(name) && (rest.contains("--help") || rest.contains("-h"))) {
            return new HelpCommand(this).describe(command, out);
        }
        try {
            ExitCode code = command.run(List.copyOf(rest), io);
            out.flush();
            return code.code();
        } catch (CommandException e) {
            out.flush();
            err.println("mtorwb " + name + ": " + e.getMessage());
            if (e.exitCode() == ExitCode.USAGE) {
                err.println("usage: ./mtorwb " + command.synopsis() + "   (see './mtorwb help " + name + "')");
            }
            if (debug && e.getCause() != null) {
                e.getCause().printStackTrace(err);
            }
            return e.exitCode().code();
        } catch (RuntimeException | LinkageError | StackOverflowError | OutOfMemoryError e) {
            // a defect or a broken installation (a class missing or of another version) ends with
            // a message and a non-zero status, never silently
            out.flush();
            err.println("mtorwb " + name + ": internal error: " + e
                    + (debug ? "" : " (run again with --debug for the stack trace, and please report it)"));
            if (debug) {
                e.printStackTrace(err);
            }
            return 70;
        }
    }
}
