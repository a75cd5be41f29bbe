package org.mtorworkbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Numbers the commands print read back as the values given and computed (issue 13, defect 3). */
class NumbersSurviveOutputTest {

    @TempDir
    Path tmp;

    @Test
    void aSmallValueSetOnTheCommandLineIsPrintedAsGiven() {
        // %.10g and a zero-stripping regular expression used to print 9.437111707e-1 here.
        for (String value : new String[] { "9.437111707e-10", "2.345678901e-20", "1.2345678901234568e-300" }) {
            Cli r = Cli.run(tmp, "simulate", "builtin:mtor", "--set", "GF=" + value, "--ids", "GF", "--t-end", "1",
                    "--points", "1");
            assertEquals(0, r.code(), r.err());
            List<String> lines = r.out().lines().toList();
            assertEquals("time,GF", lines.get(0));
            String[] first = lines.get(1).split(",");
            assertEquals("0", first[0]);
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(value)),
                    Double.doubleToRawLongBits(Double.parseDouble(first[1])), lines.get(1));
            assertEquals(value, first[1]);
        }
    }

    @Test
    void everyPrintedNumberIsAShortestRoundTripForm() {
        Cli r = Cli.run(tmp, "simulate", "builtin:mtor", "--t-end", "60", "--points", "3");
        assertEquals(0, r.code(), r.err());
        int numbers = 0;
        for (String line : r.out().lines().skip(1).toList()) {
            for (String cell : line.split(",")) {
                double v = Double.parseDouble(cell);
                assertEquals(org.mtorworkbench.sbml.NumberText.format(v), cell);
                assertTrue(!cell.contains("E") && !cell.contains("+"), cell);
                numbers++;
            }
        }
        assertTrue(numbers > 40, "only " + numbers + " numbers");
    }
}
