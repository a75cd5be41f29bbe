package org.mtorworkbench.ui.internal;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.mtorworkbench.network.extension.ModelTemplate;

/** The page of the new model wizard: a template, a project and a file name. */
public final class NewModelPage extends WizardPage {

    private final List<ModelTemplate> templates;
    private final String initialProject;
    private Table table;
    private Label description;
    private Combo project;
    private Text file;
    private boolean fileEdited;

    NewModelPage(List<ModelTemplate> templates, String initialProject) {
        super("template");
        this.templates = List.copyOf(templates);
        this.initialProject = initialProject;
        setTitle("Model from Template");
        setDescription("Start a model from one of the templates the workbench and its extensions provide.");
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(2, false));
        Label l = new Label(c, SWT.NONE);
        l.setText("&Template:");
        l.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
        table = new Table(c, SWT.SINGLE | SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridData td = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
        td.heightHint = 150;
        td.widthHint = 520;
        table.setLayoutData(td);
        TableColumn name = new TableColumn(table, SWT.LEFT);
        name.setText("Name");
        TableColumn id = new TableColumn(table, SWT.LEFT);
        id.setText("Command line");
        for (ModelTemplate t : templates) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] { t.name(), "builtin:" + t.id() });
        }
        name.pack();
        id.pack();
        table.addListener(SWT.Selection, e -> templateChanged());
        description = new Label(c, SWT.WRAP);
        GridData dd = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        dd.widthHint = 520;
        dd.heightHint = 40;
        description.setLayoutData(dd);

        new Label(c, SWT.NONE).setText("&Project:");
        project = new Combo(c, SWT.DROP_DOWN);
        project.setItems(Arrays.stream(ResourcesPlugin.getWorkspace().getRoot().getProjects())
                .filter(IProject::isOpen).map(IProject::getName).toArray(String[]::new));
        project.setText(initialProject);
        project.setToolTipText("A project of the workspace; a new name creates the project");
        project.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        project.addListener(SWT.Modify, e -> validate());
        new Label(c, SWT.NONE).setText("&File name:");
        file = new Text(c, SWT.BORDER);
        file.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        file.addListener(SWT.Modify, e -> validate());
        file.addListener(SWT.KeyDown, e -> fileEdited = true);
        setControl(c);
        if (!templates.isEmpty()) {
            table.select(0);
            templateChanged();
        } else {
            setErrorMessage("No bundle provides a model template");
            setPageComplete(false);
        }
    }

    private void templateChanged() {
        ModelTemplate t = template();
        if (t == null) {
            return;
        }
        description.setText(t.description());
        if (!fileEdited) {
            file.setText(t.id() + ".xml");
        }
        validate();
    }

    private void validate() {
        String problem = template() == null ? "Choose a template" : NewModelWizard.check(projectName(), fileName());
        setErrorMessage(problem);
        setPageComplete(problem == null);
    }

    /** @return the chosen template, or null */
    public ModelTemplate template() {
        int i = table.getSelectionIndex();
        return i < 0 ? null : templates.get(i);
    }

    /** @return the ids of the templates listed, in order */
    public List<String> templateIds() {
        return templates.stream().map(ModelTemplate::id).toList();
    }

    /** Chooses a template by id, as a click on its row does. */
    public void select(String id) {
        int i = templateIds().indexOf(id);
        if (i < 0) {
            throw new IllegalArgumentException("no template '" + id + "' is listed");
        }
        table.select(i);
        templateChanged();
    }

    /** Sets the project and file name, as typing them does. */
    public void setTarget(String projectName, String fileName) {
        project.setText(projectName);
        fileEdited = true;
        file.setText(fileName);
    }

    String projectName() {
        return project.getText().trim();
    }

    String fileName() {
        return file.getText().trim();
    }
}
