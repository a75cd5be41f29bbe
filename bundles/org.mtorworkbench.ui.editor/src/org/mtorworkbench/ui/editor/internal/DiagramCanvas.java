package org.mtorworkbench.ui.editor.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ScrollBar;
import org.mtorworkbench.diagram.Diagram;
import org.mtorworkbench.diagram.ArcFigure;
import org.mtorworkbench.diagram.DiagramPainter;
import org.mtorworkbench.diagram.GlyphKind;
import org.mtorworkbench.diagram.NodeFigure;
import org.mtorworkbench.ui.editor.PaletteEntry;

/**
 * Shows a {@link Diagram} on an SWT canvas. {@link DiagramPainter} paints the visible part
 * with Java2D into an image whose pixels are handed to SWT: the same picture, fonts and
 * antialiasing as the SVG and PNG exports. Zoom (10% to 800%, fit to window), scrolling, selection by click,
 * Ctrl+click and marquee, and dragging of selected nodes, which is reported to a move
 * handler rather than applied here: the canvas never changes the model.
 */
public final class DiagramCanvas extends Canvas {

    /** Smallest zoom. */
    public static final double MIN_ZOOM = 0.1;
    /** Largest zoom. */
    public static final double MAX_ZOOM = 8;
    /** Space around the diagram, in layout units. */
    static final double MARGIN = 40;

    /** Receives a finished drag: the ids moved and the offset in layout units. */
    public interface MoveHandler {
        void moved(Set<String> ids, double dx, double dy);
    }

    /** Receives a finished resize of one glyph: its new size in layout units. */
    public interface ResizeHandler {
        void resized(String id, double width, double height);
    }

    /** Receives a click of a palette tool that places a node. */
    public interface PlaceHandler {
        void place(PaletteEntry entry, double x, double y);
    }

    /**
     * Receives the two clicks of a palette tool that connects: the node ids clicked (null for
     * the background) and the points.
     */
    public interface ConnectHandler {
        void connect(PaletteEntry entry, String first, double[] firstPoint, String second, double[] secondPoint);
    }

    /** Severity of a problem decoration on a glyph. */
    public enum Decoration {
        /** A warning: an orange badge. */
        WARNING,
        /** An error: a red badge. */
        ERROR
    }

    /**
     * A colour scale drawn in the corner of the canvas.
     *
     * @param arcs how arcs are styled, as a second scale (a line growing from thin and pale to
     *        thick and dark), or null for none
     */
    public record Legend(String title, Color low, Color high, String lowText, String highText, ArcLegend arcs) {

        /** A legend of node fills only. */
        public Legend(String title, Color low, Color high, String lowText, String highText) {
            this(title, low, high, lowText, highText, null);
        }
    }

    /** The arc part of a {@link Legend}: the title and the two ends of the scale. */
    public record ArcLegend(String title, ArcStyle low, ArcStyle high, String lowText, String highText) {
    }

    /** An arc's colour and width (layout units) replacing its own, for result colouring. */
    public record ArcStyle(Color stroke, float width) {
    }

    private Diagram diagram = new Diagram("", List.of(), List.of());
    private Diagram painted;
    private Map<String, Color> fills = Map.of();
    private Map<String, ArcStyle> arcStyles = Map.of();
    private Map<String, Decoration> decorations = Map.of();
    private Legend legend;
    private PaletteEntry tool;
    private final List<Consumer<PaletteEntry>> toolListeners = new ArrayList<>();
    private String connectFrom;
    private double[] connectFromPoint;
    private ResizeHandler resizeHandler = (id, w, h) -> { };
    private PlaceHandler placeHandler = (e, x, y) -> { };
    private ConnectHandler connectHandler = (e, a, pa, b, pb) -> { };
    private Consumer<String> renameHandler = id -> { };
    private String resizing;
    private double zoom = 1;
    private final Set<String> selection = new LinkedHashSet<>();
    private final List<Consumer<Set<String>>> selectionListeners = new ArrayList<>();
    private MoveHandler moveHandler = (ids, dx, dy) -> { };
    private BufferedImage buffer;
    private long lastFrameNanos;
    private int frames;

    private Point pressAt;
    private double[] pressLayout;
    private boolean dragging;
    private boolean marquee;
    private Point mouseAt;

    public DiagramCanvas(Composite parent) {
        super(parent, SWT.H_SCROLL | SWT.V_SCROLL | SWT.NO_BACKGROUND | SWT.DOUBLE_BUFFERED);
        addListener(SWT.Paint, this::paint);
        addListener(SWT.Resize, e -> updateScrollBars());
        getHorizontalBar().addListener(SWT.Selection, e -> redraw());
        getVerticalBar().addListener(SWT.Selection, e -> redraw());
        addListener(SWT.MouseDown, this::mouseDown);
        addListener(SWT.MouseMove, this::mouseMove);
        addListener(SWT.MouseUp, this::mouseUp);
        addListener(SWT.MouseDoubleClick, this::doubleClick);
        addListener(SWT.MouseVerticalWheel, this::wheel);
        addListener(SWT.KeyDown, this::key);
        addListener(SWT.Dispose, e -> buffer = null);
    }

    /** Shows another diagram (after the layout changed), keeping zoom, scroll position and the selection that still exists. */
    public void setDiagram(Diagram d) {
        checkWidget();
        this.diagram = d;
        this.painted = null;
        boolean changed = selection.removeIf(id -> d.node(id).isEmpty() && d.arc(id).isEmpty());
        updateScrollBars();
        redraw();
        if (changed) {
            fireSelection();
        }
    }

    /** @return the diagram shown */
    public Diagram getDiagram() {
        return diagram;
    }

    /** @param h receives finished drags */
    public void setMoveHandler(MoveHandler h) {
        this.moveHandler = h;
    }

    /** @param h receives finished resizes */
    public void setResizeHandler(ResizeHandler h) {
        this.resizeHandler = h;
    }

    /** @param h receives the clicks of tools that place a node */
    public void setPlaceHandler(PlaceHandler h) {
        this.placeHandler = h;
    }

    /** @param h receives the two clicks of tools that connect */
    public void setConnectHandler(ConnectHandler h) {
        this.connectHandler = h;
    }

    /** @param h called with a node id when its label is double-clicked */
    public void setRenameHandler(Consumer<String> h) {
        this.renameHandler = h;
    }

    /** @return the palette tool in use, or null for selection */
    public PaletteEntry getTool() {
        return tool;
    }

    /** Picks a palette tool (null for selection); a connection begun with the old tool is dropped. */
    public void setTool(PaletteEntry entry) {
        this.tool = entry;
        connectFrom = null;
        connectFromPoint = null;
        setCursor(getDisplay().getSystemCursor(entry == null ? SWT.CURSOR_ARROW : SWT.CURSOR_CROSS));
        toolListeners.forEach(l -> l.accept(entry));
        redraw();
    }

    /** @param l called with the tool whenever it changes */
    public void addToolListener(Consumer<PaletteEntry> l) {
        toolListeners.add(l);
    }

    /** @return true while a connecting tool waits for its second click */
    public boolean isConnecting() {
        return connectFromPoint != null;
    }

    /** Fills nodes with other colours (by node id), for result colouring; an empty map restores the diagram's own. */
    public void setFills(Map<String, Color> byNode) {
        this.fills = Map.copyOf(byNode);
        this.painted = null;
        redraw();
    }

    /** @return the fill overrides in use */
    public Map<String, Color> getFills() {
        return fills;
    }

    /** Restyles arcs (by arc id), for result colouring; an empty map restores the diagram's own. */
    public void setArcStyles(Map<String, ArcStyle> byArc) {
        this.arcStyles = Map.copyOf(byArc);
        this.painted = null;
        redraw();
    }

    /** @return the arc style overrides in use */
    public Map<String, ArcStyle> getArcStyles() {
        return arcStyles;
    }

    /** Shows problem badges on nodes and arcs (by figure id). */
    public void setDecorations(Map<String, Decoration> byFigure) {
        this.decorations = Map.copyOf(byFigure);
        redraw();
    }

    /** @return the problem badges shown */
    public Map<String, Decoration> getDecorations() {
        return decorations;
    }

    /** Shows a colour legend in the lower left corner, or none for null. */
    public void setLegend(Legend l) {
        this.legend = l;
        redraw();
    }

    /** @return the legend shown, or null */
    public Legend getLegend() {
        return legend;
    }

    /**
     * Opens a text field over a node to edit its label; Enter commits, Escape or leaving the
     * field cancels.
     */
    public void editLabel(String nodeId, String text, Consumer<String> commit) {
        NodeFigure n = diagram.node(nodeId).orElse(null);
        if (n == null) {
            return;
        }
        Point tl = toCanvas(n.x(), n.y());
        Point br = toCanvas(n.x() + n.width(), n.y() + n.height());
        org.eclipse.swt.widgets.Text field = new org.eclipse.swt.widgets.Text(this, SWT.BORDER | SWT.SINGLE | SWT.CENTER);
        field.setText(text);
        int h = Math.max(field.computeSize(SWT.DEFAULT, SWT.DEFAULT).y, br.y - tl.y);
        field.setBounds(tl.x, tl.y + (br.y - tl.y - h) / 2, Math.max(80, br.x - tl.x), h);
        field.selectAll();
        field.setFocus();
        boolean[] done = { false };
        field.addListener(SWT.DefaultSelection, e -> {
            if (!done[0]) {
                done[0] = true;
                String v = field.getText();
                field.dispose();
                commit.accept(v);
            }
        });
        field.addListener(SWT.Traverse, e -> {
            if (e.detail == SWT.TRAVERSE_ESCAPE) {
                done[0] = true;
                e.doit = false;
                field.dispose();
            }
        });
        field.addListener(SWT.FocusOut, e -> {
            if (!done[0]) {
                done[0] = true;
                getDisplay().asyncExec(() -> {
                    if (!field.isDisposed()) {
                        field.dispose();
                    }
                });
            }
        });
    }

    /** @param l called with the new selection whenever it changes */
    public void addSelectionListener(Consumer<Set<String>> l) {
        selectionListeners.add(l);
    }

    /** @return a copy of the selected figure ids */
    public Set<String> getSelection() {
        return Set.copyOf(selection);
    }

    /** Selects these figures (unknown ids are ignored) and scrolls the first into view. */
    public void setSelection(Set<String> ids) {
        selection.clear();
        for (String id : ids) {
            if (diagram.node(id).isPresent() || diagram.arc(id).isPresent()) {
                selection.add(id);
            }
        }
        if (!selection.isEmpty()) {
            diagram.node(selection.iterator().next()).ifPresent(this::reveal);
        }
        redraw();
        fireSelection();
    }

    private void fireSelection() {
        Set<String> s = getSelection();
        selectionListeners.forEach(l -> l.accept(s));
    }

    /** @return the zoom factor (1 = 100%) */
    public double getZoom() {
        return zoom;
    }

    /** Sets the zoom, clamped to 10%-800%, keeping the centre of the view in place. */
    public void setZoom(double z) {
        Rectangle ca = getClientArea();
        zoomAround(z, ca.width / 2, ca.height / 2);
    }

    /** Zooms so the whole diagram fits the window (never above 100%). */
    public void fit() {
        Rectangle ca = getClientArea();
        Rectangle2D w = world();
        if (ca.width <= 0 || ca.height <= 0 || w.getWidth() <= 0) {
            return;
        }
        double z = Math.min(1, Math.min(ca.width / w.getWidth(), ca.height / w.getHeight()));
        zoom = clamp(z);
        updateScrollBars();
        getHorizontalBar().setSelection(0);
        getVerticalBar().setSelection(0);
        redraw();
    }

    private static double clamp(double z) {
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));
    }

    private void zoomAround(double z, int sx, int sy) {
        double[] at = toLayout(sx, sy);
        zoom = clamp(z);
        updateScrollBars();
        Rectangle2D w = world();
        getHorizontalBar().setSelection((int) Math.round((at[0] - w.getX()) * zoom - sx));
        getVerticalBar().setSelection((int) Math.round((at[1] - w.getY()) * zoom - sy));
        redraw();
    }

    /** @return the milliseconds the last repaint took (painting and drawing on screen) */
    public double lastFrameMillis() {
        return lastFrameNanos / 1e6;
    }

    /** @return how many times the canvas has been painted */
    public int frameCount() {
        return frames;
    }

    /** The area scrolled over, in layout units: the diagram and the origin, with a margin. */
    private Rectangle2D world() {
        Rectangle2D b = diagram.bounds();
        b.add(0, 0);
        return new Rectangle2D.Double(b.getX() - MARGIN, b.getY() - MARGIN, b.getWidth() + 2 * MARGIN,
                b.getHeight() + 2 * MARGIN);
    }

    private void updateScrollBars() {
        Rectangle ca = getClientArea();
        Rectangle2D w = world();
        setBar(getHorizontalBar(), (int) Math.ceil(w.getWidth() * zoom), ca.width);
        setBar(getVerticalBar(), (int) Math.ceil(w.getHeight() * zoom), ca.height);
    }

    private static void setBar(ScrollBar bar, int content, int view) {
        int sel = bar.getSelection();
        bar.setMaximum(Math.max(content, 1));
        bar.setThumb(Math.max(1, Math.min(view, content)));
        bar.setPageIncrement(Math.max(1, view * 9 / 10));
        bar.setIncrement(20);
        bar.setSelection(Math.min(sel, Math.max(0, content - view)));
    }

    /** @return the layout coordinates of a point on the canvas */
    public double[] toLayout(int x, int y) {
        Rectangle2D w = world();
        return new double[] { (x + getHorizontalBar().getSelection()) / zoom + w.getX(),
                (y + getVerticalBar().getSelection()) / zoom + w.getY() };
    }

    /** @return the canvas coordinates of a layout point */
    public Point toCanvas(double lx, double ly) {
        Rectangle2D w = world();
        return new Point((int) Math.round((lx - w.getX()) * zoom - getHorizontalBar().getSelection()),
                (int) Math.round((ly - w.getY()) * zoom - getVerticalBar().getSelection()));
    }

    private void reveal(NodeFigure n) {
        Rectangle ca = getClientArea();
        Point p = toCanvas(n.centerX(), n.centerY());
        if (p.x < 0 || p.y < 0 || p.x > ca.width || p.y > ca.height) {
            getHorizontalBar().setSelection(getHorizontalBar().getSelection() + p.x - ca.width / 2);
            getVerticalBar().setSelection(getVerticalBar().getSelection() + p.y - ca.height / 2);
        }
    }

    private void paint(Event e) {
        long t0 = System.nanoTime();
        Rectangle ca = getClientArea();
        if (ca.width <= 0 || ca.height <= 0) {
            return;
        }
        if (buffer == null || buffer.getWidth() != ca.width || buffer.getHeight() != ca.height) {
            buffer = new BufferedImage(ca.width, ca.height, BufferedImage.TYPE_INT_RGB);
        }
        Graphics2D g = buffer.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, ca.width, ca.height);
            Rectangle2D w = world();
            g.translate(-getHorizontalBar().getSelection(), -getVerticalBar().getSelection());
            g.scale(zoom, zoom);
            g.translate(-w.getX(), -w.getY());
            double[] tl = toLayout(0, 0);
            double[] br = toLayout(ca.width, ca.height);
            DiagramPainter.paint(g, shown(), selection, new Rectangle2D.Double(tl[0], tl[1], br[0] - tl[0], br[1] - tl[1]));
            paintDecorations(g);
            paintFeedback(g);
            g.setTransform(new java.awt.geom.AffineTransform());
            paintLegend(g, ca.height);
        } finally {
            g.dispose();
        }
        Image image = new Image(getDisplay(), toImageData(buffer));
        try {
            e.gc.drawImage(image, 0, 0);
        } finally {
            image.dispose();
        }
        lastFrameNanos = System.nanoTime() - t0;
        frames++;
    }

    /** The pixels of an RGB image as SWT image data, copied row by row. */
    static ImageData toImageData(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] rgb = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        ImageData data = new ImageData(w, h, 32, new PaletteData(0xFF0000, 0xFF00, 0xFF));
        byte[] bytes = data.data;
        for (int y = 0; y < h; y++) {
            int row = y * data.bytesPerLine;
            int src = y * w;
            for (int x = 0; x < w; x++) {
                int p = rgb[src + x];
                int o = row + 4 * x;
                bytes[o] = 0;
                bytes[o + 1] = (byte) (p >> 16);
                bytes[o + 2] = (byte) (p >> 8);
                bytes[o + 3] = (byte) p;
            }
        }
        return data;
    }

    /** The diagram as painted: with the fill and arc style overrides applied. */
    Diagram shown() {
        if (fills.isEmpty() && arcStyles.isEmpty()) {
            return diagram;
        }
        if (painted == null) {
            List<NodeFigure> nodes = new ArrayList<>();
            for (NodeFigure n : diagram.nodes()) {
                Color c = fills.get(n.id());
                nodes.add(c == null ? n : new NodeFigure(n.id(), n.elementId(), n.kind(), n.x(), n.y(), n.width(), n.height(),
                        n.label(), c, n.stroke(), n.strokeWidth(), n.stateVariables(), n.multimer()));
            }
            List<ArcFigure> arcs = new ArrayList<>();
            for (ArcFigure a : diagram.arcs()) {
                ArcStyle st = arcStyles.get(a.id());
                arcs.add(st == null ? a : new ArcFigure(a.id(), a.processId(), a.nodeId(), a.kind(), a.points(), st.stroke(),
                        st.width()));
            }
            painted = new Diagram(diagram.layoutId(), nodes, arcs);
        }
        return painted;
    }

    private void paintDecorations(Graphics2D g) {
        double r = 7 / Math.max(zoom, 0.5);
        for (Map.Entry<String, Decoration> e : decorations.entrySet()) {
            double[] at = diagram.node(e.getKey()).map(n -> new double[] { n.x() + n.width(), n.y() })
                    .orElseGet(() -> diagram.arc(e.getKey()).map(a -> new double[] { a.bounds().getCenterX(),
                            a.bounds().getCenterY() }).orElse(null));
            if (at == null) {
                continue;
            }
            java.awt.geom.Ellipse2D badge = new java.awt.geom.Ellipse2D.Double(at[0] - r, at[1] - r, 2 * r, 2 * r);
            g.setColor(e.getValue() == Decoration.ERROR ? new Color(0xD32F2F) : new Color(0xF57C00));
            g.fill(badge);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke((float) (r / 3.5)));
            g.draw(new java.awt.geom.Line2D.Double(at[0], at[1] - r * 0.55, at[0], at[1] + r * 0.15));
            g.fill(new java.awt.geom.Ellipse2D.Double(at[0] - r * 0.15, at[1] + r * 0.35, r * 0.3, r * 0.3));
        }
    }

    private void paintLegend(Graphics2D g, int height) {
        if (legend == null) {
            return;
        }
        int x = 12;
        int w = 160;
        int y = height - 46;
        ArcLegend arcs = legend.arcs();
        if (arcs != null) {
            int ay = height - 46;
            y = ay - 60;
            g.setColor(new Color(255, 255, 255, 225));
            g.fillRect(x - 6, ay - 18, w + 12, 52);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 11));
            g.drawString(arcs.title(), x, ay - 5);
            int steps = 16;
            for (int i = 0; i < steps; i++) {
                double t = i / (double) (steps - 1);
                float wd = (float) (arcs.low().width() + t * (arcs.high().width() - arcs.low().width()));
                Color c = ResultColours.mix(arcs.low().stroke(), arcs.high().stroke(), t);
                g.setColor(c);
                g.setStroke(new BasicStroke(wd, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
                g.draw(new java.awt.geom.Line2D.Double(x + w * i / (double) steps, ay + 6, x + w * (i + 1) / (double) steps,
                        ay + 6));
            }
            g.setStroke(new BasicStroke(1));
            g.setColor(Color.DARK_GRAY);
            g.drawString(arcs.lowText(), x, ay + 26);
            g.drawString(arcs.highText(), x + w - g.getFontMetrics().stringWidth(arcs.highText()), ay + 26);
        }
        g.setColor(new Color(255, 255, 255, 225));
        g.fillRect(x - 6, y - 18, w + 12, 52);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 11));
        g.drawString(legend.title(), x, y - 5);
        g.setPaint(new java.awt.GradientPaint(x, 0, legend.low(), x + w, 0, legend.high()));
        g.fillRect(x, y, w, 12);
        g.setColor(Color.DARK_GRAY);
        g.drawRect(x, y, w, 12);
        g.drawString(legend.lowText(), x, y + 26);
        java.awt.FontMetrics fm = g.getFontMetrics();
        g.drawString(legend.highText(), x + w - fm.stringWidth(legend.highText()), y + 26);
    }

    private void paintFeedback(Graphics2D g) {
        if (connectFromPoint != null && mouseAt != null) {
            double[] now = toLayout(mouseAt.x, mouseAt.y);
            g.setColor(DiagramPainter.SELECTION);
            g.setStroke(new BasicStroke((float) (1.5 / zoom)));
            g.draw(new java.awt.geom.Line2D.Double(connectFromPoint[0], connectFromPoint[1], now[0], now[1]));
        }
        if (pressLayout == null || mouseAt == null) {
            return;
        }
        double[] now = toLayout(mouseAt.x, mouseAt.y);
        g.setColor(DiagramPainter.SELECTION);
        g.setStroke(new BasicStroke((float) (1 / zoom), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] { (float) (4 / zoom), (float) (3 / zoom) }, 0f));
        if (resizing != null) {
            diagram.node(resizing).ifPresent(n -> g.draw(new Rectangle2D.Double(n.x(), n.y(),
                    Math.max(ResizeOperation.MIN_SIDE, now[0] - n.x()), Math.max(ResizeOperation.MIN_SIDE, now[1] - n.y()))));
        } else if (dragging) {
            double dx = now[0] - pressLayout[0];
            double dy = now[1] - pressLayout[1];
            for (String id : selection) {
                diagram.node(id).ifPresent(n -> g.draw(n.translated(dx, dy).bounds()));
            }
        } else if (marquee) {
            g.draw(marqueeRect(now));
        }
    }

    private Rectangle2D marqueeRect(double[] now) {
        return new Rectangle2D.Double(Math.min(now[0], pressLayout[0]), Math.min(now[1], pressLayout[1]),
                Math.abs(now[0] - pressLayout[0]), Math.abs(now[1] - pressLayout[1]));
    }

    private void mouseDown(Event e) {
        if (e.button != 1) {
            return;
        }
        forceFocus();
        if (tool != null) {
            toolClick(toLayout(e.x, e.y));
            return;
        }
        pressAt = new Point(e.x, e.y);
        pressLayout = toLayout(e.x, e.y);
        mouseAt = pressAt;
        resizing = resizeHandleAt(pressLayout);
        if (resizing != null) {
            redraw();
            return;
        }
        String hit = diagram.hit(pressLayout[0], pressLayout[1], 4 / zoom).orElse(null);
        boolean toggle = (e.stateMask & SWT.MOD1) != 0;
        if (hit == null) {
            if (!toggle) {
                selection.clear();
            }
            marquee = true;
        } else if (toggle) {
            if (!selection.remove(hit)) {
                selection.add(hit);
            }
        } else if (!selection.contains(hit)) {
            selection.clear();
            selection.add(hit);
        }
        dragging = hit != null && !toggle && diagram.node(hit).isPresent();
        fireSelection();
        redraw();
    }

    /** The id of the one selected node whose lower right handle is at the point, or null. */
    private String resizeHandleAt(double[] p) {
        if (selection.size() != 1) {
            return null;
        }
        NodeFigure n = diagram.node(selection.iterator().next()).orElse(null);
        if (n == null || n.elementId() == null || n.kind() == GlyphKind.PROCESS) {
            return null;
        }
        double tol = Math.max(DiagramPainter.HANDLE / 2, 4 / zoom);
        return Math.abs(p[0] - (n.x() + n.width())) <= tol && Math.abs(p[1] - (n.y() + n.height())) <= tol ? n.id() : null;
    }

    /** A click with a palette tool: places a node, or is one end of a connection. */
    private void toolClick(double[] p) {
        PaletteEntry entry = tool;
        if (!entry.kind().connects()) {
            setTool(null);
            placeHandler.place(entry, p[0], p[1]);
            return;
        }
        String hit = diagram.hit(p[0], p[1], 4 / zoom).flatMap(diagram::node)
                .filter(n -> n.kind() != GlyphKind.COMPARTMENT && n.elementId() != null).map(NodeFigure::id).orElse(null);
        if (connectFromPoint == null) {
            connectFrom = hit;
            connectFromPoint = hit == null ? p : diagram.node(hit).map(n -> new double[] { n.centerX(), n.centerY() }).orElse(p);
            mouseAt = toCanvas(p[0], p[1]);
            redraw();
            return;
        }
        String first = connectFrom;
        double[] firstPoint = connectFromPoint;
        setTool(null);
        connectHandler.connect(entry, first, firstPoint, hit, p);
    }

    private void doubleClick(Event e) {
        if (e.button != 1 || tool != null) {
            return;
        }
        double[] p = toLayout(e.x, e.y);
        diagram.hit(p[0], p[1], 4 / zoom).flatMap(diagram::node).filter(n -> n.elementId() != null)
                .ifPresent(n -> renameHandler.accept(n.id()));
    }

    private void mouseMove(Event e) {
        if (connectFromPoint != null) {
            mouseAt = new Point(e.x, e.y);
            redraw();
            return;
        }
        if (pressAt != null) {
            mouseAt = new Point(e.x, e.y);
            redraw();
        }
    }

    private void mouseUp(Event e) {
        if (pressAt == null || e.button != 1) {
            return;
        }
        double[] now = toLayout(e.x, e.y);
        boolean movedEnough = Math.abs(e.x - pressAt.x) + Math.abs(e.y - pressAt.y) > 2;
        if (resizing != null && movedEnough) {
            String id = resizing;
            diagram.node(id).ifPresent(n -> resizeHandler.resized(id, now[0] - n.x(), now[1] - n.y()));
        } else if (dragging && movedEnough) {
            Set<String> ids = movable();
            if (!ids.isEmpty()) {
                moveHandler.moved(ids, now[0] - pressLayout[0], now[1] - pressLayout[1]);
            }
        } else if (marquee && movedEnough) {
            selection.addAll(diagram.nodesInside(marqueeRect(now)));
            fireSelection();
        }
        pressAt = null;
        pressLayout = null;
        mouseAt = null;
        dragging = false;
        marquee = false;
        resizing = null;
        redraw();
    }

    /** The selected nodes a drag moves, with the contents of selected compartments. */
    Set<String> movable() {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : selection) {
            diagram.node(id).filter(n -> n.elementId() != null || n.kind() == GlyphKind.PROCESS).ifPresent(n -> {
                ids.add(n.id());
                if (n.kind() == GlyphKind.COMPARTMENT) {
                    diagram.nodesInside(n.bounds()).stream()
                            .filter(c -> diagram.node(c).map(f -> f.kind() != GlyphKind.SOURCE_SINK || f.elementId() != null)
                                    .orElse(false))
                            .forEach(ids::add);
                }
            });
        }
        return ids;
    }

    private void wheel(Event e) {
        if ((e.stateMask & SWT.MOD1) != 0) {
            zoomAround(zoom * (e.count > 0 ? 1.2 : 1 / 1.2), e.x, e.y);
            e.doit = false;
        }
    }

    private void key(Event e) {
        if (e.keyCode == SWT.ESC && tool != null) {
            setTool(null);
        } else if ((e.stateMask & SWT.MOD1) != 0 && (e.character == '+' || e.character == '=')) {
            setZoom(zoom * 1.25);
        } else if ((e.stateMask & SWT.MOD1) != 0 && e.character == '-') {
            setZoom(zoom / 1.25);
        } else if ((e.stateMask & SWT.MOD1) != 0 && e.character == '0') {
            fit();
        }
    }
}
