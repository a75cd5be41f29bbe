package org.mtorworkbench.cli.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

import org.mtorworkbench.cli.Command;
import org.mtorworkbench.cli.CommandException;
import org.mtorworkbench.cli.CommandIO;
import org.mtorworkbench.cli.ExitCode;
import org.mtorworkbench.network.CellContext;
import org.mtorworkbench.network.CellContexts;
import org.mtorworkbench.network.Drug;
import org.mtorworkbench.network.DrugCatalogue;
import org.mtorworkbench.network.extension.Contributions;
import org.mtorworkbench.sbml.NumberText;

/** {@code drugs} and {@code contexts}: the catalogue of the built-in network, as CSV. */
final class CatalogueCommands {

    private CatalogueCommands() {
    }

    /** Quotes a CSV field when it needs it. */
    static String csv(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    static final class Drugs implements Command {
        @Override
        public String name() {
            return "drugs";
        }

        @Override
        public String synopsis() {
            return "drugs";
        }

        @Override
        public String summary() {
            return "list the drug catalogue: targets, mechanism, potency with sources";
        }

        @Override
        public String help() {
            return "Prints the drug catalogue of the built-in network as CSV with the columns\n"
                    + "id,name,mechanism,targets,potency,review_section,model_effect. 'potency' lists the\n"
                    + "published values with assay and source ('n/f' when none was found); 'model_effect'\n"
                    + "says which model parameter a dose acts on and with which potency, and on what basis.";
        }

        @Override
        public ExitCode run(List<String> args, CommandIO io) throws CommandException {
            Args.positionals(args);
            PrintStream out = io.out();
            out.println("id,name,mechanism,targets,potency,review_section,model_effect");
            for (Drug d : Contributions.drugs().drugs()) {
                String potency = d.potencies().isEmpty() ? "n/f"
                        : d.potencies().stream().map(p -> p.kind() + " " + fmt(p.valueNm()) + " nM on " + p.target()
                                + " (" + p.assay() + "; " + p.source() + ")").collect(Collectors.joining("; "));
                String effects = d.effects().stream().map(e -> e.parameter() + (e.kind() == Drug.Effect.Kind.INHIBITION
                        ? " IC50 " + fmt(e.potencyNm()) + " nM" + (e.maximum() < 1 ? " max " + fmt(e.maximum()) : "")
                        : " += dose x " + fmt(e.potencyNm())) + " [" + e.basis() + "]").collect(Collectors.joining("; "));
                out.println(String.join(",", csv(d.id()), csv(d.name()), csv(d.mechanism().description()),
                        csv(String.join("; ", d.targets())), csv(potency), csv(d.reviewSection()), csv(effects)));
            }
            return ExitCode.OK;
        }
    }

    static final class Contexts implements Command {
        @Override
        public String name() {
            return "contexts";
        }

        @Override
        public String synopsis() {
            return "contexts";
        }

        @Override
        public String summary() {
            return "list the cell contexts (genotypes) of the built-in network";
        }

        @Override
        public String help() {
            return "Prints the cell contexts as CSV with the columns id,name,description,review_section,changes;\n"
                    + "'changes' lists the parameters and initial values the context sets.";
        }

        @Override
        public ExitCode run(List<String> args, CommandIO io) throws CommandException {
            Args.positionals(args);
            PrintStream out = io.out();
            out.println("id,name,description,review_section,changes");
            for (CellContext c : Contributions.contexts().contexts()) {
                StringBuilder ch = new StringBuilder();
                c.changes().parameters().forEach((k, v) -> ch.append(ch.length() > 0 ? "; " : "").append(k).append('=')
                        .append(fmt(v)));
                c.changes().initialValues().forEach((k, v) -> ch.append(ch.length() > 0 ? "; " : "").append(k)
                        .append("(0)=").append(fmt(v)));
                c.changes().knockouts().forEach(k -> ch.append(ch.length() > 0 ? "; " : "").append(k).append("=0 held"));
                out.println(String.join(",", csv(c.id()), csv(c.name()), csv(c.description()), csv(c.reviewSection()),
                        csv(ch.length() == 0 ? "none" : ch.toString())));
            }
            return ExitCode.OK;
        }
    }

    static String fmt(double v) {
        return NumberText.format(v);
    }
}
