package org.mtorworkbench.ui.views.internal;

import org.mtorworkbench.ui.views.ResultKinds;

/**
 * The experiment designs the launcher runs. Each gives results of one kind (its id is the
 * kind's id); the result view of the kind is reused for the design's runs.
 */
public enum Design {
    TIME_COURSE("Time course", ResultKinds.TIME_COURSE, "time"),
    STEADY_STATE("Steady state", ResultKinds.STEADY_STATE, "readout"),
    DOSE_RESPONSE("Dose-response", ResultKinds.DOSE_RESPONSE, "dose (nM)"),
    COMBINATION("Combination", ResultKinds.COMBINATION, "dose of drug A (nM)"),
    SCAN("Parameter scan (1-D)", ResultKinds.SCAN, "parameter value"),
    SCAN_2D("Parameter scan (2-D)", ResultKinds.SCAN_2D, "first parameter"),
    SENSITIVITY("Sensitivity", ResultKinds.SENSITIVITY, "parameter");

    private final String label;
    private final String kind;
    private final String xLabel;

    Design(String label, String kind, String xLabel) {
        this.label = label;
        this.kind = kind;
        this.xLabel = xLabel;
    }

    /** @return the name shown in the launcher */
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
        return this == STEADY_STATE || this == SENSITIVITY;
    }

    /** @return the design giving results of this kind, or null for another kind */
    public static Design byKind(String kind) {
        for (Design d : values()) {
            if (d.kind.equals(kind)) {
                return d;
            }
        }
        return null;
    }
}
