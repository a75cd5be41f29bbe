package org.mtorworkbench.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.mtorworkbench.cli.Command;
import org.mtorworkbench.cli.CommandException;
import org.mtorworkbench.cli.CommandIO;
import org.mtorworkbench.cli.ExitCode;
import org.mtorworkbench.sbml.SbmlException;
import org.mtorworkbench.sbml.SbmlWriter;
import org.mtorworkbench.sbml.extension.ModelFormat;
import org.mtorworkbench.sbml.extension.ModelFormats;
import org.sbml.jsbml.SBMLDocument;

/** {@code convert MODEL --to LEVEL --out FILE}: writes a model in another SBML level and version. */
final class ConvertCommand implements Command {

    @Override
    public String name() {
        return "convert";
    }

    @Override
    public String synopsis() {
        return "convert MODEL --to l2v4|l3v1|l3v2|celldesigner|FORMAT --out FILE";
    }

    @Override
    public String summary() {
        return "write a model as SBML L2V4, L3V1 or L3V2, refusing what the target cannot express";
    }

    @Override
    public String help() {
        return "Reads MODEL (any SBML level and version) and writes it as the chosen level and version.\n"
                + "Notes, annotations (MIRIAM, COPASI, CellDesigner, other tools'), SBO terms and the layout\n"
                + "travel with it: the layout is written as the L3 Layout package for l3v1/l3v2 and as the\n"
                + "L2 layout annotation COPASI reads for l2v4. A CellDesigner diagram becomes an SBML layout.\n"
                + "--to celldesigner writes L2V4 with CellDesigner 4 annotations: compartment and species\n"
                + "aliases at the layout's positions (species without one on a grid below), reactions with\n"
                + "their base reactants, products and modifiers; a CellDesigner diagram already present is kept.\n"
                + "FORMAT may also be the id of a model format an installed bundle contributes; the\n"
                + "formats in use now are listed below.\n"
                + "Converting down refuses (exit code 3) when the target cannot express something, and lists\n"
                + "every element and construct at fault; nothing is written then. The save is atomic: a\n"
                + "failed save leaves an existing FILE as it was. --out - writes to standard output.\n"
                + "Exit codes: 0 written, 2 bad usage, 3 not expressible in the target, 4 unreadable input\n"
                + "or unwritable output.\n"
                + "Formats:\n" + formats();
    }

    /** The model formats of the active bundles, a line each. */
    static String formats() {
        StringBuilder b = new StringBuilder();
        for (ModelFormat f : ModelFormats.all()) {
            String reads = f.readExtensions().isEmpty() ? "" : "reads " + String.join(" ", f.readExtensions());
            String writes = f.canWrite() ? "--to " + f.id() : "";
            b.append(String.format("  %-14s %-22s %s%n", f.id(), (writes + (reads.isEmpty() || writes.isEmpty()
                    ? "" : "; ") + reads), f.description()));
        }
        return b.toString().stripTrailing();
    }

    @Override
    public ExitCode run(List<String> args, CommandIO io) throws CommandException {
        String to = null;
        String out = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ("--to".equals(a) || "--out".equals(a)) {
                if (i + 1 >= args.size()) {
                    throw CommandException.usage("option " + a + " needs a value");
                }
                if ("--to".equals(a)) {
                    to = args.get(++i);
                } else {
                    out = args.get(++i);
                }
            } else {
                rest.add(a);
            }
        }
        String in = Args.positionals(rest, "MODEL").get(0);
        if (to == null) {
            throw CommandException.usage("missing option --to " + String.join("|", ModelFormats.writerIds()));
        }
        String target = to;
        ModelFormat format = ModelFormats.byId(to).filter(ModelFormat::canWrite).orElseThrow(() -> CommandException
                .usage("unknown target '" + target + "'; use one of " + String.join(", ", ModelFormats.writerIds())));
        if (out == null) {
            throw CommandException.usage("missing option --out FILE (or --out - for standard output)");
        }
        String file = Models.describe(in, io);
        SBMLDocument doc = Models.openAsFile(in, io);
        try {
            if ("-".equals(out)) {
                io.out().write(format.write(doc, file));
                io.out().flush();
            } else {
                Path dest = io.resolve(out);
                // Problems with the model name the input file; problems saving name the output.
                SbmlWriter.writeAtomically(format.write(doc, file), dest);
                io.err().println("mtorwb convert: wrote " + dest + " (" + format.description() + ")");
            }
        } catch (SbmlException e) {
            throw new CommandException(e.kind() == SbmlException.Kind.UNSUPPORTED ? ExitCode.UNSUPPORTED
                    : ExitCode.BAD_INPUT, e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new CommandException(ExitCode.BAD_INPUT, "cannot write to standard output: " + e.getMessage(), e);
        }
        return ExitCode.OK;
    }
}
