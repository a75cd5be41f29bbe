package org.mtorworkbench.ui.views;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.views.IViewDescriptor;

/**
 * The result views contributed to the {@value #EXTENSION_POINT} extension point, and the
 * one way results are opened: {@link #open} finds the view for the result's kind, shows it
 * and hands it the result. The workbench's own result view is contributed the same way.
 *
 * <p>When several contributions show a kind, the one with the highest {@code priority}
 * wins; at equal priority a contribution of another bundle wins over the workbench's own,
 * so a modeller's bundle can replace a built-in view.
 *
 * @since 0.1
 */
public final class ResultViews {

    /** The extension point's id. */
    public static final String EXTENSION_POINT = "org.mtorworkbench.ui.views.resultViews";

    private static final String OWN_BUNDLE = "org.mtorworkbench.ui.views";

    /**
     * One contribution.
     *
     * @param id the contribution's id
     * @param name its name
     * @param viewId the {@code org.eclipse.ui.views} view that shows the results; it implements {@link ResultDisplay}
     * @param kinds the result kinds it shows
     * @param priority higher wins when several contributions show a kind
     * @param bundle the contributing bundle's symbolic name
     */
    public record Contribution(String id, String name, String viewId, Set<String> kinds, int priority, String bundle) {

        public Contribution {
            kinds = Set.copyOf(kinds);
        }

        /** @return whether the workbench's own bundle contributes it */
        public boolean builtin() {
            return OWN_BUNDLE.equals(bundle);
        }
    }

    private ResultViews() {
    }

    /**
     * @return the valid contributions; an invalid one is left out and logged with its bundle
     *         and what to fix
     */
    public static List<Contribution> contributions() {
        List<Contribution> out = new ArrayList<>();
        for (IConfigurationElement e : Platform.getExtensionRegistry().getConfigurationElementsFor(EXTENSION_POINT)) {
            if (!"resultView".equals(e.getName())) {
                continue;
            }
            try {
                out.add(read(e));
            } catch (IllegalArgumentException ex) {
                Platform.getLog(ResultViews.class).log(new Status(IStatus.WARNING, OWN_BUNDLE,
                        "ignoring a result view of bundle " + e.getContributor().getName() + ": " + ex.getMessage()));
            }
        }
        return out;
    }

    /** Reads one {@code resultView} element; throws naming the attribute at fault. */
    static Contribution read(IConfigurationElement e) {
        String bundle = e.getContributor().getName();
        String id = required(e, "id");
        String viewId = required(e, "viewId");
        String name = e.getAttribute("name") == null ? id : e.getAttribute("name");
        int priority = 0;
        String p = e.getAttribute("priority");
        if (p != null && !p.isBlank()) {
            try {
                priority = Integer.parseInt(p.trim());
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("resultView '" + id + "': priority '" + p + "' is not an integer");
            }
        }
        Set<String> kinds = new LinkedHashSet<>();
        for (IConfigurationElement k : e.getChildren("kind")) {
            String kind = k.getAttribute("id");
            if (!ResultKinds.isValid(kind)) {
                throw new IllegalArgumentException("resultView '" + id + "': kind id '" + kind
                        + "' is not valid; use letters, digits, '.', '_' or '-'");
            }
            kinds.add(kind);
        }
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("resultView '" + id + "' names no <kind id=\"...\"/>; add the kinds it shows");
        }
        return new Contribution(id, name, viewId, kinds, priority, bundle);
    }

    private static String required(IConfigurationElement e, String attribute) {
        String v = e.getAttribute(attribute);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("<" + e.getName() + "> has no '" + attribute + "' attribute; add it");
        }
        return v.trim();
    }

    /** @return the contribution that shows results of a kind, if any */
    public static Optional<Contribution> forKind(String kind) {
        return choose(contributions(), kind);
    }

    /**
     * The rule of precedence.
     *
     * @return of the contributions that show a kind, the one of highest priority; at equal
     *         priority another bundle's before the workbench's own
     */
    public static Optional<Contribution> choose(List<Contribution> all, String kind) {
        return all.stream().filter(c -> c.kinds().contains(kind))
                .max(Comparator.comparingInt(Contribution::priority).thenComparing(c -> !c.builtin()));
    }

    /**
     * Opens a result in the view contributed for its kind (in the UI thread): shows the view
     * (one instance per kind when the view allows several) and calls
     * {@link ResultDisplay#show}.
     *
     * @return the view that shows it
     * @throws PartInitException when no view is contributed for the kind, or the contributed
     *         view is unknown or does not implement {@link ResultDisplay}
     */
    public static ResultDisplay open(IWorkbenchPage page, ExperimentResult result) throws PartInitException {
        Contribution c = forKind(result.kind()).orElseThrow(() -> new PartInitException(
                "no result view shows results of kind '" + result.kind() + "'; contribute one to " + EXTENSION_POINT));
        IViewDescriptor d = PlatformUI.getWorkbench().getViewRegistry().find(c.viewId());
        if (d == null) {
            throw new PartInitException("result view '" + c.id() + "' of bundle " + c.bundle() + " names view '"
                    + c.viewId() + "', which no bundle defines (org.eclipse.ui.views)");
        }
        IViewPart part = d.getAllowMultiple()
                ? page.showView(c.viewId(), result.kind(), IWorkbenchPage.VIEW_ACTIVATE)
                : page.showView(c.viewId());
        if (!(part instanceof ResultDisplay display)) {
            throw new PartInitException("view '" + c.viewId() + "' of bundle " + c.bundle() + " does not implement "
                    + ResultDisplay.class.getName());
        }
        display.show(result);
        return display;
    }
}
