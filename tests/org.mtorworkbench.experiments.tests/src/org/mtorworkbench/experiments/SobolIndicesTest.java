package org.mtorworkbench.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.network.CellContexts;
import org.mtorworkbench.network.DrugCatalogue;
import org.mtorworkbench.network.NetworkModel;
import org.mtorworkbench.simulation.SolverOptions;

/** Sobol indices: the Ishigami function's known indices, and the indices of the built-in network. */
class SobolIndicesTest {

    private static final double A = 7;
    private static final double B = 0.1;

    private static double ishigami(double[] u) {
        double x1 = -Math.PI + 2 * Math.PI * u[0];
        double x2 = -Math.PI + 2 * Math.PI * u[1];
        double x3 = -Math.PI + 2 * Math.PI * u[2];
        return Math.sin(x1) + A * Math.sin(x2) * Math.sin(x2) + B * Math.pow(x3, 4) * Math.sin(x1);
    }

    private static double[] eval(double[][] m) {
        double[] f = new double[m.length];
        for (int j = 0; j < m.length; j++) {
            f[j] = ishigami(m[j]);
        }
        return f;
    }

    /**
     * Ishigami and Homma (1990), a = 7, b = 0.1, x uniform on [-pi, pi]^3: the analytic
     * variances V1 = (1 + b pi^4 / 5)^2 / 2, V2 = a^2 / 8, V13 = b^2 pi^8 (1/18 - 1/50), V = V1 + V2 + V13.
     */
    @Test
    void ishigamiIndicesMatchTheAnalyticValues() {
        double pi4 = Math.pow(Math.PI, 4);
        double v1 = 0.5 * Math.pow(1 + B * pi4 / 5, 2);
        double v2 = A * A / 8;
        double v13 = B * B * Math.pow(Math.PI, 8) * (1.0 / 18 - 1.0 / 50);
        double v = v1 + v2 + v13;
        double[] first = { v1 / v, v2 / v, 0 };
        double[] total = { (v1 + v13) / v, v2 / v, v13 / v };
        assertEquals(0.3139, first[0], 1e-4);
        assertEquals(0.5576, total[0], 1e-4);

        int n = 8192;
        double[][][] ab = SobolIndices.sample(n, 3);
        double[][] fab = new double[3][];
        for (int i = 0; i < 3; i++) {
            fab[i] = eval(SobolIndices.mix(ab[0], ab[1], i));
        }
        SobolIndices.Result r = SobolIndices.estimate(eval(ab[0]), eval(ab[1]), fab, 200, 7);
        assertEquals(v, r.variance(), 0.05 * v);
        for (int i = 0; i < 3; i++) {
            assertEquals(first[i], r.first()[i], 0.02, "S" + (i + 1));
            assertEquals(total[i], r.total()[i], 0.02, "ST" + (i + 1));
            assertTrue(r.firstLow()[i] <= r.first()[i] && r.first()[i] <= r.firstHigh()[i], "S CI " + i);
            assertTrue(r.totalLow()[i] <= r.total()[i] && r.total()[i] <= r.totalHigh()[i], "ST CI " + i);
            assertTrue(r.firstHigh()[i] - r.firstLow()[i] < 0.1, "S CI width " + i);
            assertTrue(r.firstLow()[i] - 0.03 <= first[i] && first[i] <= r.firstHigh()[i] + 0.03, "S CI covers " + i);
        }
        // a bigger sample tightens the intervals
        double[][][] small = SobolIndices.sample(512, 3);
        double[][] fs = new double[3][];
        for (int i = 0; i < 3; i++) {
            fs[i] = eval(SobolIndices.mix(small[0], small[1], i));
        }
        SobolIndices.Result rs = SobolIndices.estimate(eval(small[0]), eval(small[1]), fs, 200, 7);
        assertTrue(rs.totalHigh()[0] - rs.totalLow()[0] > r.totalHigh()[0] - r.totalLow()[0]);
    }

    @Test
    void modelIndicesAreBoundedAndIndependentOfTheThreadCount() throws Exception {
        PreparedModel model = PreparedModel.of(NetworkModel.newDocument());
        Cells cells = new Cells(model, CellContexts.builtin().find("wildtype").orElseThrow().changes(),
                DrugCatalogue.builtin(), SolverOptions.defaults());
        Map<String, Double> all = model.constantParameters();
        Map<String, Double> params = new LinkedHashMap<>();
        for (String id : List.of("GF", "aminoacids")) {
            params.put(id, all.get(id));
        }
        Table t = Sensitivity.sobol(cells, params, Map.of(), List.of("pS6K1"), ReadoutTime.at(60), 256, 100, 3,
                new BatchRunner(2), Progress.NONE, new Cancellation());
        assertEquals(2, t.rows().size());
        Table again = Sensitivity.sobol(cells, params, Map.of(), List.of("pS6K1"), ReadoutTime.at(60), 256, 100, 3,
                new BatchRunner(1), Progress.NONE, new Cancellation());
        assertEquals(t.rows(), again.rows(), "identical whatever the thread count");
        double sumFirst = 0;
        for (List<Object> row : t.rows()) {
            double s = ((Number) row.get(4)).doubleValue();
            double st = ((Number) row.get(7)).doubleValue();
            assertTrue(s > -0.15 && s < 1.15, "first-order " + row);
            assertTrue(st > -0.05 && st < 1.3, "total " + row);
            assertTrue(st >= s - 0.1, "total >= first-order " + row);
            assertTrue(((Number) row.get(5)).doubleValue() <= s && s <= ((Number) row.get(6)).doubleValue());
            sumFirst += s;
        }
        // growth factor and amino acids act on mTORC1 through separate inputs: nearly additive, so the
        // first-order indices add up to about 1
        assertTrue(sumFirst > 0.8 && sumFirst < 1.2, "first-order indices sum to about 1: " + sumFirst);
        assertEquals(List.of("parameter", "value", "readout", "time", "first_order", "first_order_low",
                "first_order_high", "total", "total_low", "total_high", "samples"), t.columns());
    }
}
