package org.mtorworkbench.sbml.internal;

import org.sbml.jsbml.xml.parsers.ParserManager;

/**
 * Runs JSBML work with the thread's context class loader set to JSBML's own: JSBML finds
 * its parsers and writers (core and packages) with {@code ServiceLoader} on that loader,
 * which inside OSGi is otherwise the caller's.
 */
public final class Jsbml {

    private Jsbml() {
    }

    /** A piece of JSBML work that may throw a checked exception of type {@code E}. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /** Runs {@code work} with JSBML's class loader as the context class loader. */
    public static <T, E extends Exception> T call(Work<T, E> work) throws E {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ParserManager.class.getClassLoader());
        try {
            return work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
