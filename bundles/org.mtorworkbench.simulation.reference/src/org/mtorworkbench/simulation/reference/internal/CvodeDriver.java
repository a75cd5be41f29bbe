package org.mtorworkbench.simulation.reference.internal;

import java.util.Locale;

/**
 * A C program that integrates a model written by {@link CEmitter} with SUNDIALS CVODE (BDF,
 * Newton iteration, dense direct linear solver with the model's analytic Jacobian when it has
 * one and it is asked for, else CVODE's difference quotients; or, for a model written with a
 * sparse Jacobian, the KLU sparse direct solver), repeatedly, and prints timings,
 * solver statistics and the state at every output time of the last run.
 *
 * <p>Input file (one number per token, exact in C's {@code %la} form): states, symbols, output
 * times, runs, time budget in ms, analytic Jacobian (0/1), rtol, atol, max steps, initial step
 * (0: CVODE's choice), max step (inf: none), then the symbol values, the initial state and the
 * output times. Output lines: {@code ms <wall-clock ms of each run>}, {@code cpu <CPU ms of each
 * run>}, {@code stats <steps> <rhs> <rhs for
 * difference quotients> <jacobians> <setups> <error test failures>}, {@code y <t> <state...>}
 * per output time; on a solver failure {@code error <flag> <t>} and exit status 2.
 */
public final class CvodeDriver {

    private CvodeDriver() {
    }

    private static final String MAIN = """
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>
            #include <time.h>
            #include <cvode/cvode.h>
            #include <nvector/nvector_serial.h>
            #include <sunmatrix/sunmatrix_dense.h>
            #include <sunlinsol/sunlinsol_dense.h>
            #if MODEL_SPARSE
            #include <sunmatrix/sunmatrix_sparse.h>
            #include <sunlinsol/sunlinsol_klu.h>
            #endif

            typedef struct { double *v; double *g; } work_t;

            static int rhs(realtype t, N_Vector y, N_Vector ydot, void *data) {
                work_t *w = (work_t *) data;
                double *yy = N_VGetArrayPointer(y), *dy = N_VGetArrayPointer(ydot);
                model_update(t, yy, w->v, dy, w->g, NULL);
                model_derivs(t, yy, w->v, dy, w->g, NULL);
                return 0;
            }

            static int jac(realtype t, N_Vector y, N_Vector fy, SUNMatrix J, void *data,
                    N_Vector t1, N_Vector t2, N_Vector t3) {
                work_t *w = (work_t *) data;
                double *yy = N_VGetArrayPointer(y);
                (void) fy; (void) t1; (void) t2; (void) t3;
                model_update(t, yy, w->v, NULL, w->g, NULL);
            #if MODEL_SPARSE
                /* CVODE zeroes J, structure included, before calling: set the structure again */
                sunindextype *cp = SM_INDEXPTRS_S(J), *rv = SM_INDEXVALS_S(J);
                for (int j = 0; j <= MODEL_STATES; j++) cp[j] = (sunindextype) model_colptr[j];
                for (int k = 0; k < MODEL_NNZ; k++) rv[k] = (sunindextype) model_rowval[k];
                memset(SM_DATA_S(J), 0, sizeof(double) * MODEL_NNZ);
                model_jacobian(t, yy, w->v, NULL, w->g, SM_DATA_S(J));
            #else
                /* CVODE zeroes J before calling */
                model_jacobian(t, yy, w->v, NULL, w->g, SM_DATA_D(J));
            #endif
                return 0;
            }

            static double now_ms(void) {
                struct timespec ts;
                clock_gettime(CLOCK_MONOTONIC, &ts);
                return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
            }

            static double cpu_ms(void) {
                struct timespec ts;
                clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
                return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
            }

            static double num(FILE *f) {
                double x;
                if (fscanf(f, "%la", &x) != 1) { fprintf(stderr, "bad input file\\n"); exit(3); }
                return x;
            }

            int main(int argc, char **argv) {
                if (argc != 2) { fprintf(stderr, "usage: %s INPUT\\n", argv[0]); return 3; }
                FILE *f = fopen(argv[1], "r");
                if (!f) { perror(argv[1]); return 3; }
                int ns = (int) num(f), nv = (int) num(f), nt = (int) num(f), runs = (int) num(f);
                double budget = num(f);
                int analytic = (int) num(f);
                double rtol = num(f), atol = num(f);
                long maxSteps = (long) num(f);
                double h0 = num(f), hmax = num(f);
                if (ns != MODEL_STATES || nv != MODEL_SYMBOLS) { fprintf(stderr, "input does not fit the model\\n"); return 3; }
                double *v0 = malloc(sizeof(double) * nv), *y0 = malloc(sizeof(double) * (ns > 0 ? ns : 1));
                double *times = malloc(sizeof(double) * nt), *out = malloc(sizeof(double) * nt * (ns > 0 ? ns : 1));
                for (int i = 0; i < nv; i++) v0[i] = num(f);
                for (int i = 0; i < ns; i++) y0[i] = num(f);
                for (int i = 0; i < nt; i++) times[i] = num(f);
                fclose(f);
                work_t w;
                w.v = malloc(sizeof(double) * nv);
                w.g = malloc(sizeof(double) * MODEL_GRADIENTS);
                SUNContext ctx;
                if (SUNContext_Create(NULL, &ctx)) { fprintf(stderr, "no SUNDIALS context\\n"); return 3; }
                long steps = 0, nfe = 0, nfeLS = 0, nje = 0, nsetups = 0, netf = 0;
                double start = now_ms();
                int done = 0;
                double *cpu = malloc(sizeof(double) * (runs > 0 ? runs : 1));
                printf("ms");
                for (int r = 0; r < runs && (r < 3 || now_ms() - start < budget); r++, done++) {
                    double t0 = now_ms(), c0 = cpu_ms();
                    memcpy(w.v, v0, sizeof(double) * nv);
                    N_Vector y = N_VNew_Serial(ns, ctx);
                    memcpy(N_VGetArrayPointer(y), y0, sizeof(double) * ns);
                    void *mem = CVodeCreate(CV_BDF, ctx);
                    CVodeInit(mem, rhs, times[0], y);
                    CVodeSStolerances(mem, rtol, atol);
                    CVodeSetUserData(mem, &w);
                    CVodeSetMaxNumSteps(mem, maxSteps);
                    if (h0 > 0) CVodeSetInitStep(mem, h0);
                    if (hmax < INFINITY) CVodeSetMaxStep(mem, hmax);
                    CVodeSetStopTime(mem, times[nt - 1]);
            #if MODEL_SPARSE
                    SUNMatrix A = SUNSparseMatrix(ns, ns, MODEL_NNZ, CSC_MAT, ctx);
                    SUNLinearSolver LS = SUNLinSol_KLU(y, A, ctx);
                    CVodeSetLinearSolver(mem, LS, A);
                    CVodeSetJacFn(mem, jac);
            #else
                    SUNMatrix A = SUNDenseMatrix(ns, ns, ctx);
                    SUNLinearSolver LS = SUNLinSol_Dense(y, A, ctx);
                    CVodeSetLinearSolver(mem, LS, A);
                    if (analytic && MODEL_HAS_JACOBIAN) CVodeSetJacFn(mem, jac);
            #endif
                    double t = times[0];
                    memcpy(out, y0, sizeof(double) * ns);
                    for (int k = 1; k < nt; k++) {
                        if (times[k] > t) {
                            int flag = CVode(mem, times[k], y, &t, CV_NORMAL);
                            if (flag < 0) { printf("\\nerror %d %.17g\\n", flag, t); return 2; }
                        }
                        memcpy(out + (size_t) k * ns, N_VGetArrayPointer(y), sizeof(double) * ns);
                    }
                    CVodeGetNumSteps(mem, &steps);
                    CVodeGetNumRhsEvals(mem, &nfe);
                    CVodeGetNumLinRhsEvals(mem, &nfeLS);
                    CVodeGetNumJacEvals(mem, &nje);
                    CVodeGetNumLinSolvSetups(mem, &nsetups);
                    CVodeGetNumErrTestFails(mem, &netf);
                    CVodeFree(&mem);
                    SUNLinSolFree(LS);
                    SUNMatDestroy(A);
                    N_VDestroy(y);
                    cpu[r] = cpu_ms() - c0;
                    printf(" %.6f", now_ms() - t0);
                }
                printf("\\ncpu");
                for (int r = 0; r < done; r++) printf(" %.6f", cpu[r]);
                printf("\\nstats %ld %ld %ld %ld %ld %ld\\n", steps, nfe, nfeLS, nje, nsetups, netf);
                for (int k = 0; k < nt; k++) {
                    printf("y %.17g", times[k]);
                    for (int i = 0; i < ns; i++) printf(" %.17g", out[(size_t) k * ns + i]);
                    printf("\\n");
                }
                SUNContext_Free(&ctx);
                return 0;
            }
            """;

    /** @return the whole C program for the model source written by {@link CEmitter#source} */
    public static String program(String modelSource) {
        return "#include <math.h>\n" + modelSource + MAIN;
    }

    /** @return the input file for {@link #program}, in C's exact hexadecimal form */
    public static String input(double[] symbols, double[] state, double[] times, int runs, long budgetMs,
            boolean analyticJacobian, double rtol, double atol, long maxSteps, double initialStep, double maxStep) {
        StringBuilder sb = new StringBuilder();
        sb.append(state.length).append(' ').append(symbols.length).append(' ').append(times.length).append(' ')
                .append(runs).append(' ').append(budgetMs).append(' ').append(analyticJacobian ? 1 : 0).append('\n');
        sb.append(hex(rtol)).append(' ').append(hex(atol)).append(' ').append(maxSteps).append(' ')
                .append(hex(initialStep)).append(' ').append(hex(maxStep)).append('\n');
        for (double[] a : new double[][] { symbols, state, times }) {
            for (double x : a) {
                sb.append(hex(x)).append('\n');
            }
        }
        return sb.toString();
    }

    private static String hex(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        return Double.toHexString(x).toLowerCase(Locale.ROOT);
    }
}
