package org.mtorworkbench.calibration;

/** The scale on which a parameter is estimated (PEtab {@code parameterScale}). */
public enum ParameterScale {
    LIN("lin"), LOG("log"), LOG10("log10");

    private final String id;

    ParameterScale(String id) {
        this.id = id;
    }

    /** @return the PEtab name: lin, log or log10 */
    public String id() {
        return id;
    }

    /** @return the value on this scale of a linear value */
    public double toScale(double linear) {
        return switch (this) {
        case LIN -> linear;
        case LOG -> Math.log(linear);
        case LOG10 -> Math.log10(linear);
        };
    }

    /** @return the linear value of a value on this scale */
    public double fromScale(double scaled) {
        return switch (this) {
        case LIN -> scaled;
        case LOG -> Math.exp(scaled);
        case LOG10 -> Math.pow(10, scaled);
        };
    }

    /** @return the scale of a PEtab name ("" is lin), or null if unknown */
    public static ParameterScale of(String id) {
        if (id.isEmpty()) {
            return LIN;
        }
        for (ParameterScale s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        return null;
    }
}
