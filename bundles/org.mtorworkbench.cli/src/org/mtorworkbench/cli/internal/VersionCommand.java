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

    /**
     * @return the version of the installed command-line bundle, which every product bundle shares:
     *         from the OSGi framework, or outside OSGi (the launcher's plain class path of the
     *         product's bundles) from the {@code Bundle-Version} of this class's jar manifest
     */
    static String version() {
        Bundle b;
        try {
            b = FrameworkUtil.getBundle(VersionCommand.class);
        } catch (LinkageError e) {
            b = null; // plain Java without the OSGi framework on the class path
        }
        if (b != null) {
            return b.getVersion().toString();
        }
        String manifest = manifestVersion();
        return manifest != null ? manifest : "(development build, not running in OSGi)";
    }

    /** @return the Bundle-Version of the jar this class was loaded from, or null (classes in a folder) */
    private static String manifestVersion() {
        java.net.URL self = VersionCommand.class.getResource(VersionCommand.class.getSimpleName() + ".class");
        if (self == null || !"jar".equals(self.getProtocol())) {
            return null;
        }
        String jar = self.toString().substring(0, self.toString().indexOf("!/") + 2);
        try (java.io.InputStream in = new java.net.URL(jar + "META-INF/MANIFEST.MF").openStream()) {
            String v = new java.util.jar.Manifest(in).getMainAttributes().getValue("Bundle-Version");
            return v == null ? null : v.trim();
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
