package org.mtorworkbench.experiments.extension;

import java.util.Objects;

/**
 * A typed, documented option of an {@link ExperimentDesign}: the one description of an option
 * that the command line parses ({@code --id VALUE}), a form renders as a field, and a saved
 * design (SED-ML) stores as text. Immutable; configure with the {@code withX} copies, e.g.
 *
 * <pre>
 * static final DesignOption&lt;List&lt;Double&gt;&gt; DOSES = DesignOption.of("doses", OptionType.NUMBERS)
 *         .withLabel("Doses (nM)").withHelp("the doses in nM").withMinimum(0).asRequired();
 * </pre>
 *
 * @param <T> the value's type
 * @since 0.3
 */
public final class DesignOption<T> {

    private final String id;
    private final OptionType<T> type;
    private final String label;
    private final String help;
    private final T defaultValue;
    private final double minimum;
    private final double maximum;
    private final boolean required;
    private final boolean repeatable;
    private final String flag;
    private final String syntax;

    private DesignOption(String id, OptionType<T> type, String label, String help, T defaultValue, double minimum,
            double maximum, boolean required, boolean repeatable, String flag, String syntax) {
        this.id = id;
        this.type = type;
        this.label = label;
        this.help = help;
        this.defaultValue = defaultValue;
        this.minimum = minimum;
        this.maximum = maximum;
        this.required = required;
        this.repeatable = repeatable;
        this.flag = flag;
        this.syntax = syntax;
    }

    /**
     * @param id lower case with dashes; the command-line option is {@code --id} and saved designs store the value under it
     * @return an optional, single-valued option without default, range or help
     */
    public static <T> DesignOption<T> of(String id, OptionType<T> type) {
        Objects.requireNonNull(type);
        if (!id.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("an option id is lower case with dashes, not '" + id + "'");
        }
        return new DesignOption<>(id, type, id, "", null, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false,
                false, "--" + id, type.syntax());
    }

    /** @return a copy with the label a form shows */
    public DesignOption<T> withLabel(String text) {
        return new DesignOption<>(id, type, text, help, defaultValue, minimum, maximum, required, repeatable, flag,
                syntax);
    }

    /** @return a copy with the one-line help of help texts and tooltips */
    public DesignOption<T> withHelp(String text) {
        return new DesignOption<>(id, type, label, text, defaultValue, minimum, maximum, required, repeatable, flag,
                syntax);
    }

    /** @return a copy with the value used when none is given */
    public DesignOption<T> withDefault(T value) {
        return new DesignOption<>(id, type, label, help, value, minimum, maximum, required, repeatable, flag, syntax);
    }

    /** @return a copy whose numbers (each of a list) must be at least {@code min} */
    public DesignOption<T> withMinimum(double min) {
        return new DesignOption<>(id, type, label, help, defaultValue, min, maximum, required, repeatable, flag,
                syntax);
    }

    /** @return a copy whose numbers (each of a list) must be at most {@code max} */
    public DesignOption<T> withMaximum(double max) {
        return new DesignOption<>(id, type, label, help, defaultValue, minimum, max, required, repeatable, flag,
                syntax);
    }

    /** @return a copy that must be given */
    public DesignOption<T> asRequired() {
        return new DesignOption<>(id, type, label, help, defaultValue, minimum, maximum, true, repeatable, flag,
                syntax);
    }

    /** @return a copy that may be given more than once (values are kept in order) */
    public DesignOption<T> asRepeatable() {
        return new DesignOption<>(id, type, label, help, defaultValue, minimum, maximum, required, true, flag, syntax);
    }

    /**
     * @param cliFlag the command-line spelling when it is not {@code --id}: the drugs a design varies are
     *            {@code --drug ID} (without a dose), beside the perturbation {@code --drug ID=nM}
     * @return a copy spelled so on the command line
     */
    public DesignOption<T> withFlag(String cliFlag) {
        return new DesignOption<>(id, type, label, help, defaultValue, minimum, maximum, required, repeatable,
                cliFlag, syntax);
    }

    /** @return a copy with another syntax for help texts (default: the type's) */
    public DesignOption<T> withSyntax(String text) {
        return new DesignOption<>(id, type, label, help, defaultValue, minimum, maximum, required, repeatable, flag,
                text);
    }

    /** @return the id: the key of saved values, {@code --id} on the command line */
    public String id() {
        return id;
    }

    /** @return the value type */
    public OptionType<T> type() {
        return type;
    }

    /** @return the label of a form field */
    public String label() {
        return label;
    }

    /** @return the one-line help */
    public String help() {
        return help;
    }

    /** @return the default value, or null when there is none */
    public T defaultValue() {
        return defaultValue;
    }

    /** @return the smallest number allowed ({@code -Infinity} for none) */
    public double minimum() {
        return minimum;
    }

    /** @return the largest number allowed ({@code +Infinity} for none) */
    public double maximum() {
        return maximum;
    }

    /** @return whether the option must be given */
    public boolean required() {
        return required;
    }

    /** @return whether the option may be given more than once */
    public boolean repeatable() {
        return repeatable;
    }

    /** @return the command-line option, {@code --id} unless {@link #withFlag} said otherwise */
    public String flag() {
        return flag;
    }

    /** @return the value's syntax for help texts */
    public String syntax() {
        return syntax;
    }

    /**
     * @return the value of a text, checked against the range
     * @throws IllegalArgumentException naming the option ({@code --id: ...}) and what is wrong
     */
    public T parse(String text) {
        T v;
        try {
            v = type.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + ": " + e.getMessage(), e);
        }
        if (v instanceof Number n) {
            check(n.doubleValue());
        } else if (v instanceof java.util.List<?> l) {
            for (Object o : l) {
                if (o instanceof Number n) {
                    check(n.doubleValue());
                }
            }
        }
        return v;
    }

    private void check(double x) {
        if (x < minimum) {
            throw new IllegalArgumentException(flag + ": " + OptionType.exact(x) + " is below the smallest value, "
                    + OptionType.exact(minimum));
        }
        if (x > maximum) {
            throw new IllegalArgumentException(flag + ": " + OptionType.exact(x) + " is above the largest value, "
                    + OptionType.exact(maximum));
        }
    }

    /** @return the text of a value, read back as the same value by {@link #parse} */
    public String format(T value) {
        return type.format(value);
    }

    @Override
    public String toString() {
        return flag + " " + syntax;
    }
}
