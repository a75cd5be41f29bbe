package org.mtorworkbench.cli.internal;

import java.nio.file.Path;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/**
 * The headless Equinox application behind {@code ./mtorwb <command>}. It never touches SWT
 * or the workbench, so it runs without a display.
 */
public final class CliApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        context.applicationRunning();
        Path cwd = Path.of(System.getProperty("mtorwb.cwd", System.getProperty("user.dir")));
        int code = new Main().run(args == null ? new String[0] : args, System.out, System.err, cwd);
        System.out.flush();
        System.err.flush();
        return Integer.valueOf(code);
    }

    @Override
    public void stop() {
        // Commands are short-lived and run on the application thread; nothing to interrupt.
    }
}
