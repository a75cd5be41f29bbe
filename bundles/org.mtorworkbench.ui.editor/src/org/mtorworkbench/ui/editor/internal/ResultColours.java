package org.mtorworkbench.ui.editor.internal;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.mtorworkbench.diagram.ArcFigure;
import org.mtorworkbench.diagram.Diagram;
import org.mtorworkbench.diagram.GlyphKind;
import org.mtorworkbench.diagram.NodeFigure;
import org.mtorworkbench.simulation.CompiledModel;
import org.mtorworkbench.simulation.Output;
import org.mtorworkbench.simulation.SimulationException;
import org.mtorworkbench.simulation.SolverOptions;
import org.mtorworkbench.simulation.TimeCourse;
import org.sbml.jsbml.SBMLDocument;

/**
 * Colours a diagram by a simulated time course. Species glyphs: each species' value at a
 * time as a fraction of its own peak over the run, from pale yellow (0) to red (its peak).
 * Reaction arcs: each reaction's rate (flux) at a time, as reported by the simulation
 * engine, as a fraction of the largest |flux| of any reaction over the run; the arcs of a
 * reaction get thicker and darker blue with |flux|, from {@link #ARC_MIN_WIDTH} grey (no
 * flux) to {@link #ARC_MAX_WIDTH} blue (the largest flux).
 */
public final class ResultColours {

    /** Colour of 0. */
    public static final Color LOW = new Color(0xFFFFCC);
    /** Colour of a species' peak. */
    public static final Color HIGH = new Color(0xE31A1C);

    /** Arc colour of no flux. */
    public static final Color ARC_LOW = new Color(0xBDBDBD);
    /** Arc colour of the largest flux. */
    public static final Color ARC_HIGH = new Color(0x08519C);
    /** Arc width of no flux, in layout units. */
    public static final float ARC_MIN_WIDTH = 0.75f;
    /** Arc width of the largest flux, in layout units. */
    public static final float ARC_MAX_WIDTH = 8f;

    private final TimeCourse course;
    private final Set<String> reactions;
    private double fluxPeak;
    private final Map<String, double[]> columns = new HashMap<>();
    private final Map<String, Double> peaks = new HashMap<>();

    private ResultColours(TimeCourse course, Set<String> reactions) {
        this.course = course;
        this.reactions = Set.copyOf(reactions);
        for (Output o : course.columns()) {
            double[] c = course.column(o.id());
            double peak = 0;
            for (double v : c) {
                if (Double.isFinite(v)) {
                    peak = Math.max(peak, Math.abs(v));
                }
            }
            columns.put(o.id(), c);
            peaks.put(o.id(), peak);
            if (reactions.contains(o.id())) {
                fluxPeak = Math.max(fluxPeak, peak);
            }
        }
    }

    /**
     * Simulates a copy of the document from its initial state to {@code tEnd} and reports every
     * species and the rate of every reaction at {@code points + 1} equally spaced times.
     *
     * @throws SimulationException when the model cannot be compiled or integrated (the message says why)
     */
    public static ResultColours simulate(SBMLDocument copy, double tEnd, int points, IProgressMonitor monitor)
            throws SimulationException {
        CompiledModel m = CompiledModel.compile(copy);
        double[] times = new double[points + 1];
        for (int i = 0; i <= points; i++) {
            times[i] = tEnd * i / points;
        }
        List<Output> outs = new ArrayList<>();
        m.speciesIds().forEach(id -> outs.add(Output.of(id)));
        m.reactionIds().forEach(id -> outs.add(Output.of(id)));
        return new ResultColours(m.newSimulation().run(times, outs, SolverOptions.defaults(), monitor::isCanceled),
                new HashSet<>(m.reactionIds()));
    }

    /** @return the time course */
    public TimeCourse course() {
        return course;
    }

    /** @return the number of time points */
    public int size() {
        return course.size();
    }

    /** @return the fill of each species node of the diagram at one time point */
    public Map<String, Color> fills(Diagram d, int row) {
        Map<String, Color> out = new HashMap<>();
        for (NodeFigure n : d.nodes()) {
            if (n.elementId() == null || n.kind() == GlyphKind.COMPARTMENT || n.kind() == GlyphKind.PROCESS) {
                continue;
            }
            double[] c = columns.get(n.elementId());
            if (c != null && !reactions.contains(n.elementId())) {
                out.put(n.id(), colour(fraction(n.elementId(), row)));
            }
        }
        return out;
    }

    /** @return a species' value at a time point as a fraction of its peak (0 when it never rises above 0) */
    public double fraction(String species, int row) {
        double[] c = columns.get(species);
        double peak = peaks.getOrDefault(species, 0.0);
        if (c == null || peak <= 0 || !Double.isFinite(c[row])) {
            return 0;
        }
        return Math.max(0, Math.min(1, Math.abs(c[row]) / peak));
    }

    /** @return a reaction's rate at a time point as the engine reported it (NaN for an unknown reaction) */
    public double flux(String reaction, int row) {
        double[] c = reactions.contains(reaction) ? columns.get(reaction) : null;
        return c == null ? Double.NaN : c[row];
    }

    /**
     * @return a reaction's |flux| at a time point as a fraction of the largest |flux| of any
     *         reaction over the run (0 when no reaction ever carries flux)
     */
    public double fluxFraction(String reaction, int row) {
        double v = flux(reaction, row);
        if (fluxPeak <= 0 || !Double.isFinite(v)) {
            return 0;
        }
        return Math.max(0, Math.min(1, Math.abs(v) / fluxPeak));
    }

    /** @return the largest |flux| of any reaction over the run */
    public double fluxPeak() {
        return fluxPeak;
    }

    /** @return the style of every arc of a simulated reaction (by arc id) at one time point */
    public Map<String, DiagramCanvas.ArcStyle> arcStyles(Diagram d, int row) {
        Map<String, String> reactionOfProcess = new HashMap<>();
        for (NodeFigure n : d.nodes()) {
            if (n.kind() == GlyphKind.PROCESS && n.elementId() != null && reactions.contains(n.elementId())) {
                reactionOfProcess.put(n.id(), n.elementId());
            }
        }
        Map<String, DiagramCanvas.ArcStyle> out = new HashMap<>();
        for (ArcFigure a : d.arcs()) {
            String r = a.processId() == null ? null : reactionOfProcess.get(a.processId());
            if (r != null) {
                out.put(a.id(), arcStyle(fluxFraction(r, row)));
            }
        }
        return out;
    }

    /** @return the arc style of a flux fraction between 0 and 1 */
    public static DiagramCanvas.ArcStyle arcStyle(double f) {
        double t = Math.max(0, Math.min(1, f));
        return new DiagramCanvas.ArcStyle(mix(ARC_LOW, ARC_HIGH, t),
                (float) (ARC_MIN_WIDTH + t * (ARC_MAX_WIDTH - ARC_MIN_WIDTH)));
    }

    /** @return the colour of a fraction between 0 and 1 */
    public static Color colour(double f) {
        return mix(LOW, HIGH, Math.max(0, Math.min(1, f)));
    }

    /** @return the colour a fraction t of the way from low to high */
    static Color mix(Color low, Color high, double t) {
        return new Color((int) Math.round(low.getRed() + t * (high.getRed() - low.getRed())),
                (int) Math.round(low.getGreen() + t * (high.getGreen() - low.getGreen())),
                (int) Math.round(low.getBlue() + t * (high.getBlue() - low.getBlue())));
    }
}
