package org.mtorworkbench.network.internal;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Routes edges orthogonally on a grid around rectangular obstacles (the glyphs), by A*
 * search over (grid point, direction) with a cost for length, bends, crossing an edge
 * routed before and running on top of one. An edge may pass through the two obstacles it
 * connects and no other; it starts at a point inside its first obstacle and is cut where it
 * leaves it, so the returned polyline begins on that obstacle's border.
 *
 * <p>Needs: the obstacles before the first route. Provides: polylines of horizontal and
 * vertical segments, corners only. Not thread-safe: one router per layout.
 */
final class OrthogonalRouter {

    private static final int BEND = 3;
    /** Weight of the distance estimate: above 1 trades a little route quality for a much smaller search. */
    private static final int HEURISTIC = 2;
    private static final int CROSS = 40;
    private static final int OVERLAP = 60;
    private static final int SHARED_OVERLAP = 2;
    /** Cells around the ends' box searched first (a detour of up to this many cells each way). */
    private static final int WINDOW = 20;
    private static final int[] DX = { 1, 0, -1, 0 };
    private static final int[] DY = { 0, 1, 0, -1 };

    private final double step;
    private final double margin;
    private final int nx;
    private final int ny;
    /** obstacle index + 1 of a grid point, 0 free, -1 inside several */
    private final int[] owner;
    private final List<Rectangle2D> obstacles = new ArrayList<>();
    /** per grid point: the edge groups using it horizontally / vertically (bit sets would not scale; short lists do) */
    private final List<List<int[]>> horizontal;
    private final List<List<int[]>> vertical;
    private final int[] best;
    /** per grid point: how many routes use it (to skip the lists of empty points) */
    private final int[] used;
    private final int[] previous;
    private final int[] seen;
    private int stamp;
    private int[] heapKey = new int[1024];
    private int[] heapState = new int[1024];
    private int heapSize;

    /**
     * @param width the area's width; routes stay in [0, width] x [0, height]
     * @param height the area's height
     * @param step the grid spacing
     * @param margin how far routes keep from obstacles they do not connect
     */
    OrthogonalRouter(double width, double height, double step, double margin) {
        this.step = step;
        this.margin = margin;
        this.nx = (int) Math.ceil(width / step) + 1;
        this.ny = (int) Math.ceil(height / step) + 1;
        this.owner = new int[nx * ny];
        this.best = new int[nx * ny * 4];
        this.used = new int[nx * ny];
        this.previous = new int[nx * ny * 4];
        this.seen = new int[nx * ny * 4];
        this.horizontal = new ArrayList<>(nx * ny);
        this.vertical = new ArrayList<>(nx * ny);
        for (int i = 0; i < nx * ny; i++) {
            horizontal.add(null);
            vertical.add(null);
        }
    }

    /** Adds an obstacle; @return its index, used to name the ends of a route */
    int addObstacle(Rectangle2D box) {
        int index = obstacles.size();
        obstacles.add(box);
        int x0 = Math.max(0, (int) Math.ceil((box.getMinX() - margin) / step));
        int x1 = Math.min(nx - 1, (int) Math.floor((box.getMaxX() + margin) / step));
        int y0 = Math.max(0, (int) Math.ceil((box.getMinY() - margin) / step));
        int y1 = Math.min(ny - 1, (int) Math.floor((box.getMaxY() + margin) / step));
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int c = y * nx + x;
                owner[c] = owner[c] == 0 ? index + 1 : -1;
            }
        }
        return index;
    }

    /** @return true when the grid point is free of every obstacle */
    boolean isFree(double x, double y) {
        int gx = (int) Math.round(x / step);
        int gy = (int) Math.round(y / step);
        return gx >= 0 && gy >= 0 && gx < nx && gy < ny && owner[gy * nx + gx] == 0;
    }

    /**
     * Routes from the centre of obstacle {@code from} to the centre of obstacle {@code to}.
     *
     * @param species the id of the edge's species group (edges of one species may share a track)
     * @param reaction the id of the edge's reaction group (edges of one reaction may share a track)
     * @return x0, y0, x1, y1, ...: from the border of {@code from} to the centre of {@code to}
     */
    double[] route(int from, int to, int species, int reaction) {
        int start = nearest(obstacles.get(from));
        int goal = nearest(obstacles.get(to));
        int reached = search(from, to, start, goal, species, reaction, WINDOW);
        if (reached < 0) {
            reached = search(from, to, start, goal, species, reaction, Math.max(nx, ny));
        }
        if (reached < 0) {
            return straight(from, to);
        }
        List<Integer> cells = new ArrayList<>();
        for (int s = reached; s >= 0; s = previous[s]) {
            cells.add(0, s / 4);
        }
        mark(cells, species, reaction);
        return clip(corners(cells), obstacles.get(from));
    }

    /** A* from start to goal inside the box around both grown by {@code window} cells; @return the goal state or -1 */
    private int search(int from, int to, int start, int goal, int species, int reaction, int window) {
        stamp++;
        heapSize = 0;
        int gx = goal % nx;
        int gy = goal / nx;
        int sx = start % nx;
        int sy = start / nx;
        int minX = Math.max(0, Math.min(sx, gx) - window);
        int maxX = Math.min(nx - 1, Math.max(sx, gx) + window);
        int minY = Math.max(0, Math.min(sy, gy) - window);
        int maxY = Math.min(ny - 1, Math.max(sy, gy) + window);
        for (int d = 0; d < 4; d++) {
            int s = start * 4 + d;
            visit(s, 0, -1);
            push(s, h(start, gx, gy));
        }
        while (heapSize > 0) {
            int f = heapKey[0];
            int state = pop();
            int cell = state / 4;
            int dir = state % 4;
            int g = best[state];
            if (f - h(cell, gx, gy) > g) {
                continue;
            }
            if (cell == goal) {
                return state;
            }
            int x = cell % nx;
            int y = cell / nx;
            for (int d = 0; d < 4; d++) {
                if (d == (dir + 2) % 4) {
                    continue;
                }
                int x2 = x + DX[d];
                int y2 = y + DY[d];
                if (x2 < minX || y2 < minY || x2 > maxX || y2 > maxY) {
                    continue;
                }
                int c2 = y2 * nx + x2;
                int o = owner[c2];
                if (o != 0 && o != from + 1 && o != to + 1 && c2 != goal) {
                    continue;
                }
                int cost = g + 1 + (d == dir || previous[state] == -1 ? 0 : BEND);
                if (o == 0 && used[c2] != 0) {
                    cost += use(d % 2 == 0 ? vertical.get(c2) : horizontal.get(c2), species, reaction, CROSS, CROSS);
                    cost += use(d % 2 == 0 ? horizontal.get(c2) : vertical.get(c2), species, reaction, OVERLAP,
                            SHARED_OVERLAP);
                }
                int s2 = c2 * 4 + d;
                if (seen[s2] != stamp || cost < best[s2]) {
                    visit(s2, cost, state);
                    push(s2, cost + h(c2, gx, gy));
                }
            }
        }
        return -1;
    }

    private void visit(int state, int cost, int from) {
        seen[state] = stamp;
        best[state] = cost;
        previous[state] = from;
    }

    private void push(int state, int key) {
        if (heapSize == heapKey.length) {
            heapKey = Arrays.copyOf(heapKey, heapSize * 2);
            heapState = Arrays.copyOf(heapState, heapSize * 2);
        }
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (heapKey[parent] <= key) {
                break;
            }
            heapKey[i] = heapKey[parent];
            heapState[i] = heapState[parent];
            i = parent;
        }
        heapKey[i] = key;
        heapState[i] = state;
    }

    private int pop() {
        int top = heapState[0];
        int key = heapKey[--heapSize];
        int state = heapState[heapSize];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && heapKey[child + 1] < heapKey[child]) {
                child++;
            }
            if (heapKey[child] >= key) {
                break;
            }
            heapKey[i] = heapKey[child];
            heapState[i] = heapState[child];
            i = child;
        }
        heapKey[i] = key;
        heapState[i] = state;
        return top;
    }

    private static int use(List<int[]> users, int species, int reaction, int other, int shared) {
        if (users == null) {
            return 0;
        }
        int cost = 0;
        for (int[] u : users) {
            cost += u[0] == species || u[1] == reaction ? shared : other;
        }
        return cost;
    }

    private void mark(List<Integer> cells, int species, int reaction) {
        for (int i = 0; i < cells.size(); i++) {
            int c = cells.get(i);
            if (owner[c] != 0) {
                continue;
            }
            boolean h = i > 0 && Math.abs(cells.get(i - 1) - c) == 1 || i + 1 < cells.size() && Math.abs(cells.get(i + 1) - c) == 1;
            boolean v = i > 0 && Math.abs(cells.get(i - 1) - c) == nx || i + 1 < cells.size() && Math.abs(cells.get(i + 1) - c) == nx;
            if (h) {
                add(horizontal, c, species, reaction);
            }
            if (v) {
                add(vertical, c, species, reaction);
            }
        }
    }

    private void add(List<List<int[]>> use, int c, int species, int reaction) {
        used[c]++;
        if (use.get(c) == null) {
            use.set(c, new ArrayList<>(2));
        }
        use.get(c).add(new int[] { species, reaction });
    }

    private int h(int cell, int gx, int gy) {
        return HEURISTIC * (Math.abs(cell % nx - gx) + Math.abs(cell / nx - gy));
    }

    private int nearest(Rectangle2D box) {
        int x = (int) Math.round(box.getCenterX() / step);
        int y = (int) Math.round(box.getCenterY() / step);
        return Math.min(ny - 1, Math.max(0, y)) * nx + Math.min(nx - 1, Math.max(0, x));
    }

    private double[] corners(List<Integer> cells) {
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            int c = cells.get(i);
            boolean corner = i == 0 || i == cells.size() - 1
                    || cells.get(i + 1) - c != c - cells.get(i - 1);
            if (corner) {
                pts.add(new double[] { c % nx * step, c / nx * step });
            }
        }
        if (pts.size() == 1) {
            pts.add(pts.get(0).clone());
        }
        double[] out = new double[pts.size() * 2];
        for (int i = 0; i < pts.size(); i++) {
            out[2 * i] = pts.get(i)[0];
            out[2 * i + 1] = pts.get(i)[1];
        }
        return out;
    }

    /** Cuts the start of an axis-parallel polyline where it leaves the box. */
    static double[] clip(double[] pts, Rectangle2D box) {
        for (int i = 2; i < pts.length; i += 2) {
            if (!box.contains(pts[i], pts[i + 1])) {
                double x0 = pts[i - 2];
                double y0 = pts[i - 1];
                double x1 = pts[i];
                double y1 = pts[i + 1];
                double ex = x1 > x0 ? Math.min(x1, box.getMaxX()) : x1 < x0 ? Math.max(x1, box.getMinX()) : x0;
                double ey = y1 > y0 ? Math.min(y1, box.getMaxY()) : y1 < y0 ? Math.max(y1, box.getMinY()) : y0;
                if (ex == x1 && ey == y1) {
                    // it leaves the box at a corner of the route: start there, without a zero-length segment
                    double[] out = new double[pts.length - i];
                    System.arraycopy(pts, i, out, 0, pts.length - i);
                    return out;
                }
                double[] out = new double[pts.length - i + 2];
                out[0] = ex;
                out[1] = ey;
                System.arraycopy(pts, i, out, 2, pts.length - i);
                return out;
            }
        }
        return pts;
    }

    private double[] straight(int from, int to) {
        Rectangle2D a = obstacles.get(from);
        Rectangle2D b = obstacles.get(to);
        return new double[] { a.getCenterX(), a.getCenterY(), b.getCenterX(), b.getCenterY() };
    }
}
