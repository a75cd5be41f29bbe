package org.mtorworkbench.experiments.extension;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.mtorworkbench.experiments.Scan;
import org.mtorworkbench.sbml.NumberText;

/**
 * The type of a {@link DesignOption}'s value: how its text is parsed and written back (every
 * number written reads back as the same double), and which kind of field a form shows for it.
 * Immutable; the constants are the types the product's forms and the command line know.
 *
 * @param <T> the value's Java type
 * @since 0.3
 */
public final class OptionType<T> {

    /** What a value is, for forms choosing a field. */
    public enum Kind {
        /** A finite number. */
        NUMBER,
        /** A whole number. */
        INTEGER,
        /** Free text. */
        TEXT,
        /** On or off; on the command line a flag without a value. */
        FLAG,
        /** Comma-separated finite numbers. */
        NUMBERS,
        /** An id of the model (a species, parameter or compartment). */
        MODEL_ID,
        /** Comma-separated ids of the model. */
        MODEL_IDS,
        /** A drug of the catalogue. */
        DRUG,
        /** One of a fixed set of words. */
        CHOICE,
        /** A scan axis {@code ID=FROM:TO:N[:log]}. */
        AXIS,
        /** Doses in nM: comma-separated, or {@code LOW:HIGH:N} for N doses evenly spaced on a log scale. */
        DOSES
    }

    /** A finite number. */
    public static final OptionType<Double> NUMBER = new OptionType<>(Kind.NUMBER, "X", Double.class,
            OptionType::number, OptionType::exact, List.of());
    /** A whole number. */
    public static final OptionType<Integer> INTEGER = new OptionType<>(Kind.INTEGER, "N", Integer.class, s -> {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a whole number");
        }
    }, String::valueOf, List.of());
    /** Free text. */
    public static final OptionType<String> TEXT = new OptionType<>(Kind.TEXT, "TEXT", String.class, s -> s,
            s -> s, List.of());
    /** On or off. */
    public static final OptionType<Boolean> FLAG = new OptionType<>(Kind.FLAG, "", Boolean.class, s -> {
        if (!s.equals("true") && !s.equals("false")) {
            throw new IllegalArgumentException("'" + s + "' is not true or false");
        }
        return Boolean.valueOf(s);
    }, String::valueOf, List.of());
    /** Comma-separated finite numbers, e.g. doses. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public static final OptionType<List<Double>> NUMBERS = new OptionType<>(Kind.NUMBERS, "LIST",
            (Class<List<Double>>) (Class) List.class, s -> {
                List<Double> l = new ArrayList<>();
                for (String p : s.split(",")) {
                    l.add(number(p));
                }
                return List.copyOf(l);
            }, l -> String.join(",", l.stream().map(OptionType::exact).toList()), List.of());
    /**
     * Doses in nM, each finite and at least 0: comma-separated ({@code 0.1,1,10}), or
     * {@code LOW:HIGH:N}, N doses evenly spaced on a log scale; written back as the list.
     */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public static final OptionType<List<Double>> DOSES = new OptionType<>(Kind.DOSES, "LIST",
            (Class<List<Double>>) (Class) List.class, OptionType::doses,
            l -> String.join(",", l.stream().map(OptionType::exact).toList()), List.of());
    /** An id of the model. */
    public static final OptionType<String> MODEL_ID = new OptionType<>(Kind.MODEL_ID, "ID", String.class,
            OptionType::id, s -> s, List.of());
    /** Comma-separated ids of the model. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public static final OptionType<List<String>> MODEL_IDS = new OptionType<>(Kind.MODEL_IDS, "A,B,...",
            (Class<List<String>>) (Class) List.class, s -> {
                List<String> l = new ArrayList<>();
                for (String p : s.split(",")) {
                    if (!p.isBlank()) {
                        l.add(p.strip());
                    }
                }
                return List.copyOf(l);
            }, l -> String.join(",", l), List.of());
    /** A drug of the catalogue (checked when the design runs, against the catalogue of the active bundles). */
    public static final OptionType<String> DRUG = new OptionType<>(Kind.DRUG, "ID", String.class, OptionType::id,
            s -> s, List.of());
    /** A scan axis {@code ID=FROM:TO:N[:log]}. */
    public static final OptionType<Scan.Axis> AXIS = new OptionType<>(Kind.AXIS, "ID=FROM:TO:N[:log]",
            Scan.Axis.class, s -> Scan.Axis.parse(s.strip()), a -> a.id() + "=" + exact(a.from()) + ":"
                    + exact(a.to()) + ":" + a.points() + (a.log() ? ":log" : ""), List.of());

    private final Kind kind;
    private final String syntax;
    private final Class<T> valueType;
    private final Function<String, T> parser;
    private final Function<T, String> formatter;
    private final List<String> choices;

    private OptionType(Kind kind, String syntax, Class<T> valueType, Function<String, T> parser,
            Function<T, String> formatter, List<String> choices) {
        this.kind = kind;
        this.syntax = syntax;
        this.valueType = valueType;
        this.parser = parser;
        this.formatter = formatter;
        this.choices = List.copyOf(choices);
    }

    /** @return a type whose values are one of these words (lower case, as the command line spells them) */
    public static OptionType<String> choice(String... words) {
        List<String> w = List.of(words);
        if (w.isEmpty()) {
            throw new IllegalArgumentException("a choice needs at least one word");
        }
        return new OptionType<>(Kind.CHOICE, String.join("|", w), String.class, s -> {
            if (!w.contains(s)) {
                throw new IllegalArgumentException("unknown value '" + s + "'; use " + words(w));
            }
            return s;
        }, s -> s, w);
    }

    private static String words(List<String> w) {
        return w.size() == 1 ? w.get(0)
                : String.join(", ", w.subList(0, w.size() - 1)) + " or " + w.get(w.size() - 1);
    }

    /** @return what the value is, for forms */
    public Kind kind() {
        return kind;
    }

    /** @return the value's syntax for help texts, e.g. {@code LIST} */
    public String syntax() {
        return syntax;
    }

    /** @return the Java type of values */
    public Class<T> valueType() {
        return valueType;
    }

    /** @return the words of a {@link Kind#CHOICE}, empty for other kinds */
    public List<String> choices() {
        return choices;
    }

    /**
     * @return the value of a text
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    public T parse(String text) {
        Objects.requireNonNull(text);
        return parser.apply(text);
    }

    /** @return the text that {@link #parse} reads back as the same value */
    public String format(T value) {
        return formatter.apply(value);
    }

    private static double number(String s) {
        try {
            double d = NumberText.parse(s);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s.strip() + "' is not a number");
        }
    }

    private static List<Double> doses(String s) {
        String[] range = s.strip().split(":");
        List<Double> l = new ArrayList<>();
        if (range.length == 3) {
            int n;
            try {
                n = Integer.parseInt(range[2].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + range[2].strip() + "' is not a whole number of doses");
            }
            for (double d : org.mtorworkbench.experiments.DoseResponse.logDoses(number(range[0]), number(range[1]), n)) {
                l.add(d);
            }
        } else {
            for (String p : s.split("[,;\\s]+")) {
                if (!p.isEmpty()) {
                    l.add(number(p));
                }
            }
        }
        if (l.isEmpty()) {
            throw new IllegalArgumentException("no doses given: give at least one dose in nM");
        }
        for (double d : l) {
            if (d < 0) {
                throw new IllegalArgumentException("doses must be finite and >= 0 nM, not " + exact(d));
            }
        }
        return List.copyOf(l);
    }

    private static String id(String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("an id is empty");
        }
        return t;
    }

    /** @return the shortest text that reads back as exactly {@code x} */
    public static String exact(double x) {
        return NumberText.format(x);
    }

    @Override
    public String toString() {
        return kind + (choices.isEmpty() ? "" : choices.toString());
    }
}
