package org.mtorworkbench.ui.editor.internal;

import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.mtorworkbench.diagram.Diagram;

/** Creates the Outline view's page of a pathway editor. */
public final class OutlinePages {

    /** An outline page that follows the diagram. */
    public interface Refreshable {
        /** Shows the elements of a new diagram. */
        void refresh(Diagram d);
    }

    private OutlinePages() {
    }

    /** @return the outline page for a canvas */
    public static IContentOutlinePage create(DiagramCanvas canvas) {
        return new DiagramOutline(canvas);
    }
}
