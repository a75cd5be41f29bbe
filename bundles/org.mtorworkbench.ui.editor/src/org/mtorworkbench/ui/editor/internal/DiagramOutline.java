package org.mtorworkbench.ui.editor.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.part.Page;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.mtorworkbench.diagram.Diagram;
import org.mtorworkbench.diagram.GlyphKind;
import org.mtorworkbench.diagram.NodeFigure;

/**
 * The Outline view's page for a pathway diagram: its compartments, species and reactions
 * by name; selecting one selects and reveals it in the diagram, and the diagram's
 * selection is shown here.
 */
final class DiagramOutline extends Page implements IContentOutlinePage, OutlinePages.Refreshable {

    private final DiagramCanvas canvas;
    private TableViewer viewer;
    private boolean updating;

    DiagramOutline(DiagramCanvas canvas) {
        this.canvas = canvas;
    }

    @Override
    public void createControl(Composite parent) {
        viewer = new TableViewer(parent, SWT.MULTI | SWT.V_SCROLL | SWT.FULL_SELECTION);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                NodeFigure n = (NodeFigure) element;
                String kind = switch (n.kind()) {
                    case COMPARTMENT -> "compartment";
                    case PROCESS -> "reaction";
                    default -> n.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
                };
                String name = n.label().isEmpty() ? n.elementId() : n.label();
                return name + "  (" + kind + ")";
            }
        });
        viewer.addSelectionChangedListener(e -> {
            if (updating || canvas.isDisposed()) {
                return;
            }
            List<String> ids = new ArrayList<>();
            for (Object o : ((IStructuredSelection) e.getSelection()).toList()) {
                ids.add(((NodeFigure) o).id());
            }
            canvas.setSelection(Set.copyOf(ids));
        });
        canvas.addSelectionListener(this::showSelection);
        refresh(canvas.getDiagram());
    }

    /** Shows the elements of a new diagram. */
    @Override
    public void refresh(Diagram d) {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        viewer.setInput(d.nodes().stream().filter(n -> n.elementId() != null || n.kind() == GlyphKind.PROCESS).toList());
        showSelection(canvas.getSelection());
    }

    private void showSelection(Set<String> ids) {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        Diagram d = canvas.getDiagram();
        List<NodeFigure> sel = ids.stream().map(d::node).filter(java.util.Optional::isPresent).map(java.util.Optional::get)
                .toList();
        updating = true;
        try {
            viewer.setSelection(new StructuredSelection(sel), true);
        } finally {
            updating = false;
        }
    }

    @Override
    public Control getControl() {
        return viewer == null ? null : viewer.getControl();
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void addSelectionChangedListener(ISelectionChangedListener listener) {
        viewer.addSelectionChangedListener(listener);
    }

    @Override
    public ISelection getSelection() {
        return viewer == null ? StructuredSelection.EMPTY : viewer.getSelection();
    }

    @Override
    public void removeSelectionChangedListener(ISelectionChangedListener listener) {
        viewer.removeSelectionChangedListener(listener);
    }

    @Override
    public void setSelection(ISelection selection) {
        viewer.setSelection(selection);
    }
}
