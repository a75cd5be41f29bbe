package org.mtorworkbench.cli.internal;

import java.util.List;

import org.mtorworkbench.cli.Command;
import org.mtorworkbench.cli.CommandException;
import org.mtorworkbench.cli.CommandIO;
import org.mtorworkbench.cli.ExitCode;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** {@code --version}: prints the product version. */
final class VersionCommand implements Command {

    static final String NAME = "version";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String synopsis() {
        return "--version";
    }

    @Override
    public String summary() {
        return "print the product version";
    }

    @Override
    public String help() {
        return "Prints 'mTOR Workbench <version>' where the version is the installed build's\n"
                + "(major.minor.micro.qualifier, the qualifier being the build time stamp).";
    }

    @Override
    public ExitCode run(List<String> args, CommandIO io) throws CommandException {
        if (!args.isEmpty()) {
            throw CommandException.usage("unexpected argument '" + args.get(0) + "'");
        }
        io.out().println("mTOR Workbench " + version());
        return ExitCode.OK;
    }

    /** @return the version of the installed command-line bundle, which every product bundle shares */
    static String version() {
        Bundle b = FrameworkUtil.getBundle(VersionCommand.class);
        return b == null ? "(development build, not running in OSGi)" : b.getVersion().toString();
    }
}
