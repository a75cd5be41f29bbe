package org.mtorworkbench.ui.views;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The ids of the kinds of experiment result the workbench's designs give. A contribution to
 * the {@value ResultViews#EXTENSION_POINT} extension point names the kinds its view shows:
 * these, or kinds of its own (letters, digits, '.', '_', '-').
 *
 * @since 0.1
 */
public final class ResultKinds {

    /** Readouts over time. */
    public static final String TIME_COURSE = "timecourse";
    /** Readouts at the steady state, untreated and treated. */
    public static final String STEADY_STATE = "steadystate";
    /** A readout against the dose of one drug, with a Hill fit. */
    public static final String DOSE_RESPONSE = "doseresponse";
    /** A readout over a matrix of doses of two drugs, with synergy scores. */
    public static final String COMBINATION = "combination";
    /** Readouts against the values of one parameter. */
    public static final String SCAN = "scan";
    /** Readouts over a grid of two parameters. */
    public static final String SCAN_2D = "scan2d";
    /** Sensitivities of readouts to parameters (local coefficients or Morris mu*). */
    public static final String SENSITIVITY = "sensitivity";

    /**
     * A virtual population: a histogram of the members' fold changes and bars of the biomarker
     * candidates' rank correlations.
     *
     * @since 0.2
     */
    public static final String POPULATION = "population";

    /** A design's table with bars of its numeric columns (a context panel, a knockout screen, another bundle's design). */
    public static final String TABLE = "table";

    /** The kinds of the workbench's own designs. */
    public static final List<String> BUILTIN = List.of(TIME_COURSE, STEADY_STATE, DOSE_RESPONSE, COMBINATION, SCAN,
            SCAN_2D, SENSITIVITY, POPULATION, TABLE);

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+");

    private ResultKinds() {
    }

    /** @return whether a string may be a kind id */
    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
