package org.mtorworkbench.experiments.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mtorworkbench.experiments.Scan;
import org.mtorworkbench.experiments.Sensitivity;
import org.mtorworkbench.experiments.Table;
import org.mtorworkbench.experiments.extension.DesignOption;
import org.mtorworkbench.experiments.extension.DesignOptions;
import org.mtorworkbench.experiments.extension.DesignRequest;
import org.mtorworkbench.experiments.extension.DesignResult;
import org.mtorworkbench.experiments.extension.ExperimentDesign;
import org.mtorworkbench.experiments.extension.OptionType;
import org.mtorworkbench.experiments.extension.RunSpecification;
import org.mtorworkbench.simulation.SimulationException;

/** The designs that vary parameters: scans and sensitivity analyses. */
public final class SamplingDesigns {

    /** A random seed. */
    static final DesignOption<Integer> SEED = DesignOption.of("seed", OptionType.INTEGER).withLabel("Seed")
            .withHelp("the random seed (default 1)").withDefault(1);

    private SamplingDesigns() {
    }

    /** Service component: a grid or Latin-hypercube sample of parameters or initial values. */
    public static final class ScanDesign implements ExperimentDesign {

        /** An axis. */
        static final DesignOption<Scan.Axis> PARAM = DesignOption.of("param", OptionType.AXIS)
                .withLabel("Scan axes").withHelp("an axis ID=FROM:TO:N[:log] (repeatable)").asRepeatable();
        /** A point of its own. */
        static final DesignOption<String> POINT = DesignOption.of("point", OptionType.TEXT).withLabel("Points")
                .withSyntax("ID=V,ID=V...").withHelp("a point of its own, instead of --param axes (repeatable)")
                .asRepeatable();
        /** Latin-hypercube samples instead of the grid. */
        static final DesignOption<Integer> SAMPLES = DesignOption.of("samples", OptionType.INTEGER)
                .withLabel("Samples").withHelp("N Latin-hypercube points of the axes' ranges instead of the grid "
                        + "(default 0: the grid)").withDefault(0).withMinimum(0);

        @Override
        public String id() {
            return "scan";
        }

        @Override
        public String label() {
            return "Parameter scan";
        }

        @Override
        public String summary() {
            return "scan parameters or initial values on a grid or a Latin-hypercube sample";
        }

        @Override
        public String description() {
            return "Runs the cells at every point of the grid spanned by the --param axes (1-D, 2-D, N-D; linear,\n"
                    + "or log with ':log'), or, with --samples N, at N Latin-hypercube points of the same ranges\n"
                    + "(--seed S, default 1, makes it reproducible). Each point's values change the cells before\n"
                    + "pre-equilibration. CSV: run,context,<ids>,drugs,readout,time,value.";
        }

        @Override
        public List<DesignOption<?>> options() {
            return List.of(PARAM, POINT, SAMPLES, SEED, DesignOptions.READOUTS, DesignOptions.T_END,
                    DesignOptions.STEADY_STATE);
        }

        private static List<Scan.Axis> axes(DesignRequest r) {
            List<Scan.Axis> axes = r.values(PARAM);
            for (Scan.Axis a : axes) {
                if (!r.model().compiled().hasId(a.id())) {
                    throw new IllegalArgumentException("--param: model has no id '" + a.id() + "'");
                }
            }
            return axes;
        }

        private static List<Map<String, Double>> points(DesignRequest r) {
            List<String> given = r.values(POINT);
            if (!given.isEmpty()) {
                if (!r.values(PARAM).isEmpty()) {
                    throw new IllegalArgumentException("give --param axes or --point values, not both");
                }
                return given.stream().map(p -> point(r, p)).toList();
            }
            List<Scan.Axis> axes = axes(r);
            if (axes.isEmpty()) {
                throw new IllegalArgumentException("give at least one --param ID=FROM:TO:N[:log]");
            }
            int samples = r.value(SAMPLES);
            return samples > 0 ? Scan.latinHypercube(axes, samples, r.value(SEED)) : Scan.grid(axes);
        }

        private static Map<String, Double> point(DesignRequest r, String text) {
            Map<String, Double> p = new LinkedHashMap<>();
            for (String part : text.split(",")) {
                int eq = part.indexOf('=');
                String id = eq < 0 ? "" : part.substring(0, eq).strip();
                if (id.isEmpty()) {
                    throw new IllegalArgumentException("--point: '" + text + "' is not ID=V,ID=V...");
                }
                if (!r.model().compiled().hasId(id)) {
                    throw new IllegalArgumentException("--point: model has no id '" + id + "'");
                }
                p.put(id, OptionType.NUMBER.parse(part.substring(eq + 1)));
            }
            return p;
        }

        @Override
        public DesignResult run(DesignRequest r) throws SimulationException {
            List<Map<String, Double>> points = points(r);
            Table t = Scan.run(r.treatableCells(), r.contextLabel(), points, r.doses(), r.readouts(), r.time(),
                    r.runner(), r.progress(), r.cancellation());
            boolean grid = r.value(SAMPLES) == 0 && r.values(POINT).isEmpty();
            return new DesignResult(t, List.of(points.size() + " runs on " + r.runner().describe()),
                    grid ? new Scan.Grid(axes(r)) : null);
        }

        @Override
        public java.util.Optional<String> whyNoSpecification() {
            return java.util.Optional.empty();
        }

        @Override
        public RunSpecification specification(DesignRequest r) {
            return RunSpecification.points(points(r));
        }
    }

    /** Service component: local coefficients, Morris screening or Sobol indices of the readouts. */
    public static final class SensitivityDesign implements ExperimentDesign {

        /** The method. */
        static final DesignOption<String> METHOD = DesignOption.of("method", OptionType.choice("local", "morris",
                "sobol")).withLabel("Method").withHelp("local coefficients (default), Morris screening or Sobol "
                        + "indices").withDefault("local");
        /** The parameters varied. */
        static final DesignOption<List<String>> PARAMS = DesignOption.of("params", OptionType.MODEL_IDS)
                .withLabel("Parameters").withSyntax("LIST").withHelp("the parameters to vary (comma-separated ids; "
                        + "default: every constant, non-zero global parameter)");
        /** Morris trajectories. */
        static final DesignOption<Integer> TRAJECTORIES = DesignOption.of("trajectories", OptionType.INTEGER)
                .withLabel("Trajectories").withHelp("Morris trajectories (default 10)").withDefault(10).withMinimum(2);
        /** Sobol base samples. */
        static final DesignOption<Integer> SAMPLES = DesignOption.of("samples", OptionType.INTEGER)
                .withLabel("Samples").withHelp("Sobol base points (default 64)").withDefault(64).withMinimum(2);

        @Override
        public String id() {
            return "sensitivity";
        }

        @Override
        public String label() {
            return "Sensitivity";
        }

        @Override
        public String summary() {
            return "sensitivity of a readout to parameters (local coefficients, Morris screening, Sobol indices)";
        }

        @Override
        public String description() {
            return "Varies every global parameter that is constant and non-zero (or those of --params LIST).\n"
                    + "'local' (default): scaled control coefficients (dR/R)/(dp/p) by central differences of +-1%;\n"
                    + "CSV parameter,value,readout,time,readout_value,coefficient. 'morris': elementary effects over\n"
                    + "[p/2, 2p] (log scale, 4 levels, --trajectories N default 10); CSV\n"
                    + "parameter,value,readout,time,mu_star,sigma,trajectories. 'sobol': first-order and total\n"
                    + "variance-based indices with every parameter log-uniform over [p/2, 2p], Saltelli sampling\n"
                    + "(--samples N base points, default 64: N (k + 2) runs for k parameters) and 95% bootstrap\n"
                    + "intervals (200 resamples); CSV parameter,value,readout,time,first_order,first_order_low,\n"
                    + "first_order_high,total,total_low,total_high,samples. --seed S (default 1) makes Morris\n"
                    + "trajectories and Sobol bootstraps reproducible.";
        }

        @Override
        public List<DesignOption<?>> options() {
            return List.of(METHOD, PARAMS, TRAJECTORIES, SAMPLES, SEED, DesignOptions.READOUTS, DesignOptions.T_END,
                    DesignOptions.STEADY_STATE);
        }

        /** @return the parameters varied, with their values */
        static Map<String, Double> parameters(DesignRequest r) {
            Map<String, Double> all = r.model().constantParameters();
            Map<String, Double> params = all;
            List<String> chosen = r.value(PARAMS);
            if (chosen != null) {
                if (chosen.isEmpty()) {
                    throw new IllegalArgumentException("--params needs at least one parameter id");
                }
                params = new LinkedHashMap<>();
                for (String id : chosen) {
                    Double v = all.get(id);
                    if (v == null) {
                        throw new IllegalArgumentException("--params: '" + id + "' is not a constant, non-zero global "
                                + "parameter of the model");
                    }
                    params.put(id, v);
                }
            }
            if (params.isEmpty()) {
                throw new IllegalArgumentException("the model has no constant, non-zero global parameter to vary");
            }
            return params;
        }

        @Override
        public DesignResult run(DesignRequest r) throws SimulationException {
            Map<String, Double> params = parameters(r);
            Table t = switch (r.value(METHOD)) {
                case "morris" -> Sensitivity.morris(r.treatableCells(), params, r.doses(), r.readouts(), r.time(),
                        r.value(TRAJECTORIES), r.value(SEED), r.runner(), r.progress(), r.cancellation());
                case "sobol" -> Sensitivity.sobol(r.treatableCells(), params, r.doses(), r.readouts(), r.time(),
                        r.value(SAMPLES), 200, r.value(SEED), r.runner(), r.progress(), r.cancellation());
                default -> Sensitivity.local(r.treatableCells(), params, r.doses(), r.readouts(), r.time(), r.runner(),
                        r.progress(), r.cancellation());
            };
            return new DesignResult(t, List.of(), List.copyOf(params.keySet()));
        }

        @Override
        public java.util.Optional<String> whyNoSpecification() {
            return java.util.Optional.of("a sensitivity analysis cannot be saved as SED-ML: SED-ML L1V3 cannot "
                    + "express a sensitivity analysis (its coefficients and indices compare runs, which SED-ML data generators cannot); save a scan "
                    + "of the parameters instead");
        }
    }
}
