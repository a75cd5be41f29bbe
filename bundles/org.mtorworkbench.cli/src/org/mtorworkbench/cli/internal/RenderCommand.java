package org.mtorworkbench.cli.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.mtorworkbench.cli.Command;
import org.mtorworkbench.cli.CommandException;
import org.mtorworkbench.cli.CommandIO;
import org.mtorworkbench.cli.ExitCode;
import org.mtorworkbench.diagram.AutoLayout;
import org.mtorworkbench.diagram.AutoLayoutOptions;
import org.mtorworkbench.diagram.Diagram;
import org.mtorworkbench.diagram.DiagramExport;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.ext.layout.Layout;

/** {@code render MODEL --out FILE.svg|FILE.png [--layout ID]}: draws a model's diagram without a display. */
final class RenderCommand implements Command {

    /** Pixels per layout unit in PNG files. */
    static final double PNG_SCALE = 2;

    @Override
    public String name() {
        return "render";
    }

    @Override
    public String synopsis() {
        return "render MODEL --out FILE.svg|FILE.png [--layout ID]";
    }

    @Override
    public String summary() {
        return "draw a model's pathway diagram (SBGN glyphs) to SVG or PNG";
    }

    @Override
    public String help() {
        return "Draws the model's SBML Layout with SBGN Process Description glyphs chosen from SBO terms\n"
                + "(macromolecule, simple chemical, complex, phenotype, source/sink, compartment; process\n"
                + "nodes with consumption, production, stimulation, catalysis and inhibition arcs) and the\n"
                + "colours of its render information, exactly as the workbench's pathway editor shows it.\n"
                + "The file's extension chooses the format: .svg (vector) or .png (2 pixels per layout unit,\n"
                + "at most 8000 pixels a side). No display is needed.\n"
                + "  --out FILE    the file to write (required)\n"
                + "  --layout ID   the layout to draw, when the model has several (default: the first)\n"
                + "A model without a layout is laid out automatically (ELK layered, top to bottom); the\n"
                + "model file itself is not changed.\n"
                + "Exit codes: 2 bad usage, unknown layout id or unwritable output; 4 unreadable model file.";
    }

    @Override
    public ExitCode run(List<String> args, CommandIO io) throws CommandException {
        String out = null;
        String layoutId = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ("--out".equals(a) || "--layout".equals(a)) {
                if (i + 1 >= args.size()) {
                    throw CommandException.usage("option " + a + " needs a value");
                }
                String v = args.get(++i);
                if ("--out".equals(a)) {
                    out = v;
                } else {
                    layoutId = v;
                }
            } else {
                rest.add(a);
            }
        }
        String model = Args.positionals(rest, "MODEL").get(0);
        if (out == null) {
            throw CommandException.usage("missing option --out FILE.svg|FILE.png");
        }
        Path file = io.resolve(out);
        if (DiagramExport.Format.ofFile(file) == null) {
            throw CommandException.usage("--out " + out + ": the file name must end in .svg or .png");
        }
        SBMLDocument doc = Models.open(model, io);
        if (doc.getModel() == null) {
            throw new CommandException(ExitCode.BAD_INPUT, Models.describe(model, io) + ": the document has no model to draw");
        }
        Layout layout;
        if (layoutId != null) {
            Optional<Layout> found = AutoLayout.find(doc.getModel(), layoutId);
            if (found.isEmpty()) {
                List<String> ids = AutoLayout.layouts(doc.getModel()).stream().map(Layout::getId).toList();
                throw CommandException.usage(Models.describe(model, io) + " has no layout '" + layoutId + "'; "
                        + (ids.isEmpty() ? "it has no layout at all: leave out --layout to lay it out automatically"
                                : "its layouts: " + String.join(", ", ids)));
            }
            layout = found.get();
        } else {
            boolean had = !AutoLayout.layouts(doc.getModel()).isEmpty();
            layout = AutoLayout.firstOrCreate(doc, AutoLayoutOptions.DEFAULTS);
            if (!had) {
                io.err().println("mtorwb render: " + Models.describe(model, io)
                        + " has no layout; laid it out automatically (ELK layered)");
            }
        }
        Diagram diagram = Diagram.of(layout);
        try {
            DiagramExport.write(diagram, file, PNG_SCALE);
        } catch (IOException e) {
            throw CommandException.usage("--out " + file + ": cannot write the file (" + e.getMessage()
                    + "); choose a writable location");
        }
        io.err().println("mtorwb render: wrote " + file + " (layout " + layout.getId() + ": " + diagram.nodes().size()
                + " nodes, " + diagram.arcs().size() + " arcs)");
        return ExitCode.OK;
    }
}
