package org.mtorworkbench.ui.editor.internal;

import java.awt.Color;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
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
 * Colours species glyphs by a simulated time course: each species' value at a time as a
 * fraction of its own peak over the run, from pale yellow (0) to red (its peak).
 */
public final class ResultColours {

    /** Colour of 0. */
    public static final Color LOW = new Color(0xFFFFCC);
    /** Colour of a species' peak. */
    public static final Color HIGH = new Color(0xE31A1C);

    private final TimeCourse course;
    private final Map<String, double[]> columns = new HashMap<>();
    private final Map<String, Double> peaks = new HashMap<>();

    private ResultColours(TimeCourse course) {
        this.course = course;
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
        }
    }

    /**
     * Simulates a copy of the document from its initial state to {@code tEnd} and reports every
     * species at {@code points + 1} equally spaced times.
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
        List<Output> outs = m.speciesIds().stream().map(Output::of).toList();
        return new ResultColours(m.newSimulation().run(times, outs, SolverOptions.defaults(), monitor::isCanceled));
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
            if (c != null) {
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

    /** @return the colour of a fraction between 0 and 1 */
    public static Color colour(double f) {
        double t = Math.max(0, Math.min(1, f));
        return new Color((int) Math.round(LOW.getRed() + t * (HIGH.getRed() - LOW.getRed())),
                (int) Math.round(LOW.getGreen() + t * (HIGH.getGreen() - LOW.getGreen())),
                (int) Math.round(LOW.getBlue() + t * (HIGH.getBlue() - LOW.getBlue())));
    }
}
