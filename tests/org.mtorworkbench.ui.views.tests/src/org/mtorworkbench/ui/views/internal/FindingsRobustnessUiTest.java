package org.mtorworkbench.ui.views.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.Test;
import org.mtorworkbench.experiments.BatchRunner;
import org.mtorworkbench.experiments.Cancellation;
import org.mtorworkbench.experiments.FindingsRunner;
import org.mtorworkbench.experiments.PreparedModel;
import org.mtorworkbench.experiments.Progress;
import org.mtorworkbench.network.CellContexts;
import org.mtorworkbench.network.DrugCatalogue;
import org.mtorworkbench.network.Findings;
import org.mtorworkbench.network.NetworkModel;
import org.mtorworkbench.ui.views.ViewIds;

/**
 * The Review Findings view's robustness column: after *Robustness* each row says in how many
 * of the parameter samples its finding holds, as {@code FindingsRunner.robustness} (what
 * {@code ./mtorwb findings --robustness N} prints) computes it for the same samples, red for the
 * fragile findings (below 80%).
 */
class FindingsRobustnessUiTest {

    private static final int SAMPLES = 3;

    @Test
    void theRobustnessColumnShowsEachFindingsFractionOfSamples() throws Exception {
        FindingsView view = assertInstanceOf(FindingsView.class, Ui.window().getActivePage().showView(ViewIds.FINDINGS));
        Ui.waitUntil(() -> view.getJob() != null && view.getJob().getState() == Job.NONE
                && view.getJob().getResult() != null);
        assertTrue(view.getJob().getResult().isOK(), view.getJob().getResult().getMessage());
        Table table = view.control();
        int rows = table.getItemCount();
        assertEquals(view.getResults().size(), rows);
        for (TableItem item : table.getItems()) {
            assertEquals("", item.getText(6), "no robustness before it is run");
        }

        long start = System.nanoTime();
        Job job = view.robustness(SAMPLES);
        Ui.waitUntil(() -> job.getState() == Job.NONE && job.getResult() != null);
        assertTrue(job.getResult().isOK(), job.getResult().getMessage());
        Ui.waitUntil(() -> !table.getItem(0).getText(6).isEmpty());
        System.out.printf("robustness of the findings on %d samples in the view: %d ms%n", SAMPLES,
                (System.nanoTime() - start) / 1_000_000);

        // the same samples run directly, as the command line runs them (seed 1)
        FindingsRunner runner = new FindingsRunner(PreparedModel.of(NetworkModel.newDocument()),
                DrugCatalogue.builtin(), CellContexts.builtin(), RunPreferences.workbench().solverOptions());
        FindingsRunner.Robustness expected = runner.robustness(Findings.builtin(), NetworkModel.calibratedParameters(),
                SAMPLES, 1, new BatchRunner(0), Progress.NONE, new Cancellation());
        Map<String, FindingsRunner.FindingRobustness> byId = new HashMap<>();
        expected.findings().forEach(f -> byId.put(f.finding().id(), f));
        int fragile = 0;
        for (int i = 0; i < rows; i++) {
            FindingsRunner.FindingRobustness f = byId.get(view.getResults().get(i).finding().id());
            TableItem item = table.getItem(i);
            assertEquals(String.format(Locale.ROOT, "%.0f%% of %d", 100 * f.fraction(), SAMPLES), item.getText(6),
                    "row " + i + ": " + f.finding().id());
            assertEquals(table.getDisplay().getSystemColor(f.fragile() ? SWT.COLOR_RED : SWT.COLOR_DARK_GREEN),
                    item.getForeground(6), "row " + i + " colour");
            fragile += f.fragile() ? 1 : 0;
        }
        System.out.println("robustness on " + SAMPLES + " samples: " + expected.findings().size() + " findings, "
                + expected.fragile().size() + " fragile (" + fragile + " of " + rows + " rows red)");
    }
}
