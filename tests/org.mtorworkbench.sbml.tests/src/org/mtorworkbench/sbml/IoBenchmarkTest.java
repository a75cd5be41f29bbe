package org.mtorworkbench.sbml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.tests.support.SharedData;
import org.sbml.jsbml.SBMLDocument;

/**
 * The read and write benchmark: prints warm timings (median of several runs) for the two
 * large models the product promises to handle in under a second each. It measures; it does
 * not fail on time, since build machines differ. Look for lines starting with {@code [bench-io]}.
 */
class IoBenchmarkTest {

    private static final int WARM_UP = 4;
    private static final int RUNS = 7;

    @Test
    void readAndWriteTheLargeModels() throws Exception {
        for (String rel : List.of("models/petab/Chen_MSB2009/model_Chen_MSB2009.xml", "models/BIOMD0000000474.xml")) {
            Path f = SharedData.require(rel);
            byte[] content = Files.readAllBytes(f);
            SbmlReader reader = new SbmlReader();
            SbmlWriter writer = new SbmlWriter();
            SbmlWriter toL3 = writer.withTarget(SbmlTarget.L3V1);
            long[] read = new long[RUNS];
            long[] write = new long[RUNS];
            long[] convert = new long[RUNS];
            SBMLDocument doc = null;
            for (int i = -WARM_UP; i < RUNS; i++) {
                long t0 = System.nanoTime();
                doc = reader.read(content, f.toString());
                long t1 = System.nanoTime();
                byte[] same = writer.toBytes(doc, f.toString());
                long t2 = System.nanoTime();
                toL3.toBytes(doc, f.toString());
                long t3 = System.nanoTime();
                if (i >= 0) {
                    read[i] = t1 - t0;
                    write[i] = t2 - t1;
                    convert[i] = t3 - t2;
                }
                assertEquals(doc.getModel().getSpeciesCount(),
                        reader.read(same, "written").getModel().getSpeciesCount());
            }
            System.out.printf("[bench-io] %s (%d bytes, %d species, %d reactions): read %.0f ms, write %.0f ms,"
                    + " read+write %.0f ms, convert to l3v1 and write %.0f ms (median of %d warm runs)%n",
                    f.getFileName(), content.length, doc.getModel().getSpeciesCount(),
                    doc.getModel().getReactionCount(), ms(read), ms(write), ms(read) + ms(write), ms(convert), RUNS);
        }
    }

    private static double ms(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }
}
