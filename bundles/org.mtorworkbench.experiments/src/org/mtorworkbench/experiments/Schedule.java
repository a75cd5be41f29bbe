package org.mtorworkbench.experiments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.mtorworkbench.network.ModelChanges;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.TimeCourse;

/**
 * A stimulus schedule: drugs added or washed out and inputs changed at given times after
 * time 0 (a growth factor pulse, a drug washout). Cells are pre-equilibrated, then the
 * segments between switch times are simulated in turn, each continuing from the state the
 * previous one reached with the parameters in force from its start.
 */
public final class Schedule {

    /**
     * What is in force from a time on.
     *
     * @param minutes the switch time (0 for the start of treatment)
     * @param doses the drugs present from then on, nM (an absent drug is washed out)
     * @param parameters parameter values set from then on (they stay until set again)
     */
    public record Step(double minutes, Map<String, Double> doses, Map<String, Double> parameters) {
        public Step {
            if (!(minutes >= 0) || !Double.isFinite(minutes)) {
                throw new IllegalArgumentException("a schedule step needs a time >= 0, not " + minutes);
            }
            doses = Map.copyOf(doses);
            parameters = Map.copyOf(parameters);
        }
    }

    private final TreeMap<Double, Step> steps = new TreeMap<>();

    /** @return an empty schedule (untreated cells) */
    public static Schedule create() {
        return new Schedule();
    }

    /** @return this schedule with a step added (a step at the same time is replaced) */
    public Schedule then(Step step) {
        Schedule s = new Schedule();
        s.steps.putAll(steps);
        s.steps.put(step.minutes(), step);
        return s;
    }

    public List<Step> steps() {
        return List.copyOf(steps.values());
    }

    /**
     * Runs the schedule on equilibrated cells and reports the readouts at {@code times}.
     *
     * @return the time course, one row per requested time
     */
    public double[][] run(Cells cells, double[] times, List<String> readouts, Cancellation cancellation)
            throws SimulationException {
        double[] t = times.clone();
        Arrays.sort(t);
        PreparedModel model = cells.model();
        Map<String, Double> state = cells.equilibratedState(cancellation);
        List<Step> list = new ArrayList<>(steps.values());
        if (list.isEmpty() || list.get(0).minutes() > 0) {
            list.add(0, new Step(0, Map.of(), Map.of()));
        }
        Map<String, Double> params = new LinkedHashMap<>();
        double[][] out = new double[t.length][];
        int next = 0;
        List<String> stateIds = model.stateSpecies();
        List<String> ids = new ArrayList<>(readouts);
        ids.addAll(stateIds);
        for (int k = 0; k < list.size(); k++) {
            Step step = list.get(k);
            params.putAll(step.parameters());
            double start = step.minutes();
            double end = k + 1 < list.size() ? list.get(k + 1).minutes() : Math.max(start, t[t.length - 1]);
            List<Double> segmentTimes = new ArrayList<>();
            int first = next;
            while (next < t.length && (t[next] < end || (k == list.size() - 1 && t[next] <= end))) {
                segmentTimes.add(t[next] - start);
                next++;
            }
            segmentTimes.add(end - start);
            double[] st = segmentTimes.stream().mapToDouble(Double::doubleValue).toArray();
            if (st[st.length - 1] == 0 && st.length == 1) {
                continue;
            }
            ModelChanges treatment = cells.drugs().changes(step.doses())
                    .and(new ModelChanges(params, Map.of(), Set.of()));
            TimeCourse tc = model.treatFrom(state, cells.state(), treatment, st, ids, cells.options(), cancellation);
            for (int r = 0; r < next - first; r++) {
                double[] row = new double[readouts.size()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = tc.value(r, c);
                }
                out[first + r] = row;
            }
            Map<String, Double> s = new LinkedHashMap<>();
            int last = tc.size() - 1;
            for (int c = 0; c < stateIds.size(); c++) {
                s.put(stateIds.get(c), tc.value(last, readouts.size() + c));
            }
            state = s;
        }
        return out;
    }
}
