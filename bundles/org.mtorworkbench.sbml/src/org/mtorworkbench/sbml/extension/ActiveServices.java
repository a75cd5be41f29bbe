package org.mtorworkbench.sbml.extension;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The services of one type that active bundles have registered right now, looked up at each
 * call so that a bundle that stops takes its contributions with it. Contributions are
 * ordered by the bundle that registered them (the one installed first comes first), then by
 * registration; when two share an id, the first wins. Outside OSGi (plain Java) there is no
 * registry and the caller's own defaults apply.
 *
 * @since 0.2
 */
public final class ActiveServices {

    private ActiveServices() {
    }

    /**
     * @param anchor a class of the calling bundle, whose context is used for the lookup
     * @return whether an OSGi service registry is available to {@code anchor}'s bundle
     */
    public static boolean available(Class<?> anchor) {
        return context(anchor) != null;
    }

    /**
     * @param anchor a class of the calling bundle, whose context is used for the lookup
     * @param type the service interface
     * @param defaults what to return when no OSGi registry is available
     * @return every registration, in bundle installation order
     */
    public static <S> List<S> all(Class<?> anchor, Class<S> type, List<S> defaults) {
        return lookup(anchor, type, null, defaults);
    }

    /**
     * @param anchor a class of the calling bundle, whose context is used for the lookup
     * @param type the service interface
     * @param id the id of a contribution; later contributions with an id already seen are dropped
     * @param defaults what to return when no OSGi registry is available
     * @return the contributions, in bundle installation order, without duplicate ids
     */
    public static <S> List<S> list(Class<?> anchor, Class<S> type, Function<S, String> id, List<S> defaults) {
        return lookup(anchor, type, id, defaults);
    }

    private static <S> List<S> lookup(Class<?> anchor, Class<S> type, Function<S, String> id, List<S> defaults) {
        BundleContext ctx = context(anchor);
        if (ctx == null) {
            return List.copyOf(defaults);
        }
        Collection<ServiceReference<S>> refs;
        try {
            refs = ctx.getServiceReferences(type, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<ServiceReference<S>> sorted = new ArrayList<>(refs);
        sorted.sort(Comparator.comparingLong((ServiceReference<S> r) -> r.getBundle().getBundleId())
                .thenComparing(r -> (Long) r.getProperty("service.id")));
        List<S> all = new ArrayList<>();
        Map<String, S> byId = new LinkedHashMap<>();
        for (ServiceReference<S> r : sorted) {
            S s = ctx.getService(r);
            if (s != null) {
                if (id == null) {
                    all.add(s);
                } else {
                    byId.putIfAbsent(id.apply(s), s);
                }
                ctx.ungetService(r);
            }
        }
        return List.copyOf(id == null ? all : byId.values());
    }

    private static BundleContext context(Class<?> anchor) {
        Bundle b;
        try {
            b = FrameworkUtil.getBundle(anchor);
        } catch (LinkageError e) {
            return null; // plain Java without the OSGi framework on the class path
        }
        if (b == null) {
            return null;
        }
        if (b.getState() != Bundle.ACTIVE) {
            try {
                b.start(Bundle.START_TRANSIENT);
            } catch (BundleException e) {
                return null;
            }
        }
        return b.getBundleContext();
    }
}
