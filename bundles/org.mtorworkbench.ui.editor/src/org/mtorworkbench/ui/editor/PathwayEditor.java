package org.mtorworkbench.ui.editor;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.mtorworkbench.sbml.SbmlProblem;
import org.mtorworkbench.sbml.SbmlValidator;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.ui.editor.internal.AlignOperation;
import org.mtorworkbench.ui.editor.internal.CopyPaste;
import org.mtorworkbench.ui.editor.internal.Creations;
import org.mtorworkbench.ui.editor.internal.DeleteOperation;
import org.mtorworkbench.ui.editor.internal.ElementProperties;
import org.mtorworkbench.ui.editor.internal.InsertOperation;
import org.mtorworkbench.ui.editor.internal.PaletteEntries;
import org.mtorworkbench.ui.editor.internal.ProblemMarkers;
import org.mtorworkbench.ui.editor.internal.ResizeOperation;
import org.mtorworkbench.ui.editor.internal.ResultColours;
import org.mtorworkbench.ui.editor.internal.DiagramCanvas;
import org.mtorworkbench.ui.editor.internal.Icons;
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
    private List<PaletteEntry> palette = List.of();
    private final Map<String, ToolItem> paletteItems = new LinkedHashMap<>();
    private final List<org.eclipse.swt.graphics.Image> images = new ArrayList<>();
    private CopyPaste.Snapshot clipboard;
    private int pastes;
    private volatile List<SbmlProblem> problems = List.of();
    private volatile Job validation;
    private volatile LoadTimes loadTimes;
    private ResultColours results;
    private Composite resultBar;
    private org.eclipse.swt.widgets.Scale timeSlider;
    private Label timeLabel;
    private Composite top;

    /** The context of the editor's key bindings, active while a pathway editor is the active part. */
    public static final String CONTEXT_ID = "org.mtorworkbench.ui.editor.context";

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
        site.getActionBars().setGlobalActionHandler(ActionFactory.COPY.getId(), new Action("Copy") {
            @Override
            public void run() {
                copySelection();
            }
        });
        site.getActionBars().setGlobalActionHandler(ActionFactory.PASTE.getId(), new Action("Paste") {
            @Override
            public void run() {
                paste();
            }
        });
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
        top = parent;
        // the editor's key bindings (zoom, fit, layout, simulate) apply while it is the active part
        org.eclipse.ui.contexts.IContextService contexts = getSite().getService(org.eclipse.ui.contexts.IContextService.class);
        if (contexts != null) {
            contexts.activateContext(CONTEXT_ID);
        }
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(2, false));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        ToolBar tools = new ToolBar(bar, SWT.FLAT | SWT.WRAP);
        tool(tools, Icons.Action.ZOOM_OUT, "Zoom Out (Ctrl+-)", this::zoomOut);
        tool(tools, Icons.Action.ZOOM_IN, "Zoom In (Ctrl+=)", this::zoomIn);
        tool(tools, Icons.Action.ACTUAL_SIZE, "Actual Size, 100% (Ctrl+1)", this::zoomToActualSize);
        tool(tools, Icons.Action.FIT, "Fit the Diagram to the Window (Ctrl+0)", this::fit);
        tool(tools, Icons.Action.LAYOUT, "Lay Out the Diagram (Ctrl+Alt+L)", this::relayout);
        tool(tools, Icons.Action.LAYOUT_SELECTION, "Lay Out the Selection (Ctrl+Alt+Shift+L)", this::relayoutSelection);
        alignMenu(tools);
        tool(tools, Icons.Action.SIMULATE, "Simulate... (Ctrl+R)", this::askAndSimulate);
        zoomLabel = new Label(bar, SWT.NONE);
        zoomLabel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        zoomLabel.setText("Reading " + getEditorInput().getName() + " ...");
        createPalette(parent);
        createResultBar(parent);
        canvas = new DiagramCanvas(parent);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        canvas.addListener(SWT.Paint, e -> showZoom());
        canvas.setMoveHandler((ids, dx, dy) -> execute(new MoveOperation(layout, ids, dx, dy)));
        canvas.setResizeHandler((id, w, h) -> execute(new ResizeOperation(layout, id, w, h)));
        canvas.setPlaceHandler(this::place);
        canvas.setConnectHandler(this::connect);
        canvas.setRenameHandler(this::renameInPlace);
        canvas.addToolListener(this::showTool);
        canvas.addSelectionListener(this::publishSelection);
        load();
    }

    /** The palette: Select, then one tool per contributed entry (the workbench's own first). */
    private void createPalette(Composite parent) {
        palette = PaletteEntries.installed();
        ToolBar bar = new ToolBar(parent, SWT.FLAT | SWT.WRAP | SWT.RIGHT);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        ToolItem select = new ToolItem(bar, SWT.RADIO);
        select.setImage(image(Icons.action(Icons.Action.SELECT)));
        select.setToolTipText("Select, move and resize (Esc)");
        select.setSelection(true);
        select.addListener(SWT.Selection, e -> {
            if (select.getSelection()) {
                canvas.setTool(null);
            }
        });
        paletteItems.put("select", select);
        for (PaletteEntry entry : palette) {
            ToolItem item = new ToolItem(bar, SWT.RADIO);
            item.setToolTipText(entry.label() + " (" + entry.kind().xmlName()
                    + (entry.sboTerm() >= 0 ? String.format(", SBO:%07d", entry.sboTerm()) : "") + ")");
            org.eclipse.swt.graphics.Image img = entry.icon() == null ? null
                    : org.eclipse.jface.resource.ImageDescriptor.createFromURL(entry.icon()).createImage(false);
            if (img != null) {
                images.add(img);
            }
            // an entry without an icon of its own shows the glyph it creates, drawn by the diagram painter
            item.setImage(img != null ? img : image(Icons.palette(entry)));
            item.addListener(SWT.Selection, e -> {
                if (item.getSelection() && canvas.getTool() != entry) {
                    canvas.setTool(entry);
                }
            });
            paletteItems.put(entry.id(), item);
        }
    }

    private void showTool(PaletteEntry entry) {
        String id = entry == null ? "select" : entry.id();
        paletteItems.forEach((k, item) -> {
            if (!item.isDisposed()) {
                item.setSelection(k.equals(id));
            }
        });
        if (entry != null && entry.kind().connects()) {
            zoomLabel.setText(switch (entry.kind()) {
                case REACTION -> entry.label() + ": click the reactant (or the background for a source), then the product"
                        + " (or the background for a sink)";
                case PRODUCT -> entry.label() + ": click the process node, then the product";
                default -> entry.label() + ": click the species, then the process node";
            });
        }
    }

    private void alignMenu(ToolBar tools) {
        ToolItem align = new ToolItem(tools, SWT.DROP_DOWN);
        align.setImage(image(Icons.action(Icons.Action.ALIGN)));
        align.setToolTipText("Align the Selection");
        org.eclipse.swt.widgets.Menu menu = new org.eclipse.swt.widgets.Menu(tools.getShell(), SWT.POP_UP);
        for (AlignOperation.Alignment a : AlignOperation.Alignment.values()) {
            org.eclipse.swt.widgets.MenuItem mi = new org.eclipse.swt.widgets.MenuItem(menu, SWT.PUSH);
            mi.setText(switch (a) {
                case LEFT -> "Left Edges";
                case RIGHT -> "Right Edges";
                case TOP -> "Top Edges";
                case BOTTOM -> "Bottom Edges";
                case CENTER -> "Centres (vertical line)";
                case MIDDLE -> "Middles (horizontal line)";
            });
            mi.addListener(SWT.Selection, e -> align(a));
        }
        align.addListener(SWT.Selection, e -> {
            org.eclipse.swt.graphics.Rectangle r = align.getBounds();
            org.eclipse.swt.graphics.Point p = tools.toDisplay(r.x, r.y + r.height);
            menu.setLocation(p);
            menu.setVisible(true);
        });
        tools.addListener(SWT.Dispose, e -> menu.dispose());
    }

    private void createResultBar(Composite parent) {
        resultBar = new Composite(parent, SWT.NONE);
        resultBar.setLayout(new GridLayout(3, false));
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false);
        gd.exclude = true;
        resultBar.setLayoutData(gd);
        resultBar.setVisible(false);
        new Label(resultBar, SWT.NONE).setText("Time");
        timeSlider = new org.eclipse.swt.widgets.Scale(resultBar, SWT.HORIZONTAL);
        timeSlider.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        timeSlider.addListener(SWT.Selection, e -> showTime(timeSlider.getSelection()));
        timeLabel = new Label(resultBar, SWT.NONE);
        timeLabel.setLayoutData(new GridData(120, SWT.DEFAULT));
    }

    private void publishSelection(Set<String> ids) {
        List<Object> items = new ArrayList<>();
        for (String id : ids) {
            items.add(layout == null ? id : new ElementProperties(layout, id, this::execute));
        }
        selectionProvider.fire(new StructuredSelection(items));
    }

    /**
     * Lays the diagram out again: ELK runs in a background job on a copy taken now; the
     * glyphs move on the UI thread as one undoable operation when it is done.
     */
    private void relayoutSelection() {
        if (layout == null) {
            return;
        }
        Layout target = layout;
        Set<String> ids = canvas.getSelection();
        SBMLDocument copy = target.getSBMLDocument().clone();
        Job job = Job.create("Laying out the selection of " + getEditorInput().getName(), monitor -> {
            var placement = RelayoutOperation.placementOfSelection(copy, target, ids);
            canvas.getDisplay().asyncExec(() -> {
                if (!canvas.isDisposed() && layout == target) {
                    if (placement.isEmpty()) {
                        zoomLabel.setText("Select two or more species or process nodes to lay them out");
                    } else {
                        execute(new RelayoutOperation(target, placement, ids));
                    }
                }
            });
            return Status.OK_STATUS;
        });
        job.setUser(true);
        job.schedule();
    }

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

    private void tool(ToolBar bar, Icons.Action icon, String tooltip, Runnable r) {
        ToolItem item = new ToolItem(bar, SWT.PUSH);
        item.setImage(image(Icons.action(icon)));
        item.setToolTipText(tooltip);
        item.addListener(SWT.Selection, e -> r.run());
    }

    /** @return an image of the editor's, disposed with it */
    private org.eclipse.swt.graphics.Image image(org.eclipse.swt.graphics.ImageData data) {
        org.eclipse.swt.graphics.Image img = new org.eclipse.swt.graphics.Image(top.getDisplay(), data);
        images.add(img);
        return img;
    }

    /** Zooms in by a quarter (the Zoom In command, Ctrl+=). */
    public void zoomIn() {
        if (canvas != null && !canvas.isDisposed()) {
            canvas.setZoom(canvas.getZoom() * 1.25);
        }
    }

    /** Zooms out by a fifth (the Zoom Out command, Ctrl+-). */
    public void zoomOut() {
        if (canvas != null && !canvas.isDisposed()) {
            canvas.setZoom(canvas.getZoom() / 1.25);
        }
    }

    /** Shows the diagram at 100% (Ctrl+1). */
    public void zoomToActualSize() {
        if (canvas != null && !canvas.isDisposed()) {
            canvas.setZoom(1);
        }
    }

    /** Fits the whole diagram into the window (Ctrl+0). */
    public void fit() {
        if (canvas != null && !canvas.isDisposed()) {
            canvas.fit();
        }
    }

    /** Lays the whole diagram out again with ELK (Ctrl+Alt+L), as one undoable operation. */
    public void layoutDiagram() {
        relayout();
    }

    /** Lays out the selected species and reactions (Ctrl+Alt+Shift+L). */
    public void layoutSelection() {
        relayoutSelection();
    }

    /** Asks for the end time and simulates the model, colouring the diagram by the result (Ctrl+R). */
    public void simulateWithDialog() {
        askAndSimulate();
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
        long scheduled = System.nanoTime();
        Job job = Job.create("Reading " + file.getFileName(), (IProgressMonitor monitor) -> {
            try {
                long t0 = System.nanoTime();
                SBMLDocument doc = new SbmlReader().read(file);
                long t1 = System.nanoTime();
                if (doc.getModel() == null) {
                    throw new IllegalArgumentException(file + ": the document has no model to draw");
                }
                boolean had = !AutoLayout.layouts(doc.getModel()).isEmpty();
                Layout l = AutoLayout.firstOrCreate(doc, AutoLayoutOptions.DEFAULTS);
                long t2 = System.nanoTime();
                Diagram d = Diagram.of(l);
                long t3 = System.nanoTime();
                display.asyncExec(() -> {
                    long t4 = System.nanoTime();
                    shown(doc, l, !had, d);
                    loadTimes = new LoadTimes(ms(scheduled, t0), ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t3, t4),
                            ms(t4, System.nanoTime()));
                });
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

    private static double ms(long from, long to) {
        return (to - from) / 1e6;
    }

    /**
     * Where the time to open a file went, in milliseconds: waiting for the reading job to
     * start, reading the SBML, finding or computing the layout (ELK), building the figures,
     * waiting for the user interface thread, and showing the figures (fit, outline).
     */
    public record LoadTimes(double queued, double read, double layout, double figures, double handOver, double show) {
        @Override
        public String toString() {
            return String.format("queued %.0f ms, read %.0f ms, layout %.0f ms, figures %.0f ms, hand-over %.0f ms,"
                    + " show %.0f ms", queued, read, layout, figures, handOver, show);
        }
    }

    /** @return where the time to open the file went, or null until it is shown */
    public LoadTimes getLoadTimes() {
        return loadTimes;
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
        validate();
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
        canvas.setDecorations(ProblemMarkers.decorations(layout, problems));
        if (results != null) {
            canvas.setFills(results.fills(d, timeSlider.getSelection()));
            canvas.setArcStyles(results.arcStyles(d, timeSlider.getSelection()));
        }
        if (outline instanceof OutlinePages.Refreshable r) {
            r.refresh(d);
        }
        publishSelection(canvas.getSelection());
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
        validate();
        return true;
    }

    @Override
    public void setFocus() {
        canvas.setFocus();
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == SBMLDocument.class && document != null) {
            return adapter.cast(document); // the launcher runs the model of the active editor through this
        }
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
        images.forEach(org.eclipse.swt.graphics.Image::dispose);
        history.removeOperationHistoryListener(historyListener);
        history.dispose(undoContext, true, true, true);
        super.dispose();
    }

    private void place(PaletteEntry entry, double x, double y) {
        if (layout == null) {
            return;
        }
        try {
            created(new Creations(layout).node(entry, x, y));
        } catch (IllegalArgumentException e) {
            zoomLabel.setText(e.getMessage());
        }
    }

    private void connect(PaletteEntry entry, String first, double[] firstPoint, String second, double[] secondPoint) {
        if (layout == null) {
            return;
        }
        try {
            Creations c = new Creations(layout);
            created(entry.kind() == ElementKind.REACTION ? c.reaction(entry, speciesGlyph(first), firstPoint,
                    speciesGlyph(second), secondPoint) : c.arc(entry, first, second));
        } catch (IllegalArgumentException e) {
            zoomLabel.setText(e.getMessage());
        }
    }

    /** @return the glyph id if it is a species glyph, else null (the background) */
    private String speciesGlyph(String id) {
        return id != null && layout.getSpeciesGlyph(id) != null ? id : null;
    }

    private void created(InsertOperation op) {
        execute(op);
        canvas.setSelection(Set.copyOf(op.glyphIds()));
    }

    /** Opens a text field over a node to rename its element (the name; the id stays). */
    public void renameInPlace(String glyphId) {
        if (layout == null) {
            return;
        }
        ElementProperties p = new ElementProperties(layout, glyphId, this::execute);
        if (p.element() == null) {
            return;
        }
        canvas.editLabel(glyphId, String.valueOf(p.getPropertyValue(ElementProperties.NAME)),
                text -> p.setPropertyValue(ElementProperties.NAME, text));
    }

    /** Copies the selected species and reactions (with their glyphs) to this editor's clipboard. */
    public void copySelection() {
        if (layout != null && !canvas.getSelection().isEmpty()) {
            CopyPaste.Snapshot s = CopyPaste.copy(layout, canvas.getSelection());
            if (s.size() > 0) {
                clipboard = s;
                pastes = 0;
            }
        }
    }

    /** Pastes what was copied last, with new ids, offset from the originals, and selects it. */
    public void paste() {
        if (layout == null || clipboard == null) {
            return;
        }
        pastes++;
        InsertOperation op = CopyPaste.paste(layout, clipboard, 30.0 * pastes, 30.0 * pastes);
        if (op != null) {
            created(op);
        }
    }

    /** Aligns the selected glyphs. */
    public void align(AlignOperation.Alignment a) {
        if (layout != null) {
            execute(new AlignOperation(layout, canvas.getSelection(), a));
        }
    }

    /**
     * Checks the saved file with the validator in a background job, then shows the problems as
     * markers (for files in the workspace) and as badges on the glyphs.
     *
     * @return the job
     */
    public Job validate() {
        Path f = file;
        Display display = canvas.getDisplay();
        Job job = Job.create("Validating " + f.getFileName(), monitor -> {
            List<SbmlProblem> found;
            try {
                found = new SbmlValidator().validate(new SbmlReader().read(f));
            } catch (SbmlException e) {
                found = List.of(new SbmlProblem(SbmlProblem.Severity.ERROR, "", -1, e.getMessage(), "workbench"));
            }
            List<SbmlProblem> result = List.copyOf(found);
            if (getEditorInput() instanceof IFileEditorInput in && in.getFile().getLocation() != null
                    && f.equals(in.getFile().getLocation().toPath())) {
                try {
                    ProblemMarkers.mark(in.getFile(), result);
                } catch (CoreException e) {
                    return e.getStatus();
                }
            }
            display.asyncExec(() -> {
                problems = result;
                if (!canvas.isDisposed() && layout != null) {
                    canvas.setDecorations(ProblemMarkers.decorations(layout, result));
                }
            });
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        validation = job;
        job.schedule();
        return job;
    }

    /** @return the last validation job scheduled, or null */
    public Job getValidationJob() {
        return validation;
    }

    /** @return the problems found by the last validation */
    public List<SbmlProblem> getProblems() {
        return problems;
    }

    private void askAndSimulate() {
        org.eclipse.jface.dialogs.InputDialog d = new org.eclipse.jface.dialogs.InputDialog(getSite().getShell(),
                "Colour by Simulation", "Simulate the model from its initial state to time (model time units):", "100",
                v -> {
                    try {
                        double t = Double.parseDouble(v.trim());
                        return t > 0 && Double.isFinite(t) ? null : "give a positive end time";
                    } catch (NumberFormatException e) {
                        return "'" + v + "' is not a number";
                    }
                });
        if (d.open() == org.eclipse.jface.window.Window.OK) {
            simulate(Double.parseDouble(d.getValue().trim()), 100);
        }
    }

    /**
     * Simulates a copy of the model in a background job, then colours the species glyphs by
     * their values, draws each reaction's arcs by its flux and shows the time slider and the legend.
     *
     * @return the job
     */
    public Job simulate(double tEnd, int points) {
        if (document == null) {
            return null;
        }
        SBMLDocument copy = document.clone();
        Job job = Job.create("Simulating " + getEditorInput().getName(), monitor -> {
            try {
                ResultColours r = ResultColours.simulate(copy, tEnd, points, monitor);
                canvas.getDisplay().asyncExec(() -> showResults(r));
                return Status.OK_STATUS;
            } catch (SimulationException | RuntimeException e) {
                canvas.getDisplay().asyncExec(() -> {
                    if (!zoomLabel.isDisposed()) {
                        zoomLabel.setText("The model could not be simulated: " + e.getMessage());
                    }
                });
                return Status.OK_STATUS;
            }
        });
        job.setUser(true);
        job.schedule();
        return job;
    }

    private void showResults(ResultColours r) {
        if (canvas.isDisposed()) {
            return;
        }
        results = r;
        timeSlider.setMinimum(0);
        timeSlider.setMaximum(r.size() - 1);
        timeSlider.setIncrement(1);
        timeSlider.setPageIncrement(Math.max(1, r.size() / 10));
        ((GridData) resultBar.getLayoutData()).exclude = false;
        resultBar.setVisible(true);
        top.layout(true, true);
        canvas.setLegend(new DiagramCanvas.Legend("value / peak of each species", ResultColours.LOW,
                ResultColours.HIGH, "0", "peak",
                new DiagramCanvas.ArcLegend("arcs: |flux| of each reaction", ResultColours.arcStyle(0),
                        ResultColours.arcStyle(1), "0", String.format("%.3g", r.fluxPeak()))));
        showTime(r.size() - 1);
    }

    /** Colours the diagram by the simulated values at one time point (an index into the run's times). */
    public void showTime(int row) {
        if (results == null) {
            return;
        }
        int i = Math.max(0, Math.min(results.size() - 1, row));
        if (timeSlider.getSelection() != i) {
            timeSlider.setSelection(i);
        }
        timeLabel.setText(String.format("t = %.4g", results.course().time(i)));
        canvas.setFills(results.fills(canvas.getDiagram(), i));
        canvas.setArcStyles(results.arcStyles(canvas.getDiagram(), i));
    }

    /** @return the colouring by the last simulation, or null */
    public ResultColours getResults() {
        return results;
    }

    /** @return the palette entries shown, in order */
    public List<PaletteEntry> getPalette() {
        return palette;
    }

    /** @return the palette's tool item for an entry id ({@code select} for the selection tool), or null */
    public ToolItem getPaletteItem(String entryId) {
        return paletteItems.get(entryId);
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
                canvas.setSelection(Set.copyOf(ss.toList().stream()
                        .map(o -> o instanceof ElementProperties p ? p.glyphId() : String.valueOf(o)).toList()));
            }
        }
    }
}
