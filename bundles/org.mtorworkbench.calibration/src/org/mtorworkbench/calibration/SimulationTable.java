package org.mtorworkbench.calibration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.mtorworkbench.sbml.NumberText;

/**
 * The PEtab simulation table of an evaluation: the measurement table's identifying columns with
 * {@code simulation} in place of {@code measurement}. Numbers are written so they read back as the
 * same doubles.
 */
public final class SimulationTable {

    private SimulationTable() {
    }

    /** @return the table as text, one row per measurement in the problem's order */
    public static String format(PetabProblem problem, ObjectiveValue value) {
        boolean v1 = problem.formatVersion() == 1;
        StringBuilder b = new StringBuilder();
        b.append(v1 ? "observableId\tpreequilibrationConditionId\tsimulationConditionId"
                : "observableId\texperimentId").append("\ttime\tsimulation\tobservableParameters\tnoiseParameters\n");
        List<PetabMeasurement> ms = value.measurements();
        for (int i = 0; i < ms.size(); i++) {
            PetabMeasurement m = ms.get(i);
            b.append(m.observableId()).append('\t');
            if (v1) {
                b.append(m.preequilibrationConditionId()).append('\t').append(m.simulationConditionId());
            } else {
                b.append(m.experimentId());
            }
            b.append('\t').append(number(m.time())).append('\t').append(number(value.simulation(i))).append('\t')
                    .append(String.join(";", m.observableParameters())).append('\t')
                    .append(String.join(";", m.noiseParameters())).append('\n');
        }
        return b.toString();
    }

    /** Writes the table atomically (a temporary file moved into place). */
    public static void write(PetabProblem problem, ObjectiveValue value, Path file) throws IOException {
        FitTables.write(format(problem, value), file);
    }

    /** PEtab spelling of a double: round-trip decimal, {@code inf}, {@code -inf}, {@code nan}. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return NumberText.format(v);
    }
}
