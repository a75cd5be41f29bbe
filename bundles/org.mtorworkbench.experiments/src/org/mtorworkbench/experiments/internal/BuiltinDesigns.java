package org.mtorworkbench.experiments.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mtorworkbench.experiments.BatchRunner;
import org.mtorworkbench.experiments.Cells;
import org.mtorworkbench.experiments.ContextPanel;
import org.mtorworkbench.experiments.RunBatch;
import org.mtorworkbench.experiments.Table;
import org.mtorworkbench.experiments.extension.DesignOption;
import org.mtorworkbench.experiments.extension.DesignOptions;
import org.mtorworkbench.experiments.extension.DesignRequest;
import org.mtorworkbench.experiments.extension.DesignResult;
import org.mtorworkbench.experiments.extension.ExperimentDesign;
import org.mtorworkbench.experiments.extension.OptionType;
import org.mtorworkbench.network.CellContext;
import org.mtorworkbench.network.CellContexts;
import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.network.extension.Contributions;
import org.mtorworkbench.simulation.SimulationException;

/** The experiment designs the product contributes as services, like anyone else's. */
public final class BuiltinDesigns {

    /** The product's designs contributed through the service, for use outside OSGi, in the order forms list them. */
    public static final List<ExperimentDesign> ALL = List.of(new SingleRunDesigns.TimeCourseDesign(),
            new SingleRunDesigns.SteadyStateDesign(), new DoseDesigns.DoseResponseDesign(),
            new DoseDesigns.CombinationDesign(), new SamplingDesigns.ScanDesign(),
            new SamplingDesigns.SensitivityDesign(), new ContextPanelDesign(), new KnockoutScreen(),
            new PopulationDesign());

    private BuiltinDesigns() {
    }

    /** Service component: one treatment across every cell context. */
    public static final class ContextPanelDesign implements ExperimentDesign {
        @Override
        public String id() {
            return "context-panel";
        }

        @Override
        public String label() {
            return "Context panel";
        }

        @Override
        public List<DesignOption<?>> options() {
            return List.of(DesignOptions.READOUTS, DesignOptions.T_END, DesignOptions.STEADY_STATE);
        }

        @Override
        public String summary() {
            return "the same treatment in every cell context: untreated, treated and fold change";
        }

        @Override
        public String description() {
            return "Runs the treatment (--drug ID=nM ...) in each cell context of the catalogue ('./mtorwb contexts'),\n"
                    + "the contexts of installed bundles included. Knockouts and --set values apply in every\n"
                    + "context; --context is not used. Table: context, drugs, readout, time, untreated, treated,\n"
                    + "fold_change (treated / untreated).";
        }

        @Override
        public DesignResult run(DesignRequest r) throws SimulationException {
            List<CellContext> panel = new ArrayList<>();
            for (CellContext c : Contributions.contexts().contexts()) {
                panel.add(new CellContext(c.id(), c.name(), c.description(), c.reviewSection(),
                        r.cells().and(c.changes())));
            }
            return DesignResult.of(ContextPanel.run(r.model(), CellContexts.of(panel), r.drugs(), r.solverOptions(),
                    r.doses(), r.treatment(), r.readouts(), r.time(), r.runner(), r.progress(), r.cancellation()));
        }
    }

    /** Service component: every species knocked out in turn, untreated and treated. */
    public static final class KnockoutScreen implements ExperimentDesign {
        private static final DesignOption<List<String>> SPECIES = DesignOption.of("species", OptionType.MODEL_IDS)
                .withLabel("Species").withHelp("the species to knock out, constant ones included (default: every "
                        + "species the model integrates)");

        @Override
        public String label() {
            return "Knockout screen";
        }

        @Override
        public String id() {
            return "knockout-screen";
        }

        @Override
        public String summary() {
            return "knock out each species in turn: which losses change the readout or the drug response";
        }

        @Override
        public String description() {
            return "For the wild type and for each species knocked out (held at zero before and after\n"
                    + "treatment), brings the cells to steady state, then reads out untreated and treated\n"
                    + "(--drug ID=nM ...). Table: knockout (none for the wild type), drugs, readout, time,\n"
                    + "untreated, treated, fold_change (treated / untreated) and vs_wild_type (treated / treated\n"
                    + "wild type): a knockout with fold_change near 1 where the wild type responds confers\n"
                    + "resistance in the model.";
        }

        @Override
        public List<DesignOption<?>> options() {
            return List.of(SPECIES, DesignOptions.READOUTS, DesignOptions.T_END, DesignOptions.STEADY_STATE);
        }

        @Override
        public DesignResult run(DesignRequest r) throws SimulationException {
            List<String> species = new ArrayList<>();
            List<String> given = r.value(SPECIES);
            if (given != null) {
                Set<String> seen = new LinkedHashSet<>();
                for (String id : given) {
                    if (!r.model().stateSpecies().contains(id) && !r.model().compiled().speciesIds().contains(id)) {
                        throw new IllegalArgumentException("--species: '" + id + "' is not a species of model '"
                                + r.model().compiled().modelId() + "'");
                    }
                    seen.add(id);
                }
                species.addAll(seen);
            } else {
                species.addAll(r.model().stateSpecies());
            }
            List<String> rows = new ArrayList<>();
            rows.add(null);
            rows.addAll(species);
            // each knockout's cells, read out untreated and treated (as Cells.treat of those cells computes)
            Cells base = r.cells(r.cells());
            List<ModelChanges> arms = List.of(base.treatment(Map.of()),
                    base.withTreatmentChanges(r.treatment()).treatment(r.doses()));
            List<RunBatch.Point> points = new ArrayList<>();
            for (String ko : rows) {
                points.add(RunBatch.Point.of(ko == null ? ModelChanges.NONE : ModelChanges.knockout(ko), arms));
            }
            int n = r.readouts().size();
            List<double[]> v = r.runner().run(new RunBatch(r.model(), r.cells(), r.readouts(), r.time(),
                    r.solverOptions(), points), r.progress(), r.cancellation());
            Table t = new Table(List.of("knockout", "drugs", "readout", "time", "untreated", "treated", "fold_change",
                    "vs_wild_type"));
            String drugs = SingleRunDesigns.doses(r.doses());
            for (int i = 0; i < rows.size(); i++) {
                for (int q = 0; q < r.readouts().size(); q++) {
                    double u = v.get(i)[q];
                    double tr = v.get(i)[n + q];
                    double wt = v.get(0)[n + q];
                    t.add(rows.get(i) == null ? "none" : rows.get(i), drugs, r.readouts().get(q), r.time().label(), u,
                            tr, u == 0 ? Double.NaN : tr / u, wt == 0 ? Double.NaN : tr / wt);
                }
            }
            return DesignResult.of(t);
        }
    }
}
