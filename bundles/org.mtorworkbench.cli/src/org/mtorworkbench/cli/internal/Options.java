package org.mtorworkbench.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mtorworkbench.cli.CommandException;

/** Parses a command's arguments: positionals and {@code --name VALUE} options (some repeatable). */
final class Options {

    private final List<String> positionals = new ArrayList<>();
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final java.util.Set<String> flags = new java.util.LinkedHashSet<>();

    private Options() {
    }

    /**
     * @param withValue options that take a value
     * @param repeatable those of them that may be given more than once
     */
    static Options parse(List<String> args, Set<String> withValue, Set<String> repeatable) throws CommandException {
        return parse(args, withValue, repeatable, Set.of());
    }

    /**
     * @param withValue options that take a value
     * @param repeatable those of them that may be given more than once
     * @param flags options without a value
     */
    static Options parse(List<String> args, Set<String> withValue, Set<String> repeatable, Set<String> flags)
            throws CommandException {
        Options o = new Options();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (flags.contains(a)) {
                o.flags.add(a);
            } else if (a.startsWith("--")) {
                String name = a;
                String value = null;
                int eq = a.indexOf('=');
                if (eq > 0 && withValue.contains(a.substring(0, eq))) {
                    name = a.substring(0, eq);
                    value = a.substring(eq + 1);
                }
                if (!withValue.contains(name)) {
                    throw CommandException.usage("unknown option '" + a + "'");
                }
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw CommandException.usage("option " + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                List<String> l = o.values.computeIfAbsent(name, k -> new ArrayList<>());
                if (!l.isEmpty() && !repeatable.contains(name)) {
                    throw CommandException.usage("option " + name + " is given twice");
                }
                l.add(value);
            } else if (a.startsWith("-") && a.length() > 1 && !Character.isDigit(a.charAt(1))) {
                throw CommandException.usage("unknown option '" + a + "'");
            } else {
                o.positionals.add(a);
            }
        }
        return o;
    }

    /** @return whether a flag was given */
    boolean flag(String name) {
        return flags.contains(name);
    }

    List<String> positionals() {
        return positionals;
    }

    /** @return the single positional argument, named {@code name} in messages */
    String onePositional(String name) throws CommandException {
        if (positionals.isEmpty()) {
            throw CommandException.usage("missing argument " + name);
        }
        if (positionals.size() > 1) {
            throw CommandException.usage("unexpected argument '" + positionals.get(1) + "'");
        }
        return positionals.get(0);
    }

    String get(String name) {
        List<String> l = values.get(name);
        return l == null ? null : l.get(0);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    double number(String name, double dflt) throws CommandException {
        String v = get(name);
        if (v == null) {
            return dflt;
        }
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw CommandException.usage("option " + name + " needs a number, not '" + v + "'");
        }
    }

    int integer(String name, int dflt, int min) throws CommandException {
        String v = get(name);
        if (v == null) {
            return dflt;
        }
        try {
            int i = Integer.parseInt(v);
            if (i < min) {
                throw CommandException.usage("option " + name + " must be at least " + min + ", not " + i);
            }
            return i;
        } catch (NumberFormatException e) {
            throw CommandException.usage("option " + name + " needs a whole number, not '" + v + "'");
        }
    }

    /** @return comma-separated values of an option, or null when absent */
    List<String> list(String name) {
        String v = get(name);
        if (v == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String s : v.split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }
}
