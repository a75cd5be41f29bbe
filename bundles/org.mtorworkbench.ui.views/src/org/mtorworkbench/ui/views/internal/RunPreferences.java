package org.mtorworkbench.ui.views.internal;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.mtorworkbench.simulation.Solver;
import org.mtorworkbench.simulation.SolverOptions;

/**
 * The preferences of experiment runs started from the workbench: solver, tolerances,
 * threads, and the unit of times in the launcher and the plots.
 */
public final class RunPreferences {

    static final String SOLVER = "solver";
    static final String RTOL = "rtol";
    static final String ATOL = "atol";
    static final String THREADS = "threads";
    static final String TIME_UNIT = "timeUnit";

    private static final String QUALIFIER = "org.mtorworkbench.ui.views";

    private final IPreferenceStore store;

    /** @param store the store to read (and to give defaults to) */
    public RunPreferences(IPreferenceStore store) {
        this.store = store;
        SolverOptions d = SolverOptions.defaults();
        store.setDefault(SOLVER, d.get(SolverOptions.SOLVER).name());
        store.setDefault(RTOL, d.get(SolverOptions.RELATIVE_TOLERANCE));
        store.setDefault(ATOL, d.get(SolverOptions.ABSOLUTE_TOLERANCE));
        store.setDefault(THREADS, 0);
        store.setDefault(TIME_UNIT, TimeUnit.MINUTES.name());
    }

    /** @return the preferences of the running workbench (instance scope) */
    public static RunPreferences workbench() {
        return new RunPreferences(new ScopedPreferenceStore(InstanceScope.INSTANCE, QUALIFIER));
    }

    /** @return the store, for the preference page */
    public IPreferenceStore store() {
        return store;
    }

    /** @return the solver options of runs */
    public SolverOptions solverOptions() {
        Solver solver;
        try {
            solver = Solver.valueOf(store.getString(SOLVER));
        } catch (IllegalArgumentException e) {
            solver = SolverOptions.defaults().get(SolverOptions.SOLVER);
        }
        SolverOptions o = SolverOptions.defaults().withSolver(solver);
        double rtol = store.getDouble(RTOL);
        double atol = store.getDouble(ATOL);
        if (rtol > 0 && rtol < 1) {
            o = o.withRelativeTolerance(rtol);
        }
        if (atol > 0 && atol < 1) {
            o = o.withAbsoluteTolerance(atol);
        }
        return o;
    }

    /** @return worker threads of batches as set; 0 means automatic (see {@link #workerThreads()}) */
    public int threads() {
        return Math.max(0, store.getInt(THREADS));
    }

    /**
     * @return the worker threads to run with: as set, or automatically one per processor
     *         but one, left to the workbench's UI thread (at least one)
     */
    public int workerThreads() {
        int t = threads();
        return t > 0 ? t : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** @return the unit of times in the launcher and the plots (minutes unless set) */
    public TimeUnit timeUnit() {
        try {
            return TimeUnit.valueOf(store.getString(TIME_UNIT));
        } catch (IllegalArgumentException e) {
            return TimeUnit.MINUTES;
        }
    }
}
