package org.mtorworkbench.ui.views.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.Test;
import org.mtorworkbench.ui.views.ViewIds;

/** Every toolbar action of the result views and the findings view has a drawn icon and a tooltip (issue 17). */
class ToolbarIconsUiTest {

    private static List<IAction> actions(IViewPart view) {
        List<IAction> out = new ArrayList<>();
        for (IContributionItem item : view.getViewSite().getActionBars().getToolBarManager().getItems()) {
            if (item instanceof ActionContributionItem a) {
                out.add(a.getAction());
            }
        }
        return out;
    }

    private static void assertIconsAndTooltips(String view, List<IAction> actions) {
        assertFalse(actions.isEmpty(), view + " has toolbar actions");
        for (IAction a : actions) {
            assertNotNull(a.getImageDescriptor(), view + ": " + a.getText() + " has no icon");
            ImageData data = a.getImageDescriptor().getImageData(100);
            assertNotNull(data, view + ": " + a.getText());
            assertEquals(16, data.width, view + ": " + a.getText());
            int drawn = 0;
            for (byte alpha : data.alphaData) {
                drawn += (alpha & 0xFF) > 64 ? 1 : 0;
            }
            assertTrue(drawn > 12, view + ": the icon of " + a.getText() + " is nearly empty (" + drawn + " pixels)");
            assertTrue(a.getToolTipText() != null && !a.getToolTipText().isBlank(), view + ": " + a.getText()
                    + " has no tooltip");
        }
    }

    @Test
    void everyResultViewActionHasAnIconAndATooltip() throws Exception {
        IWorkbenchPage page = Ui.window().getActivePage();
        for (ResultKind kind : ResultKind.values()) {
            IViewPart view = page.showView(ViewIds.RESULT, kind.secondaryId(), IWorkbenchPage.VIEW_CREATE);
            List<IAction> actions = actions(view);
            assertIconsAndTooltips(kind.label(), actions);
            assertTrue(actions.stream().anyMatch(a -> "PNG".equals(a.getText())), kind + " exports PNG");
        }
        IViewPart findings = page.showView(ViewIds.FINDINGS, null, IWorkbenchPage.VIEW_CREATE);
        assertIconsAndTooltips("Review Findings", actions(findings));
    }
}
