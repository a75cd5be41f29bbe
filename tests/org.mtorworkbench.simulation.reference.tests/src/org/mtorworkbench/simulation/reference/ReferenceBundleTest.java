package org.mtorworkbench.simulation.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.mtorworkbench.tests.support.Architecture;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The reference bundle reaches the engine through its public API and the friend seam only, and
 * the engine exports that seam to nobody else.
 */
class ReferenceBundleTest {

    private static final String BUNDLE = "org.mtorworkbench.simulation.reference";

    /** @return "bundle:package" of each package the bundle's own manifest (not its test fragment) imports */
    private static Set<String> ownImports() {
        Bundle b = Architecture.bundle(BUNDLE);
        BundleWiring wiring = b.adapt(BundleWiring.class);
        assertNotNull(wiring, BUNDLE + " is not resolved");
        Set<String> out = new TreeSet<>();
        for (BundleWire w : wiring.getRequiredWires(null)) {
            String ns = w.getCapability().getNamespace();
            if (w.getRequirement().getRevision().getBundle() != b || "osgi.ee".equals(ns)) {
                continue; // the test fragment's requirements, the execution environment
            }
            Object pkg = w.getCapability().getAttributes().get(ns);
            out.add(w.getProvider().getBundle().getSymbolicName() + ":" + pkg);
        }
        return out;
    }

    @Test
    void importsOnlyTheEnginesApiAndItsSeam() {
        assertEquals(Set.of("org.mtorworkbench.simulation:org.mtorworkbench.simulation",
                "org.mtorworkbench.simulation:org.mtorworkbench.simulation.seam"), ownImports());
    }

    @Test
    void theSeamIsWiredToTheReferenceBundleAlone() {
        Bundle engine = Architecture.bundle("org.mtorworkbench.simulation");
        Set<String> users = new TreeSet<>();
        for (BundleWire w : engine.adapt(BundleWiring.class).getProvidedWires("osgi.wiring.package")) {
            if ("org.mtorworkbench.simulation.seam".equals(w.getCapability().getAttributes().get("osgi.wiring.package"))) {
                users.add(w.getRequirer().getBundle().getSymbolicName());
            }
        }
        assertEquals(Set.of(BUNDLE), users);
    }

    @Test
    void neverReachesTheUserInterface() {
        Architecture.assertHeadless(BUNDLE);
    }
}
