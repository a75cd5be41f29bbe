package org.mtorworkbench.ui.editor.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;
import org.mtorworkbench.ui.editor.PathwayEditor;

/**
 * The handler of the pathway editor's commands (zoom in, zoom out, actual size, fit, lay out,
 * lay out the selection, simulate), bound to keys in the editor's context: it runs the command
 * on the active pathway editor, named by the command's id.
 */
public final class EditorCommands extends AbstractHandler {

    /** The commands' common id prefix. */
    public static final String PREFIX = "org.mtorworkbench.ui.editor.";

    @Override
    public Object execute(ExecutionEvent event) {
        IEditorPart part = HandlerUtil.getActiveEditor(event);
        PathwayEditor editor = part == null ? null : part.getAdapter(PathwayEditor.class);
        if (editor == null && part instanceof PathwayEditor p) {
            editor = p;
        }
        if (editor == null) {
            return null;
        }
        switch (event.getCommand().getId().substring(PREFIX.length())) {
            case "zoomIn" -> editor.zoomIn();
            case "zoomOut" -> editor.zoomOut();
            case "actualSize" -> editor.zoomToActualSize();
            case "fit" -> editor.fit();
            case "layout" -> editor.layoutDiagram();
            case "layoutSelection" -> editor.layoutSelection();
            case "simulate" -> editor.simulateWithDialog();
            default -> throw new IllegalArgumentException("not a pathway editor command: " + event.getCommand().getId());
        }
        return null;
    }
}
