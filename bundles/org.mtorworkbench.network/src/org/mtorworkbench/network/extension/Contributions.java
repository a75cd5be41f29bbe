package org.mtorworkbench.network.extension;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mtorworkbench.network.CellContext;
import org.mtorworkbench.network.CellContexts;
import org.mtorworkbench.network.Drug;
import org.mtorworkbench.network.DrugCatalogue;
import org.mtorworkbench.network.internal.MtorTemplate;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * What all bundles contribute right now: drugs, cell contexts and model templates, read
 * from the OSGi service registry at each call (so a bundle that stops takes its
 * contributions with it). The product's own drugs, contexts and {@code builtin:mtor} come
 * through the same services. Outside OSGi (plain Java) only the product's own are known.
 * When two contributions share an id, the one of the bundle installed first wins.
 *
 * @since 0.1
 */
public final class Contributions {

    private Contributions() {
    }

    /** @return the drug catalogue of every active provider */
    public static DrugCatalogue drugs() {
        BundleContext ctx = context();
        if (ctx == null) {
            return DrugCatalogue.builtin();
        }
        Map<String, Drug> byId = new LinkedHashMap<>();
        for (DrugProvider p : services(ctx, DrugProvider.class)) {
            for (Drug d : p.drugs()) {
                byId.putIfAbsent(d.id(), d);
            }
        }
        return DrugCatalogue.of(new ArrayList<>(byId.values()));
    }

    /** @return the cell contexts of every active provider */
    public static CellContexts contexts() {
        BundleContext ctx = context();
        if (ctx == null) {
            return CellContexts.builtin();
        }
        Map<String, CellContext> byId = new LinkedHashMap<>();
        for (CellContextProvider p : services(ctx, CellContextProvider.class)) {
            for (CellContext c : p.contexts()) {
                byId.putIfAbsent(c.id(), c);
            }
        }
        return CellContexts.of(new ArrayList<>(byId.values()));
    }

    /** @return the model templates of every active bundle, by id */
    public static List<ModelTemplate> templates() {
        BundleContext ctx = context();
        if (ctx == null) {
            return List.of(new MtorTemplate());
        }
        Map<String, ModelTemplate> byId = new LinkedHashMap<>();
        for (ModelTemplate t : services(ctx, ModelTemplate.class)) {
            byId.putIfAbsent(t.id(), t);
        }
        return List.copyOf(byId.values());
    }

    /** @return the template with this id */
    public static Optional<ModelTemplate> template(String id) {
        return templates().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    private static BundleContext context() {
        Bundle b = FrameworkUtil.getBundle(Contributions.class);
        if (b == null) {
            return null;
        }
        if (b.getState() != Bundle.ACTIVE) {
            try {
                b.start(Bundle.START_TRANSIENT);
            } catch (org.osgi.framework.BundleException e) {
                return null;
            }
        }
        return b.getBundleContext();
    }

    private static <S> List<S> services(BundleContext ctx, Class<S> type) {
        Collection<ServiceReference<S>> refs;
        try {
            refs = ctx.getServiceReferences(type, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<ServiceReference<S>> sorted = new ArrayList<>(refs);
        sorted.sort(Comparator.comparingLong((ServiceReference<S> r) -> r.getBundle().getBundleId())
                .thenComparing(r -> (Long) r.getProperty("service.id")));
        List<S> out = new ArrayList<>();
        for (ServiceReference<S> r : sorted) {
            S s = ctx.getService(r);
            if (s != null) {
                out.add(s);
                ctx.ungetService(r);
            }
        }
        return out;
    }
}
