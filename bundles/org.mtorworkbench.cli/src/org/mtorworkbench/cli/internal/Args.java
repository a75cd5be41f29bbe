package org.mtorworkbench.cli.internal;

import java.util.ArrayList;
import java.util.List;

import org.mtorworkbench.cli.CommandException;

/** Small helpers for parsing a command's arguments strictly. */
final class Args {

    private Args() {
    }

    /**
     * Returns exactly the positional arguments named, rejecting any option (the caller takes none).
     *
     * @param names the names of the positional arguments, for messages
     */
    static List<String> positionals(List<String> args, String... names) throws CommandException {
        List<String> pos = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--") || (a.startsWith("-") && a.length() > 1)) {
                throw CommandException.usage("unknown option '" + a + "'");
            }
            pos.add(a);
        }
        if (pos.size() < names.length) {
            throw CommandException.usage("missing argument " + names[pos.size()]);
        }
        if (pos.size() > names.length) {
            throw CommandException.usage("unexpected argument '" + pos.get(names.length) + "'");
        }
        return pos;
    }
}
