package org.mtorworkbench.ui.editor.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.mtorworkbench.sbml.SbmlProblem;
import org.mtorworkbench.ui.editor.internal.DiagramCanvas.Decoration;
import org.sbml.jsbml.ext.layout.CompartmentGlyph;
import org.sbml.jsbml.ext.layout.Layout;
import org.sbml.jsbml.ext.layout.ReactionGlyph;
import org.sbml.jsbml.ext.layout.SpeciesGlyph;
import org.sbml.jsbml.ext.layout.SpeciesReferenceGlyph;

/**
 * The validator's problems as Eclipse problem markers on the model file (Problems view) and as
 * badges on the glyphs of the elements at fault.
 */
public final class ProblemMarkers {

    /** The marker type (a problem marker, persistent). */
    public static final String TYPE = "org.mtorworkbench.ui.editor.problem";

    private ProblemMarkers() {
    }

    /** Replaces the file's markers of this type by one per problem. */
    public static void mark(IFile file, List<SbmlProblem> problems) throws CoreException {
        file.getWorkspace().run(monitor -> {
            file.deleteMarkers(TYPE, false, IResource.DEPTH_ZERO);
            for (SbmlProblem p : problems) {
                IMarker m = file.createMarker(TYPE);
                Map<String, Object> attrs = new HashMap<>();
                attrs.put(IMarker.SEVERITY, switch (p.severity()) {
                    case ERROR -> IMarker.SEVERITY_ERROR;
                    case WARNING -> IMarker.SEVERITY_WARNING;
                    case INFO -> IMarker.SEVERITY_INFO;
                });
                attrs.put(IMarker.MESSAGE, p.elementId().isEmpty() ? p.message() : p.elementId() + ": " + p.message());
                if (p.line() > 0) {
                    attrs.put(IMarker.LINE_NUMBER, p.line());
                }
                attrs.put(IMarker.LOCATION, p.elementId().isEmpty() ? "model" : p.elementId());
                attrs.put("elementId", p.elementId());
                attrs.put("origin", p.origin());
                m.setAttributes(attrs);
            }
        }, file, 0, null);
    }

    /**
     * @return the badge of each glyph whose element has problems (errors win over warnings;
     *         information is not shown)
     */
    public static Map<String, Decoration> decorations(Layout layout, List<SbmlProblem> problems) {
        Map<String, Decoration> out = new HashMap<>();
        for (SbmlProblem p : problems) {
            if (p.elementId().isEmpty() || p.severity() == SbmlProblem.Severity.INFO) {
                continue;
            }
            Decoration d = p.severity() == SbmlProblem.Severity.ERROR ? Decoration.ERROR : Decoration.WARNING;
            String e = p.elementId();
            for (SpeciesGlyph g : layout.getListOfSpeciesGlyphs()) {
                if (e.equals(g.getSpecies())) {
                    worst(out, g.getId(), d);
                }
            }
            for (CompartmentGlyph g : layout.getListOfCompartmentGlyphs()) {
                if (e.equals(g.getCompartment())) {
                    worst(out, g.getId(), d);
                }
            }
            for (ReactionGlyph g : layout.getListOfReactionGlyphs()) {
                if (e.equals(g.getReaction())) {
                    worst(out, g.getId(), d);
                }
                for (SpeciesReferenceGlyph s : g.getListOfSpeciesReferenceGlyphs()) {
                    if (e.equals(s.getSpeciesReference())) {
                        worst(out, s.getId(), d);
                    }
                }
            }
        }
        return out;
    }

    private static void worst(Map<String, Decoration> m, String id, Decoration d) {
        m.merge(id, d, (a, b) -> a == Decoration.ERROR || b == Decoration.ERROR ? Decoration.ERROR : Decoration.WARNING);
    }
}
