package org.mtorworkbench.examples.bisteric;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.mtorworkbench.experiments.DoseResponse;
import org.mtorworkbench.experiments.HillFit;
import org.mtorworkbench.experiments.Table;
import org.mtorworkbench.experiments.extension.DesignOption;
import org.mtorworkbench.experiments.extension.DesignOptions;
import org.mtorworkbench.experiments.extension.DesignRequest;
import org.mtorworkbench.experiments.extension.DesignResult;
import org.mtorworkbench.experiments.extension.ExperimentDesign;
import org.mtorworkbench.experiments.extension.OptionType;
import org.mtorworkbench.experiments.extension.RunSpecification;
import org.mtorworkbench.simulation.SimulationException;

/**
 * Adds an experiment design: a drug's selectivity between readouts, the IC50 of its
 * dose-response on each readout and the ratio to the first's (for the bi-steric inhibitor,
 * pS6K1 against pAkt_S473: mTORC1 against mTORC2). Registered as a service, it becomes the
 * command {@code ./mtorwb selectivity}, a design of the workbench's Experiment Launcher with a
 * form of its options, and, since its runs are a drug's doses, a design saved as SED-ML.
 */
public final class IC50Selectivity implements ExperimentDesign {

    /** The design's id. */
    public static final String ID = "selectivity";

    /** The doses, nM. */
    static final DesignOption<List<Double>> DOSES = DesignOption.of("doses", OptionType.DOSES).withLabel("Doses (nM)")
            .withHelp("the doses in nM (LOW:HIGH:N for N doses on a log scale)")
            .withDefault(List.of(0.1, 1.0, 10.0, 100.0, 1000.0)).asRequired();

    /** The fold change of IC50s above which a readout counts as spared. */
    static final DesignOption<Double> SPARED = DesignOption.of("spared-above", OptionType.NUMBER)
            .withLabel("Spared above (fold)").withHelp("an IC50 this many times the first readout's counts as spared "
                    + "(default 10)").withDefault(10.0).withMinimum(1);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "IC50 selectivity (example)";
    }

    @Override
    public String summary() {
        return "a drug's IC50 on each readout and the fold to the first readout's: which does it spare?";
    }

    @Override
    public String description() {
        return "Runs the drug's dose-response (--drug ID, --doses LIST) on every readout (--readout, repeatable)\n"
                + "and fits a Hill curve to each. Table: drug, readout, ic50_nM, ic50_low, ic50_high, hill,\n"
                + "fold_vs_first (the IC50 over the first readout's), spared (fold above --spared-above, or no IC50).";
    }

    @Override
    public List<DesignOption<?>> options() {
        return List.of(DesignOptions.VARIED_DRUG, DOSES, SPARED, DesignOptions.READOUTS, DesignOptions.T_END,
                DesignOptions.STEADY_STATE);
    }

    private static double[] doses(DesignRequest r) {
        return r.value(DOSES).stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String drug(DesignRequest r) {
        String drug = r.value(DesignOptions.VARIED_DRUG);
        if (r.drugs().find(drug).isEmpty()) {
            throw new IllegalArgumentException("unknown drug '" + drug + "'; './mtorwb drugs' lists the catalogue");
        }
        return drug;
    }

    @Override
    public DesignResult run(DesignRequest r) throws SimulationException {
        String drug = drug(r);
        List<DoseResponse.Result> curves = DoseResponse.run(r.treatableCells().withBackground(r.doses()),
                r.contextLabel(), drug, doses(r), r.readouts(), r.time(), r.runner(), r.progress(), r.cancellation());
        Table table = new Table(List.of("drug", "readout", "ic50_nM", "ic50_low", "ic50_high", "hill", "fold_vs_first",
                "spared"));
        double first = curves.get(0).fit().ic50();
        double spared = r.value(SPARED);
        StringBuilder words = new StringBuilder(drug + ":");
        for (DoseResponse.Result c : curves) {
            HillFit f = c.fit();
            double fold = f.ic50() / first;
            table.add(drug, c.readout(), f.ic50(), f.ic50Low(), f.ic50High(), f.hill(), fold, !(fold <= spared));
            words.append(String.format(Locale.ROOT, " %s IC50 %.4g nM (x%.3g)", c.readout(), f.ic50(), fold));
        }
        return new DesignResult(table, List.of(words.toString()), null);
    }

    @Override
    public Optional<String> whyNoSpecification() {
        return Optional.empty();
    }

    @Override
    public RunSpecification specification(DesignRequest r) {
        return RunSpecification.doses(List.of(drug(r)), List.of(doses(r)));
    }
}
