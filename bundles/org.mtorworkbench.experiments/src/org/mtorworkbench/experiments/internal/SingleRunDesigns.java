package org.mtorworkbench.experiments.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mtorworkbench.experiments.Cells;
import org.mtorworkbench.experiments.Table;
import org.mtorworkbench.experiments.extension.DesignOption;
import org.mtorworkbench.experiments.extension.DesignOptions;
import org.mtorworkbench.experiments.extension.DesignRequest;
import org.mtorworkbench.experiments.extension.DesignResult;
import org.mtorworkbench.experiments.extension.ExperimentDesign;
import org.mtorworkbench.experiments.extension.OptionType;
import org.mtorworkbench.experiments.extension.RunSpecification;
import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SteadyState;
import org.mtorworkbench.simulation.TimeCourse;

/** The designs of one run: a time course and a steady state of the treated cells. */
public final class SingleRunDesigns {

    private SingleRunDesigns() {
    }

    /** The dose of each drug, in words: {@code rapamycin 10 nM + u0126 500 nM}, or {@code none}. */
    static String doses(Map<String, Double> doses) {
        return doses.isEmpty() ? "none" : String.join(" + ", doses.entrySet().stream()
                .map(e -> e.getKey() + " " + Table.number(e.getValue()) + " nM").toList());
    }

    /** Service component: the cells, pre-equilibrated, treated at time 0 and followed over time. */
    public static final class TimeCourseDesign implements ExperimentDesign {

        /** The end of the time course. */
        static final DesignOption<Double> END = DesignOptions.T_END.withLabel("End time (min)")
                .withHelp("the end of the time course after treatment, in minutes (default 1440)");
        /** The number of output intervals. */
        static final DesignOption<Integer> POINTS = DesignOption.of("points", OptionType.INTEGER)
                .withLabel("Intervals").withHelp("the number of output intervals (default 200)").withDefault(200)
                .withMinimum(1);

        @Override
        public String id() {
            return "time-course";
        }

        @Override
        public String label() {
            return "Time course";
        }

        @Override
        public String summary() {
            return "a time course of pre-equilibrated cells treated at time 0";
        }

        @Override
        public String description() {
            return "Brings the cells to steady state with their context, knockouts and values, adds the drugs\n"
                    + "(--drug ID=nM ...) at time 0 and reports the readouts at --points intervals up to --t-end.\n"
                    + "Table: time,<readouts>.";
        }

        @Override
        public List<DesignOption<?>> options() {
            return List.of(DesignOptions.READOUTS, END, POINTS);
        }

        @Override
        public DesignResult run(DesignRequest r) throws SimulationException {
            int intervals = r.value(POINTS);
            double end = r.time().minutes();
            double[] times = new double[intervals + 1];
            for (int i = 0; i <= intervals; i++) {
                times[i] = end * i / intervals;
            }
            Cells cells = r.cells(r.cells());
            r.progress().update(0, 1, -1);
            Map<String, Double> state = cells.equilibratedState(r.cancellation());
            TimeCourse tc = r.model().treatFrom(state, cells.state(), r.drugs().changes(r.doses()).and(r.treatment()),
                    times, r.readouts(), r.solverOptions(), r.cancellation());
            r.progress().update(1, 1, 0);
            List<String> cols = new ArrayList<>(List.of("time"));
            cols.addAll(r.readouts());
            Table t = new Table(cols);
            for (int i = 0; i < tc.size(); i++) {
                Object[] row = new Object[cols.size()];
                row[0] = tc.time(i);
                for (int c = 0; c < r.readouts().size(); c++) {
                    row[c + 1] = tc.value(i, c);
                }
                t.add(row);
            }
            return new DesignResult(t, List.of(), tc);
        }

        @Override
        public java.util.Optional<String> whyNoSpecification() {
            return java.util.Optional.empty();
        }

        @Override
        public RunSpecification specification(DesignRequest r) {
            return RunSpecification.single(r.value(POINTS));
        }
    }

    /**
     * Service component: the steady state of the equilibrated cells untreated and, with drugs,
     * treated, one row per readout.
     */
    public static final class SteadyStateDesign implements ExperimentDesign {

        @Override
        public String id() {
            return "steady-state";
        }

        @Override
        public String label() {
            return "Steady state";
        }

        @Override
        public String summary() {
            return "the steady state of the cells, untreated and treated";
        }

        @Override
        public String description() {
            return "Brings the cells to steady state and, with drugs (--drug ID=nM ...), the treated cells too.\n"
                    + "Table: readout, context, knockouts, steady_state, method; with drugs readout, context,\n"
                    + "knockouts, drug, dose_nM, untreated, treated, ratio (treated / untreated), method.";
        }

        @Override
        public List<DesignOption<?>> options() {
            return List.of(DesignOptions.READOUTS);
        }

        @Override
        public DesignResult run(DesignRequest r) throws SimulationException {
            boolean treated = !r.doses().isEmpty() || !r.treatment().isEmpty();
            int steps = treated ? 3 : 2;
            Cells cells = r.cells(r.cells());
            r.progress().update(0, steps, -1);
            Map<String, Double> equilibrated = cells.equilibratedState(r.cancellation());
            r.progress().update(1, steps, -1);
            SteadyState base = r.model().steadyStateFrom(equilibrated, cells.state(), ModelChanges.NONE,
                    r.readouts(), r.solverOptions(), r.cancellation());
            r.progress().update(2, steps, -1);
            SteadyState after = treated ? r.model().steadyStateFrom(equilibrated, cells.state(),
                    r.drugs().changes(r.doses()).and(r.treatment()), r.readouts(), r.solverOptions(),
                    r.cancellation()) : null;
            r.progress().update(steps, steps, 0);
            List<String> knockouts = new ArrayList<>(r.design().perturbation("knockout"));
            String ko = knockouts.isEmpty() ? "none" : String.join("+", knockouts);
            String context = r.contextLabel();
            Table table = treated
                    ? new Table(List.of("readout", "context", "knockouts", "drug", "dose_nM", "untreated", "treated",
                            "ratio", "method"))
                    : new Table(List.of("readout", "context", "knockouts", "steady_state", "method"));
            String drug = String.join("+", r.doses().keySet());
            Object dose = r.doses().size() == 1 ? (Object) r.doses().values().iterator().next() : doses(r.doses());
            for (int i = 0; i < r.readouts().size(); i++) {
                double u = base.value(i);
                if (treated) {
                    double t = after.value(i);
                    table.add(r.readouts().get(i), context, ko, drug, dose, u, t, u == 0 ? Double.NaN : t / u,
                            base.method() + "/" + after.method());
                } else {
                    table.add(r.readouts().get(i), context, ko, u, base.method());
                }
            }
            return DesignResult.of(table);
        }

        @Override
        public java.util.Optional<String> whyNoSpecification() {
            return java.util.Optional.empty();
        }

        @Override
        public RunSpecification specification(DesignRequest r) {
            return RunSpecification.single(1);
        }
    }
}
