package org.mtorworkbench.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** A table's CSV reads back as the values added, bit for bit (issue 13, defect 3). */
class TableTest {

    private static List<String> csv(Table t) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        t.write(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void exponentsKeepTheirLastDigit() {
        Table t = new Table(List.of("id", "value"));
        t.add("GF", 9.437111707e-10).add("x", 2.345678901e-20).add("y", 1e-100).add("z", 1.5e300);
        List<String> lines = csv(t);
        assertEquals(List.of("id,value", "GF,9.437111707e-10", "x,2.345678901e-20", "y,1e-100", "z,1.5e300"), lines);
    }

    @Test
    void randomDoublesOfEveryExponentAndSignReadBack() {
        SplittableRandom random = new SplittableRandom(13);
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, Double.MIN_VALUE, -Double.MAX_VALUE,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1e23, 1.0 / 3));
        for (int i = 0; i < 20_000; i++) {
            double x = Double.longBitsToDouble(random.nextLong());
            values.add(Double.isNaN(x) ? random.nextDouble() : x);
        }
        Table t = new Table(List.of("i", "value"));
        for (int i = 0; i < values.size(); i++) {
            t.add(i, values.get(i));
        }
        List<String> lines = csv(t);
        assertEquals(values.size() + 1, lines.size());
        for (int i = 0; i < values.size(); i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertEquals(Integer.toString(i), cells[0]);
            double back = Double.parseDouble(cells[1]);
            double expected = values.get(i);
            assertEquals(Double.doubleToRawLongBits(Double.isNaN(expected) ? Double.NaN : expected),
                    Double.doubleToRawLongBits(back), lines.get(i + 1));
        }
    }

    @Test
    void integersAndLongsAreWrittenExactly() {
        Table t = new Table(List.of("n"));
        t.add(Long.MAX_VALUE).add(9007199254740993L).add(-3);
        assertEquals(List.of("n", "9223372036854775807", "9007199254740993", "-3"), csv(t));
    }
}
