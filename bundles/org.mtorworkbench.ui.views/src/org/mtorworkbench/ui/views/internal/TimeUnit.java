package org.mtorworkbench.ui.views.internal;

/**
 * The unit in which the launcher asks for times and plots show them. Models and result
 * tables keep minutes, the unit of the experiments API and the command line.
 */
public enum TimeUnit {
    SECONDS("s", "seconds", 1.0 / 60),
    MINUTES("min", "minutes", 1),
    HOURS("h", "hours", 60);

    private final String symbol;
    private final String word;
    private final double minutes;

    TimeUnit(String symbol, String word, double minutes) {
        this.symbol = symbol;
        this.word = word;
        this.minutes = minutes;
    }

    /** @return the unit's symbol for labels: s, min, h */
    public String symbol() {
        return symbol;
    }

    /** @return the unit's name in the preferences */
    public String word() {
        return word;
    }

    /** @return a time in this unit, in minutes */
    public double toMinutes(double value) {
        return value * minutes;
    }

    /** @return a time in minutes, in this unit */
    public double fromMinutes(double value) {
        return value / minutes;
    }
}
