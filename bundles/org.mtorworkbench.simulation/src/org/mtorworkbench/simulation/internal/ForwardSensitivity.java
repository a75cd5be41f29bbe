package org.mtorworkbench.simulation.internal;

import java.util.Arrays;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.mtorworkbench.simulation.Quantity;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SimulationException.Kind;

/**
 * Forward sensitivities of one run with respect to m directions in the space of the values a run
 * starts from (a direction j gives, for every overridden id, the derivative of its value with
 * respect to a parameter theta_j). The sensitivities {@code s_j = dy/dtheta_j} of the state obey
 * {@code s' = J s + df/dtheta_j}; they are integrated with the engine's BDF by a staggered direct
 * corrector: after the state's corrector has converged at t_{n+1}, the same BDF formula, linear in
 * s, is solved exactly with one LU factorisation of {@code I - h/gamma J(t_{n+1}, y_{n+1})} shared
 * by all m directions, J the compiled model's analytic Jacobian (or its grouped finite differences
 * when some function has no derivative rule). The sensitivities keep their own modified divided
 * differences, rescaled with the state's on every change of step size and order, so their dense
 * output is the same polynomial interpolation as the state's.
 *
 * <p>{@code df/dtheta_j} is the generated {@link ParameterJacobian} (symbolic, through the rules)
 * times the direction, or, when some function has no derivative rule, central differences of the
 * right-hand side along it. The initial sensitivities (initial assignments included) and the
 * derivatives of reported values (assignment rules, concentrations of species held as amounts)
 * are central differences of the compiled code along the direction (the initial values, the
 * rules): exact to about 1e-9 relative, the error of the integration being the larger. The local
 * error of the sensitivities is in the step size control only when asked.
 *
 * <p>Events jump the sensitivities by the jump formula (see {@link #jump}): the assignments'
 * derivatives, and for an event whose time depends on the state or the parameters the event
 * time's derivative from its trigger's root function. A rate that switches at a time depending on
 * a direction jumps them by {@code (f- - f+) dtau/dtheta}. Refused: an event at such a switch,
 * events with a delay or assigning a compartment size, a trigger that does not cross zero
 * transversally; models with algebraic rules, fast reactions, rateOf or delays.
 */
public final class ForwardSensitivity {

    /** Relative size of the central-difference perturbations along a direction. */
    private static final double FD = 1e-6;

    private final ModelLayout layout;
    private final Engine engine;
    private final Rhs rhs;
    private final String[] names;
    private final int n;
    private final int m;
    private final boolean errorControl;
    /** s[j * n + i] = d y_i / d theta_j at the integrator's current time. */
    private final double[] s;
    /** pdir[j][sym]: d v_sym / d theta_j for the symbols no rule or state defines (parameters, constant sizes). */
    private final double[][] pdir;
    /** The symbols with a non-zero entry of pdir, per direction. */
    private int[][] pdirSyms;
    /** The typical magnitude of theta_j's effect: perturbations are FD times it. */
    private final double[] unit;
    private final double[][] dif = new double[7][];
    private final double[][] tmp = new double[5][];
    private final double[] pred;
    private final double[] dnew;
    private final double[] b;
    private final double[] jac;
    private final double[] f0;
    private final double[] fp;
    private final double[] fm;
    private final double[] yp;
    private final double[] col;
    private final DenseLu lu;
    /** df/dv for the constants as generated code, or null (central differences of the right-hand side). */
    private final ParameterJacobian parameterJacobian;
    private final double[][] parameterWork;
    /** The Jacobian's non-zero columns per row. */
    private final int[][] pattern;
    private final double[] threshold;
    /** Times at which events may fire: the start and the time switches' stops and restarts. */
    private final double[] eventTimes;
    private Bdf bdf;
    /** An event has jumped the sensitivities since the last step; they hold at its time until the restart. */
    private boolean jumped;

    /**
     * Prepares the sensitivities of a run that starts at {@code t0} from {@code p0}/{@code ov}
     * (every id a direction names overridden).
     *
     * @param dirs dirs[j][sym] = d p0[sym] / d theta_j
     */
    public ForwardSensitivity(ModelLayout layout, Engine engine, double[] p0, boolean[] ov, double[][] dirs,
            String[] names, double t0, double tEnd, boolean errorControl) throws SimulationException {
        this.layout = layout;
        this.engine = engine;
        this.rhs = engine.rhs();
        this.names = names.clone();
        this.n = layout.stateCount();
        this.m = dirs.length;
        this.errorControl = errorControl;
        refuseUnsupported();
        int nm = n * m;
        s = new double[nm];
        for (int q = 0; q < dif.length; q++) {
            dif[q] = new double[nm];
        }
        for (int q = 0; q < tmp.length; q++) {
            tmp[q] = new double[nm];
        }
        pred = new double[nm];
        dnew = new double[nm];
        b = new double[nm];
        jac = new double[n * n];
        f0 = new double[n];
        fp = new double[n];
        fm = new double[n];
        yp = new double[n];
        col = new double[n];
        lu = new DenseLu(n);
        pattern = layout.jacobianPattern;
        parameterJacobian = ParameterJacobian.of(layout, this::isConstant);
        parameterWork = parameterJacobian == null ? null : parameterJacobian.newWork();
        threshold = new double[n];
        Arrays.fill(threshold, engine.absoluteTolerance() / Math.max(engine.relativeTolerance(), 1e-300));
        pdir = new double[m][layout.symbolCount()];
        unit = new double[m];
        initialSensitivities(p0, ov, dirs, t0);
        eventTimes = eventTimes(t0, tEnd);
        engine.attach(this);
    }

    private void refuseUnsupported() throws SimulationException {
        String why = layout.algebraicVars.length > 0 ? (layout.fastExtents > 0 ? "fast reactions" : "algebraic rules")
                : layout.rateTargets.length > 0 ? "the rateOf csymbol"
                : layout.delays.count() > 0 ? "delay csymbols" : null;
        if (why != null) {
            throw new SimulationException(Kind.UNSUPPORTED, "forward sensitivities of model '" + layout.modelId
                    + "' are not computed: it uses " + why + "; use finite differences of whole runs instead");
        }
        for (int e = 0; e < layout.eventCount(); e++) {
            if (layout.eventHasDelay[e]) {
                throw new SimulationException(Kind.UNSUPPORTED, "forward sensitivities across event '"
                        + layout.eventIds[e] + "' are not computed: it has a delay");
            }
            for (int t : layout.eventTargets[e]) {
                if (layout.kinds[t] == ModelLayout.COMPARTMENT) {
                    throw new SimulationException(Kind.UNSUPPORTED, "forward sensitivities across event '"
                            + layout.eventIds[e] + "' are not computed: it assigns the size of compartment '"
                            + layout.ids[t] + "'");
                }
            }
        }
    }

    /** @return true for a symbol whose value nothing but an override, an event or the start sets */
    private boolean isConstant(int sym) {
        SymbolKind k = layout.kinds[sym];
        return sym > 0 && layout.symbolState[sym] < 0 && !layout.ruleAssigned[sym]
                && (k == SymbolKind.PARAMETER || k == SymbolKind.COMPARTMENT || k == SymbolKind.SPECIES);
    }

    /** dy0/dtheta and the constants' derivatives by central differences of the initialisation along each direction. */
    private void initialSensitivities(double[] p0, boolean[] ov, double[][] dirs, double t0) {
        int ns = layout.symbolCount();
        double[] vp = new double[ns];
        double[] vm = new double[ns];
        double[] pp = new double[ns];
        double[] pm = new double[ns];
        double[] base = engine.values();
        for (int j = 0; j < m; j++) {
            double ratio = 0;
            for (int q = 1; q < ns; q++) {
                if (dirs[j][q] != 0) {
                    ratio = Math.max(ratio, Math.abs(dirs[j][q]) / magnitude(p0[q]));
                }
            }
            unit[j] = ratio > 0 ? 1 / ratio : 1;
            double h = FD * unit[j];
            for (int q = 0; q < ns; q++) {
                pp[q] = p0[q] + h * dirs[j][q];
                pm[q] = p0[q] - h * dirs[j][q];
            }
            Arrays.fill(vp, 0);
            Arrays.fill(vm, 0);
            vp[0] = t0;
            vm[0] = t0;
            rhs.code.init(vp, pp, ov);
            rhs.code.init(vm, pm, ov);
            for (int k = 0; k < n; k++) {
                s[j * n + k] = (Amounts.state(layout, k, vp) - Amounts.state(layout, k, vm)) / (2 * h);
            }
            for (int q = 1; q < ns; q++) {
                if (isConstant(q)) {
                    double d = (vp[q] - vm[q]) / (2 * h);
                    // A value the direction does not move differs by rounding at most.
                    pdir[j][q] = Math.abs(d) * h > 1e-13 * Math.abs(base[q]) ? d : 0;
                }
            }
        }
        indexDirections();
    }

    private static double magnitude(double x) {
        return x != 0 && Double.isFinite(x) ? Math.abs(x) : 1;
    }

    private void indexDirections() {
        pdirSyms = new int[m][];
        for (int j = 0; j < m; j++) {
            int c = 0;
            int[] syms = new int[pdir[j].length];
            for (int q = 1; q < pdir[j].length; q++) {
                if (pdir[j][q] != 0) {
                    syms[c++] = q;
                }
            }
            pdirSyms[j] = Arrays.copyOf(syms, c);
        }
    }

    /** The start and the time switches' stops and restarts; refuses switch times that depend on a direction. */
    private double[] eventTimes(double t0, double tEnd) throws SimulationException {
        double[] v = engine.values().clone();
        TimeSwitches.Breaks base = layout.timeSwitches.between(v, t0, tEnd);
        switchStops = base.stops();
        switchRestarts = base.restarts();
        switchTau = new double[switchStops.length][m];
        for (int j = 0; j < m; j++) {
            if (pdirSyms[j].length == 0) {
                continue;
            }
            double h = FD * unit[j];
            double[] up = v.clone();
            double[] down = v.clone();
            for (int q : pdirSyms[j]) {
                up[q] += h * pdir[j][q];
                down[q] -= h * pdir[j][q];
            }
            double[] later = layout.timeSwitches.between(up, t0, tEnd).stops();
            double[] earlier = layout.timeSwitches.between(down, t0, tEnd).stops();
            if (later.length != switchStops.length || earlier.length != switchStops.length) {
                throw new SimulationException(Kind.UNSUPPORTED, "the model '" + layout.modelId + "' switches at a time"
                        + " that '" + names[j] + "' moves across the start or the end of the run; forward sensitivities"
                        + " with respect to it are not computed there");
            }
            for (int i = 0; i < switchStops.length; i++) {
                double d = (later[i] - earlier[i]) / (2 * h);
                // Below rounding (the stops are one ulp apart at most for an unmoved switch): not moved.
                switchTau[i][j] = Math.abs(later[i] - earlier[i]) > 4 * Math.ulp(switchStops[i]) ? d : 0;
            }
        }
        double[] out = new double[1 + 2 * switchStops.length];
        out[0] = t0;
        for (int i = 0; i < switchStops.length; i++) {
            out[1 + 2 * i] = switchStops[i];
            out[2 + 2 * i] = switchRestarts[i];
        }
        return out;
    }

    /** The time switches' stops and restarts, and their times' derivatives per direction. */
    private double[] switchStops;
    private double[] switchRestarts;
    private double[][] switchTau;

    /** @return the switch restarting at t whose time depends on a direction, or -1 */
    private int movingSwitchAt(double t) {
        for (int i = 0; i < switchRestarts.length; i++) {
            if (switchRestarts[i] == t) {
                for (double x : switchTau[i]) {
                    if (x != 0) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    /** The engine's BDF this run's sensitivities follow. */
    void follow(Bdf b) {
        this.bdf = b;
    }

    // ---- the integration, called by Bdf ----

    /** A restart at (t, y) with first step h: the differences start from h s'(t). */
    void reset(double t, double[] y, double h) {
        int moving = jumped ? -1 : movingSwitchAt(t);
        if (moving >= 0) {
            // A rate switches at tau(theta): s+ = s- + (f- - f+) dtau/dtheta, f- the rates just before the switch.
            rhs.eval(switchStops[moving], y, fp);
            rhs.eval(t, y, fm);
            for (int j = 0; j < m; j++) {
                double tau = switchTau[moving][j];
                for (int k = 0; k < n; k++) {
                    s[j * n + k] += (fp[k] - fm[k]) * tau;
                }
            }
        }
        jumped = false;
        derivative(t, y, s, dnew);
        for (double[] d : dif) {
            Arrays.fill(d, 0);
        }
        for (int i = 0; i < s.length; i++) {
            dif[0][i] = h * dnew[i];
        }
    }

    /** out = J s + df/dtheta at (t, y), for all directions (J left in {@code jac}). */
    private void derivative(double t, double[] y, double[] sv, double[] out) {
        rhs.eval(t, y, f0);
        rhs.jacobian(t, y, f0, threshold, jac);
        parameterDerivatives(t, y);
        for (int j = 0; j < m; j++) {
            int o = j * n;
            for (int i = 0; i < n; i++) {
                double x = b[o + i];
                int r = i * n;
                for (int k : pattern[i]) {
                    x += jac[r + k] * sv[o + k];
                }
                out[o + i] = x;
            }
        }
    }

    /**
     * b = df/dtheta at (t, y): the generated derivatives with respect to the constants times each
     * direction, or central differences of the right-hand side along it. Leaves the values updated at (t, y).
     */
    private void parameterDerivatives(double t, double[] y) {
        double[] v = rhs.v;
        if (parameterJacobian != null) {
            rhs.update(t, y);
            parameterJacobian.evaluate(v, y, parameterWork);
            double[] d = parameterWork[1];
            int nc = parameterJacobian.columns();
            Arrays.fill(b, 0);
            for (int j = 0; j < m; j++) {
                int o = j * n;
                for (int q : pdirSyms[j]) {
                    int c = parameterJacobian.column(q);
                    if (c < 0) {
                        continue;
                    }
                    double w = pdir[j][q];
                    for (int i = 0; i < n; i++) {
                        b[o + i] += d[i * nc + c] * w;
                    }
                }
            }
            return;
        }
        for (int j = 0; j < m; j++) {
            int o = j * n;
            int[] syms = pdirSyms[j];
            if (syms.length == 0) {
                Arrays.fill(b, o, o + n, 0);
                continue;
            }
            double h = FD * unit[j];
            for (int q : syms) {
                v[q] += h * pdir[j][q];
            }
            rhs.eval(t, y, fp);
            for (int q : syms) {
                v[q] -= 2 * h * pdir[j][q];
            }
            rhs.eval(t, y, fm);
            for (int q : syms) {
                v[q] += h * pdir[j][q];
            }
            for (int i = 0; i < n; i++) {
                b[o + i] = (fp[i] - fm[i]) / (2 * h);
            }
        }
        rhs.update(t, y);
    }

    /** Rescales the differences for a new step size, as the state's ({@code ru} from {@link Bdf}). */
    void rescale(double[][] ru, int k) {
        int nm = s.length;
        for (int q = 0; q < k; q++) {
            double[] out = tmp[q];
            Arrays.fill(out, 0);
            for (int i = 0; i < k; i++) {
                double c = ru[i][q];
                if (c != 0) {
                    double[] d = dif[i];
                    for (int x = 0; x < nm; x++) {
                        out[x] += c * d[x];
                    }
                }
            }
        }
        for (int q = 0; q < k; q++) {
            System.arraycopy(tmp[q], 0, dif[q], 0, nm);
        }
    }

    /**
     * Solves the sensitivities' corrector at the state's converged (tnew, ynew), order k, hk = h/gamma_k.
     *
     * @return the weighted max-norm of the sensitivities' corrections when they are in the error
     *         test (same scale as the state's), else 0; infinity if the iteration matrix is singular
     */
    double correct(double tnew, double[] ynew, double hk, int k) {
        int nm = s.length;
        Arrays.fill(pred, 0);
        double gk = Bdf.G[k - 1];
        Arrays.fill(dnew, 0);
        // psi (held in dnew for now) and the predictor.
        for (int q = 0; q < k; q++) {
            double gq = Bdf.G[q] / gk;
            double[] d = dif[q];
            for (int x = 0; x < nm; x++) {
                pred[x] += d[x];
                dnew[x] += d[x] * gq;
            }
        }
        for (int x = 0; x < nm; x++) {
            pred[x] += s[x];
        }
        rhs.eval(tnew, ynew, f0);
        rhs.jacobian(tnew, ynew, f0, threshold, jac);
        parameterDerivatives(tnew, ynew);
        double[] a = lu.a;
        for (int i = 0; i < n * n; i++) {
            a[i] = -hk * jac[i];
        }
        for (int i = 0; i < n; i++) {
            a[i * n + i] += 1.0;
        }
        if (!lu.factor()) {
            return Double.POSITIVE_INFINITY;
        }
        double err = 0;
        for (int j = 0; j < m; j++) {
            int o = j * n;
            for (int i = 0; i < n; i++) {
                double x = b[o + i];
                int r = i * n;
                for (int c : pattern[i]) {
                    x += jac[r + c] * pred[o + c];
                }
                col[i] = hk * x - dnew[o + i];
            }
            lu.solve(col);
            double thr = threshold[0] / unit[j];
            for (int i = 0; i < n; i++) {
                dnew[o + i] = col[i];
                if (errorControl) {
                    double w = Math.max(Math.max(Math.abs(s[o + i]), Math.abs(pred[o + i])), thr);
                    err = Math.max(err, Math.abs(col[i]) / w);
                }
            }
        }
        return err;
    }

    /** The step is accepted: the differences and the sensitivities move on, as the state's. */
    void accept(int k) {
        int nm = s.length;
        for (int x = 0; x < nm; x++) {
            dif[k + 1][x] = dnew[x] - dif[k][x];
            dif[k][x] = dnew[x];
            s[x] = pred[x] + dnew[x];
        }
        for (int q = k - 1; q >= 0; q--) {
            double[] lo = dif[q];
            double[] hi = dif[q + 1];
            for (int x = 0; x < nm; x++) {
                lo[x] += hi[x];
            }
        }
    }

    // ---- reading, called by the driver ----

    /** The sensitivities at time tq within the last step (s[j * n + i]), into {@code out}. */
    public void sensitivitiesAt(double tq, double[] out) {
        System.arraycopy(s, 0, out, 0, s.length);
        if (bdf == null || jumped) {
            // Before the first step, or after an event at the end of the last one: the current values.
            return;
        }
        double sc = (tq - bdf.t()) / bdf.lastStep();
        double sv = 1;
        for (int q = 0; q < bdf.lastOrder(); q++) {
            sv *= (sc + q) / (q + 1);
            double[] d = dif[q];
            for (int x = 0; x < out.length; x++) {
                out[x] += d[x] * sv;
            }
        }
    }

    /** @return the current sensitivities (read-only use) */
    public double[] sensitivities() {
        return s;
    }

    /** Replaces the current sensitivities (a steady state's). */
    void setSensitivities(double[] sv) {
        System.arraycopy(sv, 0, s, 0, s.length);
    }

    public int states() {
        return n;
    }

    public int directions() {
        return m;
    }

    /**
     * The derivatives of reported symbols at the values {@code v} of an output time with the state's
     * sensitivities {@code sv} there: out[c][j] = d value(sym[c]) / d theta_j, by central differences
     * of the rules along (s_j, the direction's constants). Leaves {@code v} as it was.
     */
    public void outputDerivatives(double[] v, double[] sv, int[] sym, Quantity[] quantity, double[][] out) {
        if (v != rhs.v) {
            throw new IllegalArgumentException("values of another run");
        }
        double t = v[0];
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            y[k] = Amounts.state(layout, k, v);
        }
        double[] plus = new double[sym.length];
        double[] minus = new double[sym.length];
        double[] d = new double[sym.length];
        for (int j = 0; j < m; j++) {
            double ratio = 1 / unit[j];
            for (int k = 0; k < n; k++) {
                ratio = Math.max(ratio, Math.abs(sv[j * n + k]) / Math.max(Math.abs(y[k]), threshold[k]));
            }
            alongDirection(j, FD / ratio, t, y, sv, (w, o) -> {
                for (int c = 0; c < sym.length; c++) {
                    o[c] = Amounts.read(layout, sym[c], w, quantity[c]);
                }
            }, plus, minus, d);
            for (int c = 0; c < sym.length; c++) {
                out[c][j] = d[c];
            }
        }
        rhs.update(t, y);
    }

    /** Values read from a run's updated symbol values. */
    private interface Reading {
        void read(double[] v, double[] out);
    }

    /**
     * Central differences along direction j (the state along {@code sv}'s column j, the constants
     * along the direction) of values read after the rules are evaluated: out = (read(+h) - read(-h)) / 2h.
     * The constants are restored; the rules are left evaluated at the last perturbed point.
     */
    private void alongDirection(int j, double h, double t, double[] y, double[] sv, Reading reading, double[] plus,
            double[] minus, double[] out) {
        double[] v = rhs.v;
        for (int side = 1; side >= -1; side -= 2) {
            double hs = side * h;
            for (int k = 0; k < n; k++) {
                yp[k] = y[k] + hs * sv[j * n + k];
            }
            for (int q : pdirSyms[j]) {
                v[q] += hs * pdir[j][q];
            }
            rhs.update(t, yp);
            reading.read(v, side > 0 ? plus : minus);
            for (int q : pdirSyms[j]) {
                v[q] -= hs * pdir[j][q];
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = (plus[i] - minus[i]) / (2 * h);
        }
    }

    // ---- events, called by the engine ----

    /** An event's jump waiting for the state after its assignments: per direction dtau/dtheta and the targets' new values. */
    private double[] pendingTau;
    private int pendingEvent = -1;
    private double[] pendingF;

    /**
     * An event is about to assign {@code vals} at time t, with the state y- of the engine. With
     * tau the event time, G its assignments and f-/f+ the derivatives before and after it, the
     * sensitivities jump to {@code s+ = G_y s- + G_theta + (G_t + G_y f- - f+) dtau/dtheta} (G the
     * identity for states it does not assign); dtau/dtheta = -(r_y s + r_theta) / (r_t + r_y f-)
     * for the trigger's root function r (the comparison whose operand difference vanishes at tau),
     * zero for events at the start and at time switches on constants. A constant the event sets
     * (a parameter) gets the same derivative as its direction entry. This part takes the
     * derivatives along each direction and along the trajectory before the assignments;
     * {@link #afterJump} completes it with f+.
     *
     * @throws SimulationException UNSUPPORTED for an event that fires where its trigger's root
     *         function does not cross zero transversally (a grazing trigger, or one on a boolean)
     */
    void jump(int e, double t, double[] vals) throws SimulationException {
        boolean fixedTime = false;
        for (double x : eventTimes) {
            fixedTime |= x == t;
        }
        int moving = movingSwitchAt(t);
        for (int i = 0; moving < 0 && i < switchStops.length; i++) {
            if (switchStops[i] == t) {
                moving = movingSwitchAt(switchRestarts[i]);
            }
        }
        if (moving >= 0) {
            throw new SimulationException(Kind.UNSUPPORTED, "forward sensitivities across event '" + layout.eventIds[e]
                    + "' are not computed: it fires at a time switch whose time depends on a sensitivity parameter");
        }
        if (bdf != null && !jumped) {
            // A state event lies inside the last step: the sensitivities at its time.
            sensitivitiesAt(t, dnew);
            System.arraycopy(dnew, 0, s, 0, s.length);
        }
        jumped = true;
        int[] targets = layout.eventTargets[e];
        double[] y = engine.state().clone();
        double[] plus = new double[targets.length];
        double[] minus = new double[targets.length];
        double[][] d = new double[m][targets.length];
        for (int j = 0; j < m; j++) {
            alongDirection(j, FD * unit[j], t, y, s, (w, o) -> rhs.code.eventValues(e, w, o), plus, minus, d[j]);
        }
        double[] tau = new double[m];
        double[] gdot = new double[targets.length];
        double[] fMinus = new double[n];
        rhs.eval(t, y, fMinus);
        if (!fixedTime) {
            eventTimeDerivatives(e, t, y, fMinus, tau);
            alongTrajectory(t, y, fMinus, (w, o) -> rhs.code.eventValues(e, w, o), plus, minus, gdot);
        }
        rhs.update(t, y);
        double[] v = rhs.v;
        for (int a = 0; a < targets.length; a++) {
            int sym = targets[a];
            int k = layout.symbolState[sym];
            for (int j = 0; j < m; j++) {
                double dv = d[j][a] + gdot[a] * tau[j];
                if (k < 0) {
                    pdir[j][sym] = dv;
                } else if (layout.stateIsAmount[k] && !layout.onlySubstanceUnits[sym]) {
                    int c = layout.speciesCompartment[sym];
                    s[j * n + k] = dv * v[c] + vals[a] * pdir[j][c];
                } else {
                    s[j * n + k] = dv;
                }
            }
        }
        // States the event does not assign move by f- dtau; every state then by -f+ dtau (afterJump).
        boolean[] assigned = new boolean[n];
        for (int sym : targets) {
            if (layout.symbolState[sym] >= 0) {
                assigned[layout.symbolState[sym]] = true;
            }
        }
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < n; k++) {
                if (!assigned[k]) {
                    s[j * n + k] += fMinus[k] * tau[j];
                }
            }
        }
        indexDirections();
        pendingTau = tau;
        pendingEvent = e;
        pendingF = fMinus;
    }

    /** The event's assignments are done: subtract f+ dtau/dtheta. */
    void afterJump() {
        if (pendingEvent < 0) {
            return;
        }
        double[] fPlus = pendingF;
        double[] y = engine.state();
        rhs.eval(engine.values()[0], y, fPlus);
        for (int j = 0; j < m; j++) {
            if (pendingTau[j] != 0) {
                for (int k = 0; k < n; k++) {
                    s[j * n + k] -= fPlus[k] * pendingTau[j];
                }
            }
        }
        rhs.update(engine.values()[0], y);
        pendingEvent = -1;
    }

    /** dtau/dtheta_j of a state-triggered event at t from the root function that vanishes there. */
    private void eventTimeDerivatives(int e, double t, double[] y, double[] fMinus, double[] tau)
            throws SimulationException {
        int nr = layout.rootCount;
        double[] r = new double[nr];
        rhs.update(t, y);
        rhs.code.roots(rhs.v, r);
        int best = -1;
        for (int q = 0; q < nr; q++) {
            if (best < 0 || Math.abs(r[q]) < Math.abs(r[best])) {
                best = q;
            }
        }
        double[] plus = new double[nr];
        double[] minus = new double[nr];
        double[] dr = new double[nr];
        alongTrajectory(t, y, fMinus, (w, o) -> rhs.code.roots(w, o), plus, minus, dr);
        double rate = best < 0 ? 0 : dr[best];
        if (best < 0 || !(Math.abs(rate) > 0) || !Double.isFinite(rate)) {
            throw new SimulationException(Kind.UNSUPPORTED, "forward sensitivities across event '" + layout.eventIds[e]
                    + "' at time " + t + " are not computed: its trigger does not cross a comparison's zero transversally"
                    + " there, so the event time's derivative is not defined");
        }
        for (int j = 0; j < m; j++) {
            alongDirection(j, FD * unit[j], t, y, s, (w, o) -> rhs.code.roots(w, o), plus, minus, dr);
            tau[j] = -dr[best] / rate;
        }
    }

    /** Central differences along the trajectory (time and state along f) of values read after the rules. */
    private void alongTrajectory(double t, double[] y, double[] f, Reading reading, double[] plus, double[] minus,
            double[] out) {
        double h = FD * Math.max(Math.abs(t), 1e-3);
        for (int side = 1; side >= -1; side -= 2) {
            double hs = side * h;
            for (int k = 0; k < n; k++) {
                yp[k] = y[k] + hs * f[k];
            }
            rhs.update(t + hs, yp);
            reading.read(rhs.v, side > 0 ? plus : minus);
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = (plus[i] - minus[i]) / (2 * h);
        }
    }

    // ---- steady states ----

    /**
     * Finds the run's steady state as {@link SteadyStateSolver} does (conserved moieties of the
     * initial state held) and the sensitivities there; leaves the engine's values at the steady state.
     */
    public SteadyStateSolver.Result solveSteadyState(java.util.function.BooleanSupplier cancelled)
            throws SimulationException {
        double t = engine.values()[0];
        SteadyStateSolver solver = new SteadyStateSolver(engine, engine.relativeTolerance(), engine.absoluteTolerance());
        double[][] laws = n == 0 ? new double[0][] : solver.conservationLaws(rhs, t, engine.state().clone());
        SteadyStateSolver.Result r = solver.solve(cancelled);
        double tEnd = engine.values()[0];
        if (n > 0) {
            steadyState(tEnd, r.y(), laws);
        }
        rhs.update(tEnd, r.y());
        return r;
    }

    /**
     * The sensitivities of a steady state y (reached from the run's initial state y0 with the
     * conservation laws {@code laws} held): the least-squares solution of J s = -df/dtheta with
     * L s = L s0, which is exact when the laws span J's left null space.
     */
    private void steadyState(double t, double[] y, double[][] laws) throws SimulationException {
        rhs.eval(t, y, f0);
        rhs.jacobian(t, y, f0, threshold, jac);
        parameterDerivatives(t, y);
        int r = n + laws.length;
        RealMatrix a = new Array2DRowRealMatrix(r, n);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                a.setEntry(i, k, jac[i * n + k]);
            }
        }
        for (int l = 0; l < laws.length; l++) {
            for (int k = 0; k < n; k++) {
                a.setEntry(n + l, k, laws[l][k]);
            }
        }
        DecompositionSolver solver = new QRDecomposition(a, 1e-14).getSolver();
        double[] out = new double[s.length];
        for (int j = 0; j < m; j++) {
            double[] rhsv = new double[r];
            for (int i = 0; i < n; i++) {
                rhsv[i] = -b[j * n + i];
            }
            for (int l = 0; l < laws.length; l++) {
                double c = 0;
                for (int k = 0; k < n; k++) {
                    c += laws[l][k] * s[j * n + k];
                }
                rhsv[n + l] = c;
            }
            double[] x;
            try {
                x = solver.solve(new ArrayRealVector(rhsv, false)).toArray();
            } catch (RuntimeException e) {
                throw new SimulationException(Kind.NO_STEADY_STATE, "the steady state's sensitivities are not defined:"
                        + " its Jacobian with the conservation laws is singular (" + e.getMessage() + ")", e);
            }
            System.arraycopy(x, 0, out, j * n, n);
        }
        setSensitivities(out);
    }
}
