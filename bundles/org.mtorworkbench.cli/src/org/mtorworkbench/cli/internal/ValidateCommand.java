package org.mtorworkbench.cli.internal;

import java.nio.file.Path;
import java.util.List;

import org.mtorworkbench.cli.Command;
import org.mtorworkbench.cli.CommandException;
import org.mtorworkbench.cli.CommandIO;
import org.mtorworkbench.cli.ExitCode;
import org.mtorworkbench.sbml.SbmlException;
import org.mtorworkbench.sbml.SbmlProblem;
import org.mtorworkbench.sbml.SbmlReader;
import org.mtorworkbench.sbml.SbmlValidator;

/** {@code validate MODEL}: lists a model's problems. */
final class ValidateCommand implements Command {

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String synopsis() {
        return "validate MODEL";
    }

    @Override
    public String summary() {
        return "list a model's problems (severity, element id, line, message)";
    }

    @Override
    public String help() {
        return "Checks MODEL with JSBML's offline consistency checks (unit consistency and modelling\n"
                + "practice left out) and the workbench's own: undefined symbols in math, species in missing\n"
                + "compartments, duplicate ids, reactions without kinetics (warning), non-finite values.\n"
                + "Prints CSV on standard output: severity,id,line,message (errors first), and a summary on\n"
                + "standard error. Exit codes: 0 no errors (warnings allowed), 1 errors found, 4 the file\n"
                + "cannot be read as SBML.";
    }

    @Override
    public ExitCode run(List<String> args, CommandIO io) throws CommandException {
        String model = Args.positionals(args, "MODEL").get(0);
        String file = Models.describe(model, io);
        List<SbmlProblem> problems = new SbmlValidator().validate(Models.openAsFile(model, io));
        io.out().println("severity,id,line,message");
        for (SbmlProblem p : problems) {
            io.out().println(p.toCsv());
        }
        io.out().flush();
        long errors = problems.stream().filter(p -> p.severity() == SbmlProblem.Severity.ERROR).count();
        long warnings = problems.stream().filter(p -> p.severity() == SbmlProblem.Severity.WARNING).count();
        io.err().println("mtorwb validate: " + file + ": " + errors + (errors == 1 ? " error, " : " errors, ") + warnings
                + (warnings == 1 ? " warning" : " warnings"));
        return errors > 0 ? ExitCode.PROBLEMS_FOUND : ExitCode.OK;
    }
}
