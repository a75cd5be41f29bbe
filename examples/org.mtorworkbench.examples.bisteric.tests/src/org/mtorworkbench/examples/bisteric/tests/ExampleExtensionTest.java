package org.mtorworkbench.examples.bisteric.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.experiments.extension.ExperimentDesigns;
import org.mtorworkbench.cli.internal.Main;
import org.mtorworkbench.network.BuiltinModels;
import org.mtorworkbench.network.extension.Contributions;
import org.mtorworkbench.tests.support.Architecture;
import org.osgi.framework.Bundle;

/**
 * The example bundle extends the product exactly as another modeller's bundle would: its
 * drug, cell context and model appear in the catalogue and on the command line while it is
 * active, and disappear when it stops.
 */
class ExampleExtensionTest {

    private static final String BUNDLE = "org.mtorworkbench.examples.bisteric";

    private record Cli(int code, String out, String err) {
    }

    private static Cli run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Path.of("."));
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static double last(Cli r, int column) {
        List<String> rows = r.out().strip().lines().toList();
        return Double.parseDouble(rows.get(rows.size() - 1).split(",")[column]);
    }

    @Test
    void theExamplesContributionsAreListedNextToTheProductsOwn() {
        assertTrue(Contributions.drugs().find("bisteric_mtorc1").isPresent());
        assertTrue(Contributions.drugs().find("rapamycin").isPresent());
        assertTrue(Contributions.contexts().find("rictor_knockdown").isPresent());
        assertTrue(BuiltinModels.ids().containsAll(List.of("mtor", "example_feedback")), BuiltinModels.ids().toString());
        Cli drugs = run("drugs");
        assertEquals(0, drugs.code(), drugs.err());
        assertTrue(drugs.out().lines().anyMatch(l -> l.startsWith("bisteric_mtorc1,")), drugs.out());
        Cli contexts = run("contexts");
        assertTrue(contexts.out().lines().anyMatch(l -> l.startsWith("rictor_knockdown,")), contexts.out());
    }

    @Test
    void theExampleModelAndDrugSimulate() {
        Cli model = run("simulate", "builtin:example_feedback", "--t-end", "100", "--points", "4");
        assertEquals(0, model.code(), model.err());
        assertEquals("time,input_active,mTORC1_active,pS6K1", model.out().lines().findFirst().orElseThrow());
        Cli control = run("simulate", "builtin:mtor", "--t-end", "60", "--points", "1", "--equilibrate", "--ids",
                "pS6K1,p4EBP1,pAkt_S473");
        Cli treated = run("simulate", "builtin:mtor", "--t-end", "60", "--points", "1", "--equilibrate", "--drug",
                "bisteric_mtorc1=100", "--ids", "pS6K1,p4EBP1,pAkt_S473");
        assertEquals(0, treated.code(), treated.err());
        assertTrue(last(treated, 1) < 0.2 * last(control, 1), "S6K1 blocked");
        assertTrue(last(treated, 2) < 0.2 * last(control, 2), "4E-BP1 blocked, unlike with rapalogs");
        assertTrue(last(treated, 3) > 0.8 * last(control, 3), "mTORC2 spared: S473 not lowered");
        Cli knockdown = run("simulate", "builtin:mtor", "--t-end", "60", "--points", "1", "--equilibrate", "--context",
                "rictor_knockdown", "--ids", "pAkt_S473");
        assertTrue(last(knockdown, 1) < 0.8 * last(control, 3), "less mTORC2, less S473");
    }

    @Test
    void theExamplesDesignIsACommandWithItsOwnOptionsAndIsSavedAsSedml() throws Exception {
        assertTrue(ExperimentDesigns.byId("selectivity").isPresent(), "the example's design is a service");
        Cli help = run("help", "selectivity");
        assertTrue(help.out().contains("--spared-above X"), help.out());
        String[] args = { "selectivity", "builtin:mtor", "--drug", "bisteric_mtorc1", "--doses", "0.1:1000:9",
                "--readout", "pS6K1", "--readout", "pAkt_S473", "--t-end", "60", "--threads", "1" };
        Cli r = run(args);
        assertEquals(0, r.code(), r.err());
        List<String> rows = r.out().strip().lines().toList();
        assertEquals("drug,readout,ic50_nM,ic50_low,ic50_high,hill,fold_vs_first,spared", rows.get(0));
        assertEquals(3, rows.size(), r.out());
        assertTrue(rows.get(1).startsWith("bisteric_mtorc1,pS6K1,"), rows.get(1));
        assertTrue(rows.get(1).endsWith(",1,false"), "the first readout is the reference: " + rows.get(1));
        String[] s473 = rows.get(2).split(",");
        assertEquals("pAkt_S473", s473[1]);
        assertEquals(Double.parseDouble(s473[2]) / Double.parseDouble(rows.get(1).split(",")[2]),
                Double.parseDouble(s473[6]), 1e-6 * Double.parseDouble(s473[6]), "fold_vs_first is the IC50 ratio");
        Cli bad = run("selectivity", "builtin:mtor", "--drug", "bisteric_mtorc1", "--doses", "1,10,100,1000",
                "--spared-above", "0.5", "--readout", "pS6K1");
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("--spared-above"), bad.err());

        Path dir = Files.createTempDirectory("selectivity");
        Path omex = dir.resolve("selectivity.omex");
        List<String> save = new java.util.ArrayList<>(List.of(args));
        save.addAll(List.of("--sedml", omex.toString()));
        Cli saved = run(save.toArray(String[]::new));
        assertEquals(0, saved.code(), saved.err());
        Cli rerun = run("experiment", omex.toString(), "--out", dir.toString());
        assertEquals(0, rerun.code(), rerun.err());
        assertEquals(r.out().strip(), Files.readString(dir.resolve("selectivity.csv")).strip(),
                "the saved design reruns to the same table");
    }

    @Test
    void stoppingTheBundleRemovesItsContributions() throws Exception {
        Bundle example = Architecture.bundle(BUNDLE);
        example.stop();
        try {
            assertFalse(Contributions.drugs().find("bisteric_mtorc1").isPresent());
            assertFalse(Contributions.contexts().find("rictor_knockdown").isPresent());
            assertFalse(BuiltinModels.ids().contains("example_feedback"));
            assertFalse(ExperimentDesigns.byId("selectivity").isPresent(), "its design goes with it");
            assertTrue(run("drugs").out().lines().noneMatch(l -> l.startsWith("bisteric_mtorc1,")));
            Cli gone = run("simulate", "builtin:example_feedback");
            assertEquals(2, gone.code(), gone.err());
            assertTrue(Contributions.drugs().find("rapamycin").isPresent(), "the product's own stay");
        } finally {
            example.start();
        }
        assertTrue(Contributions.drugs().find("bisteric_mtorc1").isPresent(), "back after a restart");
    }
}
