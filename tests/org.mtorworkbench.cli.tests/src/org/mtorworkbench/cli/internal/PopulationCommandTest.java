package org.mtorworkbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./mtorwb population}: the design service as a command, and the engine options of batch commands. */
class PopulationCommandTest {

    @TempDir
    Path tmp;

    @Test
    void populationPrintsMembersAndTheResponderFraction() throws Exception {
        Cli r = Cli.run(tmp, "population", "builtin:mtor", "--size", "8", "--seed", "2", "--vary", "k_irs_fb=0.5",
                "--vary", "PTEN=0", "--drug", "rapamycin=10", "--readout", "pAkt_S473", "--threads", "2", "--out",
                "cells.csv");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(tmp.resolve("cells.csv"));
        assertEquals(9, lines.size(), "a header and one row per member");
        assertTrue(lines.get(0).startsWith("member,") && lines.get(0).contains(",k_irs_fb,")
                && !lines.get(0).contains("PTEN") && lines.get(0).endsWith(",readout,time,untreated,treated,fold,responder"),
                lines.get(0));
        assertTrue(r.err().matches("(?s)responders: [01]\\.\\d{4} \\(95% CI [01]\\.\\d{4}-[01]\\.\\d{4}; \\d of 8, "
                + "responder: fold >= 1\\.2\\)\n.*"), r.err());
        assertTrue(r.err().contains("fold change percentiles: p5 "), r.err());
        assertTrue(r.err().contains("biomarker 1: "), r.err());

        Cli same = Cli.run(tmp, "population", "builtin:mtor", "--size", "8", "--seed", "2", "--vary",
                "k_irs_fb=0.5,PTEN=0", "--drug", "rapamycin=10", "--readout", "pAkt_S473", "--threads", "1");
        assertEquals(String.join("\n", lines), same.out().strip(), "repeated --vary is a list; threads do not matter");
    }

    @Test
    void helpCitesTheVariabilityAndBadInputIsNamed() {
        Cli help = Cli.run(tmp, "help", "population");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("Sigal et al. 2006") && help.out().contains("--responder EXPR")
                && help.out().contains("--engine E"), help.out());
        Cli bad = Cli.run(tmp, "population", "builtin:mtor", "--size", "4", "--readout", "pAkt_S473", "--responder",
                "fold >> 2");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--responder 'fold >> 2' at character"), bad.err());
        Cli missing = Cli.run(tmp, "population", "builtin:mtor", "--readout", "pAkt_S473");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("missing --size N"), missing.err());
    }

    @Test
    void sparkIsNotInTheOsgiRuntime() {
        Cli r = Cli.run(tmp, "scan", "builtin:mtor", "--param", "GF=0.5:1:2", "--readout", "pS6K1", "--engine", "spark");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--engine spark runs outside the workbench's OSGi runtime"), r.err());
        Cli master = Cli.run(tmp, "scan", "builtin:mtor", "--param", "GF=0.5:1:2", "--readout", "pS6K1", "--master",
                "local[2]");
        assertEquals(2, master.code());
        assertTrue(master.err().contains("--master is for --engine spark"), master.err());
    }
}
