package org.mtorworkbench.ui.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.EditorPart;
import org.mtorworkbench.sbml.ModelSummary;
import org.mtorworkbench.sbml.SbmlException;
import org.mtorworkbench.sbml.SbmlReader;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.NamedSBase;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.SBase;

/**
 * The model overview: the file's SBML level and version, its element counts and a tree of
 * its compartments, species, reactions, parameters, rules and events. The file is read by
 * a background job; the UI thread only fills the viewer.
 */
public final class ModelEditor extends EditorPart {

    /** A row of the element tree: a group heading or one element. */
    record Node(String label, List<Node> children) {
    }

    private Label header;
    private TreeViewer tree;
    private volatile SBMLDocument document;
    private volatile String loadError;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (toPath(input) == null) {
            throw new PartInitException("The model editor opens local files only, not " + input.getName());
        }
        setSite(site);
        setInput(input);
        setPartName(input.getName());
    }

    /** @return the local file behind an editor input, or null */
    static Path toPath(IEditorInput input) {
        if (input instanceof IFileEditorInput f && f.getFile().getLocation() != null) {
            return f.getFile().getLocation().toPath();
        }
        if (input instanceof IURIEditorInput u) {
            URI uri = u.getURI();
            if (uri != null && "file".equals(uri.getScheme())) {
                return Path.of(uri);
            }
        }
        return null;
    }

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        header = new Label(parent, SWT.WRAP);
        header.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        header.setText("Reading " + getEditorInput().getName() + " ...");
        tree = new TreeViewer(parent, SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        tree.getControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        tree.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return ((Node) input).children().toArray();
            }

            @Override
            public Object[] getChildren(Object parentElement) {
                return ((Node) parentElement).children().toArray();
            }

            @Override
            public Object getParent(Object element) {
                return null;
            }

            @Override
            public boolean hasChildren(Object element) {
                return !((Node) element).children().isEmpty();
            }
        });
        tree.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                return ((Node) element).label();
            }
        });
        load();
    }

    private void load() {
        Path file = toPath(getEditorInput());
        Job job = Job.create("Reading " + file.getFileName(), (IProgressMonitor monitor) -> {
            Node root;
            String text;
            try {
                SBMLDocument doc = new SbmlReader().read(file);
                ModelSummary s = ModelSummary.of(doc);
                root = buildTree(doc);
                text = describe(s);
                document = doc;
                loadError = null;
            } catch (SbmlException e) {
                root = new Node("", List.of());
                text = "This file could not be read as SBML:\n" + e.getMessage();
                loadError = e.getMessage();
            }
            Node finalRoot = root;
            String finalText = text;
            if (!header.isDisposed()) {
                header.getDisplay().asyncExec(() -> show(finalText, finalRoot));
            }
            return Status.OK_STATUS;
        });
        job.setUser(false);
        job.schedule();
    }

    private void show(String text, Node root) {
        if (header.isDisposed()) {
            return;
        }
        header.setText(text);
        tree.setInput(root);
        tree.expandToLevel(2);
        header.getParent().layout(true, true);
    }

    static String describe(ModelSummary s) {
        return "SBML level " + s.level() + " version " + s.version() + "   model " + s.modelId()
                + (s.modelName().isEmpty() ? "" : " (" + s.modelName() + ")") + "\n" + s.compartments()
                + " compartments, " + s.species() + " species, " + s.reactions() + " reactions, " + s.parameters()
                + " parameters, " + s.rules() + " rules, " + s.events() + " events; packages: "
                + (s.packages().isEmpty() ? "none" : String.join(", ", s.packages())) + "; layout: "
                + (s.hasLayout() ? "yes" : "no");
    }

    static Node buildTree(SBMLDocument doc) {
        List<Node> groups = new ArrayList<>();
        Model m = doc.getModel();
        if (m != null) {
            groups.add(group("Compartments", m.getListOfCompartments()));
            groups.add(group("Species", m.getListOfSpecies()));
            groups.add(group("Reactions", m.getListOfReactions()));
            groups.add(group("Parameters", m.getListOfParameters()));
            groups.add(group("Rules", m.getListOfRules()));
            groups.add(group("Events", m.getListOfEvents()));
        }
        return new Node("", groups);
    }

    private static Node group(String title, List<? extends SBase> elements) {
        List<Node> rows = new ArrayList<>(elements.size());
        for (SBase e : elements) {
            rows.add(new Node(label(e), List.of()));
        }
        return new Node(title + " (" + elements.size() + ")", rows);
    }

    private static String label(SBase e) {
        if (e instanceof NamedSBase n && n.isSetId()) {
            return n.isSetName() && !n.getName().equals(n.getId()) ? n.getId() + "  " + n.getName() : n.getId();
        }
        if (e instanceof org.sbml.jsbml.ExplicitRule r) {
            return r.getElementName() + " for " + r.getVariable();
        }
        return e.getElementName();
    }

    /** @return the document once read, or null while loading or after a failure */
    public SBMLDocument getDocument() {
        return document;
    }

    /** @return the document for {@code SBMLDocument.class} once loaded (how other parts find the model) */
    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == SBMLDocument.class && document != null) {
            return adapter.cast(document);
        }
        return super.getAdapter(adapter);
    }

    /** @return the error message if the file could not be read, else null */
    public String getLoadError() {
        return loadError;
    }

    @Override
    public void setFocus() {
        tree.getControl().setFocus();
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        // The overview never changes the model, so there is nothing to save.
    }

    @Override
    public void doSaveAs() {
        // See doSave: the overview is read-only.
    }

    @Override
    public boolean isDirty() {
        return false;
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }
}
