package org.mtorworkbench.sbml.internal;

import org.sbml.jsbml.xml.parsers.ParserManager;

/**
 * Runs JSBML work with the thread's context class loader set to JSBML's own: JSBML finds
 * its parsers and writers (core and packages) with {@code ServiceLoader} on that loader,
 * which inside OSGi is otherwise the caller's. The first call also builds JSBML's parser
 * registry, once, under a lock: JSBML fills it lazily without one, and two threads reading
 * SBML for the first time at once (the first start's network and an editor) crashed in
 * {@code ParserManager.init}.
 */
public final class Jsbml {

    private static volatile boolean initialised;

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
            initialise();
            return work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void initialise() {
        if (!initialised) {
            synchronized (Jsbml.class) {
                if (!initialised) {
                    ParserManager.getManager();
                    initialised = true;
                }
            }
        }
    }
}
