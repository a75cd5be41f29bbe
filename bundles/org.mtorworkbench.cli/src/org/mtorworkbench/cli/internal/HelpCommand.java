package org.mtorworkbench.cli.internal;

import java.io.PrintStream;
import java.util.List;

import org.mtorworkbench.cli.Command;
import org.mtorworkbench.cli.CommandException;
import org.mtorworkbench.cli.CommandIO;
import org.mtorworkbench.cli.ExitCode;

/** {@code help [COMMAND]}: lists the commands or explains one. */
final class HelpCommand implements Command {

    static final String NAME = "help";

    private final Main main;

    HelpCommand(Main main) {
        this.main = main;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String synopsis() {
        return "help [COMMAND]";
    }

    @Override
    public String summary() {
        return "list the commands, or explain one";
    }

    @Override
    public String help() {
        return "With no argument, lists every command with a one-line summary.\n"
                + "With a command name, prints its usage and full description.";
    }

    @Override
    public ExitCode run(List<String> args, CommandIO io) throws CommandException {
        if (args.size() > 1) {
            throw CommandException.usage("unexpected argument '" + args.get(1) + "'");
        }
        if (args.size() == 1) {
            Command c = main.command(args.get(0));
            if (c == null) {
                throw CommandException.usage("unknown command '" + args.get(0) + "'");
            }
            describe(c, io.out());
            return ExitCode.OK;
        }
        PrintStream out = io.out();
        out.println("mTOR Workbench: model, simulate and perturb the mTORC1/mTORC2 signalling network.");
        out.println();
        out.println("usage: ./mtorwb                 start the workbench (GUI)");
        out.println("       ./mtorwb COMMAND [ARGS]  run a command without a display");
        out.println();
        out.println("commands:");
        int width = 0;
        for (Command c : main.commands()) {
            width = Math.max(width, c.synopsis().length());
        }
        for (Command c : main.commands()) {
            out.printf("  %-" + width + "s  %s%n", c.synopsis(), c.summary());
        }
        out.println();
        out.println("MODEL is a path to an SBML file. Add --debug to any command for stack traces.");
        out.println("Exit codes: 0 ok, 1 problems found, 2 bad usage, 3 unsupported model feature,");
        out.println("            4 unreadable or invalid input, 5 numerical failure.");
        return ExitCode.OK;
    }

    int describe(Command c, PrintStream out) {
        out.println("usage: ./mtorwb " + c.synopsis());
        out.println();
        out.println(c.help());
        return ExitCode.OK.code();
    }
}
