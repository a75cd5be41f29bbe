package org.mtorworkbench.ui.views.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.Test;
import org.mtorworkbench.ui.views.ViewIds;

/**
 * The second start on the workspace {@link FirstStartUiTest} left (the {@code second-start}
 * execution of {@code pom.xml}, same workspace, not deleted): the workbench restores what was
 * open: the network's editor, from its persisted input; the welcome page, closed last time,
 * stays closed.
 */
class SecondStartUiTest {

    @Test
    void theSecondStartReopensTheNetworkEditor() throws Exception {
        assertTrue(InstanceScope.INSTANCE.getNode("org.mtorworkbench.ui").getBoolean("firstRun.done", false),
                "this workspace has been started before (run after FirstStartUiTest, on its workspace: "
                        + FirstStartUiTest.workspace() + ")");
        IWorkbenchPage page = Ui.window().getActivePage();
        List<IEditorReference> editors = FirstStartUiTest.networkEditors(page);
        assertEquals(1, editors.size(), "the network's editor is restored");
        IEditorReference editor = editors.get(0);
        assertEquals(FirstStartUiTest.PATHWAY_EDITOR, editor.getId());
        assertEquals("/mTOR network/" + FirstStartUiTest.NETWORK_FILE,
                assertInstanceOf(IFileEditorInput.class, editor.getEditorInput()).getFile().getFullPath().toString());
        assertEquals("mtor_network", FirstStartUiTest.loaded(editor).getModel().getId());
        assertNull(page.findView(ViewIds.WELCOME), "the welcome page closed on the first start stays closed");
    }
}
