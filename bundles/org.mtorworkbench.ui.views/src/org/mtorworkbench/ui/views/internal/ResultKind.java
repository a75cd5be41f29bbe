package org.mtorworkbench.ui.views.internal;

import org.mtorworkbench.ui.views.ResultKinds;

/**
 * The kinds of result the views draw: readouts over time, bars of steady states, a
 * dose-response curve, heatmaps... Each is a result kind of {@link ResultKinds} (its id is
 * the secondary id of the result view that shows it); a design's result is shown as the kind
 * its table and detail have (see {@link Presentations}), whichever design gave it.
 */
public enum ResultKind {
    TIME_COURSE("Time course", ResultKinds.TIME_COURSE, "time"),
    STEADY_STATE("Steady state", ResultKinds.STEADY_STATE, "readout"),
    DOSE_RESPONSE("Dose-response", ResultKinds.DOSE_RESPONSE, "dose (nM)"),
    COMBINATION("Combination", ResultKinds.COMBINATION, "dose of drug A (nM)"),
    SCAN("Parameter scan (1-D)", ResultKinds.SCAN, "parameter value"),
    SCAN_2D("Parameter scan (2-D)", ResultKinds.SCAN_2D, "first parameter"),
    SENSITIVITY("Sensitivity", ResultKinds.SENSITIVITY, "parameter"),
    POPULATION("Population", ResultKinds.POPULATION, "fold change (treated / untreated)"),
    TABLE("Results", ResultKinds.TABLE, "row");

    private final String label;
    private final String kind;
    private final String xLabel;

    ResultKind(String label, String kind, String xLabel) {
        this.label = label;
        this.kind = kind;
        this.xLabel = xLabel;
    }

    /** @return the name of the view and its plots' titles */
    public String label() {
        return label;
    }

    /** @return the id of the kind of result the design gives (also the secondary id of its result view) */
    public String secondaryId() {
        return kind;
    }

    /** @return the label of the plot's horizontal axis */
    public String xLabel() {
        return xLabel;
    }

    /** @return whether results are drawn as heatmaps */
    public boolean heatmap() {
        return this == COMBINATION || this == SCAN_2D;
    }

    /** @return whether results are drawn as bar charts */
    public boolean bars() {
        return this == STEADY_STATE || this == SENSITIVITY || this == TABLE;
    }

    /** @return the kind with this id, or null for another kind */
    public static ResultKind byKind(String kind) {
        for (ResultKind d : values()) {
            if (d.kind.equals(kind)) {
                return d;
            }
        }
        return null;
    }
}
