package org.mtorworkbench.ui.editor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.core.commands.operations.DefaultOperationHistory;
import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.core.commands.operations.IUndoableOperation;
import org.eclipse.core.commands.operations.ObjectUndoContext;
import org.mtorworkbench.diagram.AutoLayout;
import org.mtorworkbench.diagram.Diagram;
import org.mtorworkbench.sbml.SbmlReader;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.SBMLWriter;
import org.sbml.jsbml.ext.layout.Layout;

/**
 * A document, its first layout and an operation history: runs operations and checks that
 * undo gives back exactly the document before (as written SBML), redo exactly the document
 * after, and that the saved file reads back the same diagram.
 */
final class HistoryFixture {

    final SBMLDocument doc;
    final Layout layout;
    final IOperationHistory history = new DefaultOperationHistory();
    final ObjectUndoContext context = new ObjectUndoContext(this);
    private final Path tmp;

    HistoryFixture(SBMLDocument doc, Path tmp) {
        this.doc = doc;
        this.layout = AutoLayout.find(doc.getModel(), null).orElseThrow();
        this.tmp = tmp;
    }

    String sbml() throws Exception {
        Thread t = Thread.currentThread();
        ClassLoader old = t.getContextClassLoader();
        t.setContextClassLoader(SBMLWriter.class.getClassLoader());
        try {
            return new SBMLWriter().writeSBMLToString(doc);
        } finally {
            t.setContextClassLoader(old);
        }
    }

    /** Executes, undoes and redoes; returns the document's text after execution. */
    String roundTrip(IUndoableOperation op) throws Exception {
        String before = sbml();
        op.addContext(context);
        assertTrue(op.canExecute(), op.getLabel() + " cannot execute");
        assertTrue(history.execute(op, null, null).isOK());
        String after = sbml();
        assertNotEquals(before, after, op.getLabel() + " changed nothing");
        assertTrue(history.undo(context, null, null).isOK());
        assertEquals(before, sbml(), "undo of " + op.getLabel() + " does not give back the document");
        assertTrue(history.redo(context, null, null).isOK());
        assertEquals(after, sbml(), "redo of " + op.getLabel() + " does not give the edited document");
        Path f = tmp.resolve("saved.xml");
        DocumentFiles.save(doc, f);
        SBMLDocument again = new SbmlReader().read(f);
        Layout l = AutoLayout.find(again.getModel(), layout.getId()).orElseThrow();
        assertEquals(Diagram.of(layout).nodes(), Diagram.of(l).nodes(), "the saved file reads back differently");
        return after;
    }

    /** Undoes the last operation. */
    void undo() throws Exception {
        assertTrue(history.undo(context, null, null).isOK());
    }
}
