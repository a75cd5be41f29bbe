package org.mtorworkbench.experiments.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mtorworkbench.experiments.Combination;
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

/** The designs that vary the doses of drugs: a dose-response and a two-drug combination matrix. */
public final class DoseDesigns {

    private DoseDesigns() {
    }

    private static double[] array(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The varied drug, checked against the catalogue. */
    static String drug(DesignRequest r, DesignOption<String> option) {
        String d = r.value(option);
        if (r.drugs().find(d).isEmpty()) {
            throw new IllegalArgumentException("unknown drug '" + d + "'; './mtorwb drugs' lists the catalogue");
        }
        return d;
    }

    /** Service component: one drug's dose-response curve with a Hill fit. */
    public static final class DoseResponseDesign implements ExperimentDesign {

        /** The doses. */
        static final DesignOption<List<Double>> DOSES = DesignOption.of("doses", OptionType.DOSES)
                .withLabel("Doses (nM)").withHelp("the doses in nM").withDefault(List.of(0.1, 1.0, 10.0, 100.0))
                .asRequired();

        @Override
        public String id() {
            return "dose-response";
        }

        @Override
        public String label() {
            return "Dose-response";
        }

        @Override
        public String summary() {
            return "a drug's dose-response curve with a four-parameter Hill fit (IC50, slope)";
        }

        @Override
        public String description() {
            return "Treats the cells with each dose (nM; the untreated control is added) and reads out the\n"
                    + "readout. CSV: run,context,drug,dose_nM,readout,time,value,fitted. Standard error gets the\n"
                    + "Hill fit: IC50 (EC50 for a rising curve) with its 95% interval, slope, top, bottom.";
        }

        @Override
        public List<DesignOption<?>> options() {
            return List.of(DesignOptions.VARIED_DRUG.withHelp("the drug to vary"), DOSES, DesignOptions.READOUTS,
                    DesignOptions.T_END, DesignOptions.STEADY_STATE);
        }

        @Override
        public DesignResult run(DesignRequest r) throws SimulationException {
            String drug = drug(r, DesignOptions.VARIED_DRUG);
            List<DoseResponse.Result> results = DoseResponse.run(r.treatableCells().withBackground(r.doses()),
                    r.contextLabel(), drug, array(r.value(DOSES)), r.readouts(), r.time(), r.runner(), r.progress(),
                    r.cancellation());
            Table table = new Table(results.get(0).table().columns());
            List<String> fits = new ArrayList<>();
            for (DoseResponse.Result res : results) {
                res.table().rows().forEach(row -> table.add(row.toArray()));
                HillFit f = res.fit();
                fits.add(String.format(Locale.ROOT,
                        "%s on %s: %s %.4g nM (95%% CI %.4g-%.4g), Hill slope %.3g, top %.4g, bottom %.4g, rmse %.3g%s",
                        res.drug(), res.readout(), f.top() >= f.bottom() ? "IC50" : "EC50", f.ic50(), f.ic50Low(),
                        f.ic50High(), f.hill(), f.top(), f.bottom(), f.rmse(), f.converged() ? ""
                                : " (fit did not converge)"));
            }
            return new DesignResult(table, fits, results.get(0));
        }

        @Override
        public java.util.Optional<String> whyNoSpecification() {
            return java.util.Optional.empty();
        }

        @Override
        public RunSpecification specification(DesignRequest r) {
            return RunSpecification.doses(List.of(drug(r, DesignOptions.VARIED_DRUG)), List.of(array(r.value(DOSES))));
        }
    }

    /** Service component: every pair of doses of two drugs, with Bliss, Loewe and HSA synergy. */
    public static final class CombinationDesign implements ExperimentDesign {

        /** The first drug. */
        static final DesignOption<String> DRUG_A = DesignOptions.VARIED_DRUG.withLabel("Drug A")
                .withHelp("the first drug to vary (--drug A)");
        /** The second drug, the second {@code --drug} on the command line. */
        static final DesignOption<String> DRUG_B = DesignOption.of("varied-drug-b", OptionType.DRUG)
                .withFlag("--drug").withLabel("Drug B").withHelp("the second drug to vary (--drug B)").asRequired();
        /** The first drug's doses. */
        static final DesignOption<List<Double>> DOSES_A = DesignOption.of("doses-a", OptionType.DOSES)
                .withLabel("Doses A (nM)").withHelp("the first drug's doses in nM").asRequired();
        /** The second drug's doses. */
        static final DesignOption<List<Double>> DOSES_B = DesignOption.of("doses-b", OptionType.DOSES)
                .withLabel("Doses B (nM)").withHelp("the second drug's doses in nM").asRequired();
        /** The synergy model reported first. */
        static final DesignOption<String> SYNERGY = DesignOption.of("synergy", OptionType.choice("bliss", "loewe",
                "hsa")).withLabel("Synergy model").withHelp("the model whose classification is reported first "
                        + "(default bliss)").withDefault("bliss");

        @Override
        public String id() {
            return "combination";
        }

        @Override
        public String label() {
            return "Combination";
        }

        @Override
        public String summary() {
            return "a two-drug combination matrix with Bliss, Loewe and HSA synergy scores";
        }

        @Override
        public String description() {
            return "Treats the cells with every pair of doses (nM; zero doses are added) and reads out the\n"
                    + "readout. Effects are fractional inhibitions relative to the untreated control; each cell's\n"
                    + "excess over Bliss independence, Loewe additivity (from Hill fits of the single agents) and\n"
                    + "the highest single agent is in the CSV: run,context,drug_a,dose_a_nM,drug_b,dose_b_nM,\n"
                    + "readout,time,value,effect,bliss_excess,loewe_excess,hsa_excess. Standard error gets the mean\n"
                    + "excess per model and a classification: synergy above +" + Combination.THRESHOLD
                    + ", antagonism below -" + Combination.THRESHOLD + ", additive between.";
        }

        @Override
        public List<DesignOption<?>> options() {
            return List.of(DRUG_A, DRUG_B, DOSES_A, DOSES_B, SYNERGY, DesignOptions.READOUT, DesignOptions.T_END,
                    DesignOptions.STEADY_STATE);
        }

        private static List<String> drugs(DesignRequest r) {
            String a = drug(r, DRUG_A);
            String b = drug(r, DRUG_B);
            if (a.equals(b)) {
                throw new IllegalArgumentException("name two different drugs with --drug A --drug B");
            }
            return List.of(a, b);
        }

        @Override
        public DesignResult run(DesignRequest r) throws SimulationException {
            List<String> drugs = drugs(r);
            Combination.Model chosen = Combination.Model.valueOf(r.value(SYNERGY).toUpperCase(Locale.ROOT));
            String readout = r.readouts().get(0);
            Combination.Result res = Combination.run(r.treatableCells().withBackground(r.doses()), r.contextLabel(),
                    drugs.get(0), array(r.value(DOSES_A)), drugs.get(1), array(r.value(DOSES_B)), readout, r.time(),
                    r.runner(), r.progress(), r.cancellation());
            List<Combination.Model> order = new ArrayList<>(List.of(chosen));
            for (Combination.Model m : Combination.Model.values()) {
                if (m != chosen) {
                    order.add(m);
                }
            }
            List<String> messages = new ArrayList<>();
            for (Combination.Model m : order) {
                messages.add(String.format(Locale.ROOT, "%s + %s on %s: %s mean excess %+.4f -> %s", res.drugA(),
                        res.drugB(), readout, m.name().toLowerCase(Locale.ROOT), res.score()[m.ordinal()],
                        res.classification(m)));
            }
            return new DesignResult(res.table(), messages, res);
        }

        @Override
        public java.util.Optional<String> whyNoSpecification() {
            return java.util.Optional.empty();
        }

        @Override
        public RunSpecification specification(DesignRequest r) {
            return RunSpecification.doses(drugs(r), List.of(array(r.value(DOSES_A)), array(r.value(DOSES_B))));
        }
    }
}
