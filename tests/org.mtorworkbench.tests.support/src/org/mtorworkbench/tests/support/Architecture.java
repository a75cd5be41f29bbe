package org.mtorworkbench.tests.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Checks the dependency rules of DESIGN.md inside the running framework: a bundle resolves,
 * and its wires (required bundles and imported packages) go only to the bundles its row of
 * the design table allows. Headless bundles never reach SWT, JFace or the workbench.
 */
public final class Architecture {

    /** Bundle name prefixes that only UI bundles may wire to. */
    public static final Set<String> UI_PREFIXES = Set.of("org.eclipse.swt", "org.eclipse.jface", "org.eclipse.ui",
            "org.eclipse.e4.ui");

    private Architecture() {
    }

    /** @return the installed bundle with that symbolic name, failing the test if there is none */
    public static Bundle bundle(String symbolicName) {
        BundleContext ctx = FrameworkUtil.getBundle(Architecture.class).getBundleContext();
        assertNotNull(ctx, "the test support bundle is not active");
        for (Bundle b : ctx.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("bundle " + symbolicName + " is not installed");
    }

    /** @return the symbolic names of the bundles this bundle is wired to, fragments' hosts excluded */
    public static Set<String> wiredBundles(String symbolicName) {
        Bundle b = bundle(symbolicName);
        BundleWiring wiring = b.adapt(BundleWiring.class);
        assertNotNull(wiring, symbolicName + " is not resolved (state " + b.getState() + ")");
        Set<String> names = new TreeSet<>();
        for (BundleWire w : wiring.getRequiredWires(null)) {
            String ns = w.getCapability().getNamespace();
            if ("osgi.wiring.host".equals(ns) || "osgi.ee".equals(ns)) {
                continue;
            }
            Bundle provider = w.getProvider().getBundle();
            if (provider.getBundleId() != 0) {
                names.add(provider.getSymbolicName());
            }
        }
        return names;
    }

    /**
     * Asserts that a bundle resolves and wires only to bundles whose names start with one of
     * the allowed prefixes (test fragments attached to it are ignored).
     */
    public static void assertWiresOnlyTo(String symbolicName, Set<String> allowedPrefixes) {
        List<String> offending = new ArrayList<>();
        for (String provider : wiredBundles(symbolicName)) {
            if (provider.endsWith(".tests") || provider.startsWith("junit") || provider.startsWith("org.junit")
                    || provider.startsWith("org.opentest4j") || provider.startsWith("org.apiguardian")
                    || provider.equals("org.mtorworkbench.tests.support")) {
                continue; // wires of the attached test fragment
            }
            if (allowedPrefixes.stream().noneMatch(provider::startsWith)) {
                offending.add(provider);
            }
        }
        assertEquals(List.of(), offending, symbolicName + " depends on bundles its design row does not allow");
    }

    /** Asserts that a headless bundle is resolved and has no wire to SWT, JFace or the workbench. */
    public static void assertHeadless(String symbolicName) {
        Set<String> wired = wiredBundles(symbolicName);
        for (String provider : wired) {
            assertTrue(UI_PREFIXES.stream().noneMatch(provider::startsWith),
                    symbolicName + " is headless but is wired to " + provider);
        }
    }
}
