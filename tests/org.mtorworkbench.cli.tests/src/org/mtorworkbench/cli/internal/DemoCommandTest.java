package org.mtorworkbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo}: the files it writes, the report's links and the story its numbers tell. */
class DemoCommandTest {

    @TempDir
    Path tmp;

    @Test
    void demoWritesTablesChartsAndAReportThatLinksThem() throws Exception {
        Cli r = Cli.run(tmp, "demo", "--out", "story");
        assertEquals(0, r.code(), r.err() + r.out());
        Path dir = tmp.resolve("story");
        for (String f : List.of("feedback.csv", "dose_response.csv", "fits.csv", "combination.csv", "findings.csv",
                "feedback.svg", "feedback.png", "combination_bliss.svg", "combination_bliss.png",
                "dose_response_p4EBP1.svg", "dose_response_pAkt_S473.png", "report.html")) {
            assertTrue(Files.size(dir.resolve(f)) > 100, f);
        }
        byte[] png = Files.readAllBytes(dir.resolve("feedback.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        assertTrue(Files.readString(dir.resolve("feedback.svg")).contains("<svg"));

        String html = Files.readString(dir.resolve("report.html"));
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html);
        int links = 0;
        while (m.find()) {
            assertTrue(Files.exists(dir.resolve(m.group(1))), "report.html links a missing file " + m.group(1));
            links++;
        }
        assertTrue(links >= 25, "links " + links);

        // the story: rapamycin raises Akt and Erk through the feedback, lowers S6K1
        List<String> feedback = Files.readAllLines(dir.resolve("feedback.csv"));
        assertEquals("time_min,readout,untreated,rapamycin_nM,treated,fold_change", feedback.get(0));
        assertTrue(fold(feedback, "pAkt_S473") > 1.2, "pAkt S473 rises");
        assertTrue(fold(feedback, "pERK") > 1.2, "pErk rises");
        assertTrue(fold(feedback, "pS6K1") < 0.5, "pS6K1 falls");

        // the kinase inhibitors block pAkt S473 where the rapalog raises it
        List<String> fits = Files.readAllLines(dir.resolve("fits.csv"));
        assertEquals(3 * DemoCommand.DOSE_READOUTS.size() + 1, fits.size());
        assertTrue(r.out().contains("31 of 31 hold"), r.out());
        assertTrue(r.out().contains("bliss  mean excess"), r.out());
        assertTrue(r.out().contains("report.html"), r.out());
        List<String> combo = Files.readAllLines(dir.resolve("combination.csv"));
        assertEquals((DemoCommand.COMBO_RAPAMYCIN.length + 1) * (DemoCommand.COMBO_MEK.length + 1) + 1, combo.size());
    }

    @Test
    void demoRefusesAnOutputFolderThatIsAFile() throws Exception {
        Files.writeString(tmp.resolve("taken"), "x");
        Cli r = Cli.run(tmp, "demo", "--out", "taken");
        assertEquals(2, r.code(), r.err());
        assertEquals(2, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("taken"), r.err());
        assertEquals(2, Cli.run(tmp, "demo", "extra").code());
    }

    /** The fold change at the last time of a readout in feedback.csv. */
    private static double fold(List<String> lines, String readout) {
        double last = Double.NaN;
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            if (f[1].equals(readout)) {
                last = Double.parseDouble(f[5]);
            }
        }
        return last;
    }
}
