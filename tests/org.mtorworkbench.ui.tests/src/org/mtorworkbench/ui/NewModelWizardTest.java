package org.mtorworkbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.wizards.IWizardDescriptor;
import org.junit.jupiter.api.Test;
import org.mtorworkbench.network.NetworkModel;
import org.mtorworkbench.network.extension.ModelTemplate;
import org.mtorworkbench.sbml.SbmlReader;
import org.mtorworkbench.tests.support.SharedData;
import org.mtorworkbench.ui.internal.NewModelPage;
import org.mtorworkbench.ui.internal.NewModelWizard;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.sbml.jsbml.SBMLDocument;

/**
 * File > New > Model from Template in the real workbench: the wizard lists the templates
 * of every bundle (the workbench's builtin:mtor, the example extension's, and one this test
 * registers as an OSGi service, as an extension bundle would), writes the chosen one into a
 * new project and opens it in the editor.
 */
class NewModelWizardTest {

    /** A template as an extension bundle contributes it. */
    private static final class TwoStateTemplate implements ModelTemplate {
        @Override
        public String id() {
            return "test_two_state";
        }

        @Override
        public String name() {
            return "Two-state switch (test)";
        }

        @Override
        public String description() {
            return "A protein switching between an inactive and an active form";
        }

        @Override
        public SBMLDocument newDocument() {
            SBMLDocument doc = new SBMLDocument(3, 2);
            var m = doc.createModel("two_state");
            var c = m.createCompartment("cell");
            c.setSize(1);
            c.setConstant(true);
            for (String s : List.of("X", "Xp")) {
                var sp = m.createSpecies(s, c);
                sp.setInitialConcentration(s.equals("X") ? 1 : 0);
                sp.setHasOnlySubstanceUnits(false);
                sp.setBoundaryCondition(false);
                sp.setConstant(false);
            }
            return doc;
        }
    }

    private static IWorkbenchWindow window() {
        IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        return w != null ? w : PlatformUI.getWorkbench().getWorkbenchWindows()[0];
    }

    @Test
    void theWizardIsInFileNew() {
        IWizardDescriptor d = PlatformUI.getWorkbench().getNewWizardRegistry().findWizard(WorkbenchIds.NEW_MODEL_WIZARD);
        assertNotNull(d, "the wizard is not registered");
        assertEquals("Model from Template", d.getLabel());
        assertTrue(Arrays.asList(window().getActivePage().getNewWizardShortcuts()).contains(
                WorkbenchIds.NEW_MODEL_WIZARD), "not a File > New shortcut of the perspective");
        // the menus fill when shown, as when the user opens them
        Menu file = submenu(window().getShell().getMenuBar(), "File");
        Menu newMenu = submenu(file, "New");
        List<String> items = Arrays.stream(newMenu.getItems()).map(i -> i.getText().replace("&", "")).toList();
        assertTrue(items.stream().anyMatch(t -> t.startsWith("Model from Template")), "File > New has " + items);
        assertTrue(items.stream().anyMatch(t -> t.startsWith("Other")), "File > New has " + items);
        newMenu.notifyListeners(SWT.Hide, new Event());
        file.notifyListeners(SWT.Hide, new Event());
    }

    @Test
    void theWizardListsEveryTemplateAndWritesTheChosenOneIntoAProject() throws Exception {
        ServiceRegistration<ModelTemplate> registration = FrameworkUtil.getBundle(NewModelWizardTest.class)
                .getBundleContext().registerService(ModelTemplate.class, new TwoStateTemplate(), null);
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("wizard-models");
        try {
            NewModelWizard wizard = new NewModelWizard();
            wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
            WizardDialog dialog = new WizardDialog(window().getShell(), wizard);
            dialog.setBlockOnOpen(false);
            dialog.open();
            NewModelPage page = wizard.page();
            List<String> ids = page.templateIds();
            assertTrue(ids.contains(NetworkModel.ID), "builtin:mtor is not listed: " + ids);
            assertTrue(ids.contains("test_two_state"), "the registered template is not listed: " + ids);
            // the example extension bundle (installed in this test's runtime) contributes builtin:example_feedback
            assertTrue(ids.contains("example_feedback"), "the example bundle's template is not listed: " + ids);
            assertEquals(NetworkModel.ID, ids.get(0), "the workbench's own template comes first");

            page.select("test_two_state");
            page.setTarget("wizard-models", "switch.xml");
            assertTrue(page.isPageComplete(), page.getErrorMessage());
            screenshot(dialog.getShell(), SharedData.outputDir("screenshots").resolve("wizard-new-model.png"));
            dialog.getShell().getDefaultButton().notifyListeners(SWT.Selection, new Event());
            waitUntil(() -> dialog.getShell() == null || dialog.getShell().isDisposed());

            IFile file = wizard.created();
            assertNotNull(file, "nothing written");
            assertTrue(project.exists() && project.isOpen(), "the project was not created");
            assertEquals(project.getFile("switch.xml"), file);
            SBMLDocument doc = new SbmlReader().read(file.getLocation().toPath());
            assertEquals("two_state", doc.getModel().getId());
            assertEquals(2, doc.getModel().getSpeciesCount());

            IWorkbenchPage wp = window().getActivePage();
            IEditorPart editor = wp.getActiveEditor();
            assertNotNull(editor, "the new model was not opened");
            assertEquals(file, ((IFileEditorInput) editor.getEditorInput()).getFile());
            screenshot(window().getShell(), SharedData.outputDir("screenshots").resolve("wizard-model-opened.png"));
            wp.closeAllEditors(false);

            // the same name again is refused on the page, before anything is written
            NewModelWizard again = new NewModelWizard();
            again.init(PlatformUI.getWorkbench(), new StructuredSelection(project));
            WizardDialog second = new WizardDialog(window().getShell(), again);
            second.setBlockOnOpen(false);
            second.open();
            again.page().select("test_two_state");
            again.page().setTarget("wizard-models", "switch.xml");
            assertFalse(again.page().isPageComplete());
            assertTrue(again.page().getErrorMessage().contains("already exists"), again.page().getErrorMessage());
            second.close();
        } finally {
            registration.unregister();
            if (project.exists()) {
                project.delete(true, true, null);
            }
        }
        NewModelWizard after = new NewModelWizard();
        after.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
        after.addPages();
        assertFalse(after.page().templateIds().contains("test_two_state"),
                "a template leaves with its service");
    }

    private static Menu submenu(Menu menu, String text) {
        menu.notifyListeners(SWT.Show, new Event());
        for (MenuItem item : menu.getItems()) {
            if (item.getText().replace("&", "").startsWith(text) && item.getMenu() != null) {
                Menu m = item.getMenu();
                m.notifyListeners(SWT.Show, new Event());
                return m;
            }
        }
        throw new AssertionError("no menu '" + text + "' in " + Arrays.stream(menu.getItems()).map(MenuItem::getText)
                .toList());
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        Display display = Display.getCurrent();
        long end = System.currentTimeMillis() + 60_000;
        while (!condition.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < end, "timed out");
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> { });
                display.sleep();
            }
        }
    }

    private static void screenshot(Shell shell, Path png) throws java.io.IOException {
        Display display = shell.getDisplay();
        while (display.readAndDispatch()) {
            // finish pending paints first
        }
        Point size = shell.getSize();
        Image image = new Image(display, size.x, size.y);
        try {
            GC gc = new GC(image);
            try {
                assertTrue(shell.print(gc), "the shell could not be drawn");
            } finally {
                gc.dispose();
            }
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { image.getImageData() };
            loader.save(png.toString(), SWT.IMAGE_PNG);
        } finally {
            image.dispose();
        }
        assertTrue(Files.size(png) > 1000);
    }
}
