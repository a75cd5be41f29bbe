package org.mtorworkbench.simulation.internal;

import java.util.Arrays;

/**
 * The past of one run of a model with {@code delay} csymbols: a dense history of the state
 * from which {@code delay(x, d)} at time t is evaluated as x on the state at t - d.
 * <p>
 * Every accepted step end is stored with the state, its derivative and the state at the step's
 * midpoint from the integrator's dense output, in growable primitive arrays used as a ring (old
 * points are dropped when every delay is a constant, so the horizon is known); the state
 * between two points is the quartic that matches the state and the derivative at both ends and
 * the midpoint, so the past is as accurate as the integrator's own dense output (order 4). Events split the history into pieces:
 * each piece keeps the symbol values at its start (so parameters that events change have
 * their past values too), and no interpolation crosses a piece boundary. Before the start
 * time the history is the initialisation evaluated at the earlier time (initial assignments
 * that use {@code time} describe the past). A past point is evaluated with a full update
 * (rules, rates, algebraic rules, rateOf) on scratch arrays, one set per nesting depth of
 * delays, so lookups allocate nothing once warm. Owned by one run: not thread-safe.
 */
final class DelayHistory {

    /**
     * A delay csymbol's delay evaluated to a negative number: the model asks for the future. An
     * arithmetic error, so initialisation reports it like a division by zero.
     */
    static final class NegativeDelay extends ArithmeticException {
        private static final long serialVersionUID = 1L;

        NegativeDelay(double d, double t) {
            super("a delay csymbol has the delay " + d + " at time " + t + "; delays must not be negative");
        }
    }

    /** Nesting depth of delays evaluated through the history; deeper ones read the values at hand. */
    private static final int MAX_DEPTH = 3;

    private final ModelLayout layout;
    private final ModelCode code;
    private final double[] p0;
    private final boolean[] ov;
    private final int n;
    private final int nsym;
    private final double horizon;
    private double t0;

    // Points [first, end) of the ring: time, piece, state and derivative (n values each).
    private double[] ts = new double[64];
    private int[] piece = new int[64];
    private double[] ys;
    private double[] fs;
    /** The state at the midpoint of the interval ending at each point; NaN when there is none. */
    private double[] ms;
    private int first;
    private int end;
    // Pieces: the symbol values at each piece's start.
    private double[][] snapshots = new double[8][];
    private int pieces;
    private long version;

    private int depth;
    private final double[][] vScratch = new double[MAX_DEPTH][];
    private final double[][] yScratch = new double[MAX_DEPTH][];
    private final Rhs[] rhsScratch = new Rhs[MAX_DEPTH];
    private final double[] cachedTime = new double[MAX_DEPTH];
    private final long[] cachedVersion = new long[MAX_DEPTH];
    private final double[] f;
    private final double[] mid;

    /**
     * @param horizon how far back lookups reach (the largest delay), or infinity when unknown
     */
    DelayHistory(ModelLayout layout, ModelCode code, double[] p0, boolean[] ov, double t0, double horizon) {
        this.layout = layout;
        this.code = code;
        this.p0 = p0;
        this.ov = ov;
        this.t0 = t0;
        this.n = layout.stateCount();
        this.nsym = layout.symbolCount();
        this.horizon = horizon;
        this.ys = new double[64 * Math.max(n, 1)];
        this.fs = new double[64 * Math.max(n, 1)];
        this.ms = new double[64 * Math.max(n, 1)];
        this.mid = new double[n];
        this.f = new double[n];
        for (int d = 0; d < MAX_DEPTH; d++) {
            vScratch[d] = new double[nsym];
            yScratch[d] = new double[n];
            cachedVersion[d] = -1;
        }
    }

    /**
     * The value of delayed expression {@code k} at time {@code tPast}; {@code v} holds the values
     * at the time of the lookup, used when the history cannot answer: a lookup at or after the
     * start before any step (the initial values, or a steady state search, where the past equals
     * the present), and delays nested deeper than the history follows.
     */
    double lookup(int k, double tPast, double[] v) {
        boolean past = tPast < t0;
        if (depth >= MAX_DEPTH || (!past && end == first) || Double.isNaN(tPast)) {
            return code.delayedValue(k, v);
        }
        int d = depth++;
        try {
            double[] vp = vScratch[d];
            if (cachedVersion[d] != version || cachedTime[d] != tPast) {
                if (past) {
                    vp[0] = tPast;
                    code.init(vp, p0, ov);
                } else {
                    int i = locate(tPast);
                    System.arraycopy(snapshots[piece[i]], 0, vp, 0, nsym);
                    interpolate(i, tPast, yScratch[d]);
                    if (rhsScratch[d] == null) {
                        rhsScratch[d] = new Rhs(layout, code, vp);
                    }
                    rhsScratch[d].update(tPast, yScratch[d]);
                }
                cachedVersion[d] = version;
                cachedTime[d] = tPast;
            }
            return code.delayedValue(k, vp);
        } finally {
            depth--;
        }
    }

    /**
     * Starts a new piece at (t, y) with the symbol values {@code v}, after an event or at the
     * start of a run; {@code rhs} gives the derivative there.
     */
    void restart(double t, double[] y, double[] v, Rhs rhs) {
        truncate(t);
        if (end == first) {
            t0 = t;
        }
        if (pieces == snapshots.length) {
            snapshots = Arrays.copyOf(snapshots, 2 * pieces);
        }
        snapshots[pieces++] = v.clone();
        rhs.eval(t, y, f);
        push(t, y, f, null, pieces - 1);
    }

    /**
     * Adds the point (t, y) to the current piece: the end of the step {@code stepper} just took,
     * or a point within it (where an event cuts it).
     */
    void add(double t, double[] y, Rhs rhs, Stepper stepper) {
        truncate(t);
        double before = end == first ? Double.NaN : ts[end - 1];
        boolean within = before >= stepper.tPrev() && before < t && t <= stepper.t();
        if (within) {
            stepper.interpolate(0.5 * (before + t), mid);
        }
        rhs.eval(t, y, f);
        push(t, y, f, within ? mid : null, pieces - 1);
    }

    /** Forgets the points after {@code t} (the integration is cut back to an event there). */
    void truncate(double t) {
        while (end - first > 1 && ts[end - 1] > t) {
            end--;
            version++;
        }
    }

    /** @return the time of the latest point, or NaN when there is none */
    double lastTime() {
        return end == first ? Double.NaN : ts[end - 1];
    }

    private void push(double t, double[] y, double[] dy, double[] ym, int pc) {
        if (end == ts.length) {
            makeRoom(t);
        }
        ts[end] = t;
        piece[end] = pc;
        System.arraycopy(y, 0, ys, end * n, n);
        System.arraycopy(dy, 0, fs, end * n, n);
        if (ym != null) {
            System.arraycopy(ym, 0, ms, end * n, n);
        } else {
            java.util.Arrays.fill(ms, end * n, (end + 1) * n, Double.NaN);
        }
        end++;
        version++;
    }

    /** Drops points older than the horizon, or grows the arrays when none can go. */
    private void makeRoom(double t) {
        int keep = first;
        if (Double.isFinite(horizon)) {
            // Keep the last point at or before the horizon so every lookup within it can interpolate.
            double limit = t - horizon;
            while (keep + 2 < end && ts[keep + 1] <= limit) {
                keep++;
            }
        }
        int count = end - keep;
        if (keep > first && count <= ts.length / 2) {
            System.arraycopy(ts, keep, ts, 0, count);
            System.arraycopy(piece, keep, piece, 0, count);
            System.arraycopy(ys, keep * n, ys, 0, count * n);
            System.arraycopy(fs, keep * n, fs, 0, count * n);
            System.arraycopy(ms, keep * n, ms, 0, count * n);
        } else {
            int cap = 2 * ts.length;
            ts = Arrays.copyOfRange(ts, keep, keep + cap);
            piece = Arrays.copyOfRange(piece, keep, keep + cap);
            ys = Arrays.copyOfRange(ys, keep * n, (keep + cap) * n);
            fs = Arrays.copyOfRange(fs, keep * n, (keep + cap) * n);
            ms = Arrays.copyOfRange(ms, keep * n, (keep + cap) * n);
        }
        first = 0;
        end = count;
        // Pieces that no retained point belongs to are gone for good.
        for (int p = 0; p < piece[0]; p++) {
            snapshots[p] = null;
        }
    }

    /** @return the last point at or before {@code t} (the later one of two at the same time), or the first point */
    private int locate(double t) {
        int lo = first;
        int hi = end - 1;
        if (t >= ts[hi]) {
            return hi;
        }
        if (t < ts[lo]) {
            return lo;
        }
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (ts[mid] <= t) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /**
     * The state at {@code t} from point {@code i}: on [t_i, t_i+1] when both are in one piece, the
     * cubic Hermite interpolant plus c s^2 (1-s)^2, with c making it pass through the midpoint
     * (when known); past the last point of a piece, the last interval's polynomial extended (or
     * a linear step from a lone point).
     */
    private void interpolate(int i, double t, double[] out) {
        int a = i;
        int b = i + 1;
        if (b >= end || piece[b] != piece[a] || ts[b] == ts[a]) {
            if (a > first && piece[a - 1] == piece[a] && ts[a - 1] < ts[a]) {
                a = i - 1;
                b = i;
            } else {
                for (int j = 0; j < n; j++) {
                    out[j] = ys[i * n + j] + (t - ts[i]) * fs[i * n + j];
                }
                return;
            }
        }
        double h = ts[b] - ts[a];
        double s = (t - ts[a]) / h;
        double s2 = s * s;
        double s3 = s2 * s;
        double h00 = 2 * s3 - 3 * s2 + 1;
        double h10 = (s3 - 2 * s2 + s) * h;
        double h01 = -2 * s3 + 3 * s2;
        double h11 = (s3 - s2) * h;
        int oa = a * n;
        int ob = b * n;
        double bump = s2 * (1 - s) * (1 - s);
        for (int j = 0; j < n; j++) {
            double cubic = h00 * ys[oa + j] + h10 * fs[oa + j] + h01 * ys[ob + j] + h11 * fs[ob + j];
            double m = ms[ob + j];
            if (m == m) {
                // At s = 1/2 the cubic Hermite is the mean of the ends plus h (fa - fb) / 8; the bump is 1/16 there.
                double atMid = 0.5 * (ys[oa + j] + ys[ob + j]) + 0.125 * h * (fs[oa + j] - fs[ob + j]);
                cubic += 16 * (m - atMid) * bump;
            }
            out[j] = cubic;
        }
    }
}
