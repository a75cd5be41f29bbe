package org.mtorworkbench.cli.internal;

import java.io.PrintStream;
import java.util.List;

import org.mtorworkbench.cli.Command;
import org.mtorworkbench.cli.CommandException;
import org.mtorworkbench.cli.CommandIO;
import org.mtorworkbench.cli.ExitCode;
import org.mtorworkbench.sbml.ModelSummary;
import org.sbml.jsbml.SBMLDocument;

/** {@code info MODEL}: what a model is made of. */
final class InfoCommand implements Command {

    @Override
    public String name() {
        return "info";
    }

    @Override
    public String synopsis() {
        return "info MODEL";
    }

    @Override
    public String summary() {
        return "print a model's SBML level/version, id and element counts";
    }

    @Override
    public String help() {
        return "Reads an SBML file of any level and version (or builtin:mtor) and prints, one 'key: value' per line:\n"
                + "the file, SBML level and version, model id and name, the counts of compartments,\n"
                + "species, reactions, parameters, rules, events, function definitions and initial\n"
                + "assignments, the SBML packages used, whether the model has a layout (the L3 package,\n"
                + "the L2 annotation, or a CellDesigner diagram turned into one), and per layout its glyphs.\n"
                + "Exit code 4 if the file cannot be read as SBML (the message names file, line, column).";
    }

    @Override
    public ExitCode run(List<String> args, CommandIO io) throws CommandException {
        String arg = Args.positionals(args, "MODEL").get(0);
        SBMLDocument doc = Models.open(arg, io);
        print(Models.describe(arg, io), ModelSummary.of(doc), io.out());
        printLayouts(doc, io.out());
        return ExitCode.OK;
    }

    /** One line per layout: its id and glyph counts. */
    static void printLayouts(SBMLDocument doc, PrintStream out) {
        if (doc.getModel() != null
                && doc.getModel().getExtension("layout") instanceof org.sbml.jsbml.ext.layout.LayoutModelPlugin p) {
            for (org.sbml.jsbml.ext.layout.Layout l : p.getListOfLayouts()) {
                out.println("layout " + l.getId() + ": " + l.getCompartmentGlyphCount() + " compartment, "
                        + l.getSpeciesGlyphCount() + " species, " + l.getReactionGlyphCount() + " reaction, "
                        + l.getTextGlyphCount() + " text glyphs");
            }
        }
    }

    static void print(String file, ModelSummary s, PrintStream out) {
        out.println("file: " + file);
        out.println("sbml: level " + s.level() + " version " + s.version());
        out.println("model id: " + s.modelId());
        out.println("model name: " + s.modelName());
        out.println("compartments: " + s.compartments());
        out.println("species: " + s.species());
        out.println("reactions: " + s.reactions());
        out.println("parameters: " + s.parameters());
        out.println("rules: " + s.rules());
        out.println("events: " + s.events());
        out.println("function definitions: " + s.functionDefinitions());
        out.println("initial assignments: " + s.initialAssignments());
        out.println("packages: " + (s.packages().isEmpty() ? "none" : String.join(", ", s.packages())));
        out.println("layout: " + (s.hasLayout() ? "yes" : "no"));
    }
}
