package org.mtorworkbench.ui.views.internal;

/** The experiment designs the launcher runs; the result view of a design is reused for its runs. */
public enum Design {
    TIME_COURSE("Time course", "timecourse", "time (min)"),
    DOSE_RESPONSE("Dose-response", "doseresponse", "dose (nM)"),
    COMBINATION("Combination", "combination", "dose of drug A (nM)"),
    SCAN("Parameter scan (1-D)", "scan", "parameter value");

    private final String label;
    private final String secondaryId;
    private final String xLabel;

    Design(String label, String secondaryId, String xLabel) {
        this.label = label;
        this.secondaryId = secondaryId;
        this.xLabel = xLabel;
    }

    /** @return the name shown in the launcher */
    public String label() {
        return label;
    }

    /** @return the secondary id of the design's result view */
    public String secondaryId() {
        return secondaryId;
    }

    /** @return the label of the plot's horizontal axis */
    public String xLabel() {
        return xLabel;
    }

    /** @return the design with this secondary id */
    public static Design bySecondaryId(String id) {
        for (Design d : values()) {
            if (d.secondaryId.equals(id)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no design '" + id + "'");
    }
}
