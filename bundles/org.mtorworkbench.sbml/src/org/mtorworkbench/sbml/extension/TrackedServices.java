package org.mtorworkbench.sbml.extension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The services of one kind that active bundles register, followed by a {@link ServiceTracker}
 * opened with the context of the bundle that consumes them: each kind's registry class holds
 * one, e.g. {@code new TrackedServices<>(ModelFormats.class, ModelFormat.class, ModelFormat::id,
 * BUILTIN)}. A bundle that stops takes its contributions with it; a service stays in use while
 * it is registered (the tracker holds it) and is released when it goes. Contributions are ordered
 * by the bundle that registered them (the one installed first comes first), then by
 * registration; when two share an id, the first wins. The consuming bundle is not started by
 * the lookup: its context exists while its classes run (lazy activation starts it). Outside OSGi
 * (plain Java) there is no registry and the defaults apply. Thread-safe.
 *
 * @param <S> the service interface
 * @since 0.3
 */
public final class TrackedServices<S> {

    private final Class<?> owner;
    private final Class<S> type;
    private final Function<S, String> id;
    private final List<S> defaults;
    private BundleContext context;
    private ServiceTracker<S, S> tracker;

    /**
     * @param owner a class of the consuming bundle, whose context opens the tracker
     * @param type the service interface
     * @param id the id of a contribution (later ones with an id already seen are dropped), or null to keep all
     * @param defaults what {@link #get()} gives outside OSGi
     */
    public TrackedServices(Class<?> owner, Class<S> type, Function<S, String> id, List<S> defaults) {
        this.owner = Objects.requireNonNull(owner);
        this.type = Objects.requireNonNull(type);
        this.id = id;
        this.defaults = List.copyOf(defaults);
    }

    /** @return whether an OSGi service registry is available to the consuming bundle */
    public boolean available() {
        return tracker() != null;
    }

    /** @return the services registered now, in bundle installation order (the defaults outside OSGi) */
    public List<S> get() {
        ServiceTracker<S, S> t = tracker();
        if (t == null) {
            return defaults;
        }
        ServiceReference<S>[] refs = t.getServiceReferences();
        if (refs == null) {
            return List.of();
        }
        List<ServiceReference<S>> sorted = new ArrayList<>(Arrays.asList(refs));
        sorted.sort(Comparator.comparingLong((ServiceReference<S> r) -> r.getBundle() == null ? Long.MAX_VALUE
                : r.getBundle().getBundleId()).thenComparing(r -> (Long) r.getProperty("service.id")));
        List<S> all = new ArrayList<>();
        Map<String, S> byId = new LinkedHashMap<>();
        for (ServiceReference<S> r : sorted) {
            S s = t.getService(r);
            if (s == null) {
                continue; // unregistered meanwhile
            }
            if (id == null) {
                all.add(s);
            } else {
                byId.putIfAbsent(id.apply(s), s);
            }
        }
        return List.copyOf(id == null ? all : byId.values());
    }

    /** The tracker of the consuming bundle's current context, opened on first use; null outside OSGi. */
    private synchronized ServiceTracker<S, S> tracker() {
        Bundle b;
        try {
            b = FrameworkUtil.getBundle(owner);
        } catch (LinkageError e) {
            return null; // plain Java without the OSGi framework on the class path
        }
        BundleContext ctx = b == null ? null : b.getBundleContext();
        if (ctx == null) {
            return null;
        }
        if (ctx != context) {
            // first use, or the consuming bundle was restarted: its old context is gone
            if (tracker != null) {
                try {
                    tracker.close();
                } catch (IllegalStateException e) {
                    // the old context is invalid already
                }
            }
            tracker = new ServiceTracker<>(ctx, type, null);
            tracker.open();
            context = ctx;
        }
        return tracker;
    }
}
