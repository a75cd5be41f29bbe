package org.mtorworkbench.ui.views.internal;

import java.util.List;

import org.mtorworkbench.experiments.SavedDesign;

/**
 * The welcome page's example experiments on {@code builtin:mtor}, each one click: the review's
 * story as the {@code demo} command tells it (rapamycin's feedback on Akt, the three classes of
 * mTOR inhibitor, rapamycin with a MEK inhibitor), as saved designs the launcher runs.
 */
final class Examples {

    /**
     * An example.
     *
     * @param title its name on the page
     * @param text what it shows, a sentence or two
     * @param kind the kind of result it gives
     * @param runs the designs run, in order (their results overlay in one view)
     */
    record Example(String title, String text, ResultKind kind, List<SavedDesign> runs) {
        Example {
            runs = List.copyOf(runs);
        }
    }

    /** The doses of the dose-responses, nM: 13 from 0.01 to 10^4, evenly on a log scale. */
    static final String DOSES = "0.01:10000:13";

    static final List<Example> ALL = List.of(
            new Example("Rapamycin releases Akt",
                    "A day of rapamycin (10 nM) beside untreated cells: pS6K1 falls at once, and with S6K1 no longer "
                            + "inhibiting IRS-1, Akt phosphorylation (pAkt_S473) rises over hours: the feedback the "
                            + "review holds responsible for the rapalogs' modest effect.",
                    ResultKind.TIME_COURSE, List.of(timeCourse(null), timeCourse("rapamycin=10"))),
            new Example("Three classes of mTOR inhibitor",
                    "Dose-responses of p4EBP1 at 24 h to rapamycin (a rapalog, allosteric mTORC1), AZD8055 (an "
                            + "ATP-competitive mTOR kinase inhibitor) and BEZ235 (a dual PI3K/mTOR inhibitor), each "
                            + "with its Hill fit and IC50.",
                    ResultKind.DOSE_RESPONSE, List.of(doseResponse("rapamycin"), doseResponse("azd8055"),
                            doseResponse("bez235"))),
            new Example("Rapamycin with a MEK inhibitor",
                    "A 5 x 6 matrix of rapamycin and PD0325901 on proliferation at 24 h, and per cell the excess "
                            + "over Bliss independence (press Synergy in the result view): blocking the Erk arm "
                            + "the feedback also lifts.",
                    ResultKind.COMBINATION, List.of(combination())));

    private Examples() {
    }

    private static SavedDesign wildType(SavedDesign d) {
        return d.withPerturbation("context", "wildtype");
    }

    private static SavedDesign timeCourse(String drug) {
        SavedDesign d = SavedDesign.of("time-course").with("readout", List.of("pS6K1", "pAkt_S473"))
                .with("t-end", List.of("1440")).with("points", List.of("200"));
        return wildType(drug == null ? d : d.withPerturbation("drug", drug));
    }

    private static SavedDesign doseResponse(String drug) {
        return wildType(SavedDesign.of("dose-response").with("varied-drug", List.of(drug))
                .with("doses", List.of(DOSES)).with("readout", List.of("p4EBP1")).with("t-end", List.of("1440")));
    }

    private static SavedDesign combination() {
        return wildType(SavedDesign.of("combination").with("varied-drug", List.of("rapamycin"))
                .with("varied-drug-b", List.of("pd0325901")).with("doses-a", List.of("0.01,0.1,1,10,100"))
                .with("doses-b", List.of("1,3,10,30,100,300")).with("synergy", List.of("bliss"))
                .with("readout", List.of("proliferation")).with("t-end", List.of("1440")));
    }
}
