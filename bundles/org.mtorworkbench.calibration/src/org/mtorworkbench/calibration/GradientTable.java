package org.mtorworkbench.calibration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The gradient of an evaluation as a table: per estimated parameter its id, parameter scale, value
 * on that scale and {@code d llh / d theta} on that scale, tab-separated with a header. Numbers are
 * written so they read back as the same doubles.
 */
public final class GradientTable {

    private GradientTable() {
    }

    /**
     * @param onParameterScale the parameters the value was evaluated at, in {@link PetabObjective#parameterIds()} order
     * @throws IllegalArgumentException if the value has no gradient
     */
    public static String format(PetabObjective objective, double[] onParameterScale, ObjectiveValue value) {
        double[] g = value.gradient();
        if (g == null) {
            throw new IllegalArgumentException("the value was evaluated without its gradient");
        }
        List<String> ids = objective.parameterIds();
        StringBuilder b = new StringBuilder("parameterId\tparameterScale\tvalue\tgradient\n");
        for (int k = 0; k < ids.size(); k++) {
            b.append(ids.get(k)).append('\t').append(objective.problem().parameters().get(ids.get(k)).scale().id())
                    .append('\t').append(SimulationTable.number(onParameterScale[k])).append('\t')
                    .append(SimulationTable.number(g[k])).append('\n');
        }
        return b.toString();
    }

    /** Writes the table atomically. */
    public static void write(PetabObjective objective, double[] onParameterScale, ObjectiveValue value, Path file)
            throws IOException {
        FitTables.write(format(objective, onParameterScale, value), file);
    }
}
