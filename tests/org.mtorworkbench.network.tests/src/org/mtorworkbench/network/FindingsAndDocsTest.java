package org.mtorworkbench.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.network.internal.ModelSpec;
import org.mtorworkbench.network.internal.NetworkDocumentation;
import org.mtorworkbench.tests.support.SharedData;
import org.sbml.jsbml.Model;

/** The findings refer only to what exists, and docs/network.md is what the code renders. */
class FindingsAndDocsTest {

    private final Model model = NetworkModel.newDocument().getModel();

    @Test
    void findingsCoverTheSixteenOfTheIssueAndReferToKnownIds() {
        List<Finding> all = Findings.builtin();
        Set<String> ids = new HashSet<>();
        all.forEach(f -> ids.add(f.id()));
        for (int i = 1; i <= 16; i++) {
            assertTrue(ids.contains(String.valueOf(i)), "finding " + i + " is missing");
        }
        assertEquals(all.size(), ids.size(), "duplicate finding ids");
        List<String> problems = new ArrayList<>();
        for (Finding f : all) {
            assertTrue(!f.checks().isEmpty() && !f.sentence().isBlank(), f.id());
            for (Finding.Check c : f.checks()) {
                for (Finding.Check k = c; k != null; k = k.versus()) {
                    if (model.getSpecies(k.readout()) == null && model.getParameter(k.readout()) == null) {
                        problems.add(f.id() + ": unknown readout " + k.readout());
                    }
                    for (Finding.Condition cond : List.of(k.treated(), k.reference())) {
                        if (CellContexts.builtin().find(cond.context()).isEmpty()) {
                            problems.add(f.id() + ": unknown context " + cond.context());
                        }
                        cond.drugsNm().keySet().stream().filter(d -> DrugCatalogue.builtin().find(d).isEmpty())
                                .forEach(d -> problems.add(f.id() + ": unknown drug " + d));
                        cond.before().keySet().stream().filter(p -> model.getParameter(p) == null)
                                .forEach(p -> problems.add(f.id() + ": unknown parameter " + p));
                        cond.after().keySet().stream().filter(p -> model.getParameter(p) == null)
                                .forEach(p -> problems.add(f.id() + ": unknown parameter " + p));
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void expectationsNeedTwentyPercent() {
        assertTrue(Finding.Expectation.UP.test(1.2));
        assertTrue(!Finding.Expectation.UP.test(1.19));
        assertTrue(Finding.Expectation.DOWN.test(0.8));
        assertTrue(!Finding.Expectation.DOWN.test(0.81));
        assertTrue(Finding.Expectation.PARTIAL_DOWN.test(0.5));
        assertTrue(!Finding.Expectation.PARTIAL_DOWN.test(0.1));
        assertTrue(Finding.Expectation.STRONG_DOWN.test(0.1));
        assertTrue(Finding.Expectation.NOT_DOWN.test(0.9));
        assertTrue(!Finding.Expectation.NOT_UP.test(Double.NaN));
    }

    @Test
    void docsNetworkMdIsUpToDate() throws Exception {
        String rendered = NetworkDocumentation.render(ModelSpec.builtin());
        Path repo = Path.of(System.getProperty("mtorwb.repo", "."));
        Path page = repo.resolve("docs/network.md");
        if (!Files.exists(page)) {
            fail("docs/network.md is missing (looked in " + repo.toAbsolutePath() + ")");
        }
        String current = Files.readString(page, StandardCharsets.UTF_8);
        if (!current.equals(rendered)) {
            Path fresh = SharedData.outputDir("docs").resolve("network.md");
            Files.writeString(fresh, rendered, StandardCharsets.UTF_8);
            fail("docs/network.md is out of date; the current rendering is in " + fresh + ": copy it over");
        }
    }
}
