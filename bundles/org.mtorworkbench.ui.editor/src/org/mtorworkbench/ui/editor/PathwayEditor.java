package org.mtorworkbench.ui.editor;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Set;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.core.commands.operations.IOperationHistoryListener;
import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.commands.operations.IUndoableOperation;
import org.eclipse.core.commands.operations.ObjectUndoContext;
import org.eclipse.core.commands.operations.OperationHistoryEvent;
import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.core.runtime.ListenerList;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.ide.FileStoreEditorInput;
import org.eclipse.ui.operations.RedoActionHandler;
import org.eclipse.ui.operations.UndoActionHandler;
import org.eclipse.ui.part.EditorPart;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.mtorworkbench.diagram.AutoLayout;
import org.mtorworkbench.diagram.AutoLayoutOptions;
import org.mtorworkbench.diagram.Diagram;
import org.mtorworkbench.sbml.SbmlException;
import org.mtorworkbench.sbml.SbmlReader;
import org.mtorworkbench.ui.editor.internal.DeleteOperation;
import org.mtorworkbench.ui.editor.internal.DiagramCanvas;
import org.mtorworkbench.ui.editor.internal.DocumentFiles;
import org.mtorworkbench.ui.editor.internal.MoveOperation;
import org.mtorworkbench.ui.editor.internal.OutlinePages;
import org.mtorworkbench.ui.editor.internal.RelayoutOperation;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.ext.layout.Layout;

/**
 * The graphical pathway editor, the default editor of SBML files. It reads the file in a
 * background job (laying it out with ELK when it has no layout), shows its SBML Layout as
 * SBGN glyphs, and edits the JSBML document itself: every change is an undoable operation
 * in the workbench's operation history (Edit &gt; Undo/Redo), the editor is dirty while
 * the history differs from the last save, and Save writes the document with its layout.
 */
public final class PathwayEditor extends EditorPart {

    /** The editor's id. */
    public static final String ID = "org.mtorworkbench.ui.editor.pathwayEditor";

    private Path file;
    private volatile SBMLDocument document;
    private volatile Layout layout;
    private volatile String loadError;
    private boolean layoutAdded;
    private DiagramCanvas canvas;
    private Label zoomLabel;
    private IUndoContext undoContext;
    private IOperationHistory history;
    private IUndoableOperation savePoint;
    private final IOperationHistoryListener historyListener = this::historyChanged;
    private final SelectionProvider selectionProvider = new SelectionProvider();
    private IContentOutlinePage outline;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        Path p = toPath(input);
        if (p == null) {
            throw new PartInitException("The pathway editor opens local files only, not " + input.getName());
        }
        setSite(site);
        setInput(input);
        setPartName(input.getName());
        file = p;
        undoContext = new ObjectUndoContext(this, "Pathway diagram " + input.getName());
        history = PlatformUI.getWorkbench().getOperationSupport().getOperationHistory();
        history.addOperationHistoryListener(historyListener);
        site.setSelectionProvider(selectionProvider);
        site.getActionBars().setGlobalActionHandler(ActionFactory.UNDO.getId(), new UndoActionHandler(site, undoContext));
        site.getActionBars().setGlobalActionHandler(ActionFactory.REDO.getId(), new RedoActionHandler(site, undoContext));
        Action delete = new Action("Delete") {
            @Override
            public void run() {
                deleteSelection(true);
            }
        };
        site.getActionBars().setGlobalActionHandler(ActionFactory.DELETE.getId(), delete);
        Action selectAll = new Action("Select All") {
            @Override
            public void run() {
                if (canvas != null) {
                    canvas.setSelection(Set.copyOf(canvas.getDiagram().nodesInside(canvas.getDiagram().bounds())));
                }
            }
        };
        site.getActionBars().setGlobalActionHandler(ActionFactory.SELECT_ALL.getId(), selectAll);
    }

    /** @return the local file behind an editor input, or null */
    static Path toPath(IEditorInput input) {
        if (input instanceof IFileEditorInput f) {
            return f.getFile().getLocation() == null ? null : f.getFile().getLocation().toPath();
        }
        URI uri = input instanceof IURIEditorInput u ? u.getURI() : null;
        return uri != null && "file".equals(uri.getScheme()) ? Path.of(uri) : null;
    }

    @Override
    public void createPartControl(Composite parent) {
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 0;
        gl.marginHeight = 0;
        gl.verticalSpacing = 0;
        parent.setLayout(gl);
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(2, false));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        ToolBar tools = new ToolBar(bar, SWT.FLAT);
        tool(tools, "Zoom Out", () -> canvas.setZoom(canvas.getZoom() / 1.25));
        tool(tools, "Zoom In", () -> canvas.setZoom(canvas.getZoom() * 1.25));
        tool(tools, "100%", () -> canvas.setZoom(1));
        tool(tools, "Fit", () -> canvas.fit());
        tool(tools, "Layout", this::relayout);
        zoomLabel = new Label(bar, SWT.NONE);
        zoomLabel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        zoomLabel.setText("Reading " + getEditorInput().getName() + " ...");
        canvas = new DiagramCanvas(parent);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        canvas.addListener(SWT.Paint, e -> showZoom());
        canvas.setMoveHandler((ids, dx, dy) -> execute(new MoveOperation(layout, ids, dx, dy)));
        canvas.addSelectionListener(ids -> selectionProvider.fire(new StructuredSelection(ids.toArray())));
        load();
    }

    /**
     * Lays the diagram out again: ELK runs in a background job on a copy taken now; the
     * glyphs move on the UI thread as one undoable operation when it is done.
     */
    private void relayout() {
        if (layout == null) {
            return;
        }
        Layout target = layout;
        org.sbml.jsbml.SBMLDocument copy = target.getSBMLDocument().clone();
        org.eclipse.core.runtime.jobs.Job job = org.eclipse.core.runtime.jobs.Job.create(
                "Laying out " + getEditorInput().getName(), monitor -> {
                    var placement = RelayoutOperation.placement(copy);
                    canvas.getDisplay().asyncExec(() -> {
                        if (!canvas.isDisposed() && layout == target) {
                            execute(new RelayoutOperation(target, placement));
                            canvas.fit();
                        }
                    });
                    return org.eclipse.core.runtime.Status.OK_STATUS;
                });
        job.setUser(true);
        job.schedule();
    }

    private static void tool(ToolBar bar, String text, Runnable r) {
        ToolItem item = new ToolItem(bar, SWT.PUSH);
        item.setText(text);
        item.addListener(SWT.Selection, e -> r.run());
    }

    private void showZoom() {
        if (!zoomLabel.isDisposed() && document != null) {
            String text = Math.round(canvas.getZoom() * 100) + "%   layout " + layout.getId()
                    + (layoutAdded ? " (laid out automatically; save to keep it)" : "");
            if (!text.equals(zoomLabel.getText())) {
                zoomLabel.setText(text);
            }
        }
    }

    private void load() {
        Display display = canvas.getDisplay();
        Job job = Job.create("Reading " + file.getFileName(), (IProgressMonitor monitor) -> {
            try {
                SBMLDocument doc = new SbmlReader().read(file);
                if (doc.getModel() == null) {
                    throw new IllegalArgumentException(file + ": the document has no model to draw");
                }
                boolean had = !AutoLayout.layouts(doc.getModel()).isEmpty();
                Layout l = AutoLayout.firstOrCreate(doc, AutoLayoutOptions.DEFAULTS);
                Diagram d = Diagram.of(l);
                display.asyncExec(() -> shown(doc, l, !had, d));
            } catch (SbmlException | RuntimeException e) {
                loadError = e.getMessage() == null ? e.toString() : e.getMessage();
                display.asyncExec(() -> {
                    if (!zoomLabel.isDisposed()) {
                        zoomLabel.setText("This file could not be drawn: " + loadError);
                    }
                });
            }
            return Status.OK_STATUS;
        });
        job.setUser(false);
        job.schedule();
    }

    private void shown(SBMLDocument doc, Layout l, boolean added, Diagram d) {
        if (canvas.isDisposed()) {
            return;
        }
        layout = l;
        layoutAdded = added;
        document = doc;
        canvas.setDiagram(d);
        canvas.fit();
        if (outline instanceof OutlinePages.Refreshable r) {
            r.refresh(d);
        }
        firePropertyChange(PROP_DIRTY);
    }

    /** Runs an operation in the workbench history, in this editor's undo context. */
    public void execute(IUndoableOperation op) {
        if (document == null || !op.canExecute()) {
            return;
        }
        op.addContext(undoContext);
        try {
            history.execute(op, null, null);
        } catch (ExecutionException e) {
            MessageDialog.openError(getSite().getShell(), op.getLabel(), e.getMessage());
        }
    }

    /**
     * Deletes the selected glyphs and the model elements they stand for.
     *
     * @param ask whether to ask the user first
     */
    public void deleteSelection(boolean ask) {
        if (document == null || canvas.getSelection().isEmpty()) {
            return;
        }
        DeleteOperation op = new DeleteOperation(layout, canvas.getSelection());
        if (!op.canExecute()) {
            return;
        }
        if (ask && !MessageDialog.openQuestion(getSite().getShell(), "Delete",
                "Delete " + op.describe() + " from the model?")) {
            return;
        }
        execute(op);
    }

    private void historyChanged(OperationHistoryEvent e) {
        int t = e.getEventType();
        if ((t == OperationHistoryEvent.DONE || t == OperationHistoryEvent.UNDONE || t == OperationHistoryEvent.REDONE)
                && e.getOperation().hasContext(undoContext)) {
            refresh();
        }
    }

    private void refresh() {
        if (canvas == null || canvas.isDisposed() || layout == null) {
            return;
        }
        Diagram d = Diagram.of(layout);
        canvas.setDiagram(d);
        if (outline instanceof OutlinePages.Refreshable r) {
            r.refresh(d);
        }
        firePropertyChange(PROP_DIRTY);
    }

    @Override
    public boolean isDirty() {
        return document != null && (layoutAdded || history.getUndoOperation(undoContext) != savePoint);
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        saveTo(file);
    }

    @Override
    public boolean isSaveAsAllowed() {
        return true;
    }

    @Override
    public void doSaveAs() {
        FileDialog d = new FileDialog(getSite().getShell(), SWT.SAVE);
        d.setFilterExtensions(new String[] { "*.xml;*.sbml", "*" });
        d.setFileName(file.getFileName().toString());
        d.setFilterPath(file.getParent().toString());
        d.setOverwrite(true);
        String chosen = d.open();
        if (chosen != null) {
            saveAs(Path.of(chosen));
        }
    }

    /** Saves to another file, which the editor then shows. */
    public void saveAs(Path target) {
        if (saveTo(target)) {
            file = target;
            setInputWithNotify(new FileStoreEditorInput(EFS.getLocalFileSystem().getStore(target.toUri())));
            setPartName(target.getFileName().toString());
        }
    }

    private boolean saveTo(Path target) {
        if (document == null) {
            return false;
        }
        try {
            DocumentFiles.save(document, target);
        } catch (IOException e) {
            MessageDialog.openError(getSite().getShell(), "Save", "The model was not saved, and " + target
                    + " is unchanged: " + e.getMessage());
            return false;
        }
        if (getEditorInput() instanceof IFileEditorInput f && target.equals(file)) {
            try {
                f.getFile().refreshLocal(IResource.DEPTH_ZERO, null);
            } catch (CoreException e) {
                // the workspace catches up with the file system on its next refresh
            }
        }
        savePoint = history.getUndoOperation(undoContext);
        layoutAdded = false;
        firePropertyChange(PROP_DIRTY);
        return true;
    }

    @Override
    public void setFocus() {
        canvas.setFocus();
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == IContentOutlinePage.class && canvas != null) {
            if (outline == null) {
                outline = OutlinePages.create(canvas);
            }
            return adapter.cast(outline);
        }
        return super.getAdapter(adapter);
    }

    @Override
    public void dispose() {
        history.removeOperationHistoryListener(historyListener);
        history.dispose(undoContext, true, true, true);
        super.dispose();
    }

    /** @return the document edited, or null while it is being read */
    public SBMLDocument getDocument() {
        return document;
    }

    /** @return the layout shown, or null while the document is being read */
    public Layout getLayout() {
        return layout;
    }

    /** @return why the file could not be shown, or null */
    public String getLoadError() {
        return loadError;
    }

    /** @return the diagram canvas */
    public DiagramCanvas getCanvas() {
        return canvas;
    }

    /** @return this editor's undo context in the workbench operation history */
    public IUndoContext getUndoContext() {
        return undoContext;
    }

    /** Publishes the diagram's selection (ids of glyphs) to the workbench. */
    private final class SelectionProvider implements ISelectionProvider {
        private final ListenerList<ISelectionChangedListener> listeners = new ListenerList<>();
        private ISelection selection = StructuredSelection.EMPTY;

        void fire(ISelection s) {
            selection = s;
            SelectionChangedEvent e = new SelectionChangedEvent(this, s);
            for (ISelectionChangedListener l : listeners) {
                l.selectionChanged(e);
            }
        }

        @Override
        public void addSelectionChangedListener(ISelectionChangedListener l) {
            listeners.add(l);
        }

        @Override
        public ISelection getSelection() {
            return selection;
        }

        @Override
        public void removeSelectionChangedListener(ISelectionChangedListener l) {
            listeners.remove(l);
        }

        @Override
        public void setSelection(ISelection s) {
            if (canvas != null && s instanceof StructuredSelection ss) {
                canvas.setSelection(Set.copyOf(ss.toList().stream().map(String::valueOf).toList()));
            }
        }
    }
}
