package org.mtorworkbench.experiments.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mtorworkbench.experiments.Cells;
import org.mtorworkbench.experiments.Population;
import org.mtorworkbench.experiments.ResponderRule;
import org.mtorworkbench.experiments.Table;
import org.mtorworkbench.experiments.extension.DesignOption;
import org.mtorworkbench.experiments.extension.DesignOptions;
import org.mtorworkbench.experiments.extension.DesignRequest;
import org.mtorworkbench.experiments.extension.DesignResult;
import org.mtorworkbench.experiments.extension.ExperimentDesign;
import org.mtorworkbench.experiments.extension.OptionType;
import org.mtorworkbench.sbml.NumberText;
import org.mtorworkbench.simulation.SimulationException;

/** Service component: a virtual population treated and read out member by member. */
public final class PopulationDesign implements ExperimentDesign {

    static final DesignOption<Integer> SIZE = DesignOption.of("size", OptionType.INTEGER).withLabel("Members")
            .withHelp("the number of members").withMinimum(1).asRequired();
    static final DesignOption<Integer> SEED = DesignOption.of("seed", OptionType.INTEGER).withLabel("Seed")
            .withHelp("the seed of the sampling (default 1)").withDefault(1);
    static final DesignOption<String> VARY = DesignOption.of("vary", OptionType.TEXT).withLabel("Vary (ID=CV)")
            .withSyntax("ID=CV,...").withHelp("vary a species or parameter with this CV (repeatable)").asRepeatable();
    static final DesignOption<String> RESPONDER = DesignOption.of("responder", OptionType.TEXT)
            .withLabel("Responder rule").withSyntax("EXPR")
            .withHelp("who responds, e.g. 'fold >= 1.2' (the default)").withDefault(ResponderRule.DEFAULT);
    /** The id in {@code --vary} that sets the CV of every protein total. */
    static final String PROTEINS = "proteins";
    /** How many biomarker candidates the summary lists. */
    static final int BIOMARKERS = 5;

    @Override
    public String id() {
        return "population";
    }

    @Override
    public String label() {
        return "Population";
    }

    @Override
    public String summary() {
        return "a virtual population with varied protein levels: responder fraction, fold-change spread, biomarkers";
    }

    @Override
    public String description() {
        return "Samples --size N virtual cells whose protein totals (the initial values of the proteins'\n"
                + "unmodified forms: species with a protein SBO term and a positive initial value) vary\n"
                + "log-normally with mean factor 1 and CV " + Population.DEFAULT_CV + " (Sigal et al. 2006, Nature 444:643:\n"
                + "15-30% for 20 endogenous proteins in human cells); --vary ID=CV varies a species or constant\n"
                + "parameter too (or with another CV; CV 0 keeps it fixed), --vary proteins=CV sets the CV of\n"
                + "every protein total. Each member is pre-equilibrated, then read out untreated and after the\n"
                + "treatment (--drug ID=nM ...). A responder satisfies --responder EXPR, a condition of fold\n"
                + "(treated / untreated), treated and untreated (default '" + ResponderRule.DEFAULT + "').\n"
                + "Table: member, the sampled values, readout, time, untreated, treated, fold, responder (1/0).\n"
                + "Standard error: 'responders: <fraction> (95% CI low-high ...)' (Wilson score interval), the\n"
                + "fold change's percentiles, and the varied quantities whose ranks best separate responders\n"
                + "(Spearman rank correlation) as biomarker candidates. --seed S (default 1) makes it reproducible.";
    }

    @Override
    public List<DesignOption<?>> options() {
        return List.of(SIZE, SEED, VARY, RESPONDER, DesignOptions.READOUT, DesignOptions.T_END,
                DesignOptions.STEADY_STATE);
    }

    @Override
    public DesignResult run(DesignRequest r) throws SimulationException {
        int size = r.value(SIZE);
        long seed = r.value(SEED);
        ResponderRule rule = ResponderRule.parse(r.value(RESPONDER));
        Map<String, Double> cvs = new LinkedHashMap<>();
        for (String given : r.values(VARY)) {
            for (String spec : given.split(",")) {
                int eq = spec.indexOf('=');
                double cv;
                try {
                    cv = eq <= 0 ? Double.NaN : NumberText.parse(spec.substring(eq + 1));
                } catch (NumberFormatException e) {
                    cv = Double.NaN;
                }
                if (!(cv >= 0) || !Double.isFinite(cv)) {
                    throw new IllegalArgumentException("--vary needs ID=CV with a CV >= 0, not '" + spec.strip() + "'");
                }
                cvs.put(spec.substring(0, eq).strip(), cv);
            }
        }
        double proteinCv = cvs.getOrDefault(PROTEINS, Population.DEFAULT_CV);
        cvs.remove(PROTEINS);
        Map<String, Population.Variation> varied = new LinkedHashMap<>();
        if (proteinCv > 0) {
            for (Population.Variation v : Population.proteinTotals(r.model(), r.cells(), proteinCv)) {
                varied.put(v.id(), v);
            }
        }
        for (Map.Entry<String, Double> e : cvs.entrySet()) {
            if (e.getValue() == 0) {
                varied.remove(e.getKey());
            } else {
                varied.put(e.getKey(), Population.named(r.model(), r.cells(), e.getKey(), e.getValue()));
            }
        }
        if (varied.isEmpty()) {
            throw new IllegalArgumentException("nothing varies: the model has no protein totals to vary and no --vary"
                    + " ID=CV was given");
        }
        List<Population.Variation> list = new ArrayList<>(varied.values());
        Cells cells = r.cells(r.cells());
        Population.Result result = Population.run(cells, cells.withTreatmentChanges(r.treatment()), r.doses(), list,
                Population.sample(list, size, seed), r.readouts().get(0), r.time(), rule, r.runner(), r.progress(),
                r.cancellation());
        Table t = Population.table(result, r.readouts().get(0), r.time());
        return new DesignResult(t, Population.summary(result, BIOMARKERS), result);
    }
}
